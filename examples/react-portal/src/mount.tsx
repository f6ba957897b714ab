/**
 * Mounts a page under StrictMode (development builds run every effect twice: oncefill opens
 * the form and prefills once all the same) with a header whose button re-renders everything
 * for a reason unrelated to the form.
 */
import type { Procedure } from 'oncefill';
import { StrictMode, useEffect, useState, version, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { loadProcedure, readConfig, startTelemetry, type PortalConfig } from '../../shared/portal.js';

type Page = ComponentType<{ procedure: Procedure; config: PortalConfig; ticks: number }>;

function Shell({ config, Page }: { config: PortalConfig; Page: Page }) {
  const [procedure, setProcedure] = useState<Procedure>();
  const [failed, setFailed] = useState(false);
  const [ticks, setTicks] = useState(0);
  useEffect(() => {
    let current = true;
    loadProcedure(config).then(
      (p) => current && setProcedure(p),
      () => current && setFailed(true),
    );
    return () => void (current = false);
  }, [config]);
  return (
    <main>
      <header>
        <h1>{procedure?.title.vi ?? 'Dịch vụ công'}</h1>
        <button type="button" id="rerender" onClick={() => setTicks((t) => t + 1)}>
          Đổi giao diện ({ticks})
        </button>
      </header>
      {procedure ? <Page procedure={procedure} config={config} ticks={ticks} /> : <p>{failed ? 'Không tải được biểu mẫu.' : 'Đang tải biểu mẫu…'}</p>}
      <footer data-react={version}>React {version}</footer>
    </main>
  );
}

export function mount(Page: Page): void {
  const root = document.getElementById('app');
  if (!root) return;
  const config = readConfig(root);
  startTelemetry(config);
  createRoot(root).render(
    <StrictMode>
      <Shell config={config} Page={Page} />
    </StrictMode>,
  );
}
