/**
 * 128 random bits as 22 base64url characters: event, session and flow ids. Uses
 * `crypto.getRandomValues` (Firefox 92 lacks `crypto.randomUUID`).
 * @example
 * randomId() // 'q3L0v2x9TQeWm1bZ8cY4pA'
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // base64 of 16 bytes is 22 characters and "==": keep the 22, made URL-safe.
  return btoa(String.fromCharCode(...bytes))
    .slice(0, 22)
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}
