import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { test } from 'node:test';
import { startEmbeddedMeili } from '../../adapters/meili/meili-server.ts';
import { startStack } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

test('the search engine stopped under load: 503s, the server stays up, and results come back when it does', async () => {
  const stack = await startStack(path.resolve('episodes'), { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', DATA_DIR: await testdir() });
  await stack.index();
  const port = Number(new URL(stack.meili.host).port);
  const statuses: number[] = [];
  let running = true;
  const load = (async () => {
    while (running) {
      const response = await fetch(`${stack.web}/api/search?q=NIF`).catch(() => undefined);
      statuses.push(response?.status ?? 0);
      await response?.arrayBuffer();
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await stack.meili.stop();
  await new Promise((resolve) => setTimeout(resolve, 300));
  // Started again from its data folder, at the address podgrep knows it by.
  const again = await startEmbeddedMeili({ dataDir: stack.meili.dataDir, bin: undefined, port });
  for (let i = 0; i < 100 && statuses.at(-1) !== 200; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  running = false;
  await load;
  await again.stop();
  assert.ok(statuses.includes(503), 'answers while it was down are 503');
  assert.ok(!statuses.includes(0) && !statuses.includes(500), `the server stayed up: ${[...new Set(statuses)]}`);
  assert.equal(statuses.at(-1), 200, 'results came back without restarting podgrep');
});

test('SIGTERM: the server stops accepting, finishes what is in flight, and stops its Meilisearch', async () => {
  const dataDir = await testdir();
  const child = spawn(process.execPath, ['web/server.ts'], {
    timeout: 20_000,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', EPISODES_DIR: path.resolve('episodes') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  while (!/is serving (\S+)/.test(output)) await new Promise((resolve) => setTimeout(resolve, 50));
  const url = /is serving (\S+)/.exec(output)![1]!;
  const meili = /Started Meilisearch at (\S+)/.exec(output)![1]!;
  // A response whose headers are in and whose body is not read yet is in flight when SIGTERM arrives.
  const page = await fetch(`${url}static/base.css`);
  child.kill('SIGTERM');
  const exited = once(child, 'exit');
  assert.ok((await page.text()).length > 1000, 'the response in flight was finished');
  const [code] = (await exited) as [number];
  assert.equal(code, 0);
  assert.equal(
    await fetch(url).then(
      () => 'answered',
      () => 'refused',
    ),
    'refused',
    'no new connections after SIGTERM',
  );
  assert.equal(
    await fetch(`${meili}/health`).then(
      () => true,
      () => false,
    ),
    false,
    'its Meilisearch stopped too',
  );
});
