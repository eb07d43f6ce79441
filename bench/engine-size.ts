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
  const pid = await enginePid(dbPath);
  if (!pid) return undefined;
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** CPU seconds (user and system, all threads) the Meilisearch serving `dbPath` has used since it started; 0 off Linux. */
export async function engineCpu(dbPath: string): Promise<number> {
  const pid = await enginePid(dbPath);
  if (!pid) return 0;
  // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses; in clock ticks of 1/100 s on Linux.
  const fields = (await fs.readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
}

async function enginePid(dbPath: string): Promise<string | undefined> {
  for (const pid of await fs.readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const args = cmdline.split('\0');
    if (args[0]?.endsWith('meilisearch') && args.includes(dbPath)) return pid;
  }
  return undefined;
}
