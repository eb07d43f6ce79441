import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { SearchBackend } from '../../src/ports.ts';
import { createApp } from '../../web/app.ts';
import { emptySearch } from '../support/fake-search.ts';
import { listen } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

const dir = await testdir();
await fs.copyFile(path.join(import.meta.dirname, '..', '..', 'episodes', 'podgrep-demo.mp3'), path.join(dir, 'demo.mp3'));
// One episode with local audio, through the same port the real engine fills.
const search: SearchBackend = {
  ...emptySearch(),
  episode: async () => ({ audioPath: 'demo.mp3' }) as Awaited<ReturnType<SearchBackend['episode']>>,
};
const base = await listen(createApp({ search, episodesDir: dir, log: () => {} }));

test('text goes compressed to a client that asks for it, and whole to one that does not', async () => {
  const zipped = await fetch(`${base}/static/player.js`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(zipped.headers.get('content-encoding'), 'gzip');
  const script = await zipped.text(); // fetch undoes the gzip
  const plain = await fetch(`${base}/static/player.js`, { headers: { 'accept-encoding': 'identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(await plain.text(), script);
  assert.ok(script.length > 5000, 'a script worth compressing');
});

test('audio is never compressed, so players can seek in it with Range requests', async () => {
  const whole = await fetch(`${base}/episodes/demo/audio`, { headers: { 'accept-encoding': 'gzip, br' } });
  assert.equal(whole.status, 200);
  assert.equal(whole.headers.get('content-encoding'), null);
  const part = await fetch(`${base}/episodes/demo/audio`, { headers: { 'accept-encoding': 'gzip, br', range: 'bytes=100-199' } });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-encoding'), null);
  assert.equal((await part.arrayBuffer()).byteLength, 100);
});
