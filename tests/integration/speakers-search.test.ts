// Speakers from end to end: published transcripts in three formats, indexed into a real Meilisearch, searched through
// the web app's API with `&speaker=`, and shown on the episode page. A file with one broken cue keeps the rest.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { SearchResponse } from '../../src/search/search-results.ts';
import { startStack } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

const root = await testdir();
const episodes = path.join(root, 'episodes');
await fs.mkdir(episodes);
const notes = (title: string) =>
  `---\ntitle: ${title}\ndate: 2024-01-0${title.length % 9}\n---\n## Panel\n- Mark Ericksen\n- Josh Adams\n\n## Guests\n- Sascha Wolf\n`;

await fs.writeFile(path.join(episodes, 'voices.md'), notes('Voices'));
await fs.writeFile(
  path.join(episodes, 'voices.vtt'),
  'WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Mark>Welcome, today we talk about dirty schedulers.\n\n' +
    '00:00:05.000 --> 00:00:09.000\n<v Sascha Wolf>I wrote a NIF for image resizing.\n\n' +
    // One cue with a broken timing: only it is lost.
    '00:00:09.000 --> 00:00:9x.000\n<v Josh>Lost cue.\n\n' +
    '00:00:12.000 --> 00:00:16.000\n<v Josh>And the garbage collector runs per process.\n',
);
await fs.writeFile(path.join(episodes, 'turns.md'), notes('Turns'));
await fs.writeFile(
  path.join(episodes, 'turns.srt'),
  '1\n00:00:01,000 --> 00:00:04,000\nJosh: Phoenix LiveView renders on the server\n\n2\n00:00:04,000 --> 00:00:08,000\nand pushes diffs over a websocket.\n\n' +
    '3\n00:00:08,000 --> 00:00:12,000\nMark: Rustler makes writing a NIF safer.\n',
);
await fs.writeFile(path.join(episodes, 'pc20.md'), notes('Podcasting'));
await fs.writeFile(
  path.join(episodes, 'pc20.json'),
  JSON.stringify({
    version: '1.0.0',
    segments: [
      { speaker: 'Sascha', startTime: 1, endTime: 3, body: 'Broadway pipelines' },
      { speaker: 'Sascha', startTime: 3, endTime: 5, body: 'batch messages.' },
      { speaker: 'Mark', startTime: 5, endTime: 8, body: 'Ecto talks to Postgres.' },
    ],
  }),
);

const stack = await startStack(episodes);
const report = await stack.index();

async function search(query: string): Promise<SearchResponse> {
  const response = await fetch(`${stack.web}/api/search?${query}`);
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as SearchResponse;
}

test('a VTT with voices, an SRT with Name: turns and a Podcasting 2.0 JSON each give moments with the right speaker', async () => {
  assert.equal(report.imported.length, 3);
  for (const [q, slug, speaker] of [
    ['dirty schedulers', 'voices', 'Mark Ericksen'],
    ['image resizing', 'voices', 'Sascha Wolf'],
    ['garbage collector', 'voices', 'Josh Adams'],
    ['websocket', 'turns', 'Josh Adams'],
    ['rustler', 'turns', 'Mark Ericksen'],
    ['broadway', 'pc20', 'Sascha Wolf'],
    ['ecto postgres', 'pc20', 'Mark Ericksen'],
  ] as const) {
    const result = await search(`q=${encodeURIComponent(q)}`);
    const moment = result.episodes.find((episode) => episode.slug === slug)?.moments[0];
    assert.equal(moment?.speaker, speaker, `${q}: ${JSON.stringify(result.episodes)}`);
    assert.match(moment?.clipUrl ?? '', new RegExp(`^/episodes/${slug}\\?t=\\d+,\\d+$`));
  }
  // The name left the text: a search for "Josh" finds nothing said by that word.
  const josh = await search('q=josh');
  assert.equal(josh.episodes.flatMap((episode) => episode.moments).length, 0, JSON.stringify(josh));
});

test('&speaker= narrows moments to those where the person speaks, and the speaker facet counts episodes', async () => {
  const all = await search('q=nif');
  assert.deepEqual(all.episodes.map((episode) => episode.slug).sort(), ['turns', 'voices']);
  const speaking = Object.fromEntries(all.facets.speaker.map(({ value, count }) => [value, count]));
  assert.deepEqual(speaking, { 'Josh Adams': 2, 'Mark Ericksen': 2, 'Sascha Wolf': 1 });
  const sascha = await search(`q=nif&speaker=${encodeURIComponent('Sascha Wolf')}`);
  assert.deepEqual(
    sascha.episodes.map((episode) => episode.slug),
    ['voices'],
  );
  assert.deepEqual(sascha.filters, { speaker: ['Sascha Wolf'] });
  const nobody = await search(`q=websocket&speaker=${encodeURIComponent('Sascha Wolf')}`);
  assert.equal(nobody.totalEpisodes, 0);
  // Filter values are names as the transcript has them once matched: a name nobody speaks under is refused by name.
  const refused = await fetch(`${stack.web}/api/search?q=nif&speaker=Zed`);
  assert.equal(refused.status, 400);
  assert.match(((await refused.json()) as { error: string }).error, /There is no speaker "Zed"/);
});

test('the broken cue is named in the run report; every other cue of its file is kept', async () => {
  assert.deepEqual(
    report.warnings.filter((warning) => warning.includes('voices.vtt')),
    [
      `${path.join(episodes, 'voices.vtt')}: line 9: expected a cue timing like "00:01:02.500 --> 00:01:05.000", found "00:00:09.000 --> 00:00:9x.000" (seconds have two digits); the cue was dropped`,
    ],
  );
  const result = await search('q=garbage+collector');
  assert.equal(result.episodes[0]?.slug, 'voices');
});

test('the episode page lays the transcript out by turns, each headed by who speaks, and lists the speakers', async () => {
  const page = await (await fetch(`${stack.web}/episodes/turns`)).text();
  const turns = [...page.matchAll(/<div class="turn"><p class="speaker">([^<]+)<\/p>/g)].map((match) => match[1]);
  assert.deepEqual(turns, ['Josh Adams', 'Mark Ericksen']);
  assert.match(page, /<ul class="speakers"><li>Josh Adams<\/li><li>Mark Ericksen<\/li><\/ul>/);
  assert.doesNotMatch(page, /Josh:/);
});
