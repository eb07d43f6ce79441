import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file the indexer writes goes to a temporary name first and is renamed when whole, so a kill at any moment
 * leaves either the old file, the new one, or a leftover `.part` — never half a file under the real name. The name
 * carries the writer's pid, so a later run can tell a dead run's leftover from a live run's work in progress.
 */
export function tempName(file: string): string {
  const name = `${file}.${process.pid}-${randomUUID()}.part`;
  mine.add(path.basename(name));
  return name;
}

/** This process's own temporary names: a leftover can carry our pid too, when a killed run's pid is reused (pid 1 in a container). */
const mine = new Set<string>();

/** Writes `data` to `file` through a temporary name. */
export async function writeFileAtomic(file: string, data: Parameters<typeof fs.writeFile>[1], mode?: number): Promise<void> {
  const partial = tempName(file);
  try {
    await fs.writeFile(partial, data, mode === undefined ? {} : { mode });
    await fs.rename(partial, file);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  } finally {
    mine.delete(path.basename(partial));
  }
}

/** `<file>.<pid>-<uuid>.part`, and the `.partial-<pid>` / `.partial` names of earlier versions. */
const LEFTOVER = /\.(?:(\d+)-[0-9a-f-]{36}\.part|partial(?:-(\d+))?)$/;

/** Long enough for any one episode's work (a decoded WAV is read for as long as its pieces are transcribed). */
const ABANDONED_MS = 24 * 3_600_000;

/**
 * Removes the temporary files that killed runs left in `dirs`: those whose process is gone (or is this one, under a
 * name it did not make), and any untouched for a day, which also covers a pid since reused by another process.
 * Another run that is still working keeps its files. Best effort: a file that cannot be removed is left.
 */
export async function removeLeftovers(dirs: string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const match = LEFTOVER.exec(name);
      if (!match || mine.has(name)) continue;
      const pid = Number(match[1] ?? match[2] ?? 0);
      const file = path.join(dir, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat) continue;
      const gone = pid === 0 ? false : pid === process.pid || !alive(pid);
      if (gone || Date.now() - stat.mtimeMs > ABANDONED_MS) {
        if (
          await fs.rm(file, { force: true, recursive: true }).then(
            () => true,
            () => false,
          )
        )
          removed++;
      }
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
