import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { exampleBatch, exampleEvents } from './example-events.js';
import { EVENT_PAYLOADS, TELEMETRY_EVENT_NAMES, telemetryBatchSchema, telemetryEventSchemas } from './event-schemas.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateBatch = ajv.compile(telemetryBatchSchema);

type Node = Record<string, unknown>;

/** Every sub-schema with its JSON pointer. */
function* walk(schema: Node, path = '#'): Generator<[string, Node]> {
  yield [path, schema];
  for (const [key, value] of Object.entries(schema.properties ?? {})) yield* walk(value as Node, `${path}/properties/${key}`);
  if (typeof schema.additionalProperties === 'object') yield* walk(schema.additionalProperties as Node, `${path}/additionalProperties`);
  if (schema.propertyNames) yield* walk(schema.propertyNames as Node, `${path}/propertyNames`);
  if (schema.items) yield* walk(schema.items as Node, `${path}/items`);
  for (const [i, branch] of ((schema.oneOf as Node[]) ?? []).entries()) yield* walk(branch, `${path}/oneOf/${i}`);
}

describe('telemetry event schemas', () => {
  it('compile under ajv strict mode, batch and events alike', () => {
    for (const name of TELEMETRY_EVENT_NAMES) expect(() => ajv.compile(telemetryEventSchemas[name])).not.toThrow();
  });

  it('name events noun:verb, the same in the table, the schemas and the examples', () => {
    expect(TELEMETRY_EVENT_NAMES).toEqual(Object.keys(EVENT_PAYLOADS));
    for (const name of TELEMETRY_EVENT_NAMES) expect(name).toMatch(/^[a-z]+:[a-z]+$/);
    expect(exampleEvents().map((e) => e.name)).toEqual(TELEMETRY_EVENT_NAMES);
  });

  it('are closed: every object lists its properties or bounds its keys, every string is an enum or a short pattern', () => {
    const problems: string[] = [];
    for (const [path, node] of walk(telemetryBatchSchema as Node)) {
      if (node.type === 'object') {
        const closedRecord = node.additionalProperties === false && node.properties;
        const boundedMap = node.propertyNames && typeof node.maxProperties === 'number' && typeof node.additionalProperties === 'object';
        if (!closedRecord && !boundedMap) problems.push(`${path}: open object`);
      }
      if (node.type === 'string' && !node.enum && !(typeof node.pattern === 'string' && (node.pattern as string).startsWith('^') && (node.pattern as string).endsWith('$') && (node.maxLength as number) <= 200))
        problems.push(`${path}: free string`);
      if (node.type === undefined && !('const' in node) && !node.oneOf) problems.push(`${path}: untyped`);
    }
    expect(problems).toEqual([]);
  });

  it('accept one example of every event in a batch', () => {
    const ok = validateBatch(exampleBatch());
    expect(validateBatch.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('reject a property the schema does not list, at any depth', () => {
    const [opened, , , , , , , , , confirmed] = exampleEvents();
    expect(validateBatch({ ...exampleBatch(), events: [{ ...opened, fullName: 'Nguyễn Văn An' }] })).toBe(false);
    const c = confirmed as Extract<typeof confirmed, { name: 'submit:confirmed' }>;
    expect(validateBatch({ ...exampleBatch(), events: [{ ...c, timing: { ...c.timing, note: 'x' } }] })).toBe(false);
  });

  it.each([
    ['a name', 'Nguyễn Văn An'],
    ['a personal ID', '001203004567'],
    ['an e-mail address', 'an.tran@example.com'],
    ['a phone number', '0912 345 678'],
    ['an address', '12 Lê Lợi, Phường Bến Thành'],
  ])('reject %s where a field path goes', (_what, value) => {
    const kept = exampleEvents().find((e) => e.name === 'field:kept')!;
    expect(validateBatch({ ...exampleBatch(), events: [{ ...kept, field: value }] })).toBe(false);
    const failed = exampleEvents().find((e) => e.name === 'submit:failed')!;
    expect(validateBatch({ ...exampleBatch(), events: [{ ...failed, errors: { [value]: 1 } }] })).toBe(false);
  });

  it('accepts only a keyed hash as the dossier reference, never a dossier number', () => {
    const confirmed = exampleEvents().find((e) => e.name === 'submit:confirmed')!;
    for (const dossier of ['000.00.22.H56-250601-0001', 'H56250601000112345678', 'B5F0C1D2E3A4958677889900AABBCCDDEEFF00112233445566778899AABBCCDD'])
      expect(validateBatch({ ...exampleBatch(), events: [{ ...confirmed, dossier }] })).toBe(false);
    expect(validateBatch({ ...exampleBatch(), events: [{ ...confirmed, dossier: 'tV8kq3Zr1m0xYw2n5p7s9u4b6d8f0h2j4l6n8p0r2t4' }] })).toBe(true);
  });
});
