import { editDistance } from './edit-distance.ts';
import type { Episode } from './episode.ts';
import { firstWord, personName } from './people.ts';
import { squash } from './same-person.ts';

/** How much more often the catalogue must write a spelling before a one-letter-off name is taken as its slip. */
const MORE_OFTEN = 3;

/**
 * One person under the spelling the catalogue writes most: "Hosts: Jon Gjenset & Ben Striegel" in one Rustacean Station
 * file, "Jon Gjengset" in dozens. A name is respelt only when another with its first name and a last name one letter
 * apart (of four letters or more) is written at least three times as often, and three times at least, in the same
 * podcast: two people whose names are a letter apart are rare, and then both are written often.
 */
export function withCatalogueSpellings<T extends { episode: Episode }>(items: T[]): void {
  // Within one podcast: Elixir Mix's "Mark Ericson" is a slip for its own Mark Ericksen, not JS Jabber's Mark Erikson.
  for (const show of Map.groupBy(items, (item) => item.episode.podcast ?? '').values()) {
    const { respelt, near } = spellings(show.map((item) => item.episode));
    if (!respelt.size && !near.size) continue;
    for (const item of show) {
      const { panel, guests, tags, picks } = item.episode;
      // "Panel: David Kumira" over tags and picks that write "David Kimura", as every other file does: two letters off.
      // Not when the episode has both, or writes the other spelling there too: a guest Dave Kamara beside Dave Kimura.
      const writes = new Set([...tags, ...picks.map((pick) => pick.person)]);
      const listed = new Set([...panel, ...guests].map(personName));
      const twoOff = (name: string, other: string | undefined) => other && writes.has(other) && !listed.has(other) && !writes.has(name);
      const slip = (name: string) => respelt.get(name) ?? [near.get(name)].find((other) => twoOff(name, other));
      const spelt = (name: string) => slip(personName(name)) ?? name;
      if ([...panel, ...guests].some((name) => slip(personName(name)))) {
        // Respelt, a panelist may turn out to be a guest already listed: one person, a guest.
        const respeltGuests = [...new Set(guests.map(spelt))];
        const respeltPanel = [...new Set(panel.map(spelt))].filter((name) => !respeltGuests.includes(name));
        item.episode = { ...item.episode, panel: respeltPanel, guests: respeltGuests };
      }
    }
  }
}

/**
 * The names that are slips of a spelling the podcast writes far more often ("Jaim Uber" for Jaim Zuber), in every
 * podcast that writes them: Elixir Mix's one "Dan Smyth" is no slip where JS Jabber has a Dan Smyth of its own.
 */
export function slipsOf(episodes: Episode[]): Set<string> {
  const [slips, own] = [new Set<string>(), new Set<string>()];
  for (const show of Map.groupBy(episodes, (episode) => episode.podcast ?? '').values()) {
    const { respelt } = spellings(show);
    for (const name of show.flatMap((episode) => [...episode.panel, ...episode.guests].map(personName)))
      (respelt.has(name) ? slips : own).add(name);
  }
  return new Set([...slips].filter((name) => !own.has(name)));
}

/** Each name that is a slip, and the spelling it is a slip of; `near`, two letters off, if the episode writes it too. */
function spellings(episodes: Episode[]): { respelt: Map<string, string>; near: Map<string, string> } {
  const counts = new Map<string, number>();
  for (const episode of episodes)
    for (const name of new Set([...episode.panel, ...episode.guests].map(personName))) counts.set(name, (counts.get(name) ?? 0) + 1);
  // Only a name written three times at least can be the right spelling: those are few, the slips' candidates many.
  const byFirst = Map.groupBy(
    [...counts].filter(([, count]) => count >= MORE_OFTEN).map(([name]) => name),
    firstWord,
  );
  const byLast = Map.groupBy(
    [...counts].filter(([, count]) => count >= MORE_OFTEN).map(([name]) => name),
    (name) => name.split(' ').at(-1) ?? '',
  );
  const [respelt, near] = [new Map<string, string>(), new Map<string, string>()];
  for (const [name, count] of counts) {
    const words = name.split(' ');
    const last = words.at(-1) ?? '';
    if (words.length < 2 || last.length < 4) continue;
    // Of the spellings that differ in case or marks alone ("LaBorde", "Laborde"; "O'Neal", "O’Neal"), the one written most.
    const better = (distance: number) =>
      [
        ...Map.groupBy(
          (byFirst.get(firstWord(name)) ?? []).filter((other) => {
            const otherWords = other.split(' ');
            const often = counts.get(other) ?? 0;
            return (
              otherWords.length === words.length &&
              otherWords.slice(0, -1).join(' ') === words.slice(0, -1).join(' ') &&
              often >= Math.max(MORE_OFTEN, MORE_OFTEN * count) &&
              lettersOff(last, otherWords.at(-1) ?? '') === distance
            );
          }),
          squash,
        ).values(),
      ].map((same) => same.reduce((a, b) => ((counts.get(b) ?? 0) > (counts.get(a) ?? 0) ? b : a)));
    const [one, two] = [better(1), last.length >= 5 ? better(2) : []];
    if (one.length === 1 && one[0]) respelt.set(name, one[0]);
    else if (!one.length && two.length === 1 && two[0]) near.set(name, two[0]);
    // "Rueven Lerner" once, "Reuven Lerner" on dozens of episodes: the first name's slip, two letters swapped. Not a
    // letter more or less, which is another way to write it ("Matt", "Matty"; "Phillip", "Philip") that labels answer to.
    const first = firstWord(name);
    const firstSlips = (byLast.get(last) ?? []).filter((other) => {
      const otherFirst = firstWord(other);
      return (
        other.split(' ').length === words.length &&
        other.slice(otherFirst.length) === name.slice(first.length) &&
        (counts.get(other) ?? 0) >= Math.max(MORE_OFTEN, MORE_OFTEN * count) &&
        first.length >= 4 &&
        swapped(first, otherFirst)
      );
    });
    if (!respelt.has(name) && !near.has(name) && firstSlips.length === 1 && firstSlips[0]) respelt.set(name, firstSlips[0]);
  }
  return { respelt, near };
}

/** Two neighbouring letters swapped: "Rueven", "Reuven". */
function swapped(a: string, b: string): boolean {
  const [x, y] = [[...a], [...b]];
  const at = x.findIndex((letter, i) => letter !== y[i]);
  return (
    x.length === y.length && at >= 0 && x[at] === y[at + 1] && x[at + 1] === y[at] && x.slice(at + 2).join('') === y.slice(at + 2).join('')
  );
}

/** How many letters apart two words are, a capital that should not be one aside: "Uber" is a letter off "Zuber". */
function lettersOff(a: string, b: string): number {
  const off = editDistance(a, b);
  return off <= 1 ? off : Math.min(off, editDistance(a.toLowerCase(), b.toLowerCase()));
}
