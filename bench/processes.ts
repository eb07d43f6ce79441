import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

// The benchmark's own processes: podgrep's commands run as a user runs them, each with its peak memory (max-rss.ts).

/** Share of all cores busy over `ms`, from the kernel's counters: what else the machine is doing. */
export async function cpuBusy(ms: number): Promise<number> {
  const total = () =>
    os
      .cpus()
      .reduce((sum, cpu) => ({ idle: sum.idle + cpu.times.idle, all: sum.all + Object.values(cpu.times).reduce((a, b) => a + b, 0) }), {
        idle: 0,
        all: 0,
      });
  const start = total();
  await sleep(ms);
  const end = total();
  return 100 * (1 - (end.idle - start.idle) / Math.max(1, end.all - start.all));
}

/** A podgrep command in its own process, as a user runs it; its output kept for errors and its peak memory. */
export function run(env: NodeJS.ProcessEnv, args: string[], children: ChildProcess[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', './bench/max-rss.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

/** `web/server.ts` on a free loopback port; `stop` ends it with SIGTERM and gives its peak RSS in MB. */
export async function serve(env: NodeJS.ProcessEnv, children: ChildProcess[]): Promise<{ url: string; stop(): Promise<number> }> {
  const child = spawn(process.execPath, ['--import', './bench/max-rss.ts', 'web/server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (!(url = /is serving (http:\/\/\S+?)\/?\s/.exec(output)?.[1])) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`web/server.ts did not start:\n${output.slice(-2000)}`);
    await sleep(50);
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      return Number(/max-rss-kb (\d+)/.exec(output)?.[1] ?? 0) / 1024;
    },
  };
}
