/**
 * A speaker's name as the transcript gives it, matched to the episode's people where it plainly is one of them: the
 * whole name in any case, or a first or last name only one of them has ("Mark" → "Mark Ericksen"). Anything else
 * (a label such as "SPEAKER_01", a guest the show notes leave out) is kept as written.
 */
export function matchSpeaker(name: string, people: string[]): string {
  const wanted = fold(name);
  if (!wanted) return name.trim();
  const whole = people.find((person) => fold(person) === wanted);
  if (whole) return whole;
  for (const part of [(words: string[]) => words[0], (words: string[]) => words.at(-1)]) {
    const matches = [
      ...new Set(
        people.filter((person) => {
          const words = fold(person).split(' ');
          return words.length > 1 && part(words) === wanted;
        }),
      ),
    ];
    if (matches.length === 1) return matches[0] as string;
  }
  return name.replace(/\s+/g, ' ').trim();
}

/** True when the name is one of the people, by matchSpeaker's rule. */
export function isPerson(name: string, people: string[]): boolean {
  return people.includes(matchSpeaker(name, people));
}

function fold(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[.’']/g, '').replace(/\s+/g, ' ').trim();
}
