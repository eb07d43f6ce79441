import { meiliClient } from '../adapters/meili/meili-client.ts';
import { searcher } from '../adapters/meili/meili-search.ts';
import type { IndexNames } from '../src/documents/index-settings.ts';
import { parseSearchQuery, searchLimits, searchRequests } from '../src/search/search-request.ts';
import { type SearchAnswer, searchResults } from '../src/search/search-results.ts';

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
 * Where one search's time goes, measured piece by piece in this process. First the engine: podgrep's multi-search as
 * it is sent, each of its two queries alone, and the designs it replaced or weighed, each sent alone (HTTP on loopback
 * included) — so the choice stays measured at every catalogue size. Then each step podgrep adds on the very answer
 * Meilisearch gave: the client against plain fetch, parsing, ranking and shaping, writing the JSON.
 */
export async function profileSearch(host: string, apiKey: string, names: IndexNames, params: Record<string, string>) {
  const headers = { authorization: `Bearer ${apiKey}`, 'accept-encoding': 'identity', 'content-type': 'application/json' };
  const post = async (body: unknown) =>
    (await fetch(`${host}/multi-search`, { method: 'POST', headers, body: JSON.stringify(body) })).text();
  const client = meiliClient({ host, apiKey });
  const query = parseSearchQuery(params);
  const queries = searchRequests(query, names);
  const [notes, moments] = queries as unknown as [Record<string, unknown>, Record<string, unknown>];
  const texts = await Promise.all(queries.map((one) => post({ queries: [one] })));
  const answers = texts.map((text) => (JSON.parse(text) as Results).results[0]!);
  const shape = () => searchResults(query, answers, searchLimits(query));
  const shaped = shape();
  const responseText = JSON.stringify(shaped);
  const { showRankingScoreDetails: _details, ...momentsNoDetails } = moments;
  const { attributesToHighlight: _highlight, highlightPreTag: _pre, highlightPostTag: _post, ...momentsPlain } = momentsNoDetails;
  const bare = { q: query.q, ...(typeof moments.filter === 'string' ? { filter: moments.filter } : {}) };
  const alternatives = {
    // The designs weighed: each alone, so their cost is comparable with the multi-search podgrep sends.
    sent: () => Promise.all(queries.map((one) => post({ queries: [one] }))),
    multi: () => post({ queries }),
    notes: () => post({ queries: [notes] }),
    moments: () => post({ queries: [moments] }),
    momentsNoDetails: () => post({ queries: [momentsNoDetails] }),
    moments100: () => post({ queries: [{ ...moments, limit: 100 }] }),
    momentsNoHighlight: () => post({ queries: [momentsPlain] }),
    distinct: () => post({ queries: [{ ...moments, limit: 20, distinct: 'slug' }] }),
    slugFacet: () => post({ queries: [{ ...bare, indexUid: names.moments, limit: 0, facets: ['slug'] }] }),
    // The previous design: the two queries plus a read of 100 unhighlighted hits of each index for the filters' counts.
    facetReads: () =>
      Promise.all(
        [
          ...queries,
          ...[names.episodes, names.moments].map((indexUid) => ({ ...bare, indexUid, limit: 100, matchingStrategy: 'all' })),
        ].map((one) => post({ queries: [one] })),
      ),
    federated: () =>
      post({
        federation: { limit: (notes.limit as number) + (moments.limit as number) },
        queries: [
          { ...notes, limit: undefined },
          { ...moments, limit: undefined },
        ],
      }),
  };
  const engine = {} as Record<keyof typeof alternatives, number>;
  for (const [name, call] of Object.entries(alternatives)) engine[name as keyof typeof alternatives] = await median(call);
  // The same requests as podgrep sends them (undici's request, adapters/meili/meili-search.ts), against plain fetch reading bytes:
  // interleaved, so the difference is the client's own work (building the request, decoding and parsing the answer).
  const bodies = queries.map((one) => JSON.stringify({ queries: [one] }));
  const plain = () =>
    Promise.all(bodies.map(async (body) => (await fetch(`${host}/multi-search`, { method: 'POST', headers, body })).arrayBuffer()));
  const searchOne = searcher(client);
  const viaClient = () => Promise.all(queries.map(searchOne));
  const differences: number[] = [];
  for (let i = 0; i < 60; i++) {
    const a = performance.now();
    await plain();
    const b = performance.now();
    await viaClient();
    differences.push(performance.now() - b - (b - a));
  }
  return {
    engine,
    bytes: { answer: texts.reduce((sum, text) => sum + text.length, 0), response: responseText.length },
    node: {
      client: differences.sort((x, y) => x - y)[differences.length >> 1]!,
      parse: await median(() => texts.map((text) => JSON.parse(text)), 200),
      shape: await median(shape, 200),
      render: await median(() => JSON.stringify(shaped), 200),
    },
  };
}

export type SearchProfile = Awaited<ReturnType<typeof profileSearch>>;

/** The tables of BENCHMARKS.md's profile section; `floor` is a podgrep request that does no search. */
export function profileTables(rows: { name: string; gap: number; profile: SearchProfile }[], floor: number): string {
  const ms = (x: number) => x.toFixed(2);
  return `Meilisearch's time for podgrep's two queries sent at once ("sent"), the same as one multi-search (Meilisearch
answers its queries one after the other), each query alone, and the designs weighed against them, each sent alone (ms,
median of 30, HTTP on loopback included). "moments" is podgrep's moments query (limit 20, highlighted, score details);
"no details" drops the score details, "no highlight" the highlighting too; "100" reads 100 highlighted moments.
"distinct" is the moments query at limit 20 grouped by episode in the engine; "slug facet" the old per-episode match
counts over every match; "federated" both queries merged into one list by the engine; "+ filter reads" the two
queries with the two 100-hit reads for the filters' counts that podgrep sent until 2026-12 (four requests at once).

| query | **sent** | one multi-search | notes | moments | no details | no highlight | 100 | distinct | slug facet | federated | + filter reads |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.map(({ name, profile: { engine: e } }) => `| ${name} | **${ms(e.sent)}** | ${ms(e.multi)} | ${ms(e.notes)} | ${ms(e.moments)} | ${ms(e.momentsNoDetails)} | ${ms(e.momentsNoHighlight)} | ${ms(e.moments100)} | ${ms(e.distinct)} | ${ms(e.slugFacet)} | ${ms(e.federated)} | ${ms(e.facetReads)} |`).join('\n')}

What podgrep adds, step by step on the same answer (ms, median), against the measured p50 gap to the plain search.
"Client" is podgrep's two requests (undici's \`request\`, \`adapters/meili/meili-search.ts\`) against plain \`fetch\` reading the bytes
(interleaved, median of 60 differences; it includes parsing the answers, shown apart as "of which parse"; negative:
faster than fetch that does not even parse). "HTTP/Express" is a podgrep request that
does no search: \`GET /healthz\` minus Meilisearch's own \`/health\` (${ms(floor)} ms).

| query | answer KB | client | of which parse | rank and shape | render JSON (KB) | HTTP/Express | gap to plain |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows
  .map(
    ({ name, gap, profile: { bytes, node } }) =>
      `| ${name} | ${(bytes.answer / 1024).toFixed(0)} | ${ms(node.client)} | ${ms(node.parse)} | ${ms(node.shape)} | ${ms(node.render)} (${(bytes.response / 1024).toFixed(0)}) | ${ms(floor)} | ${ms(gap)} |`,
  )
  .join('\n')}
`;
}
