import { randomBytes } from 'node:crypto';
import { chmod, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replace a file's content atomically: write a temporary file next to it with the same
 * mode, then rename it over the original, so readers see the old or the new file, never a
 * half-written one. The temporary file is removed when anything fails.
 *
 * @example
 * await writeAtomic('/repo/a.md', fixedText)
 */
export async function writeAtomic(file: string, content: string): Promise<void> {
  const { mode } = await stat(file);
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, content, { mode: mode & 0o7777, flag: 'wx' });
    await chmod(temporary, mode & 0o7777);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
