import { editDistance } from './edit-distance.ts';
import { NAME_PREFIX, NOT_FIRST, PARTICLE } from './people.ts';
import { answersTo } from './speaker-labels.ts';

// How a transcript says a name (transcript-people.ts): as a sentence of a roll call, before the answer of the person it
// names, or as a speaker's own "I'm Ann Lee".

/** What may follow a name: the end of the sentence, or a word that starts what is said about the person. */
const AFTER_NAME = /^(?:$|[,.;:!?()[\]…–—"“”-]|from|and|here|with|who|of|at|in|on|is|joining|today|this|as|to|back|again|too|also)/;
const PARTICLE_WORD = new RegExp(`^(?:${PARTICLE})$`);
// Each part of a name word ("Kingdom-Davies") is capitalised, with a capital inside it only after a prefix.
const NAME_PART = new RegExp(String.raw`^${NAME_PREFIX}?\p{Lu}[\p{Ll}\p{M}'’]*$`, 'u');

/** The one full name in the turn whose first word is the next speaker's label, and where it starts. */
export function namedAs(text: string, label: string): { name: string; at: number } | undefined {
  const words = [...text.matchAll(/\S+/g)];
  const namesBy = (answers: (first: string) => boolean) => {
    const found = new Map<string, number>();
    words.forEach((word, i) => {
      // Not "Lukas' Pro Tip", a possessive.
      if (!answers(word[0].replace(/[,.;:!?)]+$/, '')) || /[,.;:!?)'’]$/.test(word[0])) return;
      const name = nameFrom(words.slice(i, i + 6).map((w) => w[0]));
      if (name) found.set(name, word.index ?? 0);
    });
    return found;
  };
  // "I'm talking to Phillip Kiely" and "Philip:" answers, or "Tamirah James" and "Timirah:": the host's slip of a letter,
  // in a name of five letters or more, where no name is the label's as written.
  const exact = namesBy((first) => answersTo(first, label));
  // Not "Pete" for "PETER:", a name of its own.
  const slip = (first: string) => {
    const [word, said] = [first.toUpperCase(), label.toUpperCase()];
    const near = word[0] === said[0] && Math.abs(word.length - said.length) <= 1 && word.length >= 5 && said.length >= 5;
    return near && !word.startsWith(said) && !said.startsWith(word) && editDistance(word, said) === 1;
  };
  const found = exact.size ? exact : namesBy(slip);
  if (found.size !== 1) return undefined;
  const [[name, at]] = [...found] as [[string, number]];
  return { name, at };
}

/** Names a roll call says as sentences of their own: "This week on our panel we have Jaim Zuber.", "Joe Eames.", "AJ O'Neal." */
export function calledNames(text: string): string[] {
  return (
    text
      .split(/(?<=[.!?])\s+/)
      .map((sentence) =>
        sentence.replace(/^(?:(?:this week|today)?,?\s*on (?:our|the) panel,?\s*(?:we have|we've got)|we (?:also )?have|and)\s+/i, ''),
      )
      // "we have David Brady, Jessica Kerr.": a sentence of names alone, each a name to its last word.
      .filter((sentence) => /[.!?]$/.test(sentence))
      .flatMap((sentence) => {
        const pieces = sentence.split(/,\s*(?:and\s+)?|\s+and\s+/).map((piece) => piece.split(/\s+/));
        const names = pieces.map((words) => (words.length <= 4 ? nameFrom(words) : undefined));
        const whole = names.every((name, i) => name && name.split(' ').length === pieces[i]?.length);
        return whole && names.length <= 6 ? (names as string[]) : [];
      })
  );
}

/**
 * "I'm Charles Max Wood from devchat.tv", "My name is Joe Eames", "I'm your host, Ann Lee", "I'll be your host, Ann Lee",
 * and, `own`, an answer that starts "The one and only Obie Fernandez." (a host says so of a guest too: the caller checks
 * the name is the speaker's);
 * `late`, also a turn that opens "Sorry, this is David Brady." (in a roll call, "This is Ann Lee" introduces her, and
 * "This is Dave Thomas, who wrote …" speaks of him); `host`, only "This is your host, Ann Lee" and the like.
 */
export function selfNamed(text: string, how: 'late' | 'host' | 'any' | 'own' = 'any'): string | undefined {
  const opens = how === 'late' ? /^\W*(?:sorry|hi|hey)[,!.]?\s+(?:guys,?\s+)?this is\s+/i.exec(text) : null;
  const late = opens ? nameFrom(text.slice(opens[0].length, opens[0].length + 200).split(/\s+/)) : undefined;
  if (late && /^[.!,;]/.test(text.slice(opens?.[0].length ?? 0).slice(late.length))) return late;
  const intro =
    how === 'host'
      ? /\b(?:I['’]m|I am|I['’]ll be|this is)\s+your host(?: today| this week)?,?\s+/gi
      : how === 'own'
        ? /^\W*the one and only\s+/gi
        : /\b(?:(?:I['’]m|I am|my name is|my name['’]s)\s+(?:your host(?: today| this week)?,?\s+)?|(?:I['’]ll be|this is)\s+your host(?: today| this week)?,?\s+)/gi;
  for (const match of text.matchAll(intro)) {
    const rest = text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + 200).split(/\s+/);
    const name = nameFrom(rest);
    if (name) return name;
  }
  return undefined;
}

/**
 * The name that starts these words: two to four name words, then the end of the sentence or a word that is not part of
 * a name. "Charles Max would from devchat.tv" (a typo) names nobody rather than "Charles Max".
 */
function nameFrom(words: string[]): string | undefined {
  const name: string[] = [];
  for (const raw of words) {
    // Punctuation after a word ends the name ("Aaron Frost."), except an initial's full stop ("Kent C. Dodds").
    const word = /^\p{Lu}\.$/u.test(raw) ? raw : raw.replace(/[,;:!?)…".”]+$/u, '');
    if (name.length === 4 || !nameWord(word, name.length === 0)) return name.length === 0 ? undefined : ending(name, raw);
    name.push(word);
    if (word !== raw) return ending(name, '');
  }
  return ending(name, '');
}

function nameWord(word: string, first: boolean): boolean {
  // "James Edward Gray II": a numeral ends the name, and is dropped with the initials (ending below).
  if (!first && /^(?:II|III|IV|Jr)$/.test(word)) return true;
  if (first) return !NOT_FIRST.has(word) && (/^\p{Lu}{2}$/u.test(word) || (/^\p{Lu}\p{Ll}/u.test(word) && NAME_PART.test(word)));
  return PARTICLE_WORD.test(word) || /^\p{Lu}\.$/u.test(word) || word.split('-').every((part) => NAME_PART.test(part));
}

function ending(name: string[], next: string): string | undefined {
  // A name ends on a capitalised word ("O’Neal" too), never on a particle or an initial ("Benno van", "Kent C.").
  while (name.length && !/^\p{Lu}(?:['’]\p{Lu})?\p{Ll}/u.test(name.at(-1) ?? '')) name.pop();
  if (name.length < 2 || !AFTER_NAME.test(next)) return undefined;
  return name.join(' ');
}

export function sameFirstName(name: string, label: string): boolean {
  return answersTo(name.split(' ')[0] ?? '', label);
}
