import fs from 'node:fs/promises';
import path from 'node:path';

/** Bytes under `dir`, counting what files take on disk (sparse or preallocated LMDB files are not their length). */
export async function diskBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).blocks * 512;
  }
  return total;
}

/**
 * Resident and peak resident memory of the Meilisearch serving `dbPath`, from /proc (Linux): the process is found by
 * its command line, since the embedded server runs under a small watchdog shell whose pid is the one podgrep knows.
 */
export async function engineMemory(dbPath: string): Promise<{ rssMb: number; peakMb: number } | undefined> {
  for (const pid of await fs.readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const args = cmdline.split('\0');
    if (!args[0]?.endsWith('meilisearch') || !args.includes(dbPath)) continue;
    const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  }
  return undefined;
}
