/**
 * 1.004616 (Cấp Chứng chỉ hành nghề dược, Mẫu số 02) with controlled components: every value is
 * in the oncefill session, rendered through `register` (or `set`, for an address or a list of
 * choices). The recipient agency and each address's province are non-native listboxes whose
 * state is in React only. Every field of the form is here, in the form's order; uploads are
 * the portal's own step. A refused dossier shows the back office's problems next to the
 * fields, and no receipt.
 */
import type { Procedure } from 'oncefill';
import { useOncefill } from 'oncefill/react';
import { useState, type FormEvent } from 'react';
import { Listbox } from './Listbox.js';
import { AddressFields, Choices, Field, FieldNote, Problem, inputType, labelOf, optionsOf } from './parts.js';
import { Rows } from './Rows.js';
import { fieldById, isVisible, problemCounts, problemsByField } from '../../shared/dossier.js';
import { askConsent, sourcesFor, submitDossier, type PortalConfig, type SubmitAnswer } from '../../shared/portal.js';

const PERSON: string[] = ['fullName', 'birthDate'];
const IDENTITY: string[] = ['idNumber', 'idIssueDate', 'idIssuePlace', 'phone', 'email'];
const SIGNATURE: string[] = ['signPlace', 'signDate', 'signatoryName'];

export function PracticeForm({ procedure, config }: { procedure: Procedure; config: PortalConfig }) {
  const form = useOncefill(procedure, { sources: sourcesFor(config), consent: askConsent });
  const [answer, setAnswer] = useState<SubmitAnswer>();
  const problems = problemsByField(answer?.errors);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    form.submitAttempted();
    const sent = await submitDossier(config, procedure, form.values, form.envelope());
    if (sent.ok) form.confirmed(sent.dossierRef ? { dossierRef: sent.dossierRef } : {});
    else form.submitFailed('invalid', problemCounts(sent.errors));
    setAnswer(sent);
  };

  /** A plain input for a field, its provenance note and its problem. */
  const text = (path: string) => (
    <Field key={path} label={labelOf(procedure, path)} note={<FieldNote form={form} path={path} />} problem={<Problem path={path} text={problems[path]} />}>
      <input type={inputType(fieldById(procedure, path))} {...form.register(path)} />
    </Field>
  );
  const address = (path: string) => (
    <AddressFields
      path={path}
      label={labelOf(procedure, path)}
      value={form.field(path).value}
      locked={form.field(path).locked}
      onChange={(value) => form.set(path, value)}
      note={<FieldNote form={form} path={path} />}
      problem={<Problem path={path} text={problems[path]} />}
    />
  );
  const choices = (path: string, multiple = false) => (
    <Choices procedure={procedure} path={path} multiple={multiple} value={form.values[path]} onChange={(value) => form.set(path, value)} problem={<Problem path={path} text={problems[path]} />} />
  );
  // Shown only when the applicant does not speak Vietnamese fluently (the definition's visibleWhen).
  const shown = (path: string) => isVisible(fieldById(procedure, path)!, form.values);

  if (answer?.ok)
    return (
      <p role="status" data-oncefill-receipt="">
        Đã nộp hồ sơ{answer.dossier ? ` số ${answer.dossier}` : ''}.
      </p>
    );
  return (
    <form onSubmit={onSubmit} aria-busy={form.status === 'loading'} data-status={form.status} noValidate>
      <Listbox label={labelOf(procedure, 'recipientAgency')} options={optionsOf(procedure, 'recipientAgency')} {...form.register('recipientAgency')} />
      <Problem path="recipientAgency" text={problems.recipientAgency} />
      {PERSON.map(text)}
      {address('permanentAddress')}
      {address('currentAddress')}
      {IDENTITY.map(text)}
      <Rows procedure={procedure} form={form} group="diplomas" problems={problems} />
      <Rows procedure={procedure} form={form} group="practiceRows" problems={problems} />
      {choices('applicantCase')}
      {choices('issueRoute')}
      {choices('practiceScope', true)}
      {choices('fluentVietnamese')}
      {shown('practiceLanguage') && text('practiceLanguage')}
      {shown('interpreterCommitment') && (
        <label className="choice">
          <input type="checkbox" {...form.register('interpreterCommitment', { type: 'checkbox' })} /> {labelOf(procedure, 'interpreterCommitment')}
          <Problem path="interpreterCommitment" text={problems.interpreterCommitment} />
        </label>
      )}
      {SIGNATURE.map(text)}
      {answer && !answer.ok && <p role="alert">Hồ sơ chưa hợp lệ, vui lòng sửa các mục được đánh dấu.</p>}
      <button type="submit">Nộp hồ sơ</button>
    </form>
  );
}
