/**
 * The demo's `PORT`: unset or empty means 8080, `0` a free port the system picks; anything else
 * must be plain decimal digits up to 65535 (`Number()` would also take `1e3`, `0x1F99`, ` 80 `).
 */
export function parsePort(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return 8080;
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}
