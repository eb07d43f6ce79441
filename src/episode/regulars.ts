import { editDistance } from './edit-distance.ts';
import { firstName, nearPerson } from './same-person.ts';

// Who a podcast's regular of a first name is, on the day of an episode (speaker-names.ts).

/** A regular is on this many episodes of the podcast at least: a guest of one episode is nobody's speaker label elsewhere. */
export const REGULAR = 3;
/** How many times more episodes a regular is on than anyone else of their first name on the podcast. */
export const DOMINANT = 10;

/** Someone a podcast names, on how many episodes, and the first and last day (`YYYY-MM-DD`) of those. */
export type PodcastPerson = { name: string; from: string; to: string; episodes: number };
/** A regular stands for a label within this many days of the episodes that name them: Josh Susser left Ruby Rogues. */
const ERA_DAYS = 180;

/**
 * Who a first name stands for on an episode: of the people of that name the podcast had on within ERA_DAYS of its day
 * (Josh Susser left Ruby Rogues; David Kimura came after David Brady), the one on at least REGULAR episodes and DOMINANT
 * times as many as any other ("JOE" on JavaScript Jabber is Joe Eames, on 201 episodes, not a guest Joe of one or two).
 */
export function ofTheTime(people: readonly PodcastPerson[] | undefined, date: string | undefined): string | undefined {
  const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
  const then = (person: PodcastPerson) =>
    !date || !person.from || (days(date, person.from) <= ERA_DAYS && days(person.to, date) <= ERA_DAYS);
  const [top, ...rest] = (people ?? []).filter(then).sort((a, b) => b.episodes - a.episodes);
  // "Lukas Ruebbelke" on 15 episodes is a slip of the pen for the Lukas Reubbelke of 68, not a second Lukas.
  const next = rest.find((person) => !top || !nearPerson(person.name, top.name));
  return top && top.episodes >= REGULAR && top.episodes >= DOMINANT * (next?.episodes ?? 0) ? top.name : undefined;
}

/** The first and last of some days (`YYYY-MM-DD`), those unknown left out. */
export function daysOf(dates: readonly string[]): { from: string; to: string } {
  const known = dates.filter(Boolean).sort();
  return { from: known[0] ?? '', to: known.at(-1) ?? '' };
}

/**
 * "Charles talks about automation" on a podcast no episode of which names anyone: the one person of that first name who
 * is a regular of two podcasts or more, where no other regular of the network has it.
 */
export function networkRegulars(regulars: { name: string; dates: string[]; podcast: string }[]): Map<string, PodcastPerson[]> {
  const found = new Map<string, PodcastPerson[]>();
  for (const [key, named] of Map.groupBy(regulars, ({ name }) => firstName(name))) {
    const [one, ...others] = new Set(named.map(({ name }) => name));
    if (!one || others.some((other) => !nearPerson(other, one)) || new Set(named.map(({ podcast }) => podcast)).size < 2) continue;
    const dates = named.flatMap((regular) => regular.dates);
    found.set(key, [{ ...daysOf(dates), name: one, episodes: dates.length }]);
  }
  return found;
}

/**
 * A label stands for the name its speaker gave themself under it at least REGULAR times, and DOMINANT times as often as
 * any other: "CHUCK: … I'm Charles Max Wood" on 780 episodes is not Bryce Bladon, whose roll call once read so.
 */
export function nicknamesOf(labels: ReadonlyMap<string, string[]>): Map<string, string> {
  const named = new Map<string, string>();
  for (const [label, names] of labels) {
    const [top, next] = [...Map.groupBy(names, (name) => name)].sort((a, b) => b[1].length - a[1].length);
    if (top && top[1].length >= REGULAR && top[1].length >= DOMINANT * (next?.[1].length ?? 0)) named.set(label, top[0]);
  }
  return named;
}

/**
 * First names a podcast gives on REGULAR episodes or more (speaker-names.ts), where it seldom names a host in full: as
 * the one host of that first name it names in full at all ("ANDREW:" on devtools.fm, which writes "Andrew Lisowski"
 * twice in 175 episodes), else as written. Guests may be named in full ("Elias and Sean talk with Nilay Patel").
 */
export function firstNameRegulars(
  openings: Iterable<{ podcast?: string | undefined; spoken: { labels: readonly string[] }; guests?: readonly string[] }>,
  hostsInFull: Iterable<[podcast: string, name: string]>,
): Map<string, Map<string, string>> {
  const times = new Map<string, Map<string, number>>();
  for (const [podcast, name] of hostsInFull) {
    const names = times.get(podcast) ?? new Map<string, number>();
    times.set(podcast, names.set(name, (names.get(name) ?? 0) + 1));
  }
  // Hosts the podcast names in full, and how often: on its panel twice at least (a guest a roll call or "Andrew Clark
  // and Justin discuss …" put there, once, is none).
  const [hosts, mentions] = [new Map<string, Map<string, Set<string>>>(), new Map<string, number>()];
  for (const [podcast, names] of times)
    for (const [name, count] of names) {
      if (count < 2) continue;
      mentions.set(podcast, (mentions.get(podcast) ?? 0) + count);
      const byFirst = hosts.get(podcast) ?? new Map<string, Set<string>>();
      hosts.set(podcast, byFirst.set(firstName(name), (byFirst.get(firstName(name)) ?? new Set()).add(name)));
    }
  const [byPodcast, episodes] = [new Map<string, Map<string, number>>(), new Map<string, number>()];
  for (const { podcast, spoken, guests = [] } of openings) {
    const labels = byPodcast.get(podcast ?? '') ?? new Map<string, number>();
    byPodcast.set(podcast ?? '', labels);
    episodes.set(podcast ?? '', (episodes.get(podcast ?? '') ?? 0) + 1);
    // The guest's own first name ("DAVID:" beside the guest David Khourshid) counts for no regular.
    const guestFirsts = new Set(guests.map(firstName));
    for (const label of new Set(spoken.labels)) if (!guestFirsts.has(label)) labels.set(label, (labels.get(label) ?? 0) + 1);
  }
  // A nickname ("CHUCK:") beside a panel written in full on most episodes is no first name of its own.
  const often = (podcast: string) => (mentions.get(podcast) ?? 0) * 2 > (episodes.get(podcast) ?? 0);
  // "ANDREW" is written "Andrew"; a label of two capitals ("AJ") as it is.
  const written = (label: string, full: Set<string> | undefined) =>
    full?.size === 1 ? [...full][0] : label.length <= 2 ? label : `${label.charAt(0)}${label.slice(1).toLowerCase()}`;
  return new Map(
    [...byPodcast]
      .filter(([podcast]) => !often(podcast))
      .map(([podcast, labels]) => [
        podcast,
        new Map(
          [...labels]
            // Not "HUCK:", a letter off the "CHUCK:" the podcast writes more often.
            .filter(
              ([label, count]) =>
                count >= REGULAR &&
                (hosts.get(podcast)?.get(label)?.size ?? 0) <= 1 &&
                ![...labels].some(([other, more]) => more > count && editDistance(other, label) === 1),
            )
            .map(([label]) => [label, written(label, hosts.get(podcast)?.get(label)) ?? label]),
        ),
      ]),
  );
}
