import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { generateProtocolSchemas, PROTOCOL_SCHEMA_DIR } from '../../scripts/generate-protocol-schemas.js';
import { AJV_OPTIONS } from './json-validator.js';
import { protocolJsonSchemas } from './protocol-schemas.js';

describe('docs/protocol/*.schema.json', () => {
  it('are exactly what scripts/generate-protocol-schemas.ts writes, one per message', () => {
    const generated = generateProtocolSchemas();
    expect(readdirSync(PROTOCOL_SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, text] of Object.entries(generated)) expect(readFileSync(`${PROTOCOL_SCHEMA_DIR}${name}`, 'utf8'), name).toBe(text);
  });

  it('compile under ajv 2020 in strict mode (the gateway’s own options)', () => {
    const ajv = new Ajv2020({ ...AJV_OPTIONS });
    for (const schema of Object.values(protocolJsonSchemas)) expect(() => ajv.compile(schema)).not.toThrow();
  });

  const examples: Array<[schema: string, valid: boolean, message: unknown]> = [
    ['source-query.schema.json', true, { protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['fullName'], actingFor: { enterpriseCode: '0201234567' } }],
    ['source-query.schema.json', false, { protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['fullName'], personalId: '001190012345' }],
    ['source-query.schema.json', false, { protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: [] }],
    ['source-query.schema.json', false, { protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['a', 'a'] }],
    ['source-answer.schema.json', true, { protocol: 1, source: 'population', fingerprint: 'f', attributes: { fullName: { value: { family: 'A', middle: '', given: 'B' }, verification: 'verified' } } }],
    ['source-answer.schema.json', false, { protocol: 1, source: 'population', fingerprint: 'f', attributes: { fullName: { value: 'A', candidates: ['A'], verification: 'verified' } } }],
    ['error.schema.json', true, { protocol: 1, error: { code: 'challenge-required', message: 'x', challenge: { id: 'c1', channel: 'sms' } } }],
    ['error.schema.json', false, { protocol: 1, error: { code: 'challenge-required', message: 'x' } }],
    ['error.schema.json', false, { protocol: 1, error: { code: 'forbidden', message: 'x', consent: { source: 'personal', attributes: ['phone'] } } }],
    ['consent-answer.schema.json', true, { protocol: 1, token: 't', expiresAt: '2026-06-01T01:00:00.000Z' }],
    ['consent-answer.schema.json', false, { protocol: 1, token: 't', expiresAt: 'tomorrow' }],
  ];

  it.each(examples)('%s: valid=%s for a sample message', (name, valid, message) => {
    const validate = new Ajv2020({ ...AJV_OPTIONS }).compile(JSON.parse(readFileSync(`${PROTOCOL_SCHEMA_DIR}${name}`, 'utf8')) as object);
    expect(validate(message)).toBe(valid);
  });
});
