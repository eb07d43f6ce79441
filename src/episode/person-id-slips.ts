import { editDistance } from './edit-distance.ts';
import { firstWord, personName, writesWord } from './people.ts';
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
  // A letter off one file's id, or two swapped, and that person written in the episode: `alakhani` is Aneel Lakhani's
  // `lakhani` when the notes say "Aneel". Only where one file is that close, and never for short ids.
  if (key.length >= 5) {
    const near = [...people].filter(([other]) => slip(key, other.toLowerCase()));
    const [only] = near;
    if (near.length === 1 && only && writesPerson(words, only[1])) return { name: only[1], why: `read as "${only[0]}", a letter off` };
  }
  const written = namesSpelling(words, key);
  return written.length === 1 && written[0] ? { name: written[0], why: 'read as the name the episode writes' } : undefined;
}

function slip(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (editDistance(a, b) === 1) return true;
  const at = [...a].findIndex((letter, i) => letter !== b[i]);
  return a.length === b.length && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/** The episode writes the person's first or last name whole ("Aneel", "Lakhani"). */
function writesPerson(words: string, name: string): boolean {
  const parts = personName(name).split(' ');
  return parts.length > 1 && [firstWord(personName(name)), parts.at(-1) ?? ''].some((part) => part.length > 1 && writesWord(words, part));
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
