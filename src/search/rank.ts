import type { SearchResponse } from './api.ts';
import { facetCounts } from './facets.ts';
import { type MomentHit, matchesAll, type NotesHit, type SearchAnswer, type SummaryHit } from './hits.ts';
import { EPISODES_PER_PAGE, MAX_PAGE, MOMENTS_PER_EPISODE, type SearchQuery } from './search-request.ts';
import { momentResult, noteMatches } from './snippets.ts';
import { episodeUrl } from './urls.ts';

/** One episode as the hits describe it: the hits of its better match class only ("all" words, else "some"). */
type Found = { hit: SummaryHit; all: boolean; score: number; notes?: NotesHit; moments: MomentHit[]; count: number };

/**
 * The page, from the answers to the two queries searchRequests (search-request.ts) builds: the notes hits and the
 * best moment hits, both highlighted, grouped here by episode.
 *
 * - An episode where every word matches (in one moment or in its notes) is a full match; full matches come first,
 *   episodes where only some words match follow, marked `match: 'some'`. Meilisearch's first ranking rule is `words`,
 *   so hits with every word come before the rest in each answer, and `_rankingScoreDetails.words` says which are which.
 * - An episode ranks by its best hit of its class. An episode about a term says it many times; one that mentions it in
 *   passing says it once. Meilisearch ranks moments, not episodes, so the number of its matching moments among those
 *   read is added here — small, so it only orders episodes whose best hits are about as good.
 * - Counts are what the hits prove. An answer with fewer hits than its limit holds every match; an answer that already
 *   reached partial hits holds every full match. Otherwise the count is a lower bound, and says so.
 */
export function searchResults(
  query: SearchQuery,
  [notesAnswer, momentsAnswer]: SearchAnswer[],
  limits: { notes: number; moments: number },
): SearchResponse {
  const notesHits = (notesAnswer?.hits ?? []) as NotesHit[];
  const momentHits = (momentsAnswer?.hits ?? []) as MomentHit[];
  const bySlug = new Map<string, Found>();
  const entry = (hit: SummaryHit, all: boolean): Found | undefined => {
    let found = bySlug.get(hit.slug);
    if (!found) bySlug.set(hit.slug, (found = { hit, all, score: 0, moments: [], count: 0 }));
    else if (all && !found.all) Object.assign(found, { all, score: 0, moments: [], count: 0 });
    // A partial hit of an episode that fully matches elsewhere adds nothing to it.
    return found.all === all ? found : undefined;
  };
  for (const hit of notesHits) {
    const found = entry(hit, matchesAll(hit));
    if (!found) continue;
    found.notes = hit;
    found.score = Math.max(found.score, hit._rankingScore ?? 0);
  }
  for (const hit of momentHits) {
    const found = entry(hit, matchesAll(hit));
    if (!found) continue;
    found.count++;
    found.moments.push(hit);
    found.score = Math.max(found.score, hit._rankingScore ?? 0);
  }
  for (const found of bySlug.values()) found.score += Math.min(0.05, 0.01 * Math.log2(1 + found.count));
  // ISO dates compare as strings; no date sorts last.
  const newest = (a: Found, b: Found) => {
    const [x, y] = [a.hit.date ?? '', b.hit.date ?? ''];
    return x === y ? 0 : x < y ? 1 : -1;
  };
  const order = query.sort === 'newest' ? newest : (a: Found, b: Found) => b.score - a.score || newest(a, b);
  const found = [...bySlug.values()];
  const full = found.filter((f) => f.all).sort(order);
  const partial = found.filter((f) => !f.all).sort(order);
  const ranked = [...full, ...partial];

  const complete = (hits: { length: number }, limit: number) => hits.length < limit;
  const reachedPartial = (hits: (NotesHit | MomentHit)[]) => hits.length > 0 && !matchesAll(hits.at(-1)!);
  const notesComplete = complete(notesHits, limits.notes);
  const momentsComplete = complete(momentHits, limits.moments);
  const first = (query.page - 1) * EPISODES_PER_PAGE;
  const shown = ranked.slice(first, first + EPISODES_PER_PAGE);
  const perEpisode = query.episode ? Infinity : MOMENTS_PER_EPISODE;
  const counted = (full.length ? full : partial).map((found) => found.hit);
  return {
    query: query.q,
    totalEpisodes: full.length,
    totalEpisodesExact: (notesComplete || reachedPartial(notesHits)) && (momentsComplete || reachedPartial(momentHits)),
    partialEpisodes: partial.length,
    partialEpisodesExact: notesComplete && momentsComplete,
    page: query.page,
    pages: pageCount(query.page, ranked.length, notesComplete && momentsComplete),
    sort: query.sort,
    filters: query.filters,
    facetEpisodes: counted.length,
    facets: facetCounts(counted, query.filters),
    episodes: shown.map(({ hit, all, notes, moments }) => ({
      slug: hit.slug,
      title: hit.title,
      podcast: hit.podcast,
      date: hit.date,
      episodeNumber: hit.episodeNumber,
      url: episodeUrl(hit.slug),
      match: all ? 'all' : 'some',
      notes: notes ? noteMatches(notes) : [],
      moments: moments.slice(0, perEpisode).map(momentResult),
    })),
  };
}

/**
 * Pages of ranked episodes. When more hits matched than were read and this page is full, there is a next page: it
 * reads further down both lists (search-request.ts), so it holds at least the episodes found beyond this one.
 */
function pageCount(page: number, ranked: number, complete: boolean): number {
  const known = Math.ceil(ranked / EPISODES_PER_PAGE);
  return !complete && ranked >= page * EPISODES_PER_PAGE ? Math.min(MAX_PAGE, Math.max(known, page + 1)) : known;
}
