/** Small pieces both pages use: labels from the definition, provenance notes, conflicts, disputes. */
import type { AddressValue, FieldValue, Procedure } from 'oncefill';
import type { UseOncefillResult } from 'oncefill/react';
import { useState, type ReactNode } from 'react';

export const labelOf = (procedure: Procedure, id: string): string => procedure.fields.find((f) => f.id === id)?.label.vi ?? id;

export const optionsOf = (procedure: Procedure, id: string) =>
  (procedure.fields.find((f) => f.id === id) as { options?: Array<{ value: string; label: { vi: string } }> } | undefined)?.options?.map((o) => ({ value: o.value, label: o.label.vi })) ?? [];

const SOURCE_NAMES: Record<string, string> = {
  population: 'Cơ sở dữ liệu quốc gia về dân cư',
  results: 'Kho kết quả thủ tục hành chính',
  personal: 'Kho dữ liệu cá nhân',
  business: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp',
};

export const display = (value: FieldValue | undefined): string =>
  value === undefined ? '' : typeof value === 'object' && !Array.isArray(value) ? [value.detail, value.wardName, value.provinceName].filter(Boolean).join(', ') : String(value);

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

export function Field({ label, children, note }: { label: string; children: ReactNode; note?: ReactNode }) {
  return (
    <label className="field">
      <span className="label">{label}</span>
      {children}
      {note}
    </label>
  );
}

export const emptyAddress: AddressValue = { detail: '', wardCode: '', wardName: '', provinceCode: '', provinceName: '' };
