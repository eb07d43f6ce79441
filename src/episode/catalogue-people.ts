import type { Episode, EpisodeFileResult } from './episode.ts';
import { knownNames, withNameRuns } from './name-runs.ts';
import { type PeopleIds, withHosts, withPeopleNames } from './person-ids.ts';
import { samePerson, speakers, withSpokenPeople } from './speaker-names.ts';

/** What reading one file left for the whole catalogue to settle: names that only other episodes can confirm or split. */
export type PeopleClues = Pick<
  Extract<EpisodeFileResult, { episode: Episode }>,
  'nameRuns' | 'titleGuests' | 'titleName' | 'guestField' | 'writtenNames' | 'spoken'
>;

/** The site's people: ids from its person files, and hosts from podgrep.yml (`hosts:`), by podcast. */
export type SitePeople = { ids: PeopleIds; hosts: Record<string, string[]> };

/**
 * The people of every episode once every file is read, in this order: ids turned into the names their person files
 * give; the podcast's hosts for an episode that names none; a title's guests, on a site that keeps no guests field
 * (episode.ts); runs of names split by the names other episodes write apart (name-runs.ts); people a pasted
 * transcript's opening names (transcript-people.ts, speaker-names.ts), checked against all of the above; and last, a
 * guest the title names by itself beside the episode's code (people.ts). Pure: changes `episode` on each item.
 */
export function withCataloguePeople<T extends { episode: Episode; file: string }>(
  items: T[],
  cluesOf: (item: T) => PeopleClues | undefined,
  site: SitePeople,
  warn: (message: string) => void,
): void {
  for (const item of items) {
    const clues = cluesOf(item);
    if (site.ids.size)
      item.episode = withPeopleNames(item.episode, site.ids, (message) => warn(`${item.file}: ${message}`), clues?.writtenNames);
    if (Object.keys(site.hosts).length) item.episode = withHosts(item.episode, site.hosts);
  }
  // "Get Movin' With Framer Motion" names a library: a title's guest counts only where no file has a guests field.
  if (!items.some((item) => cluesOf(item)?.guestField)) {
    for (const item of items) {
      const names = cluesOf(item)?.titleGuests;
      if (names) item.episode = { ...item.episode, guests: [...item.episode.guests, ...names] };
    }
  }
  const withRuns = items.filter((item) => cluesOf(item)?.nameRuns);
  if (withRuns.length) {
    const known = knownNames(items.map((item) => item.episode));
    for (const item of withRuns) {
      const runs = cluesOf(item)?.nameRuns;
      if (runs) item.episode = withNameRuns(item.episode, runs, known);
    }
  }
  const withSpoken = items.filter((item) => cluesOf(item)?.spoken);
  if (!withSpoken.length) return;
  const known = speakers(items.map((item) => withSpokenNames(item.episode, cluesOf(item))));
  for (const item of withSpoken) {
    const spoken = cluesOf(item)?.spoken;
    if (spoken) item.episode = withSpokenPeople(item.episode, spoken, known);
  }
  // "MJS 026 Chris Coyier" names its guest; "AiA 154: Angular Animations" has the same shape. A title's name counts when
  // someone a transcript introduced has that first name (no Angular ever answered), on a site with no guests field.
  if (items.some((item) => cluesOf(item)?.guestField)) return;
  const firstNames = new Set(
    withSpoken.flatMap((item) => [...(cluesOf(item)?.spoken?.panel ?? []), ...(cluesOf(item)?.spoken?.guests ?? [])]).map(firstWord),
  );
  for (const item of items) {
    const name = cluesOf(item)?.titleName;
    const { panel, guests } = item.episode;
    if (name && !guests.length && firstNames.has(firstWord(name)) && !panel.some((other) => samePerson(other, name)))
      item.episode = { ...item.episode, guests: [name] };
  }
}

function firstWord(name: string): string {
  return name.split(' ')[0] ?? '';
}

/** The people a transcript confirmed by their answer count as named, like those of a Panel list. */
function withSpokenNames(episode: Episode, clues: PeopleClues | undefined): Episode {
  const spoken = clues?.spoken;
  return spoken ? { ...episode, panel: [...episode.panel, ...spoken.panel], guests: [...episode.guests, ...spoken.guests] } : episode;
}
