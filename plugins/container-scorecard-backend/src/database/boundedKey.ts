/**
 * Bytes an indexed text value may take. PostgreSQL's b-tree refuses index entries above about
 * 2,700 bytes ("index row size exceeds btree maximum"); this leaves room for the other columns
 * of composite keys (owner and day).
 */
export const MAX_KEY_BYTES = 2000;

/** Marks a value cut to fit an index, so nobody mistakes it for the whole. */
export const TRUNCATION_MARKER = '…[truncated]';

/**
 * An owner ref as stored: whole when it fits an index entry, else cut on a character boundary and
 * marked. Owners come from `spec.owner`, which the catalog does not bound; a ref that long names
 * no real group (group names have at most 63 characters), so cutting it changes no team's view.
 */
export function boundedKey<T extends string | null | undefined>(value: T): T {
  if (typeof value !== 'string') return value;
  if (Buffer.byteLength(value, 'utf8') <= MAX_KEY_BYTES) return value;
  const budget = MAX_KEY_BYTES - Buffer.byteLength(TRUNCATION_MARKER, 'utf8');
  let kept = '';
  let bytes = 0;
  for (const char of value) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > budget) break;
    kept += char;
    bytes += size;
  }
  return `${kept}${TRUNCATION_MARKER}` as T;
}
