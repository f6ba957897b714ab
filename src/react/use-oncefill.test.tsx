// @vitest-environment happy-dom
import { http, HttpResponse, delay } from 'msw';
import { StrictMode, act, useEffect, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useMswServer } from '../../test/support/use-msw-server.js';
import { prefillFrom, testDefinition } from '../../test/support/test-definition.js';
import { parseProcedure } from '../schema/parse-procedure.js';
import { createGatewaySources } from '../sources/create-gateway-sources.js';
import { telemetryHub } from '../telemetry/telemetry-hub.js';
import { useOncefill, type UseOncefillResult } from './use-oncefill.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const BASE = 'https://portal.example/api/oncefill';
const server = useMswServer();

const procedure = parseProcedure(
  testDefinition([
    { id: 'fullName', type: 'text', label: { vi: 'Họ tên' }, ...prefillFrom('population', 'fullName', true) },
    { id: 'phone', type: 'phone', label: { vi: 'Điện thoại' }, ...{ prefill: { from: [{ source: 'population', attribute: 'phone' }, { source: 'personal', attribute: 'phone' }] } } },
    { id: 'email', type: 'email', label: { vi: 'Email' }, ...prefillFrom('personal', 'email') },
    { id: 'agree', type: 'checkbox', label: { vi: 'Cam kết' } },
  ]),
);

const records = {
  population: { fullName: { value: { family: 'NGUYỄN', middle: 'THỊ', given: 'AN' }, verification: 'verified', recordId: 'dc-1' }, phone: { value: '0912345678', verification: 'verified' } },
  personal: { phone: { value: '0912345678', verification: 'user-provided' }, email: { value: 'an@example.vn', verification: 'user-provided' } },
};

/** The gateway at the network edge; `hold` keeps answers back until released. */
function gateway(options: { delayMs?: number; failPersonal?: boolean; personalPhone?: string } = {}) {
  const asked: string[] = [];
  server.use(
    http.post(`${BASE}/:source`, async ({ params }) => {
      const source = String(params.source) as keyof typeof records;
      asked.push(source);
      if (options.delayMs) await delay(options.delayMs);
      if (source === 'personal' && options.failPersonal) return HttpResponse.json({ protocol: 1, error: { code: 'unavailable-until', message: 'down' } }, { status: 503 });
      const attributes = source === 'personal' && options.personalPhone ? { ...records.personal, phone: { value: options.personalPhone, verification: 'user-provided' } } : records[source];
      return HttpResponse.json({ protocol: 1, source, fingerprint: 'session-an', attributes, provenance: `stmt-${source}` });
    }),
  );
  return asked;
}

const sources = createGatewaySources({ baseUrl: BASE, retries: 0 });

let root: Root | undefined;
let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  sessionStorage.clear();
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  container.remove();
});

async function render(node: ReactNode): Promise<void> {
  await act(async () => {
    root = createRoot(container);
    root.render(node);
  });
}

/** Waits (inside act) until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(async () => void (await delay(10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const input = (name: string) => container.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

/** Types as the citizen does: the native setter and an input event, which React's onChange hears. */
async function type(name: string, value: string): Promise<void> {
  await act(async () => {
    const el = input(name);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('useOncefill with controlled components', () => {
  function Form({ onRender, latest }: { onRender?: (form: UseOncefillResult) => void; latest?: { current?: UseOncefillResult } }) {
    const form = useOncefill(procedure, { sources });
    onRender?.(form);
    if (latest) latest.current = form;
    return (
      <form>
        <input {...form.register('fullName')} />
        <input {...form.register('phone')} />
        <input {...form.register('email')} />
        <input type="checkbox" {...form.register('agree', { type: 'checkbox' })} />
        <output>{form.status}</output>
      </form>
    );
  }

  it('fills controlled inputs from the sources, one render per answer, with status, provenance and lock', async () => {
    gateway();
    const renders: UseOncefillResult[] = [];
    await render(<Form onRender={(f) => renders.push(f)} />);
    await until(() => container.querySelector('output')?.textContent === 'ready', 'ready');
    expect(input('fullName').value).toBe('Nguyễn Thị An');
    expect(input('fullName').readOnly).toBe(true);
    expect(input('fullName').getAttribute('aria-readonly')).toBe('true');
    expect(input('phone').value).toBe('0912345678');
    expect(input('email').value).toBe('an@example.vn');
    const last = renders.at(-1)!;
    expect(last.field('fullName')).toMatchObject({ status: 'filled', setBy: 'oncefill', locked: true, provenance: { source: 'population', attribute: 'fullName', verification: 'verified' } });
    expect(last.field('email')).toMatchObject({ status: 'filled', locked: false, provenance: { source: 'personal' } });
    // Loading, then one render per source answer (two sources): never one per field.
    expect(renders.length).toBeLessThanOrEqual(3);
    expect(last.envelope()).toMatchObject({ v: 1, procedure: { code: '1.004616' }, provenance: ['stmt-population', 'stmt-personal'], fields: { fullName: { source: 'population', locked: true, setBy: 'oncefill' } } });
  });

  it('keeps what the citizen typed before the answer arrived, and refuses edits to a locked value', async () => {
    gateway({ delayMs: 60 });
    const latest: { current?: UseOncefillResult } = {};
    await render(<Form latest={latest} />);
    await type('email', 'mine@example.vn');
    await until(() => latest.current?.status === 'ready', 'ready');
    expect(input('email').value).toBe('mine@example.vn');
    expect(latest.current!.field('email').setBy).toBe('citizen');
    await type('fullName', 'Someone Else');
    expect(input('fullName').value).toBe('Nguyễn Thị An');
    await act(async () => void latest.current!.dispute('fullName', 'Tên sai dấu'));
    expect(input('fullName').readOnly).toBe(false);
    await type('fullName', 'Nguyễn Thị Ân');
    expect(input('fullName').value).toBe('Nguyễn Thị Ân');
    expect(latest.current!.envelope().fields.fullName).toMatchObject({ edited: true, disputed: { reason: 'Tên sai dấu' }, locked: false });
  });

  it('records a checkbox and a custom widget’s value given directly', async () => {
    gateway();
    const latest: { current?: UseOncefillResult } = {};
    await render(<Form latest={latest} />);
    await until(() => latest.current?.status === 'ready', 'ready');
    await act(async () => input('agree').click());
    expect(input('agree').checked).toBe(true);
    await act(async () => latest.current!.register('phone').onChange('0900000009'));
    expect(input('phone').value).toBe('0900000009');
    expect(latest.current!.values).toMatchObject({ agree: true, phone: '0900000009' });
  });

  it('shows a conflict’s candidates and fills the one the citizen chooses', async () => {
    gateway({ personalPhone: '0987654321' });
    const latest: { current?: UseOncefillResult } = {};
    await render(<Form latest={latest} />);
    await until(() => latest.current?.status === 'ready', 'ready');
    expect(input('phone').value).toBe('');
    expect(input('phone').dataset.oncefill).toBe('conflict');
    expect(latest.current!.field('phone').candidates?.map((c) => c.provenance.source)).toEqual(['population', 'personal']);
    await act(async () => void latest.current!.choose('phone', 1));
    expect(input('phone').value).toBe('0987654321');
    expect(latest.current!.envelope().fields.phone).toMatchObject({ source: 'personal', setBy: 'citizen' });
  });

  it('stays usable when a source fails: its fields are errors, the others fill', async () => {
    gateway({ failPersonal: true });
    const latest: { current?: UseOncefillResult } = {};
    await render(<Form latest={latest} />);
    await until(() => latest.current?.status === 'ready', 'ready');
    expect(latest.current!.result?.sources.personal?.status).toBe('error');
    expect(latest.current!.field('email').status).toBe('error');
    expect(input('phone').value).toBe('0912345678');
    await type('email', 'typed@example.vn');
    expect(input('email').value).toBe('typed@example.vn');
  });

  it('under StrictMode opens the form once and asks each source once', async () => {
    const asked = gateway({ delayMs: 30 });
    const opened: string[] = [];
    const off = telemetryHub().subscribe((m) => {
      if (m.type === 'event' && m.event.name === 'form:opened') opened.push(m.event.flow);
    });
    const latest: { current?: UseOncefillResult } = {};
    await render(
      <StrictMode>
        <Form latest={latest} />
      </StrictMode>,
    );
    await until(() => latest.current?.status === 'ready', 'ready');
    off();
    expect(opened).toHaveLength(1);
    expect(asked.sort()).toEqual(['personal', 'population']);
    expect(input('fullName').value).toBe('Nguyễn Thị An');
  });

  it('keeps its session when the same procedure arrives parsed again (a refetch): no second prefill, no second form:opened', async () => {
    const asked = gateway();
    const opened: string[] = [];
    const off = telemetryHub().subscribe((m) => void (m.type === 'event' && m.event.name === 'form:opened' && opened.push(m.event.flow)));
    const latest: { current?: UseOncefillResult } = {};
    function Reparsed({ p }: { p: typeof procedure }) {
      latest.current = useOncefill(p, { sources });
      return <input {...latest.current.register('email')} />;
    }
    await render(<Reparsed p={procedure} />);
    await until(() => latest.current?.status === 'ready', 'ready');
    await act(async () => root!.render(<Reparsed p={parseProcedure(JSON.parse(JSON.stringify(procedure)))} />));
    await act(async () => void (await delay(50)));
    off();
    expect(asked).toHaveLength(2);
    expect(opened).toHaveLength(1);
    expect(input('email').value).toBe('an@example.vn');
  });

  it('reports the form’s telemetry through the page’s hub: prefill resolved, edits after prefill, kept values at submit; nothing refused by the schemas', async () => {
    gateway();
    const events: Array<{ name: string; [k: string]: unknown }> = [];
    const errors: string[] = [];
    const off = telemetryHub().subscribe((m) => {
      if (m.type === 'event') events.push(m.event as unknown as { name: string });
      if (m.type === 'error') errors.push(m.error.message);
    });
    const latest: { current?: UseOncefillResult } = {};
    await render(<Form latest={latest} />);
    await until(() => events.some((e) => e.name === 'prefill:resolved'), 'prefill:resolved');
    await type('phone', '0900000009');
    await act(async () => latest.current!.submitAttempted());
    off();
    expect(errors).toEqual([]);
    const resolved = events.find((e) => e.name === 'prefill:resolved')!;
    expect(resolved).toMatchObject({ fields: { filled: 3, locked: 1 }, sources: { population: { status: 'ok', attributes: 2 }, personal: { status: 'ok', attributes: 1 } } });
    expect(events.filter((e) => e.name === 'field:edited')).toEqual([expect.objectContaining({ field: 'phone', source: 'population', locked: false })]);
    expect(events.filter((e) => e.name === 'field:kept').map((e) => e.field).sort()).toEqual(['email', 'fullName']);
    expect(events.map((e) => e.name)).toContain('submit:attempted');
    expect(JSON.stringify(events)).not.toMatch(/0912345678|an@example|Nguyễn|0900000009/);
  });

  it('stops asking when the component unmounts before the answer', async () => {
    gateway({ delayMs: 100 });
    const renders: UseOncefillResult[] = [];
    await render(<Form onRender={(f) => renders.push(f)} />);
    await act(async () => root!.unmount());
    root = undefined;
    await act(async () => void (await delay(150)));
    expect(renders.every((f) => f.status === 'loading')).toBe(true);
  });

  it('keeps the values through an unrelated re-render of the parent', async () => {
    gateway();
    let bump: () => void = () => {};
    function Parent() {
      const [n, setN] = useState(0);
      bump = () => setN((x) => x + 1);
      return (
        <div data-n={n}>
          <Form />
        </div>
      );
    }
    await render(<Parent />);
    await until(() => input('phone')?.value === '0912345678', 'filled');
    await act(async () => bump());
    await act(async () => bump());
    expect(input('phone').value).toBe('0912345678');
    expect(input('fullName').value).toBe('Nguyễn Thị An');
  });
});

describe('useOncefill with react-hook-form', () => {
  type Values = { fullName: string; phone: string; email: string };

  function RhfForm({ latest, onSubmit, renders }: { latest: { current?: UseOncefillResult; values?: () => Values }; onSubmit: (v: Values) => void; renders?: { n: number } }) {
    const { register, setValue, getValues, handleSubmit } = useForm<Values>({ defaultValues: { fullName: '', phone: '', email: '' } });
    const form = useOncefill(procedure, { sources, getValues });
    latest.current = form;
    latest.values = getValues;
    if (renders) renders.n++;
    useEffect(() => {
      form.apply(setValue);
    }, [form.values, setValue]);
    return (
      <form onSubmit={handleSubmit(onSubmit)}>
        <input {...register('fullName')} readOnly={form.field('fullName').locked} />
        <input {...register('phone')} />
        <input {...register('email')} />
        <button type="submit">Nộp</button>
      </form>
    );
  }

  it('writes oncefill’s values with setValue and the submitted values carry them', async () => {
    gateway();
    const latest: { current?: UseOncefillResult; values?: () => Values } = {};
    const submitted: Values[] = [];
    await render(<RhfForm latest={latest} onSubmit={(v) => submitted.push(v)} />);
    await until(() => latest.current?.status === 'ready' && latest.values!().email !== '', 'filled');
    expect(latest.values!()).toEqual({ fullName: 'Nguyễn Thị An', phone: '0912345678', email: 'an@example.vn' });
    expect(input('fullName').readOnly).toBe(true);
    await act(async () => container.querySelector('button')!.click());
    await until(() => submitted.length === 1, 'submit');
    expect(submitted[0]).toEqual({ fullName: 'Nguyễn Thị An', phone: '0912345678', email: 'an@example.vn' });
  });

  it('never overwrites a value the citizen typed into the library before the answer', async () => {
    gateway({ delayMs: 60 });
    const latest: { current?: UseOncefillResult; values?: () => Values } = {};
    await render(<RhfForm latest={latest} onSubmit={() => {}} />);
    await type('phone', '0900000001');
    await until(() => latest.current?.status === 'ready' && latest.values!().email !== '', 'filled');
    expect(latest.values!().phone).toBe('0900000001');
    expect(latest.current!.field('phone').setBy).toBe('page');
    // Edited after the fill: the library's value is the citizen's, and the envelope says so.
    await type('email', 'new@example.vn');
    expect(latest.current!.envelope().fields.email).toMatchObject({ setBy: 'citizen', edited: true });
    expect(latest.current!.apply(() => {
      throw new Error('nothing is left to write');
    })).toEqual([]);
  });

  it('writes the candidate the citizen chooses for a conflict, and then leaves the field to the citizen', async () => {
    gateway({ personalPhone: '0987654321' });
    const latest: { current?: UseOncefillResult; values?: () => Values } = {};
    await render(<RhfForm latest={latest} onSubmit={() => {}} />);
    await until(() => latest.current?.status === 'ready' && latest.values!().email !== '', 'filled');
    expect(latest.values!().phone).toBe('');
    await act(async () => void latest.current!.choose('phone', 1));
    expect(latest.values!().phone).toBe('0987654321');
    expect(input('phone').value).toBe('0987654321');
    await type('phone', '0911111111');
    await act(async () => void latest.current!.apply(() => {}));
    expect(latest.current!.field('phone')).toMatchObject({ value: '0911111111', setBy: 'citizen' });
    expect(latest.values!().phone).toBe('0911111111');
  });

  it('writes each value once: a later pass finds nothing left to write', async () => {
    gateway();
    const latest: { current?: UseOncefillResult; values?: () => Values } = {};
    let writes = 0;
    await render(<RhfForm latest={latest} onSubmit={() => {}} />);
    await until(() => latest.current?.status === 'ready', 'ready');
    const again = latest.current!.apply(() => writes++);
    expect(again).toEqual([]);
    expect(writes).toBe(0);
  });
});
