import type { Episode, Written } from './episode.ts';

/** A parsed file: what was read, what it writes (read or not), and whether a transcript file sits beside it. */
export type ParsedFile = { episode: Episode; writes: Written | undefined; transcriptFile: string | undefined };

/**
 * Why each of these files is one of the site's pages rather than an episode (by position; absent: an episode).
 *
 * Sites keep pages beside their episodes: devchat.tv's `src/` holds `about.md` and meetup announcements, each Jupiter
 * Broadcasting show folder a `subscribe.md`. What only an episode has is audio, an episode number or a transcript.
 * A file with none of them is a page when it also has no date (an `about.md`), or when a title and a date are all it
 * has (`subscribe.md`: the rest is links the site's templates render).
 *
 * That holds only in a catalogue whose episodes have dates and those marks: where most files have no date, or no
 * audio, number or transcript (a site that publishes notes only, a folder a user wrote by hand), a page cannot be told
 * from an episode, and every file is kept. A field written but unreadable (`date: someday`) counts as written: the
 * file is an episode with a warning, not a page. On the real sites of the README's "Tried on real sites" this skips
 * Jupiter Broadcasting's eight `subscribe.md` and devchat.tv's meetup and event pages, and no episode.
 */
export function sitePages(files: readonly ParsedFile[]): Map<number, string> {
  const pages = new Map<number, string>();
  const marked = files.map(hasEpisodeMark);
  const dated = files.map(({ episode, writes }) => Boolean(episode.date || writes?.date));
  // Half at least: a network with a few notes-only shows (devchat.tv's Dev Rev) still marks its episodes.
  const most = (flags: boolean[]) => flags.filter(Boolean).length * 2 >= files.length;
  if (!most(marked) || !most(dated)) return pages;
  files.forEach(({ episode }, index) => {
    if (marked[index]) return;
    if (!dated[index]) pages.set(index, 'a page: no date, audio, episode number or transcript');
    // A date read, not one only written: `date: someday` and nothing else is an episode that needs its date fixed.
    else if (episode.date && onlyTitleAndDate(episode)) pages.set(index, 'a page: a title and a date, nothing else to index');
  });
  return pages;
}

function hasEpisodeMark({ episode, writes, transcriptFile }: ParsedFile): boolean {
  return Boolean(
    (episode.audioUrl && !writes?.noAudioField) ||
      episode.episodeNumber !== undefined ||
      episode.label ||
      episode.transcripts.length ||
      transcriptFile ||
      writes?.audioNumberOrTranscript,
  );
}

function onlyTitleAndDate(episode: Episode): boolean {
  const { summary, otherNotes, links, picks, sponsors, panel, guests, chapters = [] } = episode;
  return !summary && !otherNotes && [links, picks, sponsors, panel, guests, chapters].every((list) => list.length === 0);
}
