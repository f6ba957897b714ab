import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useMswServer } from '../../test/support/use-msw-server.js';
import { parseProcedure } from '../schema/parse-procedure.js';
import { createGatewaySources } from '../sources/create-gateway-sources.js';
import { useOncefill } from './use-oncefill.js';

// Any request during a server render fails the test (unhandled requests are errors).
useMswServer();

const cite = { document: 'Mẫu thử', tag: 'V' };
const procedure = parseProcedure({
  format: 1, code: '1.004616', version: '2026.1', status: 'verified', title: { vi: 'Thử' }, agency: { vi: 'Sở' }, applicant: 'citizen', source: cite,
  fields: [{ id: 'fullName', type: 'text', label: { vi: 'Họ tên' }, status: 'verified', source: cite, prefill: { from: [{ source: 'population', attribute: 'fullName' }], lock: true } }],
});

describe('useOncefill on the server (SSR)', () => {
  it('renders the empty form as loading, with no DOM, no request and no telemetry', () => {
    function Form() {
      const form = useOncefill(procedure, { sources: createGatewaySources({ baseUrl: 'https://portal.example/api/oncefill' }) });
      return (
        <form data-status={form.status}>
          <input {...form.register('fullName')} />
        </form>
      );
    }
    expect(typeof document).toBe('undefined');
    const html = renderToString(<Form />);
    expect(html).toContain('data-status="loading"');
    expect(html).toMatch(/<input[^>]*name="fullName"[^>]*value=""/);
  });
});
