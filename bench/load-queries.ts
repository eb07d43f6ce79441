// What the load test asks: every kind of query a listener types, checked to find something before it is measured.

/** A rotating set: each connection sends these in turn, so every kind of query is in every second of the load. */
export const QUERIES: { kind: string; params: Record<string, string> }[] = [
  { kind: 'one word', params: { q: 'scheduler' } },
  { kind: 'one word', params: { q: 'telemetry' } },
  { kind: 'one word', params: { q: 'mailbox' } },
  { kind: 'two words', params: { q: 'garbage collector' } },
  { kind: 'two words', params: { q: 'cluster latency' } },
  { kind: 'two words', params: { q: 'release pipeline' } },
  { kind: 'phrase', params: { q: '"dirty schedulers"' } },
  { kind: 'phrase', params: { q: '"supervision tree"' } },
  { kind: 'phrase', params: { q: '"native implemented function"' } },
  { kind: 'typo', params: { q: 'supervisoin tree' } },
  { kind: 'typo', params: { q: 'shedulers' } },
  { kind: 'typo', params: { q: 'garbge colector' } },
  { kind: 'filter', params: { q: 'native implemented function', podcast: 'beam-radio' } },
  { kind: 'filter', params: { q: 'memory', tag: 'queue', year: '2017' } },
  { kind: 'filter', params: { q: 'process', podcast: 'rust-hour', sort: 'newest' } },
];
export const pathOf = (params: Record<string, string>) => `/api/search?${new URLSearchParams(params)}`;

/**
 * The queries that answer 200 with at least one episode: an empty answer is fast and proves nothing, so a query that
 * finds nothing in a small catalogue is left out (and said so) rather than measured.
 */
export async function answeredQueries(base: string, log: (line: string) => void): Promise<typeof QUERIES> {
  const kept: typeof QUERIES = [];
  for (const query of QUERIES) {
    const response = await fetch(`${base}${pathOf(query.params)}`);
    const body = (await response.json()) as { totalEpisodes?: number };
    if (response.status !== 200)
      throw new Error(`${query.kind} query ${pathOf(query.params)} answered ${response.status}: ${JSON.stringify(body)}`);
    if (body.totalEpisodes) kept.push(query);
    else log(`  left out: ${query.kind} query ${pathOf(query.params)} finds nothing in this catalogue`);
  }
  if (!kept.length) throw new Error('no query finds anything in this catalogue');
  return kept;
}
