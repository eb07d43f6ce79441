import { editDistance } from './edit-distance.ts';
import { escapeRegExp, firstWord, personName, writesWord } from './people.ts';
import { squash } from './same-person.ts';

/**
 * Who an id that no person file has stands for, from the episode's own words. Sites type these ids by hand, and the
 * episode itself names the person: Arrested DevOps writes `guests = ["smurawksi"]` for `smurawski.md` and
 * `["jvandervoort"]` with no file at all, above "with Job van der Voort". Undefined when the words do not settle it:
 * the id is then shown as written, as before.
 */
export function personOfUnknownId(
  id: string,
  people: ReadonlyMap<string, string>,
  words: string,
): { name: string; why: string } | undefined {
  const key = id.toLowerCase();
  // A letter off one file's id, or two swapped: `alakhani` is Aneel Lakhani's `lakhani`. Only where one file is that
  // close, and never for short ids.
  const near = key.length < 5 ? [] : [...people].filter(([other]) => slip(key, other.toLowerCase()));
  const file = near.length === 1 ? near[0] : undefined;
  const byFile = file && { name: file[1], why: `read as "${file[0]}", a letter off` };
  // The name the episode writes that the id spells wins (`bsmith` over "talk with Bob Smith" is Bob, not `jsmith`'s
  // Jane Smith), unless it is a slip of that file's own ("Steven Murawksi" for `smurawski.md`'s Steven Murawski).
  const [written, ...more] = namesSpelling(words, key);
  if (written && !more.length)
    return byFile && editDistance(written, byFile.name) <= 2 ? byFile : { name: written, why: 'read as the name the episode writes' };
  return byFile && writesPerson(words, byFile.name) ? byFile : undefined;
}

function slip(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (editDistance(a, b) === 1) return true;
  const at = [...a].findIndex((letter, i) => letter !== b[i]);
  return a.length === b.length && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/**
 * The episode writes the person: their last name whole ("Dave Gerding" for David Gerding), or their first name before
 * a slip of the last ("Steven Murawksi"). Not "Chris" alone for Chris Short when the notes say "Chris Aniszczyk".
 */
function writesPerson(words: string, name: string): boolean {
  const parts = personName(name).split(' ');
  const [first, last] = [firstWord(personName(name)), parts.at(-1) ?? ''];
  if (parts.length < 2 || last.length < 2) return false;
  if (writesWord(words, last)) return true;
  const after = new RegExp(String.raw`(?<!\p{L})${escapeRegExp(first)}\s+(\p{Lu}[\p{L}'’-]+)`, 'gu');
  return [...words.matchAll(after)].some((match) => editDistance(match[1] ?? '', last) <= 2);
}

// "Job van der Voort": lowercase particles inside a name; never across a line.
const NAME_RUN = /\p{Lu}[\p{L}'’-]+(?:[^\S\n]+(?:(?:van|von|der|den|de|da|di|du|la|le)[^\S\n]+)*\p{Lu}[\p{L}'’-]+){1,3}/gu;

/**
 * Names the episode writes that the id spells as initial and last name, the way such sites make ids: "jvandervoort".
 * Not the whole name run together, which title case makes of any two words ("A Guest With No Page": `nopage`).
 */
function namesSpelling(words: string, id: string): string[] {
  const bare = squash(id);
  const found = new Set<string>();
  for (const [run] of words.matchAll(NAME_RUN)) {
    const parts = run.split(/\s+/);
    // Each way in: "Getting Down With GitLab with Job van der Voort" holds the name from its fifth word.
    for (let start = 0; start < parts.length - 1; start++) {
      const name = parts.slice(start);
      const rest = squash(name.slice(1).join(''));
      const first = squash(name[0] ?? '');
      if (rest.length > 1 && bare === first.charAt(0) + rest) found.add(name.join(' '));
    }
  }
  return [...found];
}
