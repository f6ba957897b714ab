declare const __ONCEFILL_VERSION__: string;

/** The oncefill version, set at build time. */
export const version: string = typeof __ONCEFILL_VERSION__ === 'string' ? __ONCEFILL_VERSION__ : '0.0.0-dev';
