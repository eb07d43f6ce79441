import type { EpisodeSummary } from '../documents/documents.ts';

/** "elixir-mix · 2019-07-09 · #59": how pages and the terminal describe an episode in one line (the number if given). */
export function episodeMeta(episode: Pick<EpisodeSummary, 'podcast' | 'date'> & Partial<Pick<EpisodeSummary, 'episodeNumber'>>): string {
  const number = episode.episodeNumber === null || episode.episodeNumber === undefined ? null : `#${episode.episodeNumber}`;
  return [episode.podcast, episode.date, number].filter(Boolean).join(' · ');
}

export function episodeUrl(slug: string, seconds?: number): string {
  const base = `/episodes/${encodeURIComponent(slug)}`;
  return seconds === undefined ? base : `${base}?t=${Math.max(0, Math.floor(seconds))}`;
}
