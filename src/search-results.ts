import type { EpisodeSummary } from './documents.ts';
import { EPISODE_SEARCHABLE, FACETS, type Facet } from './index-settings.ts';
import { timeAtOffset } from './moments.ts';
import { EPISODES_PER_PAGE, MATCH_END, MATCH_START, type Filters, type SearchQuery, type Sort } from './search-request.ts';

/** The JSON contract of `GET /api/search`; other tools rely on it, so fields are only ever added. */
export type SearchResponse = {
  query: string;
  totalEpisodes: number;
  page: number;
  sort: Sort;
  filters: Filters;
  /** For each facet, how many of the matching episodes have each value, most first. */
  facets: Record<Facet, { value: string; count: number }[]>;
  episodes: EpisodeResult[];
};

export type EpisodeResult = {
  slug: string;
  title: string;
  podcast: string | null;
  date: string | null;
  episodeNumber: number | null;
  url: string;
  notes: { field: string; snippet: string }[];
  moments: MomentResult[];
};

export type MomentResult = {
  start: number;
  end: number;
  /** When the first matched word is spoken. */
  at: number;
  snippet: string;
  url: string;
};

/** What every hit carries besides its summary: the facet fields. */
type FacetFields = { tags?: string[]; people?: string[]; year?: number | null };

/** The hits as Meilisearch returns them for the requests built in search-request.ts. */
export type EpisodeHit = EpisodeSummary & FacetFields & {
  _formatted?: Record<string, unknown>;
  _matchesPosition?: Record<string, unknown>;
  _rankingScore?: number;
};
/** A moment as the first request returns it: enough to rank and count, not to show. */
export type RankedMomentHit = EpisodeSummary & FacetFields & { id: string; _rankingScore?: number };

export type MomentHit = EpisodeSummary & FacetFields & {
  id: string;
  start: number;
  end: number;
  wordOffsets: number[];
  wordStarts: number[];
  _formatted?: { text?: string };
  _rankingScore?: number;
};

/** Moments shown per episode; more would bury the next episode. */
export const MOMENTS_PER_EPISODE = 3;
/** When one episode is asked for, all its matching moments are the point. */
const MOMENTS_IN_ONE_EPISODE = 100;
/** Seconds of lead-in before the matched word, so the listener hears it arrive rather than cut in. */
const LEAD_IN = 1;
const SNIPPET_WORDS = 30;

/** A page of ranked episodes whose moments are chosen (by id) but not yet read. */
export type RankedPage = { response: SearchResponse; momentIds: Map<string, string[]> };

/** Both steps at once, for hits that already carry everything (tests, and small result sets). */
export function shapeResults(query: SearchQuery, episodeHits: EpisodeHit[], momentHits: MomentHit[]): SearchResponse {
  return withMoments(rankResults(query, episodeHits, momentHits), momentHits);
}

/**
 * Groups note hits and moment hits into one list of episodes ranked by each episode's best hit, pages it, and picks
 * the moments to show. Ranking reads only ids and scores: reading the text and word timings of every one of up to a
 * thousand moment hits would make each search move about a megabyte.
 */
export function rankResults(query: SearchQuery, episodeHits: EpisodeHit[], momentHits: RankedMomentHit[]): RankedPage {
  const byslug = new Map<string, { result: EpisodeResult; score: number; facets: EpisodeSummary & FacetFields }>();
  const entry = (hit: EpisodeSummary & FacetFields, score: number) => {
    let found = byslug.get(hit.slug);
    if (!found) {
      found = {
        score,
        facets: hit,
        result: {
          slug: hit.slug,
          title: hit.title,
          podcast: hit.podcast,
          date: hit.date,
          episodeNumber: hit.episodeNumber,
          url: episodeUrl(hit.slug),
          notes: [],
          moments: [],
        },
      };
      byslug.set(hit.slug, found);
    }
    found.score = Math.max(found.score, score);
    return found.result;
  };
  for (const hit of episodeHits) {
    entry(hit, hit._rankingScore ?? 0).notes = noteMatches(hit);
  }
  const matching = new Map<string, number>();
  const chosen = new Map<string, string[]>();
  for (const hit of momentHits) {
    matching.set(hit.slug, (matching.get(hit.slug) ?? 0) + 1);
    entry(hit, hit._rankingScore ?? 0);
    const ids = chosen.get(hit.slug) ?? [];
    if (ids.length < (query.episode ? MOMENTS_IN_ONE_EPISODE : MOMENTS_PER_EPISODE)) chosen.set(hit.slug, [...ids, hit.id]);
  }
  // An episode about a term says it many times; one that mentions it in passing says it once. Meilisearch ranks
  // moments, not episodes, so the number of matching moments is added here — small, so it only orders episodes
  // whose best hits are about as good.
  for (const found of byslug.values()) found.score += Math.min(0.05, 0.01 * Math.log2(1 + (matching.get(found.result.slug) ?? 0)));
  const newest = (a: { result: EpisodeResult }, b: { result: EpisodeResult }) => (b.result.date ?? '').localeCompare(a.result.date ?? '');
  const ranked = [...byslug.values()].sort(query.sort === 'newest' ? newest : (a, b) => b.score - a.score || newest(a, b));
  const first = (query.page - 1) * EPISODES_PER_PAGE;
  const episodes = ranked.slice(first, first + EPISODES_PER_PAGE).map((found) => found.result);
  const response: SearchResponse = {
    query: query.q,
    totalEpisodes: ranked.length,
    page: query.page,
    sort: query.sort,
    filters: query.filters,
    facets: facetCounts(ranked.map((found) => found.facets)),
    episodes,
  };
  return { response, momentIds: new Map(episodes.map((episode) => [episode.slug, chosen.get(episode.slug) ?? []])) };
}

/** The ids of the moments a ranked page shows, for the second request that reads their text and timings. */
export function chosenMomentIds(page: RankedPage): string[] {
  return [...page.momentIds.values()].flat();
}

/** Fills each episode of the page with its chosen moments, in ranking order, from the hits that carry their text. */
export function withMoments(page: RankedPage, detailed: MomentHit[]): SearchResponse {
  const byId = new Map(detailed.map((hit) => [hit.id, hit]));
  return {
    ...page.response,
    episodes: page.response.episodes.map((episode) => ({
      ...episode,
      moments: (page.momentIds.get(episode.slug) ?? []).flatMap((id) => {
        const hit = byId.get(id);
        return hit ? [momentResult(hit)] : [];
      }),
    })),
  };
}

/** Counted over matching episodes, not hits: ten moments of one episode are one episode of that podcast. */
function facetCounts(episodes: (EpisodeSummary & FacetFields)[]): SearchResponse['facets'] {
  const valuesOf: Record<Facet, (e: EpisodeSummary & FacetFields) => (string | number | null | undefined)[]> = {
    podcast: (e) => [e.podcast],
    tag: (e) => e.tags ?? [],
    year: (e) => [e.year],
    person: (e) => e.people ?? [],
  };
  const facets = {} as SearchResponse['facets'];
  for (const facet of Object.keys(FACETS) as Facet[]) {
    const counts = new Map<string, number>();
    for (const episode of episodes) {
      for (const value of new Set(valuesOf[facet](episode))) {
        if (value !== null && value !== undefined && value !== '') counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
      }
    }
    facets[facet] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return facets;
}

export function episodeUrl(slug: string, seconds?: number): string {
  const base = `/episodes/${encodeURIComponent(slug)}`;
  return seconds === undefined ? base : `${base}?t=${Math.max(0, Math.floor(seconds))}`;
}

function noteMatches(hit: EpisodeHit): { field: string; snippet: string }[] {
  const matched = new Set(Object.keys(hit._matchesPosition ?? {}).map((path) => path.split('.')[0]));
  const notes: { field: string; snippet: string }[] = [];
  // Fields in ranking order, so the first note is the strongest kind of match.
  for (const field of EPISODE_SEARCHABLE) {
    if (!matched.has(field)) continue;
    const value = hit._formatted?.[field];
    const texts = Array.isArray(value) ? value.map(String) : [String(value ?? '')];
    const text = texts.find((item) => item.includes(MATCH_START));
    if (text !== undefined) notes.push({ field, snippet: snippet(text) });
  }
  return notes;
}

function momentResult(hit: MomentHit): MomentResult {
  const formatted = hit._formatted?.text ?? '';
  const offset = formatted.indexOf(MATCH_START);
  // Nothing before the first mark was changed by highlighting, so its position is the match's position in the text.
  const at = offset === -1 ? hit.start : timeAtOffset(hit, offset);
  return {
    start: hit.start,
    end: hit.end,
    at,
    snippet: snippet(formatted),
    url: episodeUrl(hit.slug, at - LEAD_IN),
  };
}

/**
 * A window of words around the first match, HTML-escaped, with only `<mark>` added. Marks are balanced whatever the
 * input holds, so text that contains the marker characters cannot break the page.
 */
export function snippet(formatted: string, words = SNIPPET_WORDS): string {
  const tokens = formatted.split(/\s+/).filter(Boolean);
  const hit = Math.max(0, tokens.findIndex((token) => token.includes(MATCH_START)));
  const from = Math.max(0, Math.min(hit - Math.floor(words / 4), tokens.length - words));
  const to = Math.min(tokens.length, from + words);
  let out = escapeHtml(tokens.slice(from, to).join(' '));
  out = (from > 0 ? '… ' : '') + out + (to < tokens.length ? ' …' : '');
  let open = false;
  out = out.replace(/[\u0002\u0003]/g, (marker) => {
    if (marker === MATCH_START && !open) return (open = true), '<mark>';
    if (marker === MATCH_END && open) return (open = false), '</mark>';
    return '';
  });
  return open ? `${out}</mark>` : out;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
