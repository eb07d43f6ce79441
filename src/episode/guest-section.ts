import type { Line } from './line-builder.ts';
import { guestsIn, named, namesIn } from './listed-names.ts';

/**
 * The guests a "Guests" section names: its list, and its "Guest: …" lines. After a paragraph that names the guest
 * itself, a list is the talk's topics and the guest's links (GolangShow's "## Гость", then "В гостях Денис Гладких из
 * Splunk. Поговорили про …", then "Ссылки от гостя:"): that paragraph's guest is read from it (prose-people.ts). Not
 * after "This week we have two guests" or "Ann Lee is a developer at Foo.", which the list goes on to name. A
 * paragraph's lines are one: "… chat with two colleagues, who⏎are working on Trino:" introduces its list.
 */
export function sectionGuests(lines: Line[]): string[] {
  const ends = (at: number) => lines[at]?.kind === 'text' && !lines[at + 1]?.continued;
  const prose = lines.findIndex((line, at) => ends(at) && !namesIn(line).length && !/:\s*$/.test(line.text));
  let start = prose;
  while (start > 0 && lines[start]?.continued) start--;
  const namesGuest = prose >= 0 && lines.slice(start, prose + 1).some((line) => GUEST_HERE.test(line.text));
  const listed = lines.filter((line, at) => line.kind === 'item' && (!namesGuest || at < prose) && named(line));
  return [...listed.map((item) => item.text), ...lines.flatMap(guestsIn)];
}

// "В гостях Ann Lee", "у нас в гостях", "our guest Ann Lee", "special guest Ann Lee": the paragraph says who.
const GUEST_HERE = /(?<![\p{L}])(?:[Вв]\s+гостях|[Oo]ur\s+guests?|[Ss]pecial\s+[Gg]uests?)\s+\p{Lu}/u;
