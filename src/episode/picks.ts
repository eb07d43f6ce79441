import { itemLinks, type Line, type Link } from './markdown-text.ts';
import { isPersonName } from './people.ts';
import { inLabel, labelPlaces, stretches } from './pick-places.ts';
import { squash } from './same-person.ts';

/** Something a panelist or guest recommended at the end of the episode. */
export type Pick = Link & { person: string };

// "(Ward)", "(AJ)" after a pick names who gave it, by first name; not "(Robert C. Martin)", whose book it is.
const GIVEN_BY = /\((\p{Lu}(?:[\p{Ll}'’-]+|\p{Lu}))\)/gu;
// "Joe: Gravity Falls cartoon, […]Lukas: TSA PreCheck", "AJ: Nintendo Switch": the picks that follow are theirs, glued
// into one paragraph; "**Charles** : [Autonomous desks]" and "**Reuven** :[Drip API]", the bold closed before a space
// and the colon.
const GIVER = /(\p{Lu}(?:[\p{Ll}'’-]+|\p{Lu}(?= ?:)))(?: :(?=[\s*\\[]|$|\p{Lu})|:(?=[\s*\\[]|$))/gu;
// The capitalised words just before a giver's first name, and whether a word in lower case comes before them.
const WORDS_BEFORE = /(?<![\p{L}\p{N}'’.-])(\p{Ll}[\p{L}'’.-]*\s+)?((?:\p{Lu}[\p{L}'’.-]*\s){1,2})$/u;
// Where a "(Name)" is where a pick was bought, not who gave it.
const SHOP = /^(?:Amazon|Audible|Apple|iTunes|Google|Etsy|eBay|Steam|Udemy|Kickstarter|Netflix|Walmart|Target)$/;
// What a pick is, or where, written the way a giver is: "Book: [Clean Code](…)", "App: OmniFocus", "(Book)",
// "Twitter: [@wesbos]", "Discount Code: JSJ"; a month ("RevConf in June Cory: …"); and two capitals that are no one's
// initials ("(TV)").
export const KIND =
  /^(?:App|Apps|Article|Album|Blog|Bonus|Book|Books|Code|Course|Episode|Facebook|Film|Game|GitHub|Github|Guests?|Hosts?|Instagram|Link|LinkedIn|Links|Media|Movie|Music|Note|One|Panel|Panelists?|Podcast|Post|Series|Show|Site|Song|Sponsors?|Talk|Tool|Twitter|Update|Video|Website|YouTube|Youtube|January|February|March|April|May|June|July|August|September|October|November|December|TV|UK|US|USA|JS|UI|UX|AI|VR|AR|PC|OS|CI|CD|DB|PR|ID|IO|QA|HR|VS|PDF)$/;
// A link's label that is only an address: "www.zwift.com", "https://ruby-doc.org/".
const ADDRESS = /^(?:https?:\/\/\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)+\/?)$/i;
// A line that is only a name: "**Charles Max Wood**", "Jaim:", "AJ".
export const NAME_LINE = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;

/**
 * The picks section's lines as picks, each with who gave it. Show notes converted from another site write them every
 * way: a list under `**Mark Ericksen:**`, `* Wes: [Parcel](…)`, `[Muru](…) (Ward)[Temblor](…) (Ward)` in one
 * paragraph, `Joe: Gravity Falls, […]Lukas: …`, or a giver's name on the line after the last pick of the one before.
 */
export function picksIn(lines: Line[]): Pick[] {
  const picks: Pick[] = [];
  let person = '';
  // Whether the line before named a giver in bold: a plain line of capitalised words is then a pick ("**Kevin**⏎Local
  // Stack"), not the next giver; under "**Guest Picks**", which names no one, it is the giver.
  let boldGiver = false;
  for (const line of lines) {
    // "**Joseph Leo III: **", its bold left open.
    const name = line.text
      .replace(/[*\\]+/g, ' ')
      .trim()
      .replace(/\s*:$/, '')
      .trim();
    const plainAfterGiver: boolean = boldGiver && !line.bold;
    const alone: boolean = line.links.length === 0 && NAME_LINE.test(name) && named(name) && !plainAfterGiver;
    boldGiver = alone && Boolean(line.bold) && !/\bPicks?\b/.test(name);
    // `**Mark Ericksen:**` or `Mark Ericksen:` introduces that person's picks; so does a name on its own line in a list.
    if (alone && (line.kind !== 'item' || line.continued || line.bold)) {
      person = name;
      continue;
    }
    // `- Zwift: [www.zwift.com](…)`: the pick's name before its address; `- Sarah: https://store.steampowered.com/…` is
    // Sarah's pick.
    const [only] = line.links;
    const before = line.links.length === 1 ? /^([^:]{1,60}):$/.exec(line.outside)?.[1] : undefined;
    const titled = before && only && ADDRESS.test(only.label) && siteNames(only.url).includes(squash(before)) ? before : undefined;
    if (only && titled) {
      picks.push({ person, label: titled.trim(), url: only.url });
      continue;
    }
    // `* Wes: [Parcel App](https://parcelapp.net/)`: the person is named in the item itself.
    const giver = line.links.length > 0 ? /^([^:]{1,40}):$/.exec(line.outside)?.[1]?.trim() : undefined;
    if (giver) {
      for (const link of line.links) picks.push({ person: giver, ...link });
      continue;
    }
    // "(Ward)" only counts after a pick: in a line of text alone, "Reuven Lerner (Host)" is no pick.
    // (Most lines hold neither mark: they are not searched for them.)
    const marked = (line.kind === 'item' || line.links.length) && line.text.includes('(') ? givenBy(line, person) : undefined;
    const glued = marked || !line.text.includes(':') ? undefined : givers(line, person);
    if (
      !marked &&
      !glued &&
      line.kind !== 'item' &&
      line.links.length === 0 &&
      !/https?:\/\//.test(line.text) &&
      named(name) &&
      !plainAfterGiver
    ) {
      // A name on a line of text names who gives the next ones; other text is a pick without a link.
      person = name;
      continue;
    }
    // Who follows a "(Ward)" gave only that pick; who precedes "Lukas:" gives the picks on the lines after too.
    if (glued) person = glued.at(-1)?.person ?? person;
    const parts = marked ?? glued ?? [{ person, picks: line.links.length ? itemLinks(line) : [{ label: line.text, url: '' }] }];
    // One by one: `push(...many)` passes each as an argument, and past 100,000 of them throws.
    for (const part of parts) for (const pick of part.picks) picks.push({ person: part.person, ...pick });
  }
  return picks;
}

/** Who gave which picks; a pick without a link has an empty `url`. */
type Part = { person: string; picks: Link[] };

/** A line with more links than this is read as one list of picks: no one glues a hundred picks into a paragraph. */
const MOST_LINKS = 100;

/** "[Muru](…) (Ward)[Temblor](…) (Ward) Observables (Lukas)": each stretch is the picks of who follows it. */
function givenBy(line: Line, before: string): Part[] | undefined {
  if (line.links.length > MOST_LINKS) return undefined;
  const places = labelPlaces(line);
  // Not in a link's label ("[… Solutions to (Nearly) All …](…)"), not a kind ("(Book)", "(Facebook)").
  const marks = [...line.text.matchAll(GIVEN_BY)].filter((match) => !KIND.test(match[1] ?? '') && !inLabel(places, match.index));
  const stretch = stretches(line, places);
  const parts: Part[] = [];
  let [from, shops] = [0, 0];
  for (const match of marks) {
    // "[…](https://amazon.com/…) (Amazon)" names the shop.
    const shop = SHOP.test(match[1] ?? '');
    parts.push({ picks: stretch(from, match.index), person: shop ? before : (match[1] ?? before) });
    from = match.index + match[0].length;
    if (shop) shops++;
  }
  // "Joe: [Clean Code](amazon…) (Amazon)": every mark a shop, who gave the picks is said some other way.
  if (shops === marks.length) return undefined;
  parts.push({ picks: stretch(from, line.text.length), person: before });
  return parts;
}

/** "Joe: Gravity Falls, [Top Coders](…)Lukas: TSA PreCheck": each stretch is the picks of who precedes it. */
function givers(line: Line, before: string): Part[] | undefined {
  if (line.links.length > MOST_LINKS) return undefined;
  const places = labelPlaces(line);
  // Where a name surely starts: the line's start (40 characters of nothing but emphasis before it, in practice), a link's
  // label just ended ("[Top Coders](…)Lukas:", or a space after it), a bracket or a sentence closed.
  const ends = places.map((place) => place.at + place.length);
  const labelEnd = (at: number) => Math.max(0, ...ends.filter((end) => end <= at));
  const edge = (at: number) =>
    /(?:^|[.!?)\]]\s*)[*\\\s]*$/u.test(line.text.slice(Math.max(0, at - 40), at)) ||
    (labelEnd(at) > 0 && !line.text.slice(labelEnd(at), at).trim());
  const marks: { at: number; end: number; first: string; rest: string; sure: boolean }[] = [];
  for (const match of line.text.matchAll(GIVER)) {
    const [at, first] = [match.index, match[1] ?? ''];
    // Not "JavaScript:", nor "Twitter:", nor inside a link's label.
    if (KIND.test(first) || inLabel(places, at) || (/[\p{L}\p{N}'’]/u.test(line.text[at - 1] ?? ' ') && !edge(at))) continue;
    const end = at + match[0].length;
    const spaced = match[0].endsWith(' :');
    // Not across a link's label: "[Top Coders](…)Lukas Reubbelke:" is Lukas Reubbelke.
    const before = WORDS_BEFORE.exec(line.text.slice(Math.max(0, at - 60, labelEnd(at)), at));
    const words = before?.[2] ?? '';
    // The capitalised words before the first name: from the line's start, a name ("Charles Max Wood:"); after a word in
    // lower case, the end of a pick ("… Book by Mark Levine Charles:"); after a comma, a pick's word and then the
    // name ("…, Westworld Charles:", "Dune, Foundation Aimee Knight:").
    const sure = !words || edge(at - words.length);
    const rest = sure ? words : before?.[1] ? '' : words.replace(/^\S+\s/, '');
    // A colon after a space names a giver whose link follows ("**Reuven** :[Drip API](…)") or who starts where a pick
    // ended ("[…](…) **Dave** : Have something …"), not a title's words ("Charles: Star Wars : The Clone Wars").
    const linked = places.some((place) => place.at >= end && place.at <= end + 1);
    if (spaced && !linked && !(sure && !rest)) continue;
    marks.push({ at, end, first, rest, sure });
  }
  // Givers glued into a paragraph count when one of them surely starts a name (at the paragraph's start, after a link or a
  // sentence); where those go by first name ("Alyssa: NG Cruise Joe: Dungeons"), so do the others.
  const fullNames = marks.some((mark) => mark.sure && mark.rest);
  const kept = (marks.some((mark) => mark.sure) ? marks : []).map((mark) => {
    const own = mark.sure || fullNames ? mark.rest : '';
    return { at: mark.at - own.length, end: mark.end, name: `${own}${mark.first}` };
  });
  // In a list, "- Elixir: the language" is one pick; it takes two givers to show a paragraph run together.
  if (!kept.length || (line.kind === 'item' && kept.length < 2)) return undefined;
  const stretch = stretches(line, places);
  const parts: Part[] = [{ picks: stretch(0, kept[0]?.at ?? 0), person: before }];
  kept.forEach((mark, i) => parts.push({ picks: stretch(mark.end, kept[i + 1]?.at ?? line.text.length), person: mark.name }));
  return parts;
}

/** A giver's name is a short run of capitalised words, not a sentence that happens to end in a colon. */
function named(name: string): boolean {
  return name.length > 0 && name.length <= 40 && isPersonName(name);
}

/**
 * Who gave picks ("Aimee:", "**Charles Max Wood**"): a first name is resolved like a speaker label, a full name counts
 * if the podcast names that person elsewhere or they host on the network (speaker-names.ts). "MJS 093 Ben Lesh": the
 * guest the title names gives picks too.
 */
export function pickGivers(picks: readonly { person: string }[], title: string): string[] {
  const names = picks.map((pick) => pick.person.trim());
  // "Mike G." is someone the episode names in full (Mike Grabowski), not another person.
  const name = /^\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’.-]+){0,3}$/u;
  return names.filter((person) => name.test(person) && !/\s\p{Lu}\.?$/u.test(person) && !title.includes(person));
}

/** Whose a site is: "https://www.zwift.com/" Zwift's, "https://philna.sh/" Phil Nash's; "https://sarahdrasner.com" is no Sarah's. */
function siteNames(url: string): string[] {
  const host = URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : '';
  return [squash(host.split('.').at(-2) ?? ''), squash(host)].filter((name) => name.length >= 3);
}
