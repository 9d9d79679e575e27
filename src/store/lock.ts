import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { LOCK_FILE_NAME } from './constants.ts';

/** An exclusive lock on a store folder, held by this process until release(). */
export interface FolderLock {
  readonly file: string;
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await readFile(file, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Takes `<dir>/crosscheck.lock`. The pid is written to a private file first and hard-linked into place, so
 * the lock appears atomically with its content (no reader ever sees an empty lock). A lock whose process is
 * gone is taken over; a lock held by a live process (this one included) is refused with its pid.
 */
export async function acquireFolderLock(dir: string): Promise<FolderLock> {
  const file = path.join(dir, LOCK_FILE_NAME);
  const draft = `${file}.${process.pid}.${Date.now()}`;
  await writeFile(draft, `${process.pid}\n`, { flag: 'wx' });
  try {
    // Two attempts: the second after removing a stale lock.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(draft, file);
        return holdLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readHolder(file);
      if (holder !== null && isAlive(holder)) {
        throw new Error(
          `The store ${dir} is in use by process ${holder}${holder === process.pid ? ' (this process)' : ''}; ` +
            `close it first, or remove ${file} if that process is not a crosscheck.`,
        );
      }
      // Stale (its process is gone) or unreadable: take it over.
      await unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    throw new Error(`Could not take the lock ${file}: another process took it at the same time.`);
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

function holdLock(file: string): FolderLock {
  // Leaves no lock behind when the process exits without close(); the next open would take it over anyway.
  const onExit = () => {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once('exit', onExit);
  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      // Only remove the lock if it is still ours.
      if ((await readHolder(file)) === process.pid) await unlink(file).catch(() => undefined);
    },
  };
}
