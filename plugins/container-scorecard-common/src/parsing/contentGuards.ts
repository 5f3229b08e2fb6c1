import type { AnalysisError } from '../model/types';

/** Size in bytes of the UTF-8 encoding of a string, without Node's Buffer. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Refuses content we must not try to parse: too large (a generated or vendored file, or an
 * attempt to exhaust the scanner) or binary (a NUL byte never appears in a text definition).
 */
export function checkContentGuards(
  content: string,
  maxFileBytes: number,
): AnalysisError | undefined {
  // Cheap upper bound first so a huge file is not walked character by character.
  if (content.length > maxFileBytes || utf8ByteLength(content) > maxFileBytes) {
    const size = utf8ByteLength(content);
    if (size > maxFileBytes) {
      return {
        code: 'file-too-large',
        message: `The file is ${size} bytes, over the ${maxFileBytes}-byte limit.`,
      };
    }
  }
  if (content.includes('\u0000')) {
    return {
      code: 'binary-content',
      message:
        'The file contains NUL bytes: it looks binary, not a text definition.',
    };
  }
  return undefined;
}
