import type { Line } from './markdown-text.ts';
import { KIND, NAME_LINE } from './picks.ts';

// Where the picks start in notes converted from another site, and the headings inside them that say who gives which.

/**
 * "Picks" ending a line that is no heading: a list item's last line ("- [Vim](…)⏎  Picks"), a chapter it was glued to
 * ("28:52 - Getting StartedPicks"), or a label with the first giver ("**Picks:** Charles", "**Picks\\*\\*** Matt
 * Creager\\*\\*"), as notes converted from another site have them.
 */
export function picksStart(line: Line): { before: boolean; giver: string } | undefined {
  const { text } = line;
  const at = text.lastIndexOf('Picks');
  // Not a chapter's title ("- 53:42 Sick Picks"), which is followed by the other chapters.
  if (at < 0 || (line.kind === 'item' && !line.continued) || /(?:\p{Lu}|[\p{L}\d][\s\-–—]+)$/u.test(text.slice(0, at))) return undefined;
  const after = /^[\s*:\\]*(?:(\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,3})[\s*:\\]*)?$/u.exec(text.slice(at + 'Picks'.length));
  return after ? { before: /\p{L}/u.test(text.slice(0, at)), giver: after[1] ?? '' } : undefined;
}

/**
 * "**Picks:** [Toastmasters](…) (Jason)[Clean Code](…) (Jason)…": the label starts a line of picks, which is the rest
 * of it (a list item's second line, in Ruby Rogues 284 and 285). Undefined for any other line.
 */
export function picksAfterLabel(line: Line): Line | undefined {
  const label = /^Picks?\s*:\s*/.exec(line.text);
  const kind = line.kind === 'heading' || (line.kind === 'item' && !line.continued);
  if (!label || kind || !line.links.length || !line.text.slice(label[0].length).trim()) return undefined;
  const cut = label[0].length;
  return {
    kind: 'text',
    text: line.text.slice(cut),
    links: line.links,
    outside: line.outside.replace(/^Picks?\s*:\s*/, ''),
    linkAt: line.linkAt?.map((at) => at - cut),
  };
}

// "Chris says that programming made him feel …": someone the notes have speak.
const SPEAKS =
  /(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+(?:says|said|talks|talked|adds|added|explains|explained|shares|shared|tells|told|asks|asked|mentions|describes|recommends)\b/gu;

/** Adds to `speakers` whom a line of the notes has speak. */
export function speakersIn(text: string, speakers: Set<string>): void {
  for (const match of text.matchAll(SPEAKS)) speakers.add(match[1] ?? '');
}

/**
 * A heading inside the picks that names whose picks follow: a name deeper than the picks' heading ("##### Zach" under
 * "#### Picks", "###### Cory’s"), or as deep when the notes had that person speak ("Chris says …", then "#### Chris" under
 * "#### **Picks**"). Syntax's "#### Twitter" under "## Sick Picks" is what the links are, and "### Follow Us" or
 * "### Episode Transcript" no one.
 */
export function giverHeading(line: Line, picksDepth: number, speakers: ReadonlySet<string>): string | undefined {
  const depth = line.depth ?? 0;
  if (line.kind !== 'heading' || !picksDepth || depth < picksDepth || !NAME_LINE.test(line.text) || KIND.test(line.text)) return undefined;
  const giver = line.text.replace(/['’]s?$/, '');
  const deeper = depth > picksDepth && !NOT_GIVER.test(giver);
  return deeper || speakers.has(giver.split(' ')[0] ?? '') ? giver : undefined;
}

// Headings that go on from the picks to something else: "### Follow Us", "### Episode Transcript", "#### Resources".
const NOT_GIVER =
  /\b(?:Follow|Us|Episode|Transcript|Links?|Resources?|Sponsors?|Show|Notes?|About|Contact|Subscribe|Support|More|Other|Related|Mentioned|Socials?|Where|Find)\b/;

// "## Tero's Picks:", "### Charles' Picks": a heading that opens someone's picks.
const PICKS_OF = /^(\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*){0,2}?)['’]s?\s+(?:Sick\s+)?Picks\s*:?$/u;

/**
 * Whose picks a heading opens ("Tero's Picks:"), or undefined. "This Week's Picks" stays a section of the notes: what
 * follows it is written as glued "Ann: … Bo: …" whose givers a book's "Abundance: The Future …" would be taken for.
 */
export function picksOwner(line: Line): string | undefined {
  const owner = line.kind === 'heading' ? PICKS_OF.exec(line.text)?.[1] : undefined;
  return owner && !KIND.test(owner) && !/^(?:This|That|Our|My|The|Your|Today|Last|Next)\b/.test(owner) ? owner : undefined;
}
