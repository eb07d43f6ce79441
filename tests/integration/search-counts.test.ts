// Truthful counts, end to end: the real indexer, a real Meilisearch and the web app, over episodes where the words of
// "dirty schedulers" also occur apart. Only an episode where both words match in one moment (or in its notes) counts
// as mentioning it; episodes with only "dirty" are partial matches, counted apart and listed after, labelled; an
// episode that says only "schedule" (two typos from "schedulers", which the search tolerates) is neither.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchResponse } from '../../src/search/search-results.ts';
import { startStack } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

const clock = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;

/** Six minutes of talk, one cue every five seconds, with `said` placed at the given seconds (moments are ~30 s). */
function transcript(said: Record<number, string>): string {
  const cues = ['WEBVTT', ''];
  for (let t = 0; t < 360; t += 5) {
    cues.push(`${clock(t)} --> ${clock(t + 4)}`, said[t] ?? 'we talk about releases, testing and the community around the language', '');
  }
  return cues.join('\n');
}

function notes(title: string, summary: string, date: string): string {
  return `---\ntitle: "${title}"\npodcast: counts-show\ndate: ${date}\n---\n### Summary\n\n${summary}\n`;
}

const episodes = await testdir({
  'together.md': notes('Together', 'A conversation about runtimes.', '2020-01-01'),
  'together.vtt': transcript({ 120: 'and that is why dirty schedulers exist in the virtual machine' }),
  'apart.md': notes('Apart', 'A conversation about runtimes.', '2021-01-01'),
  'apart.vtt': transcript({ 10: 'my desk is dirty again, sorry about that', 300: 'we keep a schedule for every release' }),
  'only-schedule.md': notes('Only schedule', 'A conversation about runtimes.', '2022-01-01'),
  'only-schedule.vtt': transcript({ 60: 'the schedule slipped by a week' }),
  'dirty-notes.md': notes('Dirty notes', 'We get our hands dirty with build tools.', '2023-01-01'),
  'dirty-notes.vtt': transcript({}),
});
const stack = await startStack(episodes, { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', DATA_DIR: await testdir() });
const report = await stack.index();

test('"dirty schedulers": one episode mentions it; those with only one of the words follow, counted apart', async () => {
  assert.deepEqual(report.failed, []);
  const response = await fetch(`${stack.web}/api/search?q=${encodeURIComponent('dirty schedulers')}`);
  assert.equal(response.status, 200);
  const result = (await response.json()) as SearchResponse;
  assert.equal(result.totalEpisodes, 1, JSON.stringify(result.episodes.map((e) => [e.slug, e.match])));
  assert.equal(result.totalEpisodesExact, true);
  assert.deepEqual(result.episodes.map((e) => e.slug).slice(0, 1), ['together']);
  assert.equal(result.episodes[0]?.match, 'all');
  assert.ok(Math.abs((result.episodes[0]?.moments[0]?.at ?? 0) - 120) <= 2, 'the moment plays where both words are said');
  assert.deepEqual(
    result.episodes
      .slice(1)
      .map((e) => [e.slug, e.match])
      .sort(),
    [
      ['apart', 'some'],
      ['dirty-notes', 'some'],
    ],
    'only "dirty" matches in these; "only-schedule" has neither word the search keeps',
  );
  assert.equal(result.partialEpisodes, 2);
  assert.equal(result.partialEpisodesExact, true);

  const page = await (await fetch(`${stack.web}/search?q=${encodeURIComponent('dirty schedulers')}`)).text();
  assert.match(page, /1 episode mentions “dirty schedulers” · 2 more episodes mention some of the words/);
  assert.equal(page.match(/Mentions only some of the words/g)?.length, 2);
});

test('a one-word query has no partial matches, and its count is every episode that says it', async () => {
  const result = (await (await fetch(`${stack.web}/api/search?q=dirty`)).json()) as SearchResponse;
  assert.deepEqual(result.episodes.map((e) => e.slug).sort(), ['apart', 'dirty-notes', 'together']);
  assert.equal(result.totalEpisodes, 3);
  assert.equal(result.partialEpisodes, 0);
  assert.ok(result.episodes.every((e) => e.match === 'all'));
});

test('filter counts say when they come from the best matches only, and not when every match was read', async () => {
  // Every cue of the filler says "releases": more moments match than one search reads.
  const broad = (await (await fetch(`${stack.web}/api/search?q=releases`)).json()) as SearchResponse;
  assert.equal(broad.totalEpisodesExact, false);
  const counted = broad.facetEpisodes ?? 0;
  assert.ok(counted >= 1 && counted <= broad.totalEpisodes, `${counted} of ${broad.totalEpisodes}`);
  assert.match(
    await (await fetch(`${stack.web}/search?q=releases`)).text(),
    new RegExp(`Counted among the ${counted} best-matching episodes`),
  );
  assert.doesNotMatch(await (await fetch(`${stack.web}/search?q=dirty`)).text(), /Counted among/);
});

test('no episode with every word: the page says so and lists the partial matches', async () => {
  const page = await (await fetch(`${stack.web}/search?q=${encodeURIComponent('dirty xylophones')}`)).text();
  assert.match(page, /No episode mentions every word of “dirty xylophones”; 3 episodes mention some of the words/);
});
