import { detailRequests, parseSearchQuery, searchRequests } from '../src/search-request.ts';
import { rankResults, withDetails, type EpisodeHit, type MomentHit, type RankedMomentHit } from '../src/search-results.ts';
import type { IndexNames } from '../src/index-settings.ts';

type Results = { results: { hits: unknown[]; facetDistribution?: Record<string, Record<string, number>> }[] };

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
export async function profileSearch(host: string, headers: Record<string, string>, names: IndexNames, params: Record<string, string>) {
  const post = async (queries: unknown[]) => (await fetch(`${host}/multi-search`, { method: 'POST', headers, body: JSON.stringify({ queries }) })).text();
  const query = parseSearchQuery(params);
  const ranking = searchRequests(query, names);
  const firstText = await post(ranking);
  const first = JSON.parse(firstText) as Results;
  const rank = () => rankResults(query, first.results[0]!.hits as EpisodeHit[], first.results[1]!.hits as RankedMomentHit[], first.results[2]?.facetDistribution?.slug ?? {});
  const page = rank();
  const shown = page.response.episodes.map((episode) => episode.slug);
  const detail = detailRequests(query, shown, page.notesSlugs, names);
  const secondText = await post(detail);
  const second = JSON.parse(secondText) as Results;
  const notes = page.notesSlugs.length ? second.results[0] : undefined;
  const perEpisode = second.results.slice(notes ? 1 : 0);
  const bySlug = new Map(shown.map((slug, i) => [slug, (perEpisode[i]?.hits ?? []) as MomentHit[]]));
  const shape = () => withDetails(page, (notes?.hits ?? []) as EpisodeHit[], bySlug);
  const shaped = shape();
  const responseText = JSON.stringify(shaped);
  return {
    engine: {
      notes: await median(() => post([ranking[0]])),
      bestMoments: await median(() => post([ranking[1]])),
      counts: await median(() => post([ranking[2]])),
      detail: await median(() => post(detail)),
    },
    bytes: { answers: firstText.length + secondText.length, response: responseText.length },
    node: {
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

What podgrep adds to a search, step by step on the same answers (ms, median of 200), against the measured p50 gap. The
HTTP + Express floor is the p50 of a podgrep request that does no search (\`GET /healthz\` minus Meilisearch's \`/health\`,
${ms(floor)} ms); the rest of the gap is the Meilisearch client's two requests and the garbage they leave.

| query | answers KB | parse JSON | rank | shape page | render JSON (KB) | + HTTP/Express | sum | measured gap |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows
  .map(({ name, gap, profile: { bytes, node } }) => {
    const sum = node.parse + node.rank + node.shape + node.render + floor;
    return `| ${name} | ${(bytes.answers / 1024).toFixed(0)} | ${ms(node.parse)} | ${ms(node.rank)} | ${ms(node.shape)} | ${ms(node.render)} (${(bytes.response / 1024).toFixed(0)}) | ${ms(floor)} | ${ms(sum)} | ${ms(gap)} |`;
  })
  .join('\n')}
`;
}
