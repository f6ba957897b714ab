// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackForm } from '../telemetry/track-form.js';
import { bindRatingPrompt } from './bind-rating-prompt.js';
import { loadUi } from './load-ui.js';

const PROCEDURE = { code: '1.004616', version: '2025.1' };
let unbind: () => void = () => undefined;
const dialogs = () => document.querySelectorAll('[role="dialog"]');
/** The prompt's DOM loads on demand: let it arrive. */
const settled = async () => {
  await loadUi();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

beforeEach(() => {
  sessionStorage.clear();
  document.body.innerHTML = '';
});
afterEach(() => unbind());

describe('bindRatingPrompt', () => {
  it('asks once per flow, however many endings it has', async () => {
    unbind = bindRatingPrompt();
    const tracker = trackForm({ procedure: PROCEDURE });
    tracker.submitAttempted();
    tracker.submitFailed('server');
    await vi.waitFor(() => expect(dialogs()).toHaveLength(1));
    (document.querySelector('.oncefill-rating-close') as HTMLButtonElement).click();
    tracker.submitAttempted();
    tracker.confirmed();
    await settled();
    expect(dialogs()).toHaveLength(0);
  });

  it('shows only at the endings it is told to', async () => {
    unbind = bindRatingPrompt({ after: ['confirmed'] });
    const tracker = trackForm({ procedure: PROCEDURE });
    tracker.submitAttempted();
    tracker.submitFailed('network');
    await settled();
    expect(dialogs()).toHaveLength(0);
    tracker.confirmed();
    await vi.waitFor(() => expect(dialogs()).toHaveLength(1));
  });

  it('takes the portal words and leaves styling to the portal when unstyled', async () => {
    unbind = bindRatingPrompt({ unstyled: true, strings: { title: 'Đánh giá của bạn' } });
    trackForm({ procedure: PROCEDURE }).confirmed();
    await vi.waitFor(() => expect(dialogs()).toHaveLength(1));
    const dialog = dialogs()[0] as HTMLElement;
    expect(dialog.querySelector('h2')!.textContent).toBe('Đánh giá của bạn');
    expect([...dialog.querySelectorAll('*')].every((node) => !(node as HTMLElement).getAttribute('style'))).toBe(true);
    expect(dialog.className).toBe('oncefill-rating');
  });

  it('removes the prompt and stops listening when unbound', async () => {
    unbind = bindRatingPrompt();
    trackForm({ procedure: PROCEDURE }).confirmed();
    await vi.waitFor(() => expect(dialogs()).toHaveLength(1));
    unbind();
    expect(dialogs()).toHaveLength(0);
    trackForm({ procedure: { code: '2.000535', version: '1' } }).confirmed();
    await settled();
    expect(dialogs()).toHaveLength(0);
  });

  it('shows nothing when unbound before its UI arrives', async () => {
    unbind = bindRatingPrompt();
    trackForm({ procedure: PROCEDURE }).confirmed();
    unbind();
    await settled();
    expect(dialogs()).toHaveLength(0);
  });
});
