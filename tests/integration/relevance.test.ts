// The golden set: search quality as `npm test` sees it. Eight episodes of three podcasts in tests/fixtures/golden, each
// with its transcript beside it as a VTT (imported, never transcribed), are indexed once by the real indexer into a
// real Meilisearch; every query below must put its episode FIRST, and where a time is given, its first moment must
// play at that second. A change that degrades ranking fails here with the query's name.
//
// What is planted where (times are the start of a cue, so the word's time is exact):
//   emx-074 (2019)  "dirty schedulers" once, at 00:07:24, 40 words into its moment; "scheduler(s)" all through.
//   emx-118 (2021)  NIF/NIFs throughout; distractors for "dirty schedulers": "dirty NIF", "dirty CPU scheduler";
//                   "Rustler Precompiled" at 00:03:20.
//   emx-021 (2017)  "hot code loading" once, at 00:01:47; guest Ingrid Halvorsen named only in the Panel (and her
//                   picks), never spoken; "Mnesia" only in the summary; "Maintenance" only in its title.
//   emx-098 (2020)  "backpressure" seven times.
//   ferrous-031 (2022)  "the scheduler", "Nifty" (first word of a moment), "backpressure" once, as the first word of
//                   a moment: the best position a passing mention can have, so the case below tests frequency, not
//                   where moments happen to be cut. It is newer than emx-098, so a tie (broken by date, newest first)
//                   puts it first.
//   ferrous-007 (2018)  "the OS scheduler"; "Ingrid" spoken once.
//   qp-031 (2023)   "HOT", "code" and "loading" far apart in one moment; "dirty pages"; autovacuum "schedules";
//                   "XID wraparound" at 00:02:08; "Citus" only in a link label; "maintenance" only in a pick.
//   qp-050 (2024)   "Meilisearch" spoken once, at 00:03:05; "niftiest"; "dirty laundry"; "Kinderdijk" only in a pick.
// The NIF distractors are newer than the NIF episode for the same reason as ferrous-031 above.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SearchResponse } from '../../src/search/search-results.ts';
import { startStack } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

const SCHEDULERS = 'emx-074-inside-the-beam-schedulers';
const RUSTLER = 'emx-118-rustler-native-code-without-fear';
const UPGRADES = 'emx-021-upgrading-a-running-system';
const BROADWAY = 'emx-098-broadway-data-pipelines';
const ASYNC = 'ferrous-031-async-runtimes-under-the-hood';
const SQLITE = 'ferrous-007-embedding-sqlite';
const POSTGRES = 'qp-031-postgres-vacuum-and-bloat';
const ARCHIVES = 'qp-050-searchable-podcast-archives';
const ALL = [SCHEDULERS, RUSTLER, UPGRADES, BROADWAY, ASYNC, SQLITE, POSTGRES, ARCHIVES];

type NoteField = 'title' | 'summary' | 'guests' | 'panel' | 'links' | 'picks' | 'tags' | 'podcast' | 'sponsors' | 'otherNotes';

type Case = {
  query: string;
  /** The episode that must come first. */
  episode: string;
  /** When the words are spoken: its first moment must point there (±2 s, the link up to 2.5 s before). */
  at?: `${number}:${number}:${number}` | number;
  /** The show-notes field its first note must come from. */
  field?: NoteField;
  /** What the case guards against, shown when it fails. */
  why: string;
};

const CASES: Case[] = [
  // Spoken phrases.
  {
    query: 'dirty schedulers',
    episode: SCHEDULERS,
    at: '00:07:24',
    why: 'exact phrase beats "dirty CPU scheduler", "dirty laundry", "dirty pages … schedules", "the scheduler"',
  },
  { query: '"dirty schedulers"', episode: SCHEDULERS, at: '00:07:24', why: 'a quoted phrase finds the phrase' },
  { query: 'rustler precompiled', episode: RUSTLER, at: '00:03:20', why: 'two spoken words side by side, once' },
  { query: 'xid wraparound', episode: POSTGRES, at: '00:02:08', why: 'an acronym and a rare word, spoken once' },
  { query: 'Meilisearch', episode: ARCHIVES, at: '00:03:05', why: 'a product name spoken once (and in a link label)' },
  // A phrase in quotes whose words also occur far apart in another episode (qp-031: "HOT … code … loading").
  { query: '"hot code loading"', episode: UPGRADES, at: '00:01:47', why: 'the phrase, not the same words scattered' },
  { query: 'hot code loading', episode: UPGRADES, at: '00:01:47', why: 'without quotes, words side by side still beat words far apart' },
  // Misspelled.
  { query: 'dirty shedulers', episode: SCHEDULERS, at: '00:07:24', why: 'one typo; "scheduler"/"schedules" elsewhere are two typos away' },
  { query: 'meilisaerch', episode: ARCHIVES, at: '00:03:05', why: 'transposed letters' },
  { query: 'backpresure', episode: BROADWAY, why: 'a typo of the topic word of one episode' },
  // An acronym against words that start with it ("Nifty", "niftiest" in newer episodes).
  { query: 'NIF', episode: RUSTLER, why: 'the exact acronym beats prefix matches' },
  // A topic word: seven times in emx-098 (2020), once in passing in ferrous-031 (2022). The episode about the topic
  // comes first: it is what a listener searching the word wants, and the passing mention is still listed after it.
  { query: 'backpressure', episode: BROADWAY, why: 'an episode about the term beats one mentioning it once' },
  // Terms only in one episode's show notes.
  { query: 'Mnesia', episode: UPGRADES, field: 'summary', why: 'a term only in a summary' },
  { query: 'Citus', episode: POSTGRES, field: 'links', why: 'a term only in a link label' },
  { query: 'Kinderdijk', episode: ARCHIVES, field: 'picks', why: 'a term only in a pick' },
  { query: 'Ingrid Halvorsen', episode: UPGRADES, field: 'guests', why: 'a guest named only in the Panel beats "Ingrid" spoken elsewhere' },
  // Never spoken: in the title of emx-021 (2017) and a pick of the newer qp-031 (2023). A title outranks a pick.
  { query: 'maintenance', episode: UPGRADES, field: 'title', why: 'a title match outranks a pick' },
];

const stack = await startStack(fileURLToPath(new URL('../fixtures/golden', import.meta.url)), {
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  DATA_DIR: await testdir(),
});
const report = await stack.index();

const search = (q: string) => stack.search(q);

function seconds(at: string | number): number {
  if (typeof at === 'number') return at;
  return at.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function clock(total: number): string {
  const s = Math.floor(total);
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The ranking as a failure message shows it: each episode with what matched. */
function ranking(result: SearchResponse): string {
  if (result.episodes.length === 0) return '  (no results)';
  return result.episodes
    .map((e, i) => {
      const moment = e.moments[0];
      const notes = e.notes.map((n) => n.field).join(',') || '-';
      const spoken = moment ? `${e.moments.length} moment(s), first at ${clock(moment.at)} ${moment.url}: ${moment.snippet}` : 'no moments';
      return `  ${i + 1}. ${e.slug} — notes: ${notes}; ${spoken}`;
    })
    .join('\n');
}

/** query → where its expected episode ranked, for the table printed at the end. */
const ranks = new Map<string, { episode: string; rank: number | undefined; first: string | undefined }>();

test('the golden set indexes every episode from its transcript, with nothing sent to a transcription API', () => {
  assert.deepEqual(report.failed, []);
  assert.deepEqual([...report.imported].sort(), [...ALL].sort());
  assert.equal(stack.whisper.requests.length, 0);
});

for (const c of CASES) {
  test(`query: ${c.query}`, async () => {
    const result = await search(c.query);
    const index = result.episodes.findIndex((e) => e.slug === c.episode);
    ranks.set(c.query, { episode: c.episode, rank: index === -1 ? undefined : index + 1, first: result.episodes[0]?.slug });
    const context = `q=${c.query} (${c.why})\n${ranking(result)}`;
    assert.equal(
      result.episodes[0]?.slug,
      c.episode,
      `expected ${c.episode} first, it is ${index === -1 ? 'missing' : `#${index + 1}`}: ${context}`,
    );
    const hit = result.episodes[0];
    assert.ok(hit);
    if (c.field !== undefined) {
      assert.equal(hit.notes[0]?.field, c.field, `first note's field: ${context}`);
      assert.match(hit.notes[0]?.snippet ?? '', /<mark>/, context);
    }
    if (c.at !== undefined) {
      const spoken = seconds(c.at);
      const moment = hit.moments[0];
      assert.ok(moment, `no moment, the episode was found by its notes only: ${context}`);
      assert.ok(
        Math.abs(moment.at - spoken) <= 2,
        `first moment's word at ${moment.at} s (${clock(moment.at)}), spoken at ${spoken} s (${clock(spoken)}): ${context}`,
      );
      const t = Number(new URL(moment.url, stack.web).searchParams.get('t'));
      assert.ok(t <= spoken && t >= spoken - 2.5, `link ${moment.url} plays from t=${t}, the words are spoken at ${spoken}: ${context}`);
      assert.match(moment.snippet, /<mark>/, context);
    }
  });
}

test('negative: a query about nothing in the set finds nothing', async () => {
  const result = await search('cobol mainframe');
  assert.equal(result.totalEpisodes, 0, ranking(result));
});

test('negative: "NIF" ranks no episode that only says "nifty"/"niftiest" above the NIF episode', async () => {
  const result = await search('NIF');
  const slugs = result.episodes.map((e) => e.slug);
  const nif = slugs.indexOf(RUSTLER);
  assert.notEqual(nif, -1, ranking(result));
  for (const lookalike of [ASYNC, ARCHIVES]) {
    const at = slugs.indexOf(lookalike);
    assert.ok(at === -1 || at > nif, `${lookalike} (#${at + 1}) is above ${RUSTLER} (#${nif + 1}):\n${ranking(result)}`);
  }
});

test('negative: a quoted phrase does not find its words scattered, nor a part of it', async () => {
  const hot = await search('"hot code loading"');
  assert.ok(!hot.episodes.some((e) => e.slug === POSTGRES), `qp-031 has "HOT", "code" and "loading" only far apart:\n${ranking(hot)}`);
  const dirty = await search('"dirty schedulers"');
  assert.deepEqual(
    dirty.episodes.map((e) => e.slug),
    [SCHEDULERS],
    `only emx-074 says "dirty schedulers":\n${ranking(dirty)}`,
  );
});

after(() => {
  const width = Math.max(...CASES.map((c) => c.query.length));
  console.log('# relevance: query → rank of the expected episode (1 = first; - = not found)');
  for (const c of CASES) {
    const found = ranks.get(c.query);
    const rank = found === undefined ? '?' : (found.rank ?? '-');
    const mark = found?.rank === 1 ? 'ok  ' : 'FAIL';
    const first = found && found.rank !== 1 ? `  (first: ${found.first ?? 'nothing'})` : '';
    console.log(`# ${mark} ${c.query.padEnd(width)}  #${rank}  ${c.episode}${first}`);
  }
});
