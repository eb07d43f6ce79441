import { clipUrl } from './clip.ts';
import type { EpisodeSummary } from './documents.ts';
import { EPISODE_SEARCHABLE, FACETS, type Facet } from './index-settings.ts';
import { speakerAt, type Turn } from './moments.ts';
import { timeAtPackedOffset } from './word-times.ts';
import { EPISODES_PER_PAGE, MATCH_END, MATCH_START, type Filters, type SearchQuery, type Sort } from './search-request.ts';

/** The JSON contract of `GET /api/search`; other tools rely on it, so fields are only ever added. */
export type SearchResponse = {
  query: string;
  totalEpisodes: number;
  page: number;
  /**
   * Pages that hold results. Episodes past the ranking window (search-request.ts) are counted in `totalEpisodes` but
   * not ranked, so a broad query can count more episodes than its pages show.
   */
  pages: number;
  sort: Sort;
  filters: Filters;
  /** For each facet, how many of the matching episodes have each value, most first: the top FACET_VALUES and any filtered by. */
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
  notes: NoteResult[];
  moments: MomentResult[];
};

/** A show-notes match; a chapter title's carries `url`, which plays the chapter from its start. */
export type NoteResult = { field: string; snippet: string; url?: string };

export type MomentResult = {
  start: number;
  end: number;
  /** When the first matched word is spoken. */
  at: number;
  snippet: string;
  url: string;
  /** Who is speaking at the matched word, where the transcript names them. */
  speaker: string | null;
  /** The whole moment as a clip: `/episodes/<slug>?t=START,END`, which the player stops at the end of. */
  clipUrl: string;
};

/** What every hit carries besides its summary: the facet fields. */
type FacetFields = { tags?: string[]; people?: string[]; speakers?: string[]; year?: number | null };

/** The hits as Meilisearch returns them for the requests built in search-request.ts. */
export type EpisodeHit = EpisodeSummary & FacetFields & {
  chapterStarts?: number[];
  _formatted?: Record<string, unknown>;
  _matchesPosition?: Record<string, unknown>;
  _rankingScore?: number;
};
/** A moment as the first request returns it: enough to rank, not to show. */
export type RankedMomentHit = EpisodeSummary & FacetFields & { _rankingScore?: number };

export type MomentHit = EpisodeSummary & FacetFields & {
  start: number;
  end: number;
  wordTimes: string;
  turns?: Turn[];
  _formatted?: { text?: string };
  _rankingScore?: number;
};


/** Seconds of lead-in before the matched word, so the listener hears it arrive rather than cut in. */
const LEAD_IN = 1;
const SNIPPET_WORDS = 30;

/** A page of ranked episodes, before their notes snippets and moments are read (the second request). */
export type RankedPage = { response: SearchResponse; notesSlugs: string[] };

/**
 * First step: one ranked list of episodes from the notes hits, the best moment of each episode (a `distinct: slug`
 * search) and how many moments of each episode match (the facet distribution of `slug`), paged.
 */
export function rankResults(
  query: SearchQuery,
  episodeHits: EpisodeHit[],
  bestMoments: RankedMomentHit[],
  momentCounts: Record<string, number>,
  /** How many episodes the notes search matched in all, beyond the hits read (its `estimatedTotalHits`). */
  notesTotal = 0,
): RankedPage {
  type Found = { hit: EpisodeSummary & FacetFields; score: number; notes: boolean };
  const byslug = new Map<string, Found>();
  const entry = (hit: EpisodeSummary & FacetFields, score: number) => {
    let found = byslug.get(hit.slug);
    if (!found) byslug.set(hit.slug, (found = { hit, score, notes: false }));
    found.score = Math.max(found.score, score);
    return found;
  };
  for (const hit of episodeHits) entry(hit, hit._rankingScore ?? 0).notes = true;
  for (const hit of bestMoments) entry(hit, hit._rankingScore ?? 0);
  // An episode about a term says it many times; one that mentions it in passing says it once. Meilisearch ranks
  // moments, not episodes, so the number of matching moments is added here — small, so it only orders episodes
  // whose best hits are about as good.
  for (const found of byslug.values()) found.score += Math.min(0.05, 0.01 * Math.log2(1 + (momentCounts[found.hit.slug] ?? 0)));
  // ISO dates compare as strings; no date sorts last.
  const newest = (a: Found, b: Found) => {
    const [x, y] = [a.hit.date ?? '', b.hit.date ?? ''];
    return x === y ? 0 : x < y ? 1 : -1;
  };
  const ranked = [...byslug.values()].sort(query.sort === 'newest' ? newest : (a, b) => b.score - a.score || newest(a, b));
  // Episodes past the best-moment window still count: their moments matched. Those past the notes window are known
  // only by number, so the total is at least that.
  let matched = byslug.size;
  for (const slug in momentCounts) if (!byslug.has(slug)) matched++;
  const first = (query.page - 1) * EPISODES_PER_PAGE;
  // Only the shown episodes become results: up to 200 are ranked on every search, ten are shown.
  const shown = ranked.slice(first, first + EPISODES_PER_PAGE);
  return {
    response: {
      query: query.q,
      totalEpisodes: Math.max(notesTotal, matched),
      page: query.page,
      pages: Math.ceil(ranked.length / EPISODES_PER_PAGE),
      sort: query.sort,
      filters: query.filters,
      facets: facetCounts(ranked.map((found) => found.hit), query.filters),
      episodes: shown.map(({ hit }) => ({
        slug: hit.slug,
        title: hit.title,
        podcast: hit.podcast,
        date: hit.date,
        episodeNumber: hit.episodeNumber,
        url: episodeUrl(hit.slug),
        notes: [],
        moments: [],
      })),
    },
    notesSlugs: shown.filter((found) => found.notes).map((found) => found.hit.slug),
  };
}

/** One answer of a multi-search, as far as search results read it. */
export type SearchAnswer = { hits: unknown[]; estimatedTotalHits?: number; facetDistribution?: Record<string, Record<string, number>> };

/** rankResults over the ranking read's answers, in the order searchRequests (search-request.ts) asks for them. */
export function rankAnswers(query: SearchQuery, [notes, moments, counts]: SearchAnswer[]): RankedPage {
  return rankResults(
    query,
    (notes?.hits ?? []) as EpisodeHit[],
    (moments?.hits ?? []) as RankedMomentHit[],
    counts?.facetDistribution?.slug ?? {},
    notes?.estimatedTotalHits ?? 0,
  );
}

/** withDetails over the detail read's answers, in the order detailRequests asks: notes first when any were asked. */
export function detailAnswers(page: RankedPage, answers: SearchAnswer[]): SearchResponse {
  const notes = page.notesSlugs.length ? answers[0] : undefined;
  const perEpisode = answers.slice(notes ? 1 : 0);
  const bySlug = new Map(page.response.episodes.map(({ slug }, i) => [slug, (perEpisode[i]?.hits ?? []) as MomentHit[]]));
  return withDetails(page, (notes?.hits ?? []) as EpisodeHit[], bySlug);
}

/** Second step: each shown episode's notes snippets and moments, from the second request's hits. */
export function withDetails(page: RankedPage, notesHits: EpisodeHit[], momentsBySlug: Map<string, MomentHit[]>): SearchResponse {
  const notes = new Map(notesHits.map((hit) => [hit.slug, noteMatches(hit)]));
  return {
    ...page.response,
    episodes: page.response.episodes.map((episode) => ({
      ...episode,
      notes: notes.get(episode.slug) ?? [],
      moments: (momentsBySlug.get(episode.slug) ?? []).map(momentResult),
    })),
  };
}

/**
 * Values listed per facet: the most common ones, plus any the query filters by. A catalogue with hundreds of guests
 * would otherwise send every name with every search (half of a 20 KB answer at 1,000 episodes), and no page lists them.
 */
export const FACET_VALUES = 20;
const byValue = new Intl.Collator('en').compare;

/** Counted over matching episodes, not hits: ten moments of one episode are one episode of that podcast. */
function facetCounts(episodes: (EpisodeSummary & FacetFields)[], selected: Filters): SearchResponse['facets'] {
  const counts: Record<Facet, Map<string, number>> = { podcast: new Map(), tag: new Map(), year: new Map(), person: new Map(), speaker: new Map() };
  const add = (facet: Facet, value: string | number | null | undefined) => {
    if (value === null || value === undefined || value === '') return;
    const key = String(value);
    counts[facet].set(key, (counts[facet].get(key) ?? 0) + 1);
  };
  // One pass, no Set per episode: this runs over every ranked episode (up to 200) of every search.
  for (const episode of episodes) {
    add('podcast', episode.podcast);
    add('year', episode.year);
    for (const [facet, values] of [['tag', episode.tags], ['person', episode.people], ['speaker', episode.speakers]] as const) {
      values?.forEach((value, i) => values.indexOf(value) === i && add(facet, value));
    }
  }
  const facets = {} as SearchResponse['facets'];
  for (const facet of Object.keys(FACETS) as Facet[]) {
    const all = [...counts[facet]].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || byValue(a.value, b.value));
    const chosen = new Set(selected[facet] ?? []);
    facets[facet] = all.filter((item, i) => i < FACET_VALUES || chosen.has(item.value));
  }
  return facets;
}

/** "elixir-mix · 2019-07-09 · #59": how pages and the terminal describe an episode in one line. */
export function episodeMeta(episode: Pick<EpisodeSummary, 'podcast' | 'date' | 'episodeNumber'>): string {
  return [episode.podcast, episode.date, episode.episodeNumber !== null ? `#${episode.episodeNumber}` : null].filter(Boolean).join(' · ');
}

export function episodeUrl(slug: string, seconds?: number): string {
  const base = `/episodes/${encodeURIComponent(slug)}`;
  return seconds === undefined ? base : `${base}?t=${Math.max(0, Math.floor(seconds))}`;
}

function noteMatches(hit: EpisodeHit): NoteResult[] {
  const matched = new Set(Object.keys(hit._matchesPosition ?? {}).map((path) => path.split('.')[0]));
  const notes: NoteResult[] = [];
  // Fields in ranking order, so the first note is the strongest kind of match.
  for (const field of EPISODE_SEARCHABLE) {
    if (!matched.has(field)) continue;
    const value = hit._formatted?.[field];
    const texts = Array.isArray(value) ? value.map(String) : [String(value ?? '')];
    const at = texts.findIndex((item) => item.includes(MATCH_START));
    const text = texts[at];
    const start = field === 'chapters' ? hit.chapterStarts?.[at] : undefined;
    if (text !== undefined) notes.push({ field, snippet: snippet(text), ...(start !== undefined ? { url: episodeUrl(hit.slug, start) } : {}) });
  }
  return notes;
}

function momentResult(hit: MomentHit): MomentResult {
  const formatted = hit._formatted?.text ?? '';
  const offset = formatted.indexOf(MATCH_START);
  // Nothing before the first mark was changed by highlighting, so its position is the match's position in the text.
  const at = offset === -1 ? hit.start : timeAtPackedOffset(hit.start, hit.wordTimes, offset);
  return {
    start: hit.start,
    end: hit.end,
    at,
    snippet: snippet(formatted),
    url: episodeUrl(hit.slug, at - LEAD_IN),
    speaker: speakerAt(hit.turns ?? [], Math.max(0, offset)) ?? null,
    clipUrl: clipUrl(episodeUrl(hit.slug), hit.start, hit.end),
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
