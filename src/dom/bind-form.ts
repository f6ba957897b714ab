/**
 * `bindForm`: the form session on an existing HTML form (server-rendered, classic POST).
 *
 * What it promises the page:
 * - Whatever a control held when bound (rendered after a failed POST, restored on Back,
 *   autofilled), and whatever anything but oncefill puts there later, is the citizen's and is
 *   never overwritten, however late a source answers.
 * - It fills with the events the page's scripts expect, marks each prefilled field (a data
 *   attribute and an accessible description: source and date), and locks verified values
 *   (`readonly` text; `aria-readonly` selects, radios and checkboxes whose changes are put
 *   back, so every locked value is still submitted).
 * - The envelope (hidden input `oncefill-envelope`) stays current and is also written in the
 *   `formdata` event, so `form.submit()` and `__doPostBack` carry it. It never cancels or stops
 *   the page's submit.
 * - It catches its own errors (`onError`, the form's `sdk:error` event): the page keeps working.
 */
import { resolvePrefill, type ResolvePrefillOptions } from '../resolve/resolve-prefill.js';
import type { FieldResult, FieldValue, PrefillResult, Provenance, ReuseDisplay } from '../resolve/types.js';
import type { ReuseReference } from '../shared/reuse-reference.js';
import type { Field, Procedure } from '../schema/procedure-format.js';
import { createFormSession, type FormSession } from '../session/create-form-session.js';
import { BindError } from '../shared/BindError.js';
import { OncefillError } from '../shared/OncefillError.js';
import type { ActingFor, SourceId } from '../shared/protocol.js';
import type { Sources } from '../sources/types.js';
import { telemetryHub } from '../telemetry/telemetry-hub.js';
import { trackForm, type FormTracker } from '../telemetry/track-form.js';
import { readMetaLogin } from '../timing/read-meta-login.js';
import { STORAGE_KEYS, readStored } from '../timing/tab-storage.js';
import { displayIsoDate } from '../vn/format-calendar-date.js';
import { VI_BIND_STRINGS, fill, type BindStrings } from './vi-strings.js';
import { displayValue, initialValue, isChoice, readValue, sameValue, unfit, writeValue } from './control-value.js';
import { loadUi } from './load-ui.js';
import { mapControls, type Control, type ControlMap, type SkippedControl } from './map-controls.js';
import type { BindingUi, PanelStrings, SourcePrompt } from './ui/types.js';

export type { BindStrings } from './vi-strings.js';

export interface BindFormOptions {
  /** The definition, from `parseProcedure()` (or the embed's guard). */
  procedure: Procedure;
  /** Where values come from (`createGatewaySources({ baseUrl })`). Without it nothing is prefilled. */
  sources?: Sources;
  /** Ask to act for a business or a person the portal session may act for. */
  actingFor?: ActingFor;
  /**
   * Asks the citizen before a source that needs consent. Default: oncefill's own dialog (from
   * the on-demand UI), once per source; `false`: never ask, such sources are skipped with a notice.
   */
  consent?: ResolvePrefillOptions['consent'] | false;
  /** Stop waiting for sources after this long (default 10 s); the form stays usable. */
  deadlineMs?: number;
  /** Default `'vi'`. */
  lang?: 'vi' | 'en';
  /** Replaces some of the words (marks, notices, the picker, the dispute dialog, the consent and code prompts). */
  strings?: Partial<Omit<BindStrings, 'sources'>> & { sources?: Partial<BindStrings['sources']> } & Partial<PanelStrings>;
  /** Name of the hidden input carrying the envelope. Default `oncefill-envelope`. */
  envelopeName?: string;
  /** Told about every error oncefill catches (it never throws into the page after binding). */
  onError?: (error: OncefillError) => void;
}

/** What happened to each field: filled, skipped (C-B10) or unfit for its control. */
export interface FillReport {
  /** Paths oncefill wrote into the form. */
  filled: string[];
  /** Controls that looked like a field's and were left alone, with the reason. */
  skipped: SkippedControl[];
  /** Values the form cannot hold, and why (`year-only`, `no-option-match`, `not-a-boolean`…). */
  invalid: Array<{ path: string; reason: string }>;
  /** Paths a source answered that no control holds (yet). */
  missing: string[];
}

export interface Binding {
  readonly form: HTMLFormElement;
  readonly session: FormSession;
  /**
   * Settles with the prefill once sources first answered (undefined without sources); what the
   * citizen's consent or one-time code brings fills later. Never rejects.
   */
  readonly ready: Promise<PrefillResult | undefined>;
  report(): FillReport;
  /** Stops watching and removes marks, locks and notices; values stay in the form. */
  unbind(): void;
}

/** Where a form's binding lives: shared by every copy of oncefill on the page. */
export const BINDING_KEY = Symbol.for('oncefill.binding');
export const DEFAULT_ENVELOPE_NAME = 'oncefill-envelope';

type Holder = { [BINDING_KEY]?: Binding };
let bound = 0;

/** True when this page came back through history after a logout of the session it was rendered for. */
function sessionEnded(): boolean {
  const logout = readStored<number>(STORAGE_KEYS.logout);
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (logout === undefined || nav?.type !== 'back_forward') return false;
  const login = readMetaLogin(document, Date.now())?.at ?? readStored<{ at?: number }>(STORAGE_KEYS.login)?.at;
  return !(Number(login) > logout);
}

/**
 * Binds a form: prefills it from the sources, marks and locks what it filled, keeps the
 * envelope current. Binding a form twice (or from two copies of oncefill) returns the first
 * binding.
 * @example
 * const binding = bindForm(document.querySelector('form'), {
 *   procedure: parseProcedure(definitionJson),
 *   sources: createGatewaySources({ baseUrl: '/api/oncefill' }),
 * })
 * binding.form.addEventListener('rows:needed', (e) => addRows(e.detail.group, e.detail.rows))
 */
export function bindForm(form: HTMLFormElement, options: BindFormOptions): Binding {
  if (!form || form.tagName !== 'FORM') throw new TypeError('[oncefill] bindForm(form, options): form must be a <form> element');
  const existing = (form as Holder)[BINDING_KEY];
  if (existing) return existing;
  const procedure = options?.procedure;
  if (!procedure || !Array.isArray(procedure.fields)) throw new TypeError('[oncefill] bindForm needs { procedure } from parseProcedure()');

  const lang = options.lang === 'en' ? 'en' : 'vi';
  const wordsFrom = (base: BindStrings): BindStrings => ({ ...base, ...options.strings, sources: { ...base.sources, ...options.strings?.sources } });
  let words = wordsFrom(VI_BIND_STRINGS);
  const envelopeName = options.envelopeName ?? DEFAULT_ENVELOPE_NAME;
  const byId = new Map<string, Field>(procedure.fields.map((f) => [f.id, f]));
  const cleanups: Array<() => void> = [];
  const painted = new Map<string, { sig: string; undo: Array<() => void> }>();
  const lastSeen = new Map<string, FieldValue | undefined>();
  /** Values there before oncefill, on fields a source may answer: kept until the answer, then compared. */
  const pageValues = new Map<string, FieldValue>();
  const unwritable = new Map<string, string>();
  const filled = new Set<string>();
  const chosen = new Set<string>();
  const chosenDocuments = new Map<string, number>();
  const noticed = new Set<string>();
  const controller = new AbortController();
  const id = `oncefill-${++bound}`;
  let notes = 0;
  let writing = false;
  let active = true;
  let map: ControlMap = { byPath: new Map(), parts: new Map(), skipped: [] };
  let owner = new Map<Control, string>();

  const fail = (error: unknown) => {
    const reported = error instanceof OncefillError ? error : new BindError('bad-option', 'the form binding failed', { cause: error });
    try {
      options.onError?.(reported);
    } catch {
      // The page's handler is its own.
    }
    form.dispatchEvent(new CustomEvent('sdk:error', { bubbles: true, detail: { error: reported } }));
  };
  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        if (active) fn(...args);
      } catch (error) {
        fail(error);
      }
    };
  const listen = (target: EventTarget, type: string, listener: (event: Event) => void, capture = false) => {
    const safe = guard(listener);
    target.addEventListener(type, safe, capture);
    cleanups.push(() => target.removeEventListener(type, safe, capture));
  };
  const emit = (type: string, detail: unknown) => form.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));

  const session = createFormSession(procedure, { onError: fail });
  const stale = sessionEnded();
  const tracker: FormTracker | undefined = stale ? undefined : trackForm({ procedure: { code: procedure.code, version: procedure.version }, prefill: !!options.sources });

  /** A prefilled field kept, edited or cleared: which source it came from, never its value. */
  const trackField = (name: 'field:kept' | 'field:edited' | 'field:cleared', path: string) => {
    const state = session.get(path);
    if (state?.provenance) tracker?.track(name, { field: path, source: state.provenance.source, locked: state.locked });
  };
  const trackReuse = (component: string, reuse: ReuseReference) => tracker?.track('component:reused', { component, source: reuse.source, documentType: reuse.documentType });

  // `fullName` → fullName, `diplomas[0].diplomaTitle` → diplomaTitle: ids are unique in a definition.
  const fieldOf = (path: string) => byId.get(path.slice(path.lastIndexOf('.') + 1))!;
  const controlsOf = (path: string) => map.byPath.get(path);
  const read = (path: string) => readValue(fieldOf(path), controlsOf(path)!, map.parts);
  const write = (path: string, value: FieldValue | undefined, events = true) => {
    writing = true;
    try {
      const problem = writeValue(fieldOf(path), controlsOf(path)!, map.parts, value, events);
      if (!problem) lastSeen.set(path, read(path));
      return problem;
    } finally {
      writing = false;
    }
  };

  // --- envelope ----------------------------------------------------------------------------

  let envelope = Array.from(form.elements).find((el) => (el as HTMLInputElement).name === envelopeName) as HTMLInputElement | undefined;
  if (!envelope) {
    const input = (envelope = document.createElement('input'));
    input.type = 'hidden';
    input.name = envelopeName;
    form.append(input);
    cleanups.push(() => input.remove());
  }
  const envelopeText = () => (active ? JSON.stringify(session.envelope()) : '');
  const updateEnvelope = () => void (envelope!.value = envelopeText());

  // --- marks -------------------------------------------------------------------------------

  const unpaint = (key: string) => {
    painted.get(key)?.undo.forEach((undo) => undo());
    painted.delete(key);
  };
  /** Sets (or with `null` removes) an attribute, remembering how to put it back. */
  const attr = (undo: Array<() => void>, el: Element, name: string, value: string | null) => {
    const old = el.getAttribute(name);
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
    undo.push(() => (old === null ? el.removeAttribute(name) : el.setAttribute(name, old)));
  };
  /** The note after a field: text (its accessible description) and maybe a button. */
  const note = (undo: Array<() => void>, controls: Control[], text: string, button?: [label: string, onClick: (button: HTMLButtonElement, box: HTMLElement) => void, name?: string]) => {
    const visible = controls.filter((el) => el.type !== 'hidden');
    if (visible.length === 0) return;
    const box = document.createElement('div');
    box.className = 'oncefill-note';
    const span = document.createElement('span');
    span.id = `${id}-note-${++notes}`;
    span.textContent = text;
    box.append(span);
    if (button) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'oncefill-note-button';
      b.textContent = button[0];
      if (button[2]) b.setAttribute('aria-label', button[2]);
      b.addEventListener('click', guard(() => button[1](b, box)));
      box.append(b);
    }
    const first = visible[0]!;
    // A group of radios or checkboxes (or an address in parts) gets one note at the end of its fieldset.
    if (visible.length > 1) (first.closest('fieldset') ?? (first.closest('label') ?? first).parentElement!).append(box);
    else (first.closest('label') ?? first).after(box);
    for (const el of visible) attr(undo, el, 'aria-describedby', [el.getAttribute('aria-describedby'), span.id].filter(Boolean).join(' '));
    undo.push(() => box.remove());
  };
  const label = (path: string) => fieldOf(path).label[lang] ?? fieldOf(path).label.vi;
  /** `Lấy từ {source}, cập nhật {date}`. */
  const origin = (p: Provenance) => fill(words.from, { source: words.sources[p.source] }) + (p.lastUpdated ? fill(words.updated, { date: displayIsoDate(p.lastUpdated.slice(0, 10)) }) : '');
  /** A note button that opens a panel of the on-demand UI after the note. */
  const panel =
    (open: (ui: BindingUi, common: { after: Element; back: HTMLElement; lang: 'vi' | 'en'; strings?: Partial<PanelStrings> }) => void) =>
    (button: HTMLButtonElement, box: HTMLElement) =>
      void loadUi().then(
        guard((ui) => open(ui, { after: box, back: button, lang, strings: options.strings })),
        fail,
      );

  /** Brings a field's marks (and its value, when oncefill owns it) in line with the session. */
  const paint = (path: string, force = false) => {
    const controls = controlsOf(path);
    const state = session.get(path);
    const result: FieldResult | undefined = state?.result;
    if (!controls || !state) return unpaint(path);
    // A later source disagreeing with a value oncefill filled: the citizen decides; the value stays until then.
    const contested = result?.status === 'conflict' && state.setBy === 'oncefill' && !state.locked && !chosen.has(path);
    const ours = !!state.provenance && (state.setBy === 'oncefill' || chosen.has(path)) && !state.edited && !contested;
    const sig = `${result?.status}${state.setBy}${state.locked}${!!state.disputed}${ours}${JSON.stringify(state.value)}`;
    if (!force && painted.get(path)?.sig === sig) return;
    unpaint(path);
    const undo: Array<() => void> = [];
    painted.set(path, { sig, undo });
    if (ours) {
      if (!sameValue(read(path), state.value)) {
        // Someone else changed it since we last looked: that value is the citizen's.
        if (!sameValue(read(path), lastSeen.get(path))) return noteChange(path);
        const problem = write(path, state.value);
        if (problem) return void unwritable.set(path, problem);
      }
      filled.add(path);
      const p = state.provenance!;
      for (const el of controls) attr(undo, el, 'data-oncefill-filled', p.source);
      let text = origin(p);
      text += state.disputed ? words.disputed : state.locked ? words.locked : '.';
      if (state.disputed) for (const el of controls) attr(undo, el, 'data-oncefill-disputed', '');
      if (!state.locked) return note(undo, controls, text);
      lock(undo, controls);
      note(undo, controls, text, [
        words.wrong,
        panel((ui, common) =>
          ui.askReason({
            ...common,
            field: label(path),
            onSend: guard((reason) => {
              if (!session.dispute(path, reason)) return;
              tracker?.track('lock:disputed', { field: path, source: p.source });
              paint(path);
              updateEnvelope();
              controls[0]!.focus();
            }),
          }),
        ),
        `${words.wrong} ${label(path)}`,
      ]);
    } else if (result?.status === 'conflict' && (state.setBy === undefined || contested) && result.candidates) {
      const candidates = result.candidates;
      for (const el of controls) attr(undo, el, 'data-oncefill-conflict', '');
      const text = fill(words.conflict, { count: String(candidates.length) });
      note(undo, controls, text, [
        text,
        panel((ui, common) =>
          ui.pick({
            ...common,
            field: label(path),
            choices: candidates.map((c) => ({ text: displayValue(c.value, fieldOf(path)), from: origin(c.provenance) })),
            onPick: guard((index) => {
              if (unfit(fieldOf(path), controls, candidates[index]?.value)) return;
              chosen.add(path);
              if (session.choose(path, index)) paint(path);
              updateEnvelope();
              controls[0]!.focus();
            }),
          }),
        ),
      ]);
    } else if (result?.status === 'pending') {
      for (const el of controls) attr(undo, el, 'data-oncefill-pending', ''), attr(undo, el, 'aria-busy', 'true');
    }
  };

  /** Locks controls: text stays `readonly`; choices stay enabled with `aria-readonly` and changes are put back. */
  const lock = (undo: Array<() => void>, controls: Control[]) => {
    for (const el of controls) {
      attr(undo, el, 'data-oncefill-locked', '');
      if (el.type === 'hidden') continue;
      if (el.tagName === 'SELECT' || el.type === 'checkbox') attr(undo, el, 'aria-readonly', 'true');
      else if (el.type === 'radio') {
        // `aria-readonly` is not allowed on a radio: it goes on the group.
        const group = el.closest('fieldset,[role="radiogroup"]');
        if (group && group.getAttribute('aria-readonly') !== 'true') {
          if (!group.getAttribute('role')) attr(undo, group, 'role', 'radiogroup');
          attr(undo, group, 'aria-readonly', 'true');
        }
      } else attr(undo, el, 'readonly', '');
    }
  };

  /** A control changed by someone (the citizen, the page, the browser): record it, or put a locked value back. */
  const noteChange = (path: string, citizen = false) => {
    const value = read(path);
    const state = session.get(path);
    if (state?.locked) {
      if (!sameValue(value, state.value)) write(path, state.value, false);
      return;
    }
    if (sameValue(value, lastSeen.get(path))) return;
    lastSeen.set(path, value);
    pageValues.delete(path);
    session.set(path, value, citizen ? 'citizen' : 'page');
    paint(path);
    updateEnvelope();
  };
  /** Picks up values set without events (a page script assigning `.value`). */
  const sync = () => {
    for (const path of map.byPath.keys()) if (fieldOf(path).type !== 'file') noteChange(path);
  };

  // --- controls ----------------------------------------------------------------------------

  const rescan = () => {
    const previous = map;
    map = mapControls(form, byId, envelopeName);
    owner = new Map();
    for (const [path, controls] of map.byPath) {
      for (const el of controls) owner.set(el, path);
      const before = previous.byPath.get(path);
      if (before && before.length === controls.length && before.every((el, i) => el === controls[i])) continue;
      if (fieldOf(path).type === 'file') continue;
      const value = initialValue(fieldOf(path), controls, map.parts);
      lastSeen.set(path, read(path));
      if (value !== undefined && !(session.get(path)?.setBy === 'oncefill' && sameValue(value, session.get(path)!.value))) {
        // There before oncefill: the citizen's. Fields a source answers wait for the answer (same value: provenance kept).
        if (fieldOf(path).prefill && !session.result?.complete) pageValues.set(path, value);
        else session.set(path, value, 'page');
      }
      paint(path, true);
    }
    for (const path of previous.byPath.keys()) if (!map.byPath.has(path)) unpaint(path);
    paintComponents();
  };
  let scheduled = false;
  const observer = new MutationObserver(
    guard(() => {
      if (scheduled) return;
      scheduled = true;
      setTimeout(
        guard(() => {
          scheduled = false;
          rescan();
          updateEnvelope();
        }),
      );
    }),
  );

  // --- prefill -----------------------------------------------------------------------------

  const status = document.createElement('div');
  status.className = 'oncefill-status';
  status.setAttribute('role', 'status');
  const started = performance.now();

  /** A result the form can hold: values its controls cannot show become `invalid`, never forced in. */
  const fit = (result: PrefillResult): PrefillResult => {
    const fields: Record<string, FieldResult> = {};
    for (const [path, field] of Object.entries(result.fields)) {
      const controls = controlsOf(path);
      const problem = field.status === 'filled' && controls ? unfit(fieldOf(path), controls, field.value) : undefined;
      fields[path] = problem ? { status: 'invalid', reason: problem, locked: false } : field;
      if (problem) unwritable.set(path, problem);
      const page = pageValues.get(path);
      if (page === undefined || field.status === 'pending') continue;
      pageValues.delete(path);
      if (!(fields[path]!.status === 'filled' && sameValue(page, fields[path]!.value))) session.set(path, page, 'page');
    }
    return { ...result, fields };
  };

  const onResult = guard((raw: PrefillResult) => {
    sync();
    const result = fit(raw);
    session.apply(result);
    for (const path of Object.keys(result.fields)) paint(path);
    paintComponents();
    const prompts: SourcePrompt[] = [];
    const failed: SourceId[] = [];
    for (const source of Object.keys(result.sources) as SourceId[]) {
      const { challenge, status: said } = result.sources[source]!;
      // Consent (unless the page asks itself, or not at all) and codes are asked once the rest is in.
      if (challenge || (said === 'no-consent' && options.consent === undefined)) result.complete && prompts.push({ source, challenge });
      else if (/^(error|timeout|no-consent|challenge)$/.test(said)) failed.push(source);
    }
    warn(failed);
    if (result.complete) {
      for (const [path, value] of pageValues) session.set(path, value, 'page');
      pageValues.clear();
      form.removeAttribute('data-oncefill-loading');
      if (!noticed.size) status.textContent = '';
      if (!queue) {
        tracker?.prefillApplied();
        tracker?.track('prefill:resolved', prefillReport(result, performance.now() - started));
      }
      if (prompts.length) ask(prompts);
    }
    updateEnvelope();
  });

  /** The notice naming every source that gave nothing: their fields stay the citizen's to type. */
  const warn = (sources: SourceId[]) => {
    sources = sources.filter((s) => !noticed.has(s));
    if (!sources.length) return;
    sources.forEach((s) => noticed.add(s));
    notice(fill(words.failed, { source: [...noticed].map((s) => words.sources[s as SourceId]).join(', ') }));
  };

  // --- consent and one-time codes ------------------------------------------------------------

  /** Runs after the first, one at a time: each starts from what the last one left. */
  let queue: Promise<unknown> | undefined;
  /** Sources that wait for the citizen are asked in the on-demand UI (consent once per source, a code again after a wrong one); declined ones get the notice. */
  const ask = (prompts: SourcePrompt[]) =>
    loadUi().then(
      guard((ui) => ui.ask({ after: status, procedure, prompts, lang, strings: options.strings, onAnswer: guard((source, answer) => (answer ? again(source, answer) : warn([source]))) })),
      (error) => (fail(error), warn(prompts.map((p) => p.source))),
    );
  /** Asks `source` again with the citizen's consent or code; the sources that answered answer from the cache. */
  const again = (source: SourceId, answer: true | { id: string; code: string }) => {
    queue = (queue ?? Promise.resolve()).then(() => {
      const last = session.result!.sources;
      const sources: Sources = { [source]: options.sources![source] };
      for (const s of Object.keys(last) as SourceId[]) if (last[s]!.status === 'ok') sources[s] = options.sources![s];
      return run(sources, answer === true ? { consent: (prompt) => prompt.source === source } : { challenges: { [source]: answer } }).catch(fail);
    });
  };

  const notice = (text: string) => {
    status.textContent = text;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'oncefill-status-close';
    close.textContent = '×';
    close.setAttribute('aria-label', words.dismiss);
    close.addEventListener('click', () => (status.textContent = ''));
    status.append(close);
    status.setAttribute('data-oncefill-notice', '');
  };

  /** Dossier components satisfied by reuse: marked, their file inputs no longer `required`; several candidates: the citizen picks. */
  const paintComponents = () => {
    for (const component of procedure.documents ?? []) {
      const key = `#${component.id}`;
      const doc = session.result?.documents[component.id];
      const controls = component.fileField ? controlsOf(component.fileField) : undefined;
      const picked = doc?.candidates?.[chosenDocuments.get(component.id) ?? -1];
      const reused = doc?.status === 'reused' ? doc : picked;
      const sig = `${doc?.status}${chosenDocuments.get(component.id)}${controls?.length}`;
      if (painted.get(key)?.sig === sig) continue;
      unpaint(key);
      if (!controls || !(reused?.reuse || doc?.status === 'conflict')) continue;
      const undo: Array<() => void> = [];
      painted.set(key, { sig, undo });
      const title = (display?: ReuseDisplay) => display?.title ?? component.title[lang] ?? component.title.vi;
      if (reused?.reuse) {
        for (const el of controls) attr(undo, el, 'required', null), attr(undo, el, 'data-oncefill-reused', reused.reuse.documentType);
        note(undo, controls, fill(words.reused, { title: title(reused.display) }));
        continue;
      }
      const candidates = doc!.candidates ?? [];
      const text = fill(words.documents, { count: String(candidates.length) });
      note(undo, controls, text, [
        text,
        panel((ui, common) =>
          ui.pick({
            ...common,
            field: title(),
            choices: candidates.map((c) => ({ text: `${title(c.display)} ${c.reuse.documentNumber}`, from: [c.display.issuer, c.display.issueDate && displayIsoDate(c.display.issueDate)].filter(Boolean).join(', ') })),
            onPick: guard((index) => {
              if (!session.chooseDocument(component.id, index)) return;
              chosenDocuments.set(component.id, index);
              trackReuse(component.id, candidates[index]!.reuse);
              paintComponents();
              updateEnvelope();
              controls[0]!.focus();
            }),
          }),
        ),
      ]);
    }
  };

  // --- session events ----------------------------------------------------------------------

  session.on('rows:needed', ({ group, rows }) => {
    const present = new Set<string>();
    for (const path of map.byPath.keys()) if (path.startsWith(`${group}[`)) present.add(path.slice(0, path.indexOf(']')));
    emit('rows:needed', { group, rows, present: present.size });
  });
  session.on('documents:reused', ({ components }) => {
    for (const component of components) {
      const reuse = session.result?.documents[component]?.reuse;
      if (reuse) trackReuse(component, reuse);
    }
  });
  for (const name of ['field:edited', 'field:cleared'] as const)
    session.on(name, ({ path, afterPrefill }) => {
      if (afterPrefill) trackField(name, path);
    });

  const clearAll = () => {
    controller.abort();
    session.clear();
    pageValues.clear();
    chosenDocuments.clear();
    for (const key of [...painted.keys()]) unpaint(key);
    for (const path of map.byPath.keys()) if (fieldOf(path).type !== 'file') write(path, undefined);
    status.textContent = '';
    form.removeAttribute('data-oncefill-loading');
    updateEnvelope();
  };
  cleanups.push(
    telemetryHub().subscribe(
      guard((message) => {
        if (message.type === 'session:ended') clearAll();
        else if (message.type === 'event' && message.event.name === 'submit:confirmed' && message.event.flow === tracker?.flow) {
          const dossier = (message.event as { dossier?: string }).dossier;
          session.submitted(dossier ? { dossierRef: dossier } : {});
        }
      }),
    ),
  );

  // --- page events -------------------------------------------------------------------------

  const onEdit = (event: Event) => {
    if (writing) return;
    if (event.isTrusted) tracker?.edited();
    const path = owner.get(event.target as Control);
    if (path) noteChange(path, event.isTrusted);
  };
  listen(form, 'input', onEdit, true);
  listen(form, 'change', onEdit, true);
  listen(
    form,
    'click',
    (event) => {
      // A locked checkbox or radio does not toggle; its value is submitted as it is.
      const el = event.target as Control;
      const path = owner.get(el);
      if (path && isChoice(el) && session.get(path)?.locked) event.preventDefault();
    },
    true,
  );
  listen(form, 'submit', () => {
    sync();
    for (const [path] of map.byPath) if (session.get(path)?.setBy === 'oncefill') trackField('field:kept', path);
    tracker?.submitAttempted();
    updateEnvelope();
  });
  listen(form, 'formdata', (event) => {
    sync();
    (event as FormDataEvent).formData.set(envelopeName, envelopeText());
  });
  let invalid: Record<string, number> | undefined;
  listen(
    form,
    'invalid',
    (event) => {
      // The browser's own checks stopped a submit: an attempt that failed as `invalid`.
      const path = owner.get(event.target as Control) ?? 'form';
      if (!invalid) {
        invalid = {};
        setTimeout(() => {
          tracker?.submitAttempted();
          tracker?.submitFailed('invalid', invalid);
          invalid = undefined;
        });
      }
      invalid[path] = (invalid[path] ?? 0) + 1;
    },
    true,
  );

  // --- start -------------------------------------------------------------------------------

  let settle: (result: PrefillResult | undefined) => void = () => undefined;
  const binding: Binding = {
    form,
    session,
    ready: new Promise((resolve) => (settle = resolve)),
    report: () => ({
      filled: [...filled],
      skipped: map.skipped,
      invalid: [
        ...[...unwritable].map(([path, reason]) => ({ path, reason })),
        ...Object.entries(session.result?.fields ?? {})
          .filter(([path, f]) => f.status === 'invalid' && !unwritable.has(path))
          .map(([path, f]) => ({ path, reason: f.reason ?? 'invalid' })),
      ],
      missing: Object.keys(session.result?.fields ?? {}).filter((path) => !controlsOf(path) && session.get(path)?.value !== undefined),
    }),
    unbind() {
      if (!active) return;
      observer.disconnect();
      controller.abort();
      for (const key of [...painted.keys()]) unpaint(key);
      cleanups.forEach((cleanup) => cleanup());
      status.remove();
      form.removeAttribute('data-oncefill-loading');
      form.removeAttribute('data-oncefill-bound');
      tracker?.close();
      active = false;
      delete (form as Holder)[BINDING_KEY];
    },
  };
  (form as Holder)[BINDING_KEY] = binding;
  form.setAttribute('data-oncefill-bound', '');
  const place = form.querySelector('[data-oncefill-status]');
  if (place) place.append(status);
  else form.prepend(status);

  const run = (sources: Sources, more?: Partial<ResolvePrefillOptions>) =>
    resolvePrefill(procedure, {
      sources,
      signal: controller.signal,
      onUpdate: onResult,
      actingFor: options.actingFor,
      // Without the page's own callback, sources that need consent are asked after the first answer.
      consent: options.consent || undefined,
      // An unset deadline keeps resolvePrefill's default.
      ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
      ...more,
    });
  const start = () => {
    try {
      rescan();
      if (stale) clearAll();
      observer.observe(form, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'type', 'name', 'hidden', 'aria-hidden'] });
      const failedBefore = form.getAttribute('data-oncefill-submit-failed');
      if (failedBefore !== null) {
        // The server re-rendered the form after refusing the POST: count its errors by field.
        const errors: Record<string, number> = {};
        form.querySelectorAll('[aria-invalid="true"]').forEach((el) => {
          const path = owner.get(el as Control);
          if (path) errors[path] = (errors[path] ?? 0) + 1;
        });
        tracker?.submitFailed((/^(invalid|rejected|server|network|unknown)$/.test(failedBefore) ? failedBefore : 'rejected') as 'rejected', errors);
      }
      updateEnvelope();
      if (!options.sources || stale) return settle(undefined);
      form.setAttribute('data-oncefill-loading', '');
      status.textContent = words.loading;
      run(options.sources).then(
        () => settle(active ? session.result : undefined),
        (error: unknown) => {
          fail(error);
          settle(undefined);
        },
      );
    } catch (error) {
      fail(error);
      settle(undefined);
    }
  };
  // English words come with the on-demand UI; Vietnamese pages never load them.
  if (lang === 'en')
    loadUi().then(
      (ui) => ((words = wordsFrom(ui.en)), start()),
      (error) => (fail(error), start()),
    );
  else start();
  return binding;
}

/** `prefill:resolved`: per source status and latency, fields by status. Counts only, never values. */
function prefillReport(result: PrefillResult, latencyMs: number) {
  const sources: Record<string, { status: string; latencyMs: number; attributes: number; error?: string }> = {};
  const fields: Record<string, number> = {};
  for (const field of Object.values(result.fields)) {
    if (field.status !== 'pending') fields[field.status] = (fields[field.status] ?? 0) + 1;
    if (field.locked) fields.locked = (fields.locked ?? 0) + 1;
  }
  for (const [source, r] of Object.entries(result.sources)) {
    if (!r || r.status === 'pending') continue;
    const answered = Object.values(result.fields).filter((f) => f.status === 'filled' && f.provenance?.source === source).length;
    sources[source] = { status: r.status, latencyMs: Math.round(r.latencyMs ?? 0), attributes: answered, ...(r.error ? { error: r.error.code } : {}) };
  }
  return { latencyMs: Math.round(latencyMs), sources, fields } as never;
}

