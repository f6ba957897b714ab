/**
 * The contract between the main bundle and the UI that loads on demand (the conflict picker,
 * the dispute dialog, the rating prompt): `dist/oncefill.ui.js` beside the one-tag embed, a
 * chunk of `oncefill/dom` for npm users. Plain data and callbacks only, so the UI file shares
 * no module state with the main file (its telemetry hub, its sessions).
 */
import type { Procedure } from '../../schema/procedure-format.js';
import type { SourceId } from '../../shared/protocol.js';
import type { RatingContext } from '../../timing/timing-page.js';
import type { BindStrings } from '../vi-strings.js';
import type { RatingPromptOptions } from './show-rating-prompt.js';

/** Words of the picker and the dispute dialog. */
export interface PanelStrings {
  /** The picker's question. */
  pick: string;
  /** Confirms the picked value. */
  use: string;
  cancel: string;
  /** The dispute dialog's question, which says the reason goes to the officer. */
  reason: string;
  /** Confirms the dispute and unlocks the field. */
  unlock: string;
  /** Said when the reason is empty. */
  reasonNeeded: string;
  /** The consent dialog's question: `{source}`. */
  consent: string;
  /** What consent would fill: `{fields}`, the form's labels. */
  consentFields: string;
  agree: string;
  decline: string;
  /** The one-time code prompt: `{channel}`, one of `channels`. */
  code: string;
  /** Why the code is asked: `{source}`. */
  codeWhy: string;
  channels: Record<'sms' | 'email' | 'app', string>;
  /** Sends the code. */
  send: string;
  /** Said when the code is empty. */
  codeNeeded: string;
  /** Said when the last code was not accepted. */
  codeWrong: string;
  /** The notice when the form's definition could not be loaded: nothing is prefilled. */
  unavailable: string;
}

/** A source waiting for the citizen: their consent, or a one-time code when `challenge` is set. */
export interface SourcePrompt {
  source: SourceId;
  challenge?: { id: string; channel: 'sms' | 'email' | 'app' };
}

export interface AskOptions {
  /** The element the prompts follow (the form's status). */
  after: Element;
  /** For the labels of the fields a source would fill. */
  procedure: Procedure;
  prompts: SourcePrompt[];
  lang: 'vi' | 'en';
  /** The page's words, with what it calls the sources. */
  strings?: Partial<PanelStrings> & { sources?: Partial<Record<SourceId, string>> };
  /** `true`: consented; `{ id, code }`: the code typed; `false`: declined or cancelled. */
  onAnswer(source: SourceId, answer: boolean | { id: string; code: string }): void;
}

export interface PickOptions {
  /** The element the panel follows (the field's mark). */
  after: Element;
  /** The field's label. */
  field: string;
  /** Each candidate as text, with where it comes from. */
  choices: Array<{ text: string; from: string }>;
  lang: 'vi' | 'en';
  strings?: Partial<PanelStrings>;
  onPick(index: number): void;
  /** Where the focus goes back when the panel closes. */
  back: HTMLElement;
}

export interface ReasonOptions {
  after: Element;
  field: string;
  lang: 'vi' | 'en';
  strings?: Partial<PanelStrings>;
  onSend(reason: string): void;
  back: HTMLElement;
}

export interface BindingUi {
  /** Opens the picker; returns its close. */
  pick(options: PickOptions): () => void;
  /** Opens the dispute dialog; returns its close. */
  askReason(options: ReasonOptions): () => void;
  /**
   * Asks the citizen for consent (once per source and status element) or a one-time code
   * (again after a wrong one), one panel per source.
   */
  ask(options: AskOptions): void;
  /** The notice of a form left unbound because its definition could not be loaded. */
  unavailable(form: HTMLFormElement, lang: 'vi' | 'en'): void;
  /** Shows the rating prompt for a flow; returns its close. */
  rating(context: RatingContext, options: RatingPromptOptions, hooks: { rate(score: number): void; closed(): void }): () => void;
  /** The binding's English words. */
  en: BindStrings;
}

/** Where the UI file registers itself on the page (shared by every copy of oncefill). */
export const UI_KEY = Symbol.for('oncefill.ui');
