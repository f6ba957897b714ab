/**
 * Small pieces both pages use: labels and options from the definition, provenance notes,
 * conflicts, disputes, the back office's refusals, choices and the address picker.
 */
import type { AddressValue, Field as FieldDefinition, FieldValue, Procedure } from 'oncefill';
import type { UseOncefillResult } from 'oncefill/react';
import type { UnitIndex } from 'oncefill/vn';
import { useEffect, useState, type ReactNode } from 'react';
import { Listbox } from './Listbox.js';
import { addressLine, asAddress, loadUnits, pickProvince, pickWard, toggleChoice } from '../../shared/dossier.js';
import { SOURCE_NAMES } from '../../shared/portal.js';

export const labelOf = (procedure: Procedure, id: string): string => procedure.fields.find((f) => f.id === id)?.label.vi ?? id;

export const optionsOf = (procedure: Procedure, id: string) =>
  (procedure.fields.find((f) => f.id === id) as { options?: Array<{ value: string; label: { vi: string } }> } | undefined)?.options?.map((o) => ({ value: o.value, label: o.label.vi })) ?? [];

export const display = (value: FieldValue | undefined): string => (value === undefined ? '' : typeof value === 'object' && !Array.isArray(value) ? addressLine(value) : String(value));

/** The input type for a field's type; a date that may be a year alone is typed as text. */
export const inputType = (field: FieldDefinition | undefined): string =>
  field?.type === 'date' ? (field.allowYearOnly ? 'text' : 'date') : field?.type === 'phone' ? 'tel' : field?.type === 'email' ? 'email' : 'text';

/** Under a field: where its value came from, a dispute button for a locked value, a conflict's choices. */
export function FieldNote({ form, path }: { form: UseOncefillResult; path: string }) {
  const f = form.field(path);
  const [reason, setReason] = useState('');
  const [disputing, setDisputing] = useState(false);
  let note: ReactNode = null;
  if (f.status === 'conflict' && f.setBy === undefined)
    note = (
      <span className="choices" data-conflict={path}>
        Các nguồn khác nhau, hãy chọn:{' '}
        {f.candidates?.map((c, i) => (
          <button type="button" key={i} onClick={() => form.choose(path, i)}>
            {display(c.value)} ({SOURCE_NAMES[c.provenance.source]})
          </button>
        ))}
      </span>
    );
  else if (f.provenance && f.setBy === 'oncefill') note = <span>Lấy từ {SOURCE_NAMES[f.provenance.source]}</span>;
  else if (f.disputed) note = <span>Bạn đã báo sai: {f.disputed.reason}</span>;
  return (
    <small className="note" data-note={path}>
      {note}
      {f.locked && !disputing && (
        <button type="button" className="link" onClick={() => setDisputing(true)}>
          Báo thông tin sai
        </button>
      )}
      {f.locked && disputing && (
        <span>
          <input aria-label="Lý do" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" disabled={reason.trim() === ''} onClick={() => form.dispute(path, reason)}>
            Gửi
          </button>
        </span>
      )}
    </small>
  );
}

/** Why the back office refused this field, next to it. */
export function Problem({ path, text }: { path: string; text: string | undefined }) {
  return text ? (
    <span className="problem" role="alert" data-problem={path}>
      {text}
    </span>
  ) : null;
}

export function Field({ label, children, note, problem }: { label: string; children: ReactNode; note?: ReactNode; problem?: ReactNode }) {
  return (
    <label className="field">
      <span className="label">{label}</span>
      {children}
      {note}
      {problem}
    </label>
  );
}

/** A radio group (one value) or a multi-choice (a list of values), its options from the definition. */
export function Choices({ procedure, path, multiple = false, value, onChange, problem }: { procedure: Procedure; path: string; multiple?: boolean; value: unknown; onChange: (value: string | string[]) => void; problem?: ReactNode }) {
  return (
    <fieldset className="choices" data-path={path}>
      <legend>{labelOf(procedure, path)}</legend>
      {optionsOf(procedure, path).map((o) => (
        <label key={o.value} className="choice">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={path}
            value={o.value}
            checked={multiple ? Array.isArray(value) && value.includes(o.value) : value === o.value}
            onChange={(e) => onChange(multiple ? toggleChoice(value, o.value, e.target.checked) : o.value)}
          />{' '}
          {o.label}
        </label>
      ))}
      {problem}
    </fieldset>
  );
}

/** The administrative units, once loaded (the list is its own chunk, fetched on first use). */
function useUnits(): UnitIndex | undefined {
  const [units, setUnits] = useState<UnitIndex>();
  useEffect(() => {
    let current = true;
    void loadUnits().then((u) => current && setUnits(u));
    return () => void (current = false);
  }, []);
  return units;
}

/**
 * An address: house and street, the province in a non-native listbox, and the commune among
 * that province's (the back office accepts only a commune of the 2025 list, in its province).
 */
export function AddressFields({ path, label, value, onChange, locked = false, note, problem }: { path: string; label: string; value: unknown; onChange: (value: AddressValue) => void; locked?: boolean; note?: ReactNode; problem?: ReactNode }) {
  const units = useUnits();
  const address = asAddress(value);
  const wards = units?.wardsOfProvince(address.provinceCode) ?? [];
  return (
    <fieldset className="address" data-path={path}>
      <legend>{label}</legend>
      <Field label="Số nhà, đường, thôn/tổ">
        <input name={`${path}.detail`} value={address.detail} readOnly={locked} onChange={(e) => onChange({ ...address, detail: e.target.value })} />
      </Field>
      <Listbox
        name={`${path}.provinceCode`}
        label="Tỉnh, thành phố"
        options={units ? units.provinces.map((p) => ({ value: p.code, label: p.name })) : [{ value: address.provinceCode, label: address.provinceName }]}
        value={address.provinceCode}
        readOnly={locked || !units}
        onChange={(code) => units && onChange(pickProvince(units, address, code))}
      />
      <Field label="Xã, phường, đặc khu">
        <select name={`${path}.wardCode`} value={address.wardCode} disabled={locked || !units} onChange={(e) => units && onChange(pickWard(units, address, e.target.value))}>
          <option value={units ? '' : address.wardCode}>{units ? '— Chọn —' : address.wardName}</option>
          {wards.map((w) => (
            <option key={w.code} value={w.code}>
              {w.fullName}
            </option>
          ))}
        </select>
      </Field>
      {note}
      {problem}
    </fieldset>
  );
}
