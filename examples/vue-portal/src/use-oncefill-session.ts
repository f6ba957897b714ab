/**
 * The whole Vue binding, in one composable: the oncefill session holds every value and who
 * set it; Vue renders from it. `values` is what `v-model` binds to (`v-model="values.phone"`):
 * reading it tracks the session's version, writing it records the citizen's value in the
 * session (refused for a locked field, which then renders its value back).
 */
import { createFormSession, resolvePrefill, type FieldValue, type FormSession, type PrefillResult, type Procedure, type ResolvePrefillOptions } from 'oncefill';
import { trackForm } from 'oncefill/dom';
import { onMounted, onUnmounted, ref, shallowRef, type Ref } from 'vue';

export interface OncefillSession {
  session: FormSession;
  status: Ref<'loading' | 'ready'>;
  result: Ref<PrefillResult | undefined>;
  /** Bind with `v-model="values[path]"`. */
  values: Record<string, FieldValue | ''>;
  /** Every value by path, as a plain object (for conditions and rows); reactive like `values`. */
  all(): Record<string, FieldValue>;
  field(path: string): { locked: boolean; status?: string; source?: string; setBy?: string; candidates?: Array<{ label: string }> };
  choose(path: string, index: number): void;
  dispute(path: string, reason: string): void;
  submitAttempted(): void;
  /** The portal refused the dossier; `errors` counts its problems by field path. */
  submitFailed(errors: Record<string, number>): void;
  confirmed(dossierRef?: string): void;
}

/** A value as the citizen reads it (an address as one line). */
export function describe(value: FieldValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return [value.detail, value.wardName, value.provinceName].filter(Boolean).join(', ');
}

export function useOncefillSession(procedure: Procedure, options: Omit<ResolvePrefillOptions, 'onUpdate' | 'signal'>): OncefillSession {
  const session = createFormSession(procedure);
  const version = ref(0);
  const status = ref<'loading' | 'ready'>('loading');
  const result = shallowRef<PrefillResult>();
  const changed = () => {
    version.value++;
    result.value = session.result;
  };
  const values = new Proxy({} as Record<string, FieldValue | ''>, {
    get(_, path) {
      void version.value; // a dependency of whatever renders this value
      return typeof path === 'string' ? session.get(path)?.value ?? '' : undefined;
    },
    set(_, path, value) {
      if (typeof path === 'string') session.set(path, value as FieldValue, 'citizen');
      tracker?.edited();
      changed();
      return true;
    },
  });

  let tracker: ReturnType<typeof trackForm> | undefined;
  const controller = new AbortController();
  onMounted(() => {
    tracker = trackForm({ procedure: { code: procedure.code, version: procedure.version } });
    resolvePrefill(procedure, {
      ...options,
      signal: controller.signal,
      onUpdate: (partial) => {
        if (controller.signal.aborted) return;
        session.apply(partial); // one apply, one version bump: one render per answer
        if (partial.complete) status.value = 'ready';
        changed();
      },
    }).then(() => tracker?.prefillApplied());
  });
  onUnmounted(() => {
    controller.abort();
    tracker?.close();
  });

  return {
    session,
    status,
    result,
    values,
    all() {
      void version.value;
      return session.values();
    },
    field(path) {
      void version.value;
      const s = session.get(path);
      return {
        locked: s?.locked === true,
        status: s?.result?.status,
        source: s?.provenance?.source,
        setBy: s?.setBy,
        candidates: s?.result?.candidates?.map((c) => ({ label: describe(c.value) })),
      };
    },
    choose(path, index) {
      session.choose(path, index);
      changed();
    },
    dispute(path, reason) {
      session.dispute(path, reason);
      changed();
    },
    submitAttempted: () => tracker?.submitAttempted(),
    submitFailed: (errors) => tracker?.submitFailed('invalid', errors),
    confirmed: (dossierRef) => void tracker?.confirmed(dossierRef ? { dossierRef } : {}),
  };
}
