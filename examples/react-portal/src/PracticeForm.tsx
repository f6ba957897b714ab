/**
 * 1.004616 (Cấp Chứng chỉ hành nghề dược) with controlled components: every value is in the
 * oncefill session, rendered through `register`. The province of each address and the
 * recipient agency are non-native listboxes whose state is in React only.
 */
import type { AddressValue, Procedure } from 'oncefill';
import { useOncefill, type UseOncefillResult } from 'oncefill/react';
import { useState, type FormEvent } from 'react';
import { Listbox } from './Listbox.js';
import { Field, FieldNote, emptyAddress, labelOf, optionsOf } from './parts.js';
import { askConsent, sourcesFor, submitDossier, type PortalConfig, type SubmitAnswer } from '../../shared/portal.js';

const TEXT_FIELDS: Array<[string, string?]> = [
  ['fullName'],
  ['birthDate', 'date'],
  ['idNumber'],
  ['idIssueDate', 'date'],
  ['idIssuePlace'],
  ['phone', 'tel'],
  ['email', 'email'],
];

export function PracticeForm({ procedure, config }: { procedure: Procedure; config: PortalConfig }) {
  const form = useOncefill(procedure, { sources: sourcesFor(config), consent: askConsent });
  const [answer, setAnswer] = useState<SubmitAnswer>();
  const agencies = optionsOf(procedure, 'recipientAgency');
  const provinces = agencies.map((o) => ({ value: o.value, label: o.label.replace(/^Sở Y tế (tỉnh |thành phố )?/, '') }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    form.submitAttempted();
    const sent = await submitDossier(config, procedure, form.values, form.envelope());
    if (sent.ok) form.confirmed(sent.dossierRef ? { dossierRef: sent.dossierRef } : {});
    else form.submitFailed('invalid', sent.errors);
    setAnswer(sent);
  };

  if (answer?.ok)
    return (
      <p role="status" data-oncefill-receipt="">
        Đã nộp hồ sơ{answer.dossier ? ` số ${answer.dossier}` : ''}.
      </p>
    );
  return (
    <form onSubmit={onSubmit} aria-busy={form.status === 'loading'} data-status={form.status}>
      <Listbox label={labelOf(procedure, 'recipientAgency')} options={agencies} {...form.register('recipientAgency')} />
      {TEXT_FIELDS.map(([path, type]) => (
        <Field key={path} label={labelOf(procedure, path)} note={<FieldNote form={form} path={path} />}>
          <input type={type ?? 'text'} {...form.register(path)} />
        </Field>
      ))}
      <AddressFields form={form} path="permanentAddress" label={labelOf(procedure, 'permanentAddress')} provinces={provinces} />
      <AddressFields form={form} path="currentAddress" label={labelOf(procedure, 'currentAddress')} provinces={provinces} />
      <Field label={labelOf(procedure, 'signPlace')}>
        <input {...form.register('signPlace')} />
      </Field>
      <Field label={labelOf(procedure, 'signDate')}>
        <input type="date" {...form.register('signDate')} />
      </Field>
      <Field label={labelOf(procedure, 'signatoryName')} note={<FieldNote form={form} path="signatoryName" />}>
        <input {...form.register('signatoryName')} />
      </Field>
      {answer && !answer.ok && <p role="alert">Hồ sơ chưa hợp lệ, vui lòng kiểm tra lại.</p>}
      <button type="submit">Nộp hồ sơ</button>
    </form>
  );
}

/** An address: house and street, ward, and the province in a non-native listbox. */
function AddressFields({ form, path, label, provinces }: { form: UseOncefillResult; path: string; label: string; provinces: Array<{ value: string; label: string }> }) {
  const f = form.field(path);
  const value = (f.value && typeof f.value === 'object' && !Array.isArray(f.value) ? f.value : emptyAddress) as AddressValue;
  const change = (part: Partial<AddressValue>) => form.set(path, { ...value, ...part });
  return (
    <fieldset className="address" data-path={path}>
      <legend>{label}</legend>
      <Field label="Số nhà, đường, thôn/tổ">
        <input name={`${path}.detail`} value={value.detail} readOnly={f.locked} onChange={(e) => change({ detail: e.target.value })} />
      </Field>
      <Field label="Xã, phường, đặc khu">
        <input name={`${path}.wardName`} value={value.wardName} readOnly={f.locked} onChange={(e) => change({ wardName: e.target.value, wardCode: '' })} />
      </Field>
      <Listbox
        name={`${path}.provinceCode`}
        label="Tỉnh, thành phố"
        options={provinces}
        value={value.provinceCode}
        readOnly={f.locked}
        onChange={(code) => change({ provinceCode: code, provinceName: provinces.find((p) => p.value === code)?.label ?? '' })}
      />
      <FieldNote form={form} path={path} />
    </fieldset>
  );
}
