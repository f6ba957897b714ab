/**
 * Constants of the telemetry wire format that browser code needs, kept apart from the schema
 * table so the one-tag embed does not carry the schemas (the ingest checks them).
 */

/** Wire format version (`v` of a batch). */
export const TELEMETRY_FORMAT = 1;

/** Most events in one batch. */
export const MAX_BATCH_EVENTS = 500;

/** Upper bound of any duration on the wire: 31 days in ms. */
export const MAX_DURATION_MS = 2_678_400_000;

/** Random ids (event, session, flow): 128 bits, base64url. */
export const RANDOM_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A field path from the definition: `fullName`, `members[2].birthDate`. Never a value. */
export const FIELD_PATH_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}(\[\d{1,3}\])?(\.[A-Za-z][A-Za-z0-9_]{0,63}(\[\d{1,3}\])?){0,7}$/;

/**
 * The dossier reference: an HMAC-SHA256 the portal's server computes over its dossier number
 * with a key the browser never sees, as 64 lowercase hex digits or 43 base64url characters.
 * A raw dossier number never matches.
 */
export const DOSSIER_REF_PATTERN = /^([0-9a-f]{64}|[A-Za-z0-9_-]{43})$/;
