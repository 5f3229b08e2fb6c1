import { randomBytes } from 'node:crypto';
import { chmod, lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Why a fix was not written; the file is left exactly as it was. */
export class FixRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixRefusedError';
  }
}

/**
 * Replaces a regular file's content without ever writing through a symbolic link: the path is
 * checked with `lstat` right before writing, the new text goes to a fresh temporary file in the
 * same directory (created exclusively, so no planted link is followed either), and a rename
 * swaps it in. A rename replaces the directory entry itself, never what a link points to, and a
 * reader sees the old file or the new one, never half of each.
 */
export async function writeFileInPlace(
  path: string,
  content: string,
): Promise<void> {
  const before = await lstat(path).catch(() => undefined);
  if (!before) throw new FixRefusedError('the file is gone');
  if (before.isSymbolicLink()) {
    throw new FixRefusedError(
      'it is a symbolic link; --fix never writes through links',
    );
  }
  if (!before.isFile()) throw new FixRefusedError('not a regular file');

  const temporary = join(
    dirname(path),
    `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temporary, 'wx', before.mode & 0o777);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // The umask may have narrowed the mode given to open: the fixed file keeps the original.
    await chmod(temporary, before.mode & 0o7777);
    const now = await lstat(path);
    if (now.isSymbolicLink() || now.ino !== before.ino) {
      throw new FixRefusedError('the file changed while it was being fixed');
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
