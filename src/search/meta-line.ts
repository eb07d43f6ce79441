import type { EpisodeDocument, EpisodeSummary } from '../documents/documents.ts';
import { formatTime } from '../time.ts';

/** What a meta line is made of: the episode page gives its label and length too, lists give what they have. */
export type MetaParts = Pick<EpisodeSummary, 'podcast' | 'date'> &
  Partial<Pick<EpisodeSummary, 'episodeNumber'> & Pick<EpisodeDocument, 'label' | 'durationSeconds'>>;

/**
 * "Elixir Mix · 2019-07-09 · #59 · 54:20": how every page and the terminal describe an episode in one line, each part
 * only where known. The caller gives the podcast as it should read (its name where the catalogue has one). An episode
 * "number" that is not one (`Bonus`) stands where the number would.
 */
export function episodeMeta(episode: MetaParts): string {
  const number =
    episode.episodeNumber !== null && episode.episodeNumber !== undefined ? `#${episode.episodeNumber}` : (episode.label ?? null);
  const length = episode.durationSeconds ? formatTime(episode.durationSeconds) : null;
  return [episode.podcast, episode.date, number, length].filter(Boolean).join(' · ');
}
