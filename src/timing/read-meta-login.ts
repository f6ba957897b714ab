/**
 * Reads the login time the portal's server writes into its pages,
 * `<meta name="oncefill-login-at" content="ISO date-time or epoch ms" data-now="server time">`,
 * on the device's clock (`wall`: the device's time now).
 * @example
 * readMetaLogin(document, Date.now()) // { at: 1767225600000, src: '1767225600000' }, or undefined
 */
export function readMetaLogin(doc: Document | undefined, wall: number): { at: number; src: string } | undefined {
  const meta = doc?.querySelector('meta[name="oncefill-login-at"]');
  const src = meta?.getAttribute('content')?.trim();
  const time = (text = '') => (/^\d+$/.test(text) ? Number(text) : Date.parse(text));
  let at = time(src);
  if (!src || !Number.isFinite(at)) return undefined;
  // The server's clock is not the device's: shift by the skew the server's own "now" reveals.
  const now = time(meta?.getAttribute('data-now')?.trim());
  if (Number.isFinite(now)) at -= now - wall;
  return { at: Math.min(at, wall), src };
}
