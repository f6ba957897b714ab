/**
 * Calendar dates never pass through `Date`, so the time zone of the machine cannot move a day.
 * vitest runs in one process with one zone: each zone gets its own `node` running the built
 * `oncefill/vn`, and every zone must print the same dates.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './bundle-size.js';

const ZONES = ['America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'UTC'];

const SCRIPT = `
import * as vn from ${JSON.stringify(`${ROOT}dist/vn/index.js`)};
const inputs = ['09/05/2001', '20010509', '09052001', '2001-05-09', '2001-05-09T00:00:00Z', '2001-05-09T00:00:00+07:00', '1962', '05/1962', '01/01/1970', '31/12/1969', '29/02/2024', '01/01/2000', 'ngày 31 tháng 12 năm 1999'];
const out = inputs.map((text) => {
  const parsed = vn.parseCalendarDate(text);
  return parsed.ok ? [text, vn.toIsoCalendarDate(parsed.date), vn.formatCalendarDate(parsed.date), vn.formatCalendarDate(parsed.date, 'input')] : [text, parsed.reason];
});
out.push(['id', vn.checkPersonalId('001090012345', { birthDate: '31/12/1990' }).mismatches]);
// The zone really differs between runs: the same instant has another local date.
out.push(['zone', new Date(Date.UTC(2001, 4, 9, 12)).getDate(), new Date(Date.UTC(2001, 4, 9, 12)).getTimezoneOffset()]);
console.log(JSON.stringify(out));
`;

function runIn(zone: string): Array<unknown[]> {
  const text = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
  return JSON.parse(text) as Array<unknown[]>;
}

describe('calendar dates under different time zones (built oncefill/vn)', () => {
  it('give identical dates in Los Angeles, Hồ Chí Minh City, Kiritimati and UTC', () => {
    const runs = ZONES.map(runIn);
    const zones = runs.map((r) => JSON.stringify(r.find((row) => row[0] === 'zone')));
    expect(new Set(zones).size).toBe(ZONES.length); // the zones took effect
    const dates = runs.map((r) => JSON.stringify(r.filter((row) => row[0] !== 'zone')));
    for (const d of dates) expect(d).toBe(dates[0]);
    const first = runs[0]!;
    expect(first[0]).toEqual(['09/05/2001', '2001-05-09', '09/05/2001', '2001-05-09']);
    expect(first).toContainEqual(['2001-05-09T00:00:00Z', '2001-05-09', '09/05/2001', '2001-05-09']);
    expect(first).toContainEqual(['31/12/1969', '1969-12-31', '31/12/1969', '1969-12-31']);
    expect(first).toContainEqual(['1962', '1962', '1962', null]);
  });
});
