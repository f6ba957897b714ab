/**
 * 2.000535 (Cấp lại Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm) with
 * react-hook-form: the form's state is react-hook-form's. oncefill writes into it with
 * `apply(setValue)`, reads it with `getValues` (so what the citizen typed stays theirs), and
 * the dossier is what react-hook-form's `handleSubmit` hands over.
 */
import type { Procedure } from 'oncefill';
import { useOncefill } from 'oncefill/react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field, FieldNote, labelOf, optionsOf } from './parts.js';
import { askConsent, sourcesFor, submitDossier, type PortalConfig, type SubmitAnswer } from '../../shared/portal.js';

const TEXT_FIELDS: Array<[string, string?]> = [
  ['facilityName'],
  ['taxCode'],
  ['facilityPhone', 'tel'],
  ['oldCertificateNumber'],
  ['oldCertificateIssueDate', 'date'],
  ['signatoryName'],
  ['submitterName'],
  ['submitterIdNumber'],
  ['submitterIdIssueDate', 'date'],
  ['recipientAgency'],
  ['signPlace'],
  ['applicationDate', 'date'],
];

type Values = Record<string, string>;

export function FoodSafetyForm({ procedure, config }: { procedure: Procedure; config: PortalConfig }) {
  const defaultValues: Values = Object.fromEntries([...TEXT_FIELDS.map(([id]) => [id, '']), ['reissueReason', ''], ['changeDescription', '']]);
  const { register, setValue, getValues, handleSubmit, formState } = useForm<Values>({ defaultValues });
  const oncefill = useOncefill(procedure, { sources: sourcesFor(config), consent: askConsent, ...(config.actingFor ? { actingFor: config.actingFor } : {}), getValues });
  const [answer, setAnswer] = useState<SubmitAnswer>();

  // One pass per answer: react-hook-form batches the writes into one render.
  useEffect(() => {
    oncefill.apply(setValue);
  }, [oncefill.values, setValue]);

  const onSubmit = handleSubmit(
    async (values) => {
      oncefill.submitAttempted();
      const sent = await submitDossier(config, procedure, values, oncefill.envelope());
      if (sent.ok) oncefill.confirmed(sent.dossierRef ? { dossierRef: sent.dossierRef } : {});
      else oncefill.submitFailed('invalid', sent.errors);
      setAnswer(sent);
    },
    (errors) => {
      oncefill.submitAttempted();
      oncefill.submitFailed('invalid', Object.fromEntries(Object.keys(errors).map((k) => [k, 1])));
    },
  );

  if (answer?.ok)
    return (
      <p role="status" data-oncefill-receipt="">
        Đã nộp hồ sơ{answer.dossier ? ` số ${answer.dossier}` : ''}.
      </p>
    );
  return (
    <form onSubmit={onSubmit} aria-busy={oncefill.status === 'loading'} data-status={oncefill.status} noValidate>
      {TEXT_FIELDS.map(([path, type]) => (
        <Field key={path} label={labelOf(procedure, path)} note={<FieldNote form={oncefill} path={path} />}>
          <input type={type ?? 'text'} {...register(path)} readOnly={oncefill.field(path).locked} aria-readonly={oncefill.field(path).locked || undefined} />
        </Field>
      ))}
      <fieldset>
        <legend>{labelOf(procedure, 'reissueReason')}</legend>
        {optionsOf(procedure, 'reissueReason').map((o) => (
          <label key={o.value} className="choice">
            <input type="radio" value={o.value} {...register('reissueReason', { required: true })} /> {o.label}
          </label>
        ))}
        {formState.errors.reissueReason && <span role="alert">Hãy chọn lý do cấp lại.</span>}
      </fieldset>
      <Field label={labelOf(procedure, 'changeDescription')}>
        <textarea {...register('changeDescription')} />
      </Field>
      {answer && !answer.ok && <p role="alert">Hồ sơ chưa hợp lệ, vui lòng kiểm tra lại.</p>}
      <button type="submit">Nộp hồ sơ</button>
    </form>
  );
}
