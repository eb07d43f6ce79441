import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { audioCatalogue, startStack } from '../support/stack.ts';
import { SAMPLE_EPISODE } from '../support/testdir.ts';
import { type SpokenWord, speak } from '../support/tone-speech.ts';

const { episodes, audioDir, audioHost } = await audioCatalogue();

const spoken = await speak(
  [
    { text: 'welcome to the show about the beam' },
    { text: 'today we talk about native code and why it matters' },
    { text: 'the dirty schedulers keep the virtual machine responsive', at: 61 },
    { text: 'thanks for listening and see you next week', at: 95 },
  ],
  path.join(audioDir, 'talk.mp3'),
);
await fs.writeFile(
  path.join(episodes, 'talk.md'),
  `---\ntitle: Native code on the BEAM\ndate: 2021-03-04\naudio_url: ${audioHost}/talk.mp3\n---\n## Summary\nA talk.\n`,
);
// The sample as shipped, but with its audio pointing at a file the audio host does not have (tests reach no other host).
const sample = await fs.readFile(SAMPLE_EPISODE, 'utf8');
await fs.writeFile(path.join(episodes, 'emx-059.md'), sample.replace(/audio_url: >-\n\s+\S+/, `audio_url: ${audioHost}/gone.mp3`));
await fs.writeFile(path.join(episodes, 'broken.md'), '---\ntitle: [unclosed\n---\n');
// A local file beside the episodes, as many self-hosted shows keep their audio.
await speak([{ text: 'local audio says gazpacho twice gazpacho', at: 3 }], path.join(episodes, 'local.mp3'));
await fs.writeFile(path.join(episodes, 'local.md'), '---\ntitle: Local\naudio_url: local.mp3\n---\n');

const stack = await startStack(episodes);
const report = await stack.index();

const search = (q: string) => stack.search(q);

function wordAt(words: SpokenWord[], word: string): number {
  const found = words.find((w) => w.word === word);
  assert.ok(found, word);
  return found.start;
}

test('the run indexes every good episode, names the broken file, and transcribes each audio once', () => {
  assert.equal(report.indexed, 3);
  assert.deepEqual(
    report.failed.map((f) => path.basename(f.file)),
    ['broken.md', 'emx-059.md'],
  );
  assert.match(report.failed[0]?.reason ?? '', /broken\.md: the YAML front matter does not parse/);
  // The sample's audio answers 404: its show notes are still indexed, and the failure says why.
  assert.match(report.failed[1]?.reason ?? '', /audio http:\/\/127\.0\.0\.1:\d+\/gone\.mp3 answered HTTP 404/);
  assert.equal(stack.whisper.requests.filter((r) => r.status === 200).length, 2);
  assert.ok(report.moments >= 3);
});

test('a phrase spoken in the audio is found as a moment whose link starts a second or two before the words', async () => {
  const result = await search('dirty schedulers');
  const talk = result.episodes.find((e) => e.slug === 'talk');
  assert.ok(talk, JSON.stringify(result));
  const moment = talk.moments[0];
  assert.ok(moment);
  const spokenAt = wordAt(spoken.words, 'dirty');
  assert.ok(Math.abs(moment.at - spokenAt) < 0.3, `matched word at ${moment.at}, spoken at ${spokenAt}`);
  const t = Number(new URL(moment.url, stack.web).searchParams.get('t'));
  assert.ok(t <= spokenAt && t >= spokenAt - 2.5, `t=${t} for words spoken at ${spokenAt}`);
  assert.match(moment.snippet, /<mark>dirty<\/mark> <mark>schedulers<\/mark>/);
  assert.equal(talk.url, '/episodes/talk');
});

test('show notes are found too: "NIF" and "dirty schedulers" find the sample episode by its summary', async () => {
  for (const q of ['NIF', 'dirty schedulers']) {
    const result = await search(q);
    const sample = result.episodes.find((e) => e.slug === 'emx-059');
    assert.ok(sample, `${q}: ${JSON.stringify(result)}`);
    assert.equal(sample.notes[0]?.field, 'summary');
    assert.equal(sample.moments.length, 0);
  }
});

test('audio beside the episode file is transcribed and served by the app with Range support', async () => {
  const result = await search('gazpacho');
  assert.equal(result.episodes[0]?.slug, 'local');
  const page = await (await fetch(`${stack.web}${result.episodes[0]?.moments[0]?.url}`)).text();
  assert.match(page, /<audio id="player"[^>]* src="\/episodes\/local\/audio#t=\d+"/);
  const audio = await fetch(`${stack.web}/episodes/local/audio`, { headers: { range: 'bytes=0-99' } });
  assert.equal(audio.status, 206);
  assert.equal((await audio.arrayBuffer()).byteLength, 100);
});

test('the episode page shows the player at t, the transcript with timestamps and the show notes', async () => {
  const page = await (await fetch(`${stack.web}/episodes/talk?t=60`)).text();
  assert.match(
    page,
    new RegExp(
      `src="${stack.web.replace(/[.]/g, '\\.')}/talk\\.mp3#t=60"`.replace(/http:\/\/127\\.0\\.0\\.1:\d+/, 'http://127\\.0\\.0\\.1:\\d+'),
    ),
  );
  assert.match(page, /<a class="time" href="\/episodes\/talk\?t=(\d+)#t-\1"[^>]*>1:0\d<\/a> the dirty schedulers/);
  assert.match(page, /<p>A talk\.<\/p>/);
  assert.equal((await fetch(`${stack.web}/episodes/nope`)).status, 404);
});

test('a re-run skips what did not change, and a removed episode file takes its documents with it', async () => {
  const before = stack.whisper.requests.length;
  await fs.rm(path.join(episodes, 'local.md'));
  const again = await stack.index();
  assert.equal(stack.whisper.requests.length, before);
  // talk.md is unchanged; the sample failed last time (its audio 404s), so it is tried again.
  assert.equal(again.skipped, 1);
  assert.equal(again.indexed, 1);
  assert.deepEqual(again.removed, ['local']);
  assert.equal((await search('gazpacho')).totalEpisodes, 0);
});

test('an edited episode whose audio cannot be fetched this time keeps the transcript indexed before', async () => {
  await fs.rm(path.join(audioDir, 'talk.mp3'));
  const file = path.join(episodes, 'talk.md');
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('A talk.', 'A talk, edited.'));
  const again = await stack.index();
  assert.ok(
    again.failed.some((f) => f.file.endsWith('talk.md') && /talk\.mp3 answered HTTP 404/.test(f.reason)),
    JSON.stringify(again.failed),
  );
  assert.ok((await search('dirty schedulers')).episodes.find((e) => e.slug === 'talk')?.moments.length);
});

test('--rebuild builds fresh indexes and swaps them in: searches during it never come back empty', async () => {
  const before = stack.whisper.requests.length;
  let done = false;
  const rebuild = stack.index({ rebuild: true }).finally(() => (done = true));
  const seen: number[] = [];
  while (!done) {
    seen.push((await search('NIF')).totalEpisodes);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const report = await rebuild;
  assert.ok(seen.length > 0 && seen.every((n) => n > 0), `results during the rebuild: ${seen.join()}`);
  assert.equal(report.skipped, 0, 'a rebuild writes every episode');
  assert.equal(stack.whisper.requests.length, before, 'a rebuild reuses kept transcripts');
  assert.equal((await search('NIF')).episodes[0]?.slug, 'emx-059');
  const indexes = (await (
    await fetch(`${stack.meili.host}/indexes?limit=100`, { headers: { authorization: `Bearer ${stack.meili.masterKey}` } })
  ).json()) as { results: { uid: string }[] };
  assert.ok(!indexes.results.some((index) => index.uid.endsWith('-rebuild')), 'the old indexes are dropped');
});

test('bad queries get 400 with a message', async () => {
  for (const q of ['', '%20', 'x'.repeat(201)]) {
    const response = await fetch(`${stack.web}/api/search?q=${q}`);
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { error: string }).error, /empty|at most 200/);
  }
});

test('with the search engine down: 503 with a message, and the server stays up', async () => {
  await stack.meili.stop();
  const api = await fetch(`${stack.web}/api/search?q=beam`);
  assert.equal(api.status, 503);
  assert.match(((await api.json()) as { error: string }).error, /search engine is not answering/);
  assert.equal((await fetch(`${stack.web}/healthz`)).status, 503);
  assert.equal((await fetch(`${stack.web}/search?q=beam`)).status, 503);
  assert.equal((await fetch(`${stack.web}/`)).status, 200);
});
