/**
 * The DOM path on a React page: plain controlled inputs whose values live in React state,
 * bound with `bindForm` from `oncefill/dom` (no hook). oncefill writes the inputs the way a
 * person's typing lands, so React's `onChange` takes each value into state; the dossier is
 * built from that state, not read back from the DOM. It shows a part of 1.004616 only, so the
 * back office refuses the dossier, and the page says so rather than show a receipt; a full
 * form is `PracticeForm`.
 */
import type { Procedure } from 'oncefill';
import { bindForm } from 'oncefill/dom';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { askConsent, sourcesFor, submitDossier, type PortalConfig } from '../../shared/portal.js';

const FIELDS = [
  { name: 'fullName', label: 'Họ và tên', type: 'text' },
  { name: 'birthDate', label: 'Ngày sinh', type: 'date' },
  { name: 'idNumber', label: 'Số định danh cá nhân', type: 'text' },
  { name: 'idIssueDate', label: 'Ngày cấp', type: 'text' },
  { name: 'idIssuePlace', label: 'Nơi cấp', type: 'text' },
  { name: 'email', label: 'Thư điện tử', type: 'email' },
] as const;

type Values = Record<(typeof FIELDS)[number]['name'], string>;
const EMPTY = Object.fromEntries(FIELDS.map((f) => [f.name, ''])) as Values;

export function BindFormPage({ procedure, config, ticks }: { procedure: Procedure; config: PortalConfig; ticks: number }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [status, setStatus] = useState<'loading' | 'ready' | 'sent' | 'refused'>('loading');
  const [dossier, setDossier] = useState<string>();

  useEffect(() => {
    const binding = bindForm(formRef.current!, { procedure, sources: sourcesFor(config), consent: askConsent });
    let current = true;
    void binding.ready.then(() => current && setStatus('ready'));
    return () => {
      current = false;
      binding.unbind();
    };
  }, [procedure, config]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await submitDossier(config, procedure, values, undefined);
    // This page binds part of the form only: the back office refuses it, and the page says so.
    if (answer.ok) (setDossier(answer.dossier), setStatus('sent'));
    else setStatus('refused');
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} data-status={status} data-ticks={ticks}>
      {FIELDS.map((f) => (
        <label key={f.name}>
          {f.label}
          <input name={f.name} type={f.type} value={values[f.name]} onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))} />
        </label>
      ))}
      <button type="submit">Nộp hồ sơ</button>
      {dossier ? <p role="status">Đã nộp: {dossier}</p> : null}
      {status === 'refused' ? <p role="alert">Hồ sơ chưa đủ thông tin: cơ quan tiếp nhận chưa nhận hồ sơ.</p> : null}
    </form>
  );
}
