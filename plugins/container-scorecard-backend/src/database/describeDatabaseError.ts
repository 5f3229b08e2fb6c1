/** Node's socket errors and knex's pool timeout: the database is not there, whatever the reason. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
]);

const MAX_DETAIL_LENGTH = 200;

/**
 * A short description of a database error that is safe to store on an entity or to send to a
 * caller: never the SQL (knex prefixes it, with the bound values, to the driver's message), never
 * the host, port, database or user of a connection that failed.
 */
export function describeDatabaseError(error: unknown): string {
  const { code, message } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
  };
  const text = typeof message === 'string' ? message : '';
  if (
    (typeof code === 'string' &&
      (UNREACHABLE_CODES.has(code) || /^(08|57P)/.test(code))) ||
    /Timeout acquiring a connection|Connection terminated|connect E[A-Z]+/i.test(
      text,
    )
  ) {
    return 'the database could not be reached';
  }
  const detail = driverMessageOf(text);
  if (!detail) return 'an unexpected database error occurred';
  return `the database refused it (${detail})`;
}

/** The driver's own words without knex's SQL prefix, on one line, bounded, addresses removed. */
function driverMessageOf(message: string): string {
  const separator = message.lastIndexOf(' - ');
  const driverText = separator >= 0 ? message.slice(separator + 3) : message;
  const firstLine = driverText.split('\n')[0].trim();
  const scrubbed = firstLine
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<address>')
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, '<address>')
    .replace(/\[?[0-9a-f]*:[0-9a-f:]+\]?:\d+/gi, '<address>');
  return scrubbed.length > MAX_DETAIL_LENGTH
    ? `${scrubbed.slice(0, MAX_DETAIL_LENGTH)}…`
    : scrubbed;
}
