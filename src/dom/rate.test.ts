// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { telemetryHub, type HubMessage } from '../telemetry/telemetry-hub.js';
import { trackForm } from '../telemetry/track-form.js';
import { rate } from './rate.js';

const messages: HubMessage[] = [];
telemetryHub().subscribe((m) => messages.push(m));
const rated = () => messages.flatMap((m) => (m.type === 'event' && m.event.name === 'satisfaction:rated' ? [m.event] : []));

beforeEach(() => {
  messages.length = 0;
});

describe('rate', () => {
  it('throws at once on a score that is not 1 to 5, saying what to do', () => {
    for (const score of [0, 6, 2.5, Number.NaN]) expect(() => rate(score)).toThrow(/^\[oncefill\] rate\(score\): score must be an integer from 1 to 5/);
  });

  it('records nothing when no form was filled in this tab', () => {
    sessionStorage.clear();
    expect(rate(3)).toBe(false);
    expect(rated()).toEqual([]);
  });

  it('rates the form open on the page, then the flow that ended', () => {
    sessionStorage.clear();
    const tracker = trackForm({ procedure: { code: '1.004616', version: '2025.1' } });
    expect(rate(2)).toBe(true);
    tracker.confirmed();
    expect(rate(5)).toBe(true);
    expect(rated()).toEqual([
      expect.objectContaining({ score: 2, after: 'open', flow: tracker.flow }),
      expect.objectContaining({ score: 5, after: 'confirmed', flow: tracker.flow }),
    ]);
  });
});
