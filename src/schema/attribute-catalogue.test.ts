import { describe, expect, it } from 'vitest';
import { attributeCatalogue, DOCUMENT_TYPES } from './attribute-catalogue.js';
import { ATTRIBUTE_TYPES, DOCUMENT_TYPE_IDS, lookupAttribute } from './attribute-types.js';
import { SOURCE_KINDS } from './format-constants.js';

describe('attribute catalogue', () => {
  it('labels exactly the attributes the compact type table has, with the same types', () => {
    for (const source of SOURCE_KINDS) {
      expect(Object.keys(attributeCatalogue[source]).sort()).toEqual(Object.keys(ATTRIBUTE_TYPES[source]).sort());
      for (const [id, spec] of Object.entries(attributeCatalogue[source])) {
        expect(`${spec.type}${spec.list ? '[]' : ''}`, `${source}.${id}`).toBe(ATTRIBUTE_TYPES[source][id]);
        expect(spec.label.vi.length).toBeGreaterThan(0);
        expect(spec.label.en?.length).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(DOCUMENT_TYPES).sort()).toEqual([...DOCUMENT_TYPE_IDS].sort());
  });

  it('holds the Luật Căn cước 2023 Điều 9 items 1–25 in the population source', () => {
    const items = new Set(Object.values(attributeCatalogue.population).map((s) => s.basis?.match(/Điều 9 k(\d+)/)?.[1]).filter(Boolean).map(Number));
    for (let k = 1; k <= 25; k++) expect(items.has(k), `Điều 9 k${k}`).toBe(true);
  });

  it('looks up dotted parts of compound attributes and refuses unknown ones', () => {
    expect(lookupAttribute('business', 'legalRepresentative.personalId')).toEqual({ type: 'personal-id', list: false, base: 'legalRepresentative', parts: ['personalId'] });
    expect(lookupAttribute('results', 'diploma.issueDate')).toMatchObject({ type: 'date', list: true });
    expect(lookupAttribute('population', 'fullName.given')).toMatchObject({ type: 'text' });
    expect(lookupAttribute('population', 'toString')).toBeUndefined();
    expect(lookupAttribute('population', '__proto__')).toBeUndefined();
    expect(lookupAttribute('population', 'birthDate.year')).toBeUndefined();
  });
});
