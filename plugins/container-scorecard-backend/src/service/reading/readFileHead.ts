import { promises as fs } from 'node:fs';

/**
 * Reads at most `maxBytes` bytes from the start of a file: a file that grew since it was
 * measured can never make a read larger than planned.
 */
export async function readFileHead(
  path: string,
  maxBytes: number,
): Promise<Buffer> {
  const handle = await fs.open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes);
    let filled = 0;
    while (filled < maxBytes) {
      const { bytesRead } = await handle.read(
        buffer,
        filled,
        maxBytes - filled,
        filled,
      );
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
