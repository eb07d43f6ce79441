import type { Episode } from './episode.ts';

/** A parsed file, and whether a transcript file sits beside it. */
export type ParsedFile = { episode: Episode; transcriptFile: string | undefined };

/**
 * Why each of these files is one of the site's pages rather than an episode (by position; absent: an episode).
 *
 * Sites keep pages beside their episodes: devchat.tv's `src/` holds `about.md`, `sponsor.md` and meetup
 * announcements, each Jupiter Broadcasting show folder a `subscribe.md`. What only an episode carries is audio, an
 * episode number and a transcript. A file with none of them is a page when it also has no date (`about.md`), or
 * when a title and a date are all it has (`subscribe.md`: the rest is links the templates render).
 *
 * That holds only in a catalogue whose episodes do carry them: in one where most files have no audio, number or
 * transcript (a site that publishes notes only, a folder a user wrote by hand), pages and episodes cannot be told
 * apart, and every file is kept. On the real sites of the README's "Tried on real sites" it skips Jupiter
 * Broadcasting's eight `subscribe.md` and devchat.tv's meetup and event pages, and no episode.
 */
export function sitePages(files: readonly ParsedFile[]): Map<number, string> {
  const pages = new Map<number, string>();
  const marked = files.map(hasEpisodeMark);
  // Half at least: a network with a few shows of notes-only posts (devchat.tv's Dev Rev) still marks its episodes.
  if (marked.filter(Boolean).length * 2 < files.length) return pages;
  files.forEach(({ episode }, index) => {
    if (marked[index]) return;
    if (!episode.date) pages.set(index, 'a page: no date, audio, episode number or transcript');
    else if (onlyTitleAndDate(episode)) pages.set(index, 'a page: a title and a date, nothing else to index');
  });
  return pages;
}

function hasEpisodeMark({ episode, transcriptFile }: ParsedFile): boolean {
  return Boolean(episode.audioUrl || episode.episodeNumber !== undefined || episode.label || episode.transcripts.length || transcriptFile);
}

function onlyTitleAndDate(episode: Episode): boolean {
  const { summary, otherNotes, links, picks, sponsors, panel, guests, chapters = [] } = episode;
  return !summary && !otherNotes && [links, picks, sponsors, panel, guests, chapters].every((list) => list.length === 0);
}
