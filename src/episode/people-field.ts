import { unique } from './field-values.ts';
import { firstWord, personName } from './people.ts';
import { namedAmong } from './same-person.ts';

/**
 * The hosts and guests of an episode's fields. Some sites list everyone on the episode in one field (`speakers:`,
 * `people:`, `creators:`: Kodsnack's `people = ["Fredrik Björeman", "Lars Wikman"]`, The Ridge's slugs): where no
 * hosts or guests field says more, those the notes or the title name as guests (`namedGuests`) are guests, the rest
 * hosts. A slug is compared by the name it spells (`lars-wikman`). `namedGuests` is asked only then. Where the notes
 * name a panel (`notesPanel`) and the list has none of the notes' people, the list is of people talked about.
 */
export function peopleOfFields(
  hosts: string[] | undefined,
  guests: string[] | undefined,
  everyone: string[] | undefined,
  namedGuests: () => readonly string[],
  notesPanel: readonly string[] = [],
): { hosts: string[]; guests: string[] } {
  if (hosts?.length || guests?.length || !everyone?.length) return { hosts: hosts ?? [], guests: guests ?? [] };
  const named = namedGuests().map(personName);
  const among = (names: readonly string[]) => (entry: string) => namedAmong(names, nameOfSlug(entry) ?? personName(entry));
  // A list the notes' own panel has no one of is about something else: a news show's `people: [Linus Torvalds]`.
  const panel = notesPanel.map(personName);
  if (panel.length && !everyone.some(among([...panel, ...named]))) return { hosts: [], guests: [] };
  return { hosts: everyone.filter((entry) => !among(named)(entry)), guests: everyone.filter(among(named)) };
}

/**
 * The name a slug of two to four words spells (`robert-jolly`, `ethan-carter-edwards`: "Robert Jolly"), for an id no
 * person file names. A handle (`mlogan`, `yosuke_furukawa`: no handle has a hyphen) is shown as written: a site's
 * slugs are made from names, a handle by its person.
 */
export function nameOfSlug(id: string): string | undefined {
  if (!/^\p{Ll}{2,}(?:-\p{Ll}+){1,3}$/u.test(id)) return undefined;
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The notes' guests and, beside a hosts field, whoever else speaks in the transcript, the first to speak too (IRL's
 * `host: Veronica`); not a host the field names another way ("Veronica" or `veronica-belmont` for "Veronica Belmont").
 */
export function guestsHeard(guests: readonly string[], speakers: readonly string[], hosts: readonly string[] | undefined): string[] {
  const heard = hosts?.length ? speakers.filter((name) => !hosts.some((host) => sameHost(host, name))) : [];
  return unique([...guests, ...heard]);
}

function sameHost(host: string, speaker: string): boolean {
  const name = nameOfSlug(host) ?? personName(host);
  return namedAmong([name], personName(speaker)) || firstWord(name) === firstWord(personName(speaker));
}
