import type { Line } from './line-builder.ts';
import { guestsIn, named, namesIn } from './listed-names.ts';

/**
 * The guests a "Guests" section names: its list, and its "Guest: …" lines. After a paragraph about the guest, a list is
 * the talk's topics and the guest's links (GolangShow's "## Гость", then "В гостях Денис Гладких из Splunk. Поговорили
 * про …", then "Ссылки от гостя:"): the paragraph names the guest (prose-people.ts). A paragraph's lines are one: "…
 * chat with two colleagues, who⏎are working on Trino:" introduces its list.
 */
export function sectionGuests(lines: Line[]): string[] {
  const items = lines.filter((line) => line.kind === 'item');
  const ends = (at: number) => lines[at]?.kind === 'text' && !lines[at + 1]?.continued;
  const prose = lines.findIndex((line, at) => ends(at) && !namesIn(line).length && !/:\s*$/.test(line.text));
  const listed = prose < 0 ? items : items.filter((item) => lines.indexOf(item) < prose);
  return [...listed.filter(named).map((item) => item.text), ...lines.flatMap(guestsIn)];
}
