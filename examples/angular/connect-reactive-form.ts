import type { FormGroup } from '@angular/forms';
import type { FieldValue, FormSession } from 'oncefill';

/**
 * Connects an Angular reactive form to an oncefill session. oncefill's values go in with
 * `patchValue` (no valueChanges echo); every other change (the citizen typing, the page
 * restoring a draft) is recorded in the session as the citizen's, so a late answer never
 * overwrites it. Returns the disconnect; call it in `ngOnDestroy`.
 */
export function connectReactiveForm(session: FormSession, group: FormGroup): () => void {
  const record = (values: Record<string, unknown>, by: 'citizen' | 'page') => {
    for (const [path, value] of Object.entries(values)) {
      if (typeof value !== 'string' && typeof value !== 'boolean') continue;
      const state = session.get(path);
      if (state?.value === value || (state?.setBy === undefined && (value === '' || value === false))) continue;
      session.set(path, value, state?.setBy === undefined && by === 'page' ? 'page' : 'citizen');
    }
  };
  const fill = () => {
    const patch: Record<string, FieldValue> = {};
    for (const [path, value] of Object.entries(session.values()))
      if (session.get(path)?.setBy === 'oncefill' && group.get(path)?.value !== value) patch[path] = value;
    group.patchValue(patch, { emitEvent: false });
    for (const path of Object.keys(group.controls)) {
      const control = group.get(path)!;
      const locked = session.get(path)?.locked === true;
      // A locked (verified) value: shown, submitted with getRawValue(), not editable.
      if (locked && control.enabled) control.disable({ emitEvent: false });
      if (!locked && control.disabled && session.get(path)?.setBy !== undefined) control.enable({ emitEvent: false });
    }
  };
  record(group.getRawValue(), 'page'); // what the form holds before oncefill: the page's
  const changes = group.valueChanges.subscribe(() => record(group.getRawValue(), 'citizen'));
  const offUpdate = session.on('prefill:updated', fill);
  const offDispute = session.on('lock:disputed', fill);
  const offChosen = session.on('field:chosen', ({ path }) => group.get(path)?.setValue(session.get(path)?.value, { emitEvent: false }));
  fill();
  return () => {
    changes.unsubscribe();
    offUpdate();
    offDispute();
    offChosen();
  };
}
