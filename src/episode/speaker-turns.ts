import type { Line } from './markdown-text.ts';
import { personName } from './people.ts';
import { namedAmong } from './same-person.ts';

// Otter.ai's transcript export: "### Bryan Robinson  0:03" above each turn (That's My JAMstack).
export const SPEAKER_HEADING = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s+\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?$/u;

const TIME = String.raw`[[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\.\d+)?[\])]?`;
/** A chapter heading inside a transcript that starts with its time: "# [00:00:00] Introduction". */
export const TIMED_HEADING = new RegExp(String.raw`^${TIME}`);
// A turn a transcription tool timed, by full name: Descript's "[00:00:13] James Tucker: …" and Rev's "David Mytton
// (00:05): …". The time is what tells a turn from a line such as "Special Guest: Ann Lee".
const TIMED_TURN = new RegExp(
  String.raw`^(?:${TIME}\s*(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3})|(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3})\s*${TIME})\s*:\s`,
  'u',
);

/**
 * Who speaks in full name, under Otter.ai's headings or in turns a tool timed, three times at least, the first first:
 * the host opens the show. Only where two people speak so; "## Ann Lee 2:30" once is a chapter.
 */
export function timedSpeakers(lines: Line[]): string[] {
  const headed = tally(lines.map((line) => (line.kind === 'heading' ? SPEAKER_HEADING.exec(line.text)?.[1] : undefined)));
  const timed = tally(lines.map((line) => (line.kind === 'text' ? timedName(line.text) : undefined)));
  // Timed lines three times each: an agenda's "(00:00) React Conf: keynote" twice is no one speaking.
  const [byHeading, byLine] = [[...headed].filter(([, count]) => count >= 2), [...timed].filter(([, count]) => count >= 3)];
  const speakers = [...byHeading, ...byLine].map(([name]) => name).filter((name) => name.includes(' '));
  return speakers.length >= 2 ? [...new Set(speakers)] : [];
}

const TURN = /^(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2}):\s/u;

/**
 * A transcript pasted without a "Transcript" heading (devtools.fm's MDX: "**Andrew:** Hello, welcome to …" after its
 * show notes): the text from the first turn on, where two speakers take three turns each and ten at least in all.
 * Chapter headings between turns ("[00:02:19] Lu's Journey") do not end it.
 */
export function unheadedTranscript(lines: Line[]): string[] {
  const names = lines.map((line) => (line.kind === 'text' ? TURN.exec(line.text)?.[1] : undefined));
  const [turns, first] = [tally(names), names.findIndex(Boolean)];
  const speakers = [...turns.values()].filter((count) => count >= 3);
  const all = [...turns.values()].reduce((sum, count) => sum + count, 0);
  return speakers.length >= 2 && all >= 10 ? lines.slice(first).flatMap((line) => (line.kind === 'text' ? [line.text] : [])) : [];
}

/**
 * Turns labelled by a bold name and no colon (Software Sessions: "**Jeremy** Today I'm speaking with Julia Evans") as
 * the "Jeremy: …" every transcript reader here takes. Only where two such names open two paragraphs each at least: a
 * transcript, not picks (`**Raycast** A launcher …`) or an opening ("**Ann Lee** and **Bo Diaz** discuss …").
 */
export function withBoldSpeakers(markdown: string): string {
  if (!markdown.includes('**')) return markdown;
  const turns = tally([...markdown.matchAll(BOLD_TURN)].map((match) => match[1]));
  const speakers = new Set([...turns].filter(([, count]) => count >= 2).map(([name]) => name));
  if (speakers.size < 2) return markdown;
  return markdown.replace(BOLD_TURN, (turn, name: string) => (speakers.has(name) ? `${name}: ` : turn));
}

const BOLD_TURN = /^\*\*(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2})\*\*[ \t]+(?=[\p{L}"“'‘])/gmu;

// "**Greg Sanders**: …", "**Ann Lee:** …": a turn labelled by a bold name, in full or a handle ("**Callebtc**:").
const LABELLED_TURN = /^\*\*(\p{Lu}[\p{L}\d'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3})(?:\*\*[ \t]*:|:\*\*)[ \t]/gmu;
const NO_SPEAKER =
  /^(?:special|guests?|hosts?|panel\w*|picks?|links?|sponsors?|show|notes?|episode|transcript\w*|summary|resources?|topics?|update|edit|question|answer|audience|crowd|protesters?|narrator|announcer|voices?|both|all|everyone|unknown)\b/i;

/**
 * Who speaks twice at least under bold labels in a transcript (the text after a "Transcript" heading), where two of
 * them are named in full: Bitcoin Optech's "**Greg Sanders**: …", a guest the notes' list left out or who joined late.
 * A label once is no speaker: "**Mike Schmidt**: … As you can hear, I'm not Mike, this is Murch."
 */
export function labelledSpeakers(markdown: string, headless = false): string[] {
  const start = /^#{1,6}[ \t]+transcri/im.exec(markdown)?.index;
  if ((start === undefined && !headless) || !markdown.includes('**', start ?? 0)) return [];
  // Without the heading (`headless`: where the notes name no one), a transcript is where two people named in full take
  // three turns each, ten in all, before any Picks heading (Patoarchitekci's "**Łukasz Kałużny**: Cześć. …" under its
  // notes); not "**Pro Tip**:" thrice and "**Fun Fact**:" thrice, nor picks given under each one's bold name.
  const picks = start === undefined ? /^#{1,6}[ \t]+.*\bpicks\b/im.exec(markdown)?.index : undefined;
  const names = [...markdown.slice(start ?? 0, picks).matchAll(LABELLED_TURN)].map((match) => match[1]);
  if (start === undefined && names.length < 10) return [];
  const least = start === undefined ? 3 : 2;
  const speaking = [...tally(names.filter((name) => name && !NO_SPEAKER.test(name)))].filter(([, count]) => count >= least);
  return speaking.filter(([name]) => name.includes(' ')).length >= 2 ? speaking.map(([name]) => name) : [];
}

/** Riverside.fm's export puts the name and time on a line of their own, the turn below: "Joe Patti (00:00)". */
function timedName(text: string): string | undefined {
  const turn = TIMED_TURN.exec(text);
  const name = turn?.[1] ?? turn?.[2] ?? SPEAKER_HEADING.exec(text)?.[1];
  // Otter.ai's "Unknown Speaker  3:17": a voice it could not tell, no one to name.
  return name === 'Unknown Speaker' ? undefined : name;
}

/** How many times each name speaks. */
function tally(names: Iterable<string | undefined>): Map<string, number> {
  const turns = new Map<string, number>();
  for (const name of names) if (name) turns.set(name, (turns.get(name) ?? 0) + 1);
  return turns;
}

/**
 * Who spoke, by the turns above: the first to speak is the host where the notes named none (`hosts`); the others are
 * guests, those the notes' lists left out too (not one they name, by a slip or a first name: "Rob" for "Rob Kendal").
 */
/** Who spoke in a transcript: its first speaker, taken for the host where the notes name none, and the others. */
export type Spoke = { host: string[]; guests: string[] };

export function whoSpoke(lines: Line[], markdown: string, hosts: string[], guests: string[]): Spoke {
  const speakers = [...new Set([...timedSpeakers(lines), ...labelledSpeakers(markdown, !hosts.length && !guests.length)])];
  const host = hosts.length ? [] : speakers.slice(0, 1);
  const listed = [...hosts, ...host, ...guests].map(personName);
  return { host, guests: speakers.filter((name) => !namedAmong(listed, name)) };
}
