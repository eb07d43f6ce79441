import { editDistance } from './edit-distance.ts';
import { writesWord } from './people.ts';
import { calls, firstName, squash } from './same-person.ts';
import type { SpokenPeople } from './transcript-people.ts';

/**
 * People an episode gives a first name alone: "(Patrick)" after a pick in a live Q&A, "NICK:" answering in a bonus
 * episode. Such a label is on the episode by that name when it is a first name two of the catalogue's names have
 * ("AMES:", a label cut short, is not), no regular of the time is called so (`isRegular`, speaker-names.ts), nobody
 * the episode names answers to it (`named`), and it is no slip for one of them or of the podcast's `regulars`: "LUCAS:"
 * for Lukas, "AMY:" for Aimee, "DEAN:" for Nassredean. Nor a word of the title: "ROB:" beside "… with Rob Wise", whom the
 * title gives in full.
 */
export function firstNamesOnly(
  spoken: SpokenPeople,
  named: readonly string[],
  regulars: readonly string[],
  title: string,
  firstNames: ReadonlyMap<string, string>,
  isRegular: (label: string) => unknown,
): string[] {
  // A regular's own first name is no slip: "David, Brian, Jerome and Charles discuss …" when two Davids were regulars.
  // The people it names, and the title's words ("… with Joshua Wood and Ben Wood" for "JOSH:"), are held to looser
  // spellings than the podcast's regulars: "BRAD:" beside a guest Brian is him, beside a regular Brad Green no one.
  const slip = (label: string) =>
    [...named, ...title.split(/\s+/).filter((word) => /^\p{Lu}\p{Ll}/u.test(word))].some(
      (name) => calls(name, label) || squash(name).includes(label.toLowerCase()) || nearName(firstName(name), label, true),
    ) || regulars.some((name) => !calls(name, label) && nearName(firstName(name), label));
  const found: string[] = [];
  for (const label of spoken.labels) {
    const first = firstNames.get(label);
    if (first && label !== spoken.hostLabel && !isRegular(label) && !slip(label) && !writesWord(title, first)) found.push(first);
  }
  return found;
}

/**
 * The first names that two of the catalogue's names have at least (two people, or one person spelt two ways),
 * upper-cased, as written: no "Facebook" of "Facebook Ads".
 */
export function sharedFirstNames(names: readonly string[]): Map<string, string> {
  const people = Map.groupBy(names, firstName);
  return new Map([...people].filter(([, held]) => held.length >= 2).map(([key, held]) => [key, held[0]?.split(' ')[0] ?? key]));
}

/**
 * Whom a speaker label is a slip for: "ERIKA:" for the regular of the time (`ofTheTime`) whose first name is a letter
 * off, Erica Sadun, where no two of the catalogue's names (`shared`) nor anyone of the podcast (`byFirst`) is Erika.
 */
export function slipOf<T>(
  label: string,
  byFirst: ReadonlyMap<string, T> | undefined,
  shared: ReadonlyMap<string, string>,
  ofTheTime: (people: T) => string | undefined,
): string | undefined {
  if (!byFirst || byFirst.has(label) || shared.has(label) || label.length < 4) return undefined;
  const near = [...byFirst].filter(([key]) => key.length >= 4 && editDistance(key, label) === 1);
  const [one, ...others] = new Set(near.flatMap(([, people]) => ofTheTime(people) ?? []));
  return others.length ? undefined : one;
}

/**
 * Two spellings of one first name: a letter or two apart ("LUCAS", "LUKAS"), or the same consonants ("AMY", "AIMEE");
 * `loose`, a consonant apart too ("JON", "JOHN"; "BRAD", "BRIAN").
 */
export function nearName(a: string, b: string, loose = false): boolean {
  const bones = (name: string) =>
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/(?<=.)[AEIOUYH]/g, '')
      .replace(/(.)\1+/g, '$1');
  const [one, two] = [bones(a), bones(b)];
  return (
    editDistance(a, b) <= (Math.min(a.length, b.length) < 5 ? 1 : 2) ||
    one === two ||
    (loose && a[0] === b[0] && editDistance(one, two) <= 1)
  );
}
