import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'express';

const gzipAsync = promisify(gzip);

/** A large answer encoded once, to be sent many times from a cache. */
export interface PreparedBody {
  raw: Buffer;
  gzip: Buffer;
  /**
   * A weak validator of the content, so a client holding it gets 304 without a body. Weak because
   * the gzip and plain representations of one content share it.
   */
  etag: string;
}

/**
 * Encodes `text` once: as bytes, compressed, and with its ETag. A cached export of 10,000 rows is
 * about 1 MB. Sent as a string, every request would encode it again, hash it for express's ETag,
 * and have the backend's compression middleware gzip it again (10–20 ms of CPU each, on the event
 * loop); at 50 readers that alone is more than two cores. zlib's async gzip runs on libuv's pool.
 */
export async function prepareBody(text: string): Promise<PreparedBody> {
  const raw = Buffer.from(text, 'utf8');
  return {
    raw,
    gzip: await gzipAsync(raw),
    etag: `W/"${createHash('sha256').update(raw).digest('base64url')}"`,
  };
}

/**
 * Sends `body` compressed when the client accepts gzip, else as is. Setting Content-Encoding
 * makes the compression middleware leave it alone; with the ETag set, express answers a matching
 * If-None-Match with 304 and no body. Headers such as Content-Type are the caller's to set.
 */
export function sendPrepared(
  req: Pick<Request, 'acceptsEncodings'>,
  res: Response,
  body: PreparedBody,
): void {
  res.vary('Accept-Encoding');
  res.setHeader('ETag', body.etag);
  if (req.acceptsEncodings('gzip') === 'gzip') {
    res.setHeader('Content-Encoding', 'gzip');
    res.send(body.gzip);
  } else {
    res.send(body.raw);
  }
}
