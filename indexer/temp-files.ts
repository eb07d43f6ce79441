import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file the indexer writes goes to a temporary name first and is renamed when whole, so a kill at any moment
 * leaves either the old file, the new one, or a leftover `.part` — never half a file under the real name. The name
 * carries the writer's pid, so a later run can tell a dead run's leftover from a live run's work in progress.
 */
export function tempName(file: string): string {
  return `${file}.${process.pid}-${randomUUID()}.part`;
}

/** Writes `data` to `file` through a temporary name. */
export async function writeFileAtomic(file: string, data: Parameters<typeof fs.writeFile>[1], mode?: number): Promise<void> {
  const partial = tempName(file);
  try {
    await fs.writeFile(partial, data, mode === undefined ? {} : { mode });
    await fs.rename(partial, file);
  } finally {
    await fs.rm(partial, { force: true });
  }
}

const LEFTOVER = /\.(\d+)-[0-9a-f-]{36}\.part$/;

/**
 * Removes the `.part` files that killed runs left in `dirs`: those whose process is gone, and any untouched for an hour
 * (a live writer touches its file at least once per idle timeout; this also covers a pid reused by another process).
 * Another run that is still working keeps its files.
 */
export async function removeLeftovers(dirs: string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = LEFTOVER.exec(name)?.[1];
      if (!pid) continue;
      const file = path.join(dir, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat) continue;
      if (!alive(Number(pid)) || Date.now() - stat.mtimeMs > 3_600_000) {
        await fs.rm(file, { force: true, recursive: true });
        removed++;
      }
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
