/**
 * Authoring rules for publishing a definition, on top of what oncefill needs to run it: a
 * field or component resting on [P] or [R] evidence is a draft, and so is a definition that
 * holds one; bounds are ordered; drafts are announced. Run by `checkProcedure` (the CLI, the
 * gateway), not by the browser's `parseProcedure`.
 */
import type { DefinitionIssue } from '../shared/DefinitionError.js';
import type { Procedure } from './procedure-format.js';

export interface AuthoringReport {
  errors: DefinitionIssue[];
  /** Not wrong, but worth a look (drafts). */
  warnings: DefinitionIssue[];
}

/**
 * @example
 * const { errors, warnings } = checkAuthoring(procedure)
 */
export function checkAuthoring(procedure: Procedure): AuthoringReport {
  const errors: DefinitionIssue[] = [];
  const warnings: DefinitionIssue[] = [];
  const mustBeDraft = (path: string, what: string, tag: string) =>
    errors.push({ path, code: 'status-mismatch', message: `${what} resting on [${tag}] evidence must be "draft"` });

  procedure.fields.forEach((field, index) => {
    const at = `$.fields[${index}]`;
    if ('min' in field && 'max' in field && field.min !== undefined && field.max !== undefined && field.min > field.max)
      errors.push({ path: `${at}.min`, code: 'invalid', message: 'min is greater than max' });
    if (field.source.tag !== 'V' && field.status === 'verified') mustBeDraft(`${at}.status`, 'a field', field.source.tag);
  });
  procedure.documents?.forEach((component, index) => {
    if (component.source.tag !== 'V' && component.status === 'verified') mustBeDraft(`$.documents[${index}].status`, 'a component', component.source.tag);
  });

  const drafts = procedure.fields.filter((f) => f.status === 'draft').length + (procedure.documents ?? []).filter((d) => d.status === 'draft').length;
  if (drafts > 0 && procedure.status === 'verified')
    errors.push({ path: '$.status', code: 'status-mismatch', message: `the definition holds ${drafts} draft field(s) or component(s), so it must be "draft"` });
  if (procedure.source.tag !== 'V' && procedure.status === 'verified') mustBeDraft('$.status', 'a definition', procedure.source.tag);
  if (procedure.status === 'draft')
    warnings.push({
      path: '$.status',
      code: 'draft',
      message: drafts > 0 ? `draft: ${drafts} field(s) or component(s) still need checking against the official template` : 'draft: the definition is not yet checked against the official template',
    });
  return { errors, warnings };
}
