/**
 * Small procedure definitions for tests: a verified citation on every part, so a test states
 * only what it is about (the fields and their prefill), not the definition format's required
 * paperwork. The shipped six live in `procedures/`; these are deliberately tiny.
 */
export const TEST_CITATION = { document: 'Mẫu thử', tag: 'V' } as const;

type FieldInput = { id: string; type: string } & Record<string, unknown>;

/** A verified field with its id as its Vietnamese label unless the test gives one. */
export const testField = (field: FieldInput) => ({ label: { vi: field.id }, status: 'verified', source: TEST_CITATION, ...field });

/** `prefill` from one source attribute, locked when asked. */
export const prefillFrom = (source: string, attribute: string, lock = false) => ({
  prefill: { from: [{ source, attribute }], ...(lock ? { lock: true } : {}) },
});

/** A verified citizen procedure definition (plain JSON, for `parseProcedure` or a page). */
export const testDefinition = (fields: FieldInput[], overrides: Record<string, unknown> = {}) => ({
  format: 1,
  code: '1.004616',
  version: '2026.1',
  status: 'verified',
  title: { vi: 'Thử' },
  agency: { vi: 'Sở' },
  applicant: 'citizen',
  source: TEST_CITATION,
  fields: fields.map(testField),
  ...overrides,
});
