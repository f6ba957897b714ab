import { describe, expect, it } from 'vitest';
import { PHONE_RENUMBERING, nationalPhone as fullNational, normalizePhone as full } from '../vn/normalize-phone.js';
import { nationalPhone as wire } from './wire-phone.js';

// What the register may hold, in the spellings the gateway's adapters read.
const written = [
  '0912345678', '+84 912 345 678', '0084-98-765-4321', '84387654321', '0(24) 3823 4567', '02363824567', '028.3829.1234',
  '0561234567', '0701234567', '0811234567', '0321234567',
  ...Object.keys(PHONE_RENUMBERING).map((old) => `${old}1234567`),
];

describe('the embed reads phones in their wire form (E.164) exactly as the full reader does', () => {
  it.each(written)('%s, once the gateway has written it as E.164', (text) => {
    const e164 = full(text);
    if (!e164.ok) throw new Error('the corpus holds only numbers the full normalizer reads');
    expect(wire(e164.e164)).toEqual(fullNational(e164.e164));
    expect(wire(e164.e164)).toEqual({ national: e164.national, landline: e164.kind === 'landline' });
  });

  it.each(['0912345678', '84912345678', '+84 912 345 678', '+8401681234567', '+849123456789', '+84112345678', '+1 415 555 0100', '', 12, null])(
    'refuses %j, which is not the wire form',
    (value) => {
      expect(wire(value)).toBeUndefined();
    },
  );
});
