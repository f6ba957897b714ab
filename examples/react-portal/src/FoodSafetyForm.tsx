/**
 * 2.000535 (Cấp lại Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm) with
 * react-hook-form: the form's state is react-hook-form's. oncefill writes into it with
 * `apply(setValue)`, reads it with `getValues` (so what the citizen typed stays theirs), and
 * the dossier is what react-hook-form's `handleSubmit` hands over. Every field of the form is
 * here; the ones a reason for reissue asks for show with that reason. A refused dossier shows
 * the back office's problems next to the fields, and no receipt.
 */
import type { Procedure } from 'oncefill';
import { useOncefill } from 'oncefill/react';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { AddressFields, Choices, Field, FieldNote, Problem, inputType, labelOf } from './parts.js';
import { emptyAddress, isVisible, problemCounts, problemsByField, topLevelFields } from '../../shared/dossier.js';
import { askConsent, sourcesFor, submitDossier, type PortalConfig, type SubmitAnswer } from '../../shared/portal.js';

type Values = Record<string, unknown>;

export function FoodSafetyForm({ procedure, config }: { procedure: Procedure; config: PortalConfig }) {
  const fields = topLevelFields(procedure);
  const defaultValues: Values = Object.fromEntries(fields.map((f) => [f.id, f.type === 'address' ? emptyAddress : '']));
  const { register, setValue, getValues, handleSubmit, control, watch } = useForm<Values>({ defaultValues });
  const oncefill = useOncefill(procedure, { sources: sourcesFor(config), consent: askConsent, ...(config.actingFor ? { actingFor: config.actingFor } : {}), getValues });
  const [answer, setAnswer] = useState<SubmitAnswer>();
  const problems = problemsByField(answer?.errors);
  const values = watch(); // the reason for reissue decides which fields show

  // One pass per answer: react-hook-form batches the writes into one render.
  useEffect(() => {
    oncefill.apply(setValue);
  }, [oncefill.values, setValue]);

  const onSubmit = handleSubmit(async (values) => {
    oncefill.submitAttempted();
    const sent = await submitDossier(config, procedure, values, oncefill.envelope());
    if (sent.ok) oncefill.confirmed(sent.dossierRef ? { dossierRef: sent.dossierRef } : {});
    else oncefill.submitFailed('invalid', problemCounts(sent.errors));
    setAnswer(sent);
  });

  if (answer?.ok)
    return (
      <p role="status" data-oncefill-receipt="">
        Đã nộp hồ sơ{answer.dossier ? ` số ${answer.dossier}` : ''}.
      </p>
    );
  return (
    <form onSubmit={onSubmit} aria-busy={oncefill.status === 'loading'} data-status={oncefill.status} noValidate>
      {fields
        .filter((f) => isVisible(f, values))
        .map((f) => {
          const problem = <Problem path={f.id} text={problems[f.id]} />;
          if (f.type === 'address')
            return (
              <Controller
                key={f.id}
                name={f.id}
                control={control}
                render={({ field }) => <AddressFields path={f.id} label={f.label.vi} value={field.value} onChange={field.onChange} problem={problem} />}
              />
            );
          if (f.type === 'radio')
            return <Controller key={f.id} name={f.id} control={control} render={({ field }) => <Choices procedure={procedure} path={f.id} value={field.value} onChange={field.onChange} problem={problem} />} />;
          const locked = oncefill.field(f.id).locked;
          return (
            <Field key={f.id} label={labelOf(procedure, f.id)} note={<FieldNote form={oncefill} path={f.id} />} problem={problem}>
              {f.type === 'textarea' ? <textarea {...register(f.id)} /> : <input type={inputType(f)} {...register(f.id)} readOnly={locked} aria-readonly={locked || undefined} />}
            </Field>
          );
        })}
      {answer && !answer.ok && <p role="alert">Hồ sơ chưa hợp lệ, vui lòng sửa các mục được đánh dấu.</p>}
      <button type="submit">Nộp hồ sơ</button>
    </form>
  );
}
