import { detailRequests, parseSearchQuery, searchRequests } from '../src/search-request.ts';
import { detailAnswers, rankAnswers, type SearchAnswer } from '../src/search-results.ts';
import type { IndexNames } from '../src/index-settings.ts';
import { meiliClient } from '../indexer/meili-client.ts';

type Results = { results: SearchAnswer[] };

/** Median milliseconds of `rounds` calls, after a few unmeasured ones. */
export async function median(call: () => unknown, rounds = 30): Promise<number> {
  for (let i = 0; i < 3; i++) await call();
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await call();
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b)[rounds >> 1]!;
}

/**
 * Where one search's time goes, measured piece by piece in this process: each part of the two multi-searches sent to
 * Meilisearch alone (its own time, HTTP on loopback included), then each step podgrep adds — reading the answers'
 * JSON, ranking, shaping the page, writing its JSON — on the very answers Meilisearch gave.
 */
export async function profileSearch(host: string, apiKey: string, names: IndexNames, params: Record<string, string>) {
  const headers = { authorization: `Bearer ${apiKey}`, 'accept-encoding': 'identity', 'content-type': 'application/json' };
  const post = async (queries: unknown[]) => (await fetch(`${host}/multi-search`, { method: 'POST', headers, body: JSON.stringify({ queries }) })).text();
  const client = meiliClient({ host, apiKey });
  const query = parseSearchQuery(params);
  const ranking = searchRequests(query, names);
  const firstText = await post(ranking);
  const first = JSON.parse(firstText) as Results;
  const rank = () => rankAnswers(query, first.results);
  const page = rank();
  const shown = page.response.episodes.map((episode) => episode.slug);
  const detail = detailRequests(query, shown, page.notesSlugs, names);
  const secondText = await post(detail);
  const second = JSON.parse(secondText) as Results;
  const shape = () => detailAnswers(page, second.results);
  const shaped = shape();
  const responseText = JSON.stringify(shaped);
  // The same two requests through the Meilisearch client podgrep uses, against plain fetch reading bytes: interleaved,
  // so the difference is the client's own work (building the request, decoding and parsing the answer).
  const bodies = [JSON.stringify({ queries: ranking }), JSON.stringify({ queries: detail })];
  const plain = async () => {
    for (const body of bodies) await (await fetch(`${host}/multi-search`, { method: 'POST', headers, body })).arrayBuffer();
  };
  const viaClient = async () => {
    await client.multiSearch({ queries: ranking });
    await client.multiSearch({ queries: detail });
  };
  const differences: number[] = [];
  for (let i = 0; i < 60; i++) {
    const a = performance.now();
    await plain();
    const b = performance.now();
    await viaClient();
    differences.push(performance.now() - b - (b - a));
  }
  return {
    engine: {
      notes: await median(() => post([ranking[0]])),
      bestMoments: await median(() => post([ranking[1]])),
      counts: await median(() => post([ranking[2]])),
      detail: await median(() => post(detail)),
    },
    bytes: { answers: firstText.length + secondText.length, response: responseText.length },
    node: {
      client: differences.sort((x, y) => x - y)[differences.length >> 1]!,
      parse: await median(() => (JSON.parse(firstText), JSON.parse(secondText)), 200),
      rank: await median(rank, 200),
      shape: await median(shape, 200),
      render: await median(() => JSON.stringify(shaped), 200),
    },
  };
}

export type SearchProfile = Awaited<ReturnType<typeof profileSearch>>;

/** The tables of BENCHMARKS.md's profile section; `floor` is a podgrep request that does no search. */
export function profileTables(rows: { name: string; gap: number; profile: SearchProfile }[], floor: number): string {
  const ms = (x: number) => x.toFixed(2);
  return `Meilisearch's own time, each part of a search sent alone (ms, median of 30):

| query | notes hits | best moment per episode (\`distinct\`) | matches per episode (facet) | detail read (snippets, 3 moments × 10 episodes) |
| --- | --- | --- | --- | --- |
${rows.map(({ name, profile: { engine: e } }) => `| ${name} | ${ms(e.notes)} | ${ms(e.bestMoments)} | ${ms(e.counts)} | ${ms(e.detail)} |`).join('\n')}

What podgrep adds to a search, step by step on the same answers (ms, median), against the measured p50 gap. "Client"
is the Meilisearch client's two requests against plain \`fetch\` reading the bytes (interleaved, median of 60
differences; it includes parsing the answers, shown apart as "of which parse"). "HTTP/Express" is a podgrep request
that does no search: \`GET /healthz\` minus Meilisearch's own \`/health\` (${ms(floor)} ms). What the sum leaves is the
cost of a third process on the path — the server is woken for each of its two Meilisearch answers, on 2 shared cores.

| query | answers KB | client | of which parse | rank | shape page | render JSON (KB) | HTTP/Express | sum | measured gap |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows
  .map(({ name, gap, profile: { bytes, node } }) => {
    const sum = Math.max(node.client, node.parse) + node.rank + node.shape + node.render + floor;
    return `| ${name} | ${(bytes.answers / 1024).toFixed(0)} | ${ms(node.client)} | ${ms(node.parse)} | ${ms(node.rank)} | ${ms(node.shape)} | ${ms(node.render)} (${(bytes.response / 1024).toFixed(0)}) | ${ms(floor)} | ${ms(sum)} | ${ms(gap)} |`;
  })
  .join('\n')}
`;
}
