import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { startEmbeddedMeili } from '../../adapters/meili/meili-server.ts';
import { testdir } from '../support/testdir.ts';

const answers = (host: string) =>
  fetch(`${host}/health`).then(
    (r) => r.ok,
    () => false,
  );

test('the embedded Meilisearch keeps its key private, is reused by a second process, and stops with its owner', async () => {
  const dataDir = await testdir();
  const first = await startEmbeddedMeili({ dataDir, bin: undefined });
  assert.equal(first.started, true);
  assert.match(first.host, /^http:\/\/127\.0\.0\.1:\d+$/);
  const keyFile = path.join(dataDir, 'meilisearch', 'master-key');
  assert.equal((await fs.stat(keyFile)).mode & 0o777, 0o600);
  assert.equal((await fs.readFile(keyFile, 'utf8')).trim(), first.masterKey);
  // Without the key, nothing but /health answers.
  assert.equal((await fetch(`${first.host}/indexes`)).status, 401);

  const second = await startEmbeddedMeili({ dataDir, bin: undefined });
  assert.equal(second.started, false);
  assert.equal(second.host, first.host);
  await second.stop();
  assert.ok(await answers(first.host), 'stopping a reused instance must not stop it');

  await first.stop();
  assert.equal(await answers(first.host), false);
});

test('killed with SIGKILL, the owner takes its Meilisearch with it', async () => {
  const dataDir = await testdir();
  const script = `import { startEmbeddedMeili } from ${JSON.stringify(path.resolve('adapters/meili/meili-server.ts'))};
    const m = await startEmbeddedMeili({ dataDir: ${JSON.stringify(dataDir)}, bin: undefined });
    console.log(m.host); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const host = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
  assert.ok(await answers(host));
  child.kill('SIGKILL');
  let up = true;
  for (let i = 0; i < 50 && up; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    up = await answers(host);
  }
  assert.equal(up, false, 'Meilisearch outlived the process that started it');
  // And the data folder is free again for the next start.
  const again = await startEmbeddedMeili({ dataDir, bin: undefined });
  assert.equal(again.started, true);
  await again.stop();
});

test('a MEILI_BIN that is not there is a clear error', async () => {
  await assert.rejects(
    startEmbeddedMeili({ dataDir: await testdir(), bin: '/nope/meilisearch' }),
    /MEILI_BIN=\/nope\/meilisearch is not an executable file/,
  );
});
