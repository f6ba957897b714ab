/**
 * 128 random bits as 22 base64url characters: event, session and flow ids. Uses
 * `crypto.getRandomValues` (Firefox 92 lacks `crypto.randomUUID`).
 * @example
 * randomId() // 'q3L0v2x9TQeWm1bZ8cY4pA'
 */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = '';
  for (let i = 0; i < 16; i++) s += String.fromCharCode(bytes[i]!);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').slice(0, 22);
}
