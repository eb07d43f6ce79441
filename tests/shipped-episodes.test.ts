import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { SearchResponse } from '../src/search-results.ts';
import { startStack } from './support/stack.ts';
import { testdir } from './support/testdir.ts';

// The episodes folder exactly as a new user's clone has it, indexed as a first `npm start` would: no transcription key.
const stack = await startStack(path.resolve('episodes'), { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', DATA_DIR: await testdir() });
const report = await stack.index();

async function search(q: string): Promise<SearchResponse> {
  return (await (await fetch(`${stack.web}/api/search?q=${encodeURIComponent(q)}`)).json()) as SearchResponse;
}

test('a first run without a key indexes every shipped episode and transcribes nothing', () => {
  assert.deepEqual(report.failed, []);
  assert.equal(stack.whisper.requests.length, 0);
  assert.deepEqual(report.imported, ['podgrep-demo']);
  assert.deepEqual(report.notesOnly.map((n) => n.slug), ['emx-059-using-rust-to-scale-elixir']);
});

test('"NIF" and "dirty schedulers" find the sample episode by its show notes, and the demo by what is said', async () => {
  for (const q of ['NIF', 'dirty schedulers']) {
    const result = await search(q);
    const sample = result.episodes.find((e) => e.slug === 'emx-059-using-rust-to-scale-elixir');
    assert.ok(sample?.notes.some((note) => note.field === 'summary'), `${q}: ${JSON.stringify(result)}`);
    const demo = result.episodes.find((e) => e.slug === 'podgrep-demo');
    assert.ok(demo?.moments.length, `${q} is spoken in the demo`);
  }
});

test('the demo episode page plays its local audio from the moment', async () => {
  const moment = (await search('dirty schedulers')).episodes.find((e) => e.slug === 'podgrep-demo')?.moments[0];
  assert.ok(moment);
  const page = await (await fetch(`${stack.web}${moment.url}`)).text();
  assert.match(page, /<audio id="player"[^>]* src="\/episodes\/podgrep-demo\/audio#t=\d+"/);
  const audio = await fetch(`${stack.web}/episodes/podgrep-demo/audio`, { headers: { range: 'bytes=0-1' } });
  assert.equal(audio.status, 206);
  assert.equal(audio.headers.get('content-type'), 'audio/mpeg');
});
