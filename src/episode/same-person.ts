import { editDistance } from './edit-distance.ts';
import { firstWord, personName } from './people.ts';
import { answersTo } from './speaker-labels.ts';

// One person written different ways: in full and shortened, with a slip of the pen, under a nickname.

/** One person written twice: "Ward Bell (twitter)" and "Ward Bell"; "Joseph Mastey" in the title and "Joe Mastey" speaking. */
export function samePerson(a: string, b: string): boolean {
  // "AJ O'Neal" in a list, "AJ O’Neal" in the transcript.
  const [one, two] = [personName(a).replace(/’/g, "'").split(' '), personName(b).replace(/’/g, "'").split(' ')];
  return one.join(' ') === two.join(' ') || (one.length > 1 && one.at(-1) === two.at(-1) && one[0]?.slice(0, 2) === two[0]?.slice(0, 2));
}

/**
 * One person with or without a middle name or initial, or a letter off in the first name: "Renee P. Wynn" and "Renee
 * Wynn", "Lillian Holm" and "Lilian Holm", "Kevin O'Connor" and "Kevin O’Connor"; not Jane and Jason Smith.
 */
export function sameFirstAndLast(a: string, b: string): boolean {
  const [one, two] = [a, b].map((name) => personName(name).replace(/’/g, "'").split(' '));
  return one?.at(-1) === two?.at(-1) && editDistance(one?.[0] ?? '', two?.[0] ?? '') <= 1;
}

/** A slip of the pen apart: the same first letter, last names two edits apart at most, accents aside ("Jorn", "Jörn"). */
export function nearPerson(a: string, b: string): boolean {
  const words = (name: string) =>
    inLatin(personName(name))
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/\s+(?:ii|iii|jr\.?|sr\.?)$/, '')
      .split(' ');
  const [one, two] = [words(a), words(b)];
  return one[0]?.[0] === two[0]?.[0] && editDistance(one.at(-1) ?? '', two.at(-1) ?? '') <= 2;
}

/**
 * A Cyrillic name in Latin letters, as a site's slugs spell it: Javaswag's `people: [vladimir-shvec]` is the
 * "Гость - Владимир Швец" of its notes. One letter for one where Latin has one, so spellings stay a few edits apart.
 */
function inLatin(name: string): string {
  if (!/\p{Script=Cyrillic}/u.test(name)) return name;
  return [...name].map((letter) => CYRILLIC[letter.toLowerCase()] ?? letter).join('');
}

const CYRILLIC: Record<string, string> = Object.fromEntries(
  'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:c ч:ch ш:sh щ:sch ъ: ы:y ь: э:e ю:yu я:ya'
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** "DAVE:" is what David Brady answers to, and "JOHN:" John-Daniel Trask. */
export function calls(name: string, label: string): boolean {
  const first = firstName(name);
  return [first, first.split('-')[0] ?? first].some((one) => answersTo(one, label) || answersTo(label, one));
}

export function firstName(name: string): string {
  return firstWord(personName(name)).toUpperCase();
}

/** A name by its letters alone: "Charles Max Wood", "Charles Maxwood" and the account `charlesmaxwood` are one. */
export function squash(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * One person twice on the same episode, where a slip or an initial is no other person: "Erik Byrn" in the list and "Erik
 * Bryn" in the roll call; "Mike G." and Mike Grabowski.
 */
export function sameOnEpisode(a: string, b: string): boolean {
  if (samePerson(a, b) || initialFirst(a, b) || initialFirst(b, a)) return true;
  const [one, two] = [personName(a).split(' '), personName(b).split(' ')];
  if (one.length < 2 || two.length < 2 || one[0] !== two[0]) return false;
  const [x, y] = [one.at(-1) ?? '', two.at(-1) ?? ''];
  const initial = (short: string, full: string) => /^\p{Lu}\.?$/u.test(short) && full.startsWith(short.charAt(0)) && full.length > 2;
  // A letter off, or two swapped, in a last name of four letters or more: not "Jim Lee" and "Jim Li".
  const swapped = x.length === y.length && [...x].sort().join('') === [...y].sort().join('') && editDistance(x, y) <= 2;
  return initial(x, y) || initial(y, x) || (Math.min(x.length, y.length) >= 4 && (editDistance(x, y) <= 1 || swapped));
}

/** "E. Scott Sweeney" in a list and "Scott Sweeney" aloud: `full` is `name` after an initial. */
export function initialFirst(full: string, name: string): boolean {
  return /^\p{Lu}\.?\s/u.test(personName(full)) && personName(full).replace(/^\p{Lu}\.?\s+/u, '') === personName(name);
}

/**
 * One entry per person where the file spells a name two ways ("Ivan Buzarin" in the description, "Ivan Burazin" in the
 * notes; "Greg Sanders", "Gregory Sanders"): last names of four letters or more a slip apart, one first name the start
 * of the other (three letters at least: not Al for Alan). The fuller spelling stays, else the one the file writes more
 * often; a name the title (`titled`) spells more fully is written as the title writes it. Two names a guests field
 * lists (`listed`) are two people ("Wei Li", "Wei Liu"), and a list longer than any episode's is left as it is.
 */
export function oneSpellingEach(
  names: readonly string[],
  text: string,
  titled: readonly string[] = [],
  listed: readonly string[] = [],
): string[] {
  if (names.length > 30) return [...names];
  const times = (name: string) => text.split(personName(name)).length - 1;
  const firstOf = (name: string) => firstWord(personName(name)).toLowerCase();
  const lastOf = (name: string) => personName(name).split(' ').at(-1) ?? '';
  const twins = (a: string, b: string) => {
    const [one, two] = [firstOf(a), firstOf(b)].sort((x, y) => x.length - y.length) as [string, string];
    const first = one === two || (one.length >= 3 && two.startsWith(one));
    const both = listed.includes(a) && listed.includes(b);
    return !both && a.includes(' ') && b.includes(' ') && first && Math.min(lastOf(a).length, lastOf(b).length) >= 4 && nearPerson(a, b);
  };
  const kept: string[] = [];
  for (const name of names) {
    const twin = kept.findIndex((other) => twins(other, name));
    const held = kept[twin] ?? '';
    // The fuller name stays ("Gregory Sanders", "Kent C. Dodds"); of two as full, the one written more often.
    const fuller = personName(name).length - personName(held).length;
    if (twin < 0) kept.push(name);
    else if (fuller > 0 || (fuller === 0 && times(name) > times(held))) kept[twin] = name;
  }
  // "Kent Dodds" in the transcript is the title's "Kent C. Dodds", spelt in full there.
  return kept.map((name) => titled.find((full) => full.length > name.length && samePerson(full, name)) ?? name);
}

/** Whether `names` has `name`'s person: a slip of the pen apart ("Ivan Buzarin"), or by first name alone ("Rob"). */
export function namedAmong(names: readonly string[], name: string): boolean {
  return names.some((other) => nearPerson(other, name) || other === firstWord(name));
}
