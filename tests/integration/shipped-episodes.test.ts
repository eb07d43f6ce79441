import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { test } from 'node:test';
import type { SearchResponse } from '../../src/search/search-results.ts';
import { startStack } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

// The episodes folder exactly as a new user's clone has it, indexed as a first `npm start` would: no transcription key.
const stack = await startStack(path.resolve('episodes'), { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', DATA_DIR: await testdir() });
const report = await stack.index();

const search = (q: string) => stack.search(q);

test('a first run without a key indexes every shipped episode and transcribes nothing', () => {
  assert.deepEqual(report.failed, []);
  assert.equal(stack.whisper.requests.length, 0);
  assert.deepEqual(report.imported, ['podgrep-demo']);
  assert.deepEqual(
    report.notesOnly.map((n) => n.slug),
    ['emx-059-using-rust-to-scale-elixir'],
  );
});

test('"NIF" and "dirty schedulers" find the sample episode by its show notes, and the demo by what is said', async () => {
  for (const q of ['NIF', 'dirty schedulers']) {
    const result = await search(q);
    const sample = result.episodes.find((e) => e.slug === 'emx-059-using-rust-to-scale-elixir');
    assert.ok(
      sample?.notes.some((note) => note.field === 'summary'),
      `${q}: ${JSON.stringify(result)}`,
    );
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

test('the glossary makes synonyms findable: "native implemented function" finds the NIF episode', async () => {
  const result = await search('native implemented function');
  assert.ok(
    result.episodes.some((e) => e.slug === 'emx-059-using-rust-to-scale-elixir'),
    JSON.stringify(result),
  );
});

test('`podgrep search` prints episodes, moments with m:ss and full links, or the API JSON with --json', async () => {
  const env = {
    ...process.env,
    MEILI_HOST: stack.meili.host,
    MEILI_MASTER_KEY: stack.meili.masterKey,
    MEILI_INDEX_PREFIX: stack.config.meili.indexPrefix,
    PUBLIC_URL: 'https://search.example.com',
  };
  const run = async (...args: string[]) => {
    const child = spawn(process.execPath, ['bin/podgrep.ts', 'search', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    return { code, out };
  };
  const text = await run('dirty', 'schedulers');
  assert.equal(text.code, 0);
  assert.match(text.out, /podgrep demo: searching what was said/);
  assert.match(text.out, /▶ +\d+:\d\d {2}.*\[[Dd]irty\] \[schedulers?\]/);
  assert.match(text.out, /https:\/\/search\.example\.com\/episodes\/podgrep-demo\?t=\d+/);
  const json = await run('--json', '--podcast', 'elixir-mix', 'NIF');
  const parsed = JSON.parse(json.out) as SearchResponse;
  assert.deepEqual(
    parsed.episodes.map((e) => e.slug),
    ['emx-059-using-rust-to-scale-elixir'],
  );
  assert.deepEqual(parsed.filters, { podcast: ['elixir-mix'] });
  const bad = await run('--year', 'soon', 'x');
  assert.equal(bad.code, 2);
});

test('facets count matching episodes, and a filter narrows the results', async () => {
  const all = await search('Rust');
  assert.ok(
    all.facets.podcast.some((f) => f.value === 'elixir-mix' && f.count === 1),
    JSON.stringify(all.facets),
  );
  const narrowed = (await (await fetch(`${stack.web}/api/search?q=Rust&podcast=podgrep-demo`)).json()) as SearchResponse;
  assert.deepEqual(
    narrowed.episodes.map((e) => e.slug),
    ['podgrep-demo'],
  );
  // The facet link keeps the value in its URL and shows the podcast's name from episodes/podgrep.yml.
  const page = await (await fetch(`${stack.web}/search?q=Rust`)).text();
  assert.match(page, /<a href="\/search\?q=Rust&#38;podcast=elixir-mix">Elixir Mix <span class="n">1<\/span><\/a>/);
});

test('the research view charts where a topic comes up, and an episode picked there lists its moments', async () => {
  const page = await (await fetch(`${stack.web}/research?q=${encodeURIComponent('dirty schedulers')}`)).text();
  const svg = page.match(/<svg class="timeline"[^>]*role="img"[\s\S]*?<\/svg>/)?.[0] ?? '';
  assert.ok(svg, 'a chart');
  assert.doesNotMatch(svg, /<a /, 'the bars are a picture: the table is the way in');
  assert.ok(/<rect class="bar/.test(svg));
  // The table lists both episodes; the sample says it in its show notes only.
  const rows = [...page.matchAll(/<tr><td><a href="([^"]+)">[^<]*<\/a><\/td><td>[^<]*<\/td><td>([^<]*)<\/td><\/tr>/g)];
  assert.equal(rows.length, 2, 'one row per episode');
  assert.ok(
    rows.some((row) => row[2] === 'mentioned in show notes'),
    rows.map((row) => row[2]).join(', '),
  );
  const demo = rows.find((row) => row[1]?.includes('episode=podgrep-demo'));
  assert.ok(demo?.[1]);
  const picked = await (await fetch(`${stack.web}${demo[1].replace(/&#38;/g, '&')}`)).text();
  const moments = picked.match(/<li class="moment">/g)?.length ?? 0;
  assert.ok(moments >= 2, `${moments} moments listed`);
  assert.match(picked, /href="\/episodes\/podgrep-demo\?t=(\d+)&#38;at=\d+&#38;q=dirty\+schedulers#t-\1"/);
  assert.ok(picked.indexOf('id="episode"') < picked.indexOf('<table'), "the picked episode's moments come above the table");
});
