import { firstWord, personName } from './people.ts';
import { nearPerson } from './same-person.ts';

/**
 * The hosts and guests of an episode's fields. Some sites list everyone on the episode in one field (`speakers:`,
 * `people:`, `creators:`: Kodsnack's `people = ["Fredrik Björeman", "Lars Wikman"]`, The Ridge's slugs): where no
 * hosts or guests field says more, those the notes or the title name as guests (`namedGuests`) are guests, the rest
 * hosts. A slug is compared by the name it spells (`lars-wikman`). `namedGuests` is asked only then.
 */
export function peopleOfFields(
  hosts: string[] | undefined,
  guests: string[] | undefined,
  everyone: string[] | undefined,
  namedGuests: () => readonly string[],
): { hosts: string[]; guests: string[] } {
  if (hosts?.length || guests?.length || !everyone?.length) return { hosts: hosts ?? [], guests: guests ?? [] };
  const named = namedGuests().map(personName);
  const isGuest = (entry: string) => {
    const name = nameOfSlug(entry) ?? personName(entry);
    return named.some((guest) => nearPerson(guest, name) || (!guest.includes(' ') && guest === firstWord(name)));
  };
  return { hosts: everyone.filter((entry) => !isGuest(entry)), guests: everyone.filter(isGuest) };
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
