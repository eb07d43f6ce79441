import { EPISODE_SEARCHABLE, type IndexNames } from '../src/documents/index-settings.ts';
import { filterExpression, parseSearchQuery } from '../src/search/search-request.ts';
import { timed } from './indexing.ts';
import { median, profileSearch, type SearchProfile } from './search-profile.ts';

export const QUERIES: { name: string; params: Record<string, string> }[] = [
  { name: 'one word', params: { q: 'scheduler' } },
  { name: 'two words', params: { q: 'garbage collector' } },
  { name: 'phrase', params: { q: '"dirty schedulers"' } },
  { name: 'typo', params: { q: 'supervisoin tree' } },
  { name: 'filtered', params: { q: 'native implemented function', podcast: 'beam-radio' } },
];
// p99 of 500 is the fifth-slowest answer, not the second: one hiccup of a shared machine does not decide it.
export const ROUNDS = 500;

/** What `/api/search` is measured against: what someone would send Meilisearch instead of running podgrep. */
export const BASELINES = ['plain', 'distinct', 'federated'] as const;
export type Contender = (typeof BASELINES)[number] | 'api';
export type Latency = { p50: number; p99: number };
export type LatencyRow = { name: string; times: Record<Contender, Latency>; profile: SearchProfile };

/**
 * The baselines' requests for one query: one plain search of the moments (`q`, limit 20, the text highlighted, every
 * field retrieved, as a client would send it), the same grouped by episode in the engine (`distinct: slug`), and one
 * federated multi-search of notes and moments (limit 10, both highlighted). Filters, where the query has some, apply
 * to all three.
 */
export function baselineRequests(
  params: Record<string, string>,
  names: IndexNames,
): Record<(typeof BASELINES)[number], { url: string; body: string }> {
  const query = parseSearchQuery(params);
  const filter = filterExpression(query.filters);
  const common = { q: query.q, ...(filter ? { filter } : {}) };
  const moments = { ...common, limit: 20, attributesToHighlight: ['text'] };
  return {
    plain: { url: `/indexes/${names.moments}/search`, body: JSON.stringify(moments) },
    distinct: { url: `/indexes/${names.moments}/search`, body: JSON.stringify({ ...moments, distinct: 'slug' }) },
    federated: {
      url: '/multi-search',
      body: JSON.stringify({
        federation: { limit: 10 },
        queries: [
          { ...common, indexUid: names.episodes, attributesToHighlight: EPISODE_SEARCHABLE },
          { ...common, indexUid: names.moments, attributesToHighlight: ['text'] },
        ],
      }),
    },
  };
}

/**
 * Every query sent ROUNDS times to each contender, interleaved (a burst of noise on the machine lands on all of them),
 * the order rotating each round so no contender always follows another. `/api/search` is served by `web/server.ts` in
 * its own process, as a user runs it.
 */
export async function searchLatency(
  host: string,
  headers: Record<string, string>,
  apiKey: string,
  env: NodeJS.ProcessEnv,
  names: IndexNames,
  log: (line: string) => void,
) {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const server = await timed({ ...env, PORT: String(port) }, ['web/server.ts'], (output) => output.includes('is serving'));
  const rows: LatencyRow[] = [];
  for (const { name, params } of QUERIES) {
    const requests = baselineRequests(params, names);
    const engine = (which: (typeof BASELINES)[number]) => () =>
      fetch(`${host}${requests[which].url}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: requests[which].body,
      }).then((r) => {
        if (r.status !== 200) throw new Error(`Meilisearch answered ${r.status} for the ${which} search of ${name}`);
        return r.arrayBuffer();
      });
    const url = `http://127.0.0.1:${port}/api/search?${new URLSearchParams(params)}`;
    const api = () =>
      fetch(url, { headers: { 'accept-encoding': 'identity' } }).then((r) => {
        // A fast error is not a fast search: every answer measured must be a real result.
        if (r.status !== 200) throw new Error(`/api/search answered ${r.status} for ${url}`);
        return r.arrayBuffer();
      });
    const calls: [Contender, () => Promise<unknown>][] = [
      ...BASELINES.map((which) => [which, engine(which)] as [Contender, () => Promise<unknown>]),
      ['api', api],
    ];
    for (let i = 0; i < 20; i++) for (const [, call] of calls) await call();
    const ms = Object.fromEntries(calls.map(([which]) => [which, [] as number[]])) as Record<Contender, number[]>;
    for (let i = 0; i < ROUNDS; i++) {
      for (let j = 0; j < calls.length; j++) {
        const [which, call] = calls[(i + j) % calls.length]!;
        ms[which].push(await time(call));
      }
    }
    const profile = await profileSearch(host, apiKey, names, params);
    const times = Object.fromEntries(Object.entries(ms).map(([which, list]) => [which, summary(list)])) as Record<Contender, Latency>;
    log(
      `  ${name}: plain ${times.plain.p50.toFixed(1)}/${times.plain.p99.toFixed(1)} ms, /api/search ${times.api.p50.toFixed(1)}/${times.api.p99.toFixed(1)} ms (p50/p99)`,
    );
    rows.push({ name, times, profile });
  }
  const get = (url: string) => fetch(url, { headers: { 'accept-encoding': 'identity' } }).then((r) => r.arrayBuffer());
  const floor = (await median(() => get(`http://127.0.0.1:${port}/healthz`), 200)) - (await median(() => get(`${host}/health`), 200));
  const stopped = await server.kill!();
  return { rows, floor, serverRssMb: stopped.maxRssMb };
}

async function time(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

function summary(ms: number[]): Latency {
  const sorted = [...ms].sort((x, y) => x - y);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}
