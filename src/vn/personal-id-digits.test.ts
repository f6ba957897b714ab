import { describe, expect, it } from 'vitest';
import { checkPersonalId } from './check-personal-id.js';
import { personalIdDigits } from './personal-id-digits.js';

describe('personalIdDigits', () => {
  it('agrees with checkPersonalId on every one of the 1000 three-digit prefixes', () => {
    for (let p = 0; p < 1000; p++) {
      const id = `${String(p).padStart(3, '0')}090012345`;
      const full = checkPersonalId(id);
      expect(personalIdDigits(id), id).toBe(full.ok ? full.value : undefined);
    }
  });

  it('reads IDs as people write them and refuses what is not one', () => {
    expect(personalIdDigits('001 090.012-345')).toBe('001090012345');
    for (const bad of ['', '123456789', '0010900123456', '00109001234x', 1234, null, '0'.repeat(100)]) expect(personalIdDigits(bad)).toBeUndefined();
  });
});
