/** A transcript's speaker labels (`CHUCK:`, `Dave:`): where turns start, and how a label answers to a first name. */

/** The roll call is at the start; what follows is the conversation, where names are mentioned, not introduced. */
const OPENING_TURNS = 30;
export const OPENING_CHARS = 15_000;

// `CHUCK:`, `**JOE:**`, `**JAMES **:`, `Ward:` glued to the end of the turn before (`…Hello.Ward: Hi`) or to a time (`4:40Charles:`),
// `MIŠKO:`. One word: speakers are labelled by first name; an initial after one in capitals (`DAVE S.:`, not "Plan B:")
// is dropped, so of two Daves with initials the first to answer a roll call is taken. A label starts after anything but
// a letter, and its colon is followed by a space, emphasis or a bracket (`CHUCK:(laughs)`).
// Matched on the few characters before each colon: run over the whole text, the pattern was a tenth of parsing notes.
const LABEL = /(?<![\p{L}'’])(\p{Lu}(?:[\p{Lu}'’-]{1,19}|[\p{Ll}'’-]{1,19}))(?:(?<=\p{Lu}{2}) \p{Lu}\.?)?[*_\s]{0,6}$/u;
const LABEL_REACH = 32;
// "Charles: Jules KremerJules: Hello.": the name called, glued to the label of the one who answers to it.
const GLUED = /(\p{Lu}\p{Ll}+)\s+\p{Lu}\p{Ll}+(\p{Lu}\p{Ll}+)[*_\s]{0,6}$/u;
/** Labels that are not speakers: a note's own headings inside the transcript. */
const NOT_SPEAKERS =
  /^(?:picks?|links?|notes?|update|edit|transcript|panel|guests?|hosts?|episode|sponsors?|summary|all|everyone|audience)$/i;

export type Turn = { label: string; text: string };

/** The opening's turns: who speaks, and what they say, up to OPENING_TURNS. */
export function openingTurns(text: string): Turn[] {
  const turns: Turn[] = [];
  let current: { label: string; start: number } | undefined;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    if (colon + 1 < text.length && !/[\s*_([]/.test(text[colon + 1] ?? '')) continue;
    // Far enough back that the character before a label is in reach of the lookbehind.
    const from = Math.max(0, colon - LABEL_REACH);
    const before = text.slice(from, colon);
    const glued = GLUED.exec(before);
    const match = LABEL.exec(before) ?? (glued && glued[1] === glued[2] ? glued : null);
    const label = match?.[1];
    if (!match || !label || NOT_SPEAKERS.test(label)) continue;
    const at = from + match.index + (match === glued ? match[0].lastIndexOf(label) : 0);
    if (current) turns.push({ label: current.label, text: text.slice(current.start, at).replace(/[*_]+/g, ' ').trim() });
    if (turns.length >= OPENING_TURNS) return turns;
    current = { label, start: colon + 1 };
  }
  if (current) turns.push({ label: current.label, text: text.slice(current.start).replace(/[*_]+/g, ' ').trim() });
  return turns;
}

/** How many turns of each speaker are kept for reading: who they say they are is said in the first few. */
const TURNS_KEPT = 3;

/**
 * Who speaks after the opening, under a label in capitals ("JOHN: I think…"), and what their first turns say (up to the
 * next label, 300 characters at most): someone on the episode whom the roll call did not name, resolved by the
 * catalogue to the podcast's regular of that first name (speaker-names.ts). One pass over the transcript, whatever it
 * holds. `mixed`: the opening's labels are written "Charles:", so "Joe:" later is a speaker too, keyed "JOE", where it
 * starts two turns at least (not a "Note:" once).
 */
export function laterTurns(transcript: string, mixed = false): Map<string, { turns: string[]; count: number }> {
  // ASCII letters only: the Unicode pattern took a second over devchat.tv's 3,129 files.
  // "DAVID:", and "**DAVID** :" with its bold closed before the colon.
  const labels = mixed
    ? /\b([A-Z](?:[A-Z]{1,19}|[a-z]{1,19}))(?: [A-Z]\.?)?[*_]{0,2} ?:[*_]{0,2}\s/g
    : /\b([A-Z]{2,20})(?: [A-Z]\.?)?[*_]{0,2} ?:[*_]{0,2}\s/g;
  const found = [...transcript.matchAll(labels)];
  const speakers = new Map<string, { turns: string[]; count: number }>();
  const inCapitals = new Set<string>();
  found.forEach((match, i) => {
    const label = (match[1] ?? '').toUpperCase();
    if (NOT_SPEAKERS.test(label)) return;
    if (label === match[1]) inCapitals.add(label);
    const speaker = speakers.get(label) ?? { turns: [], count: 0 };
    speakers.set(label, speaker);
    speaker.count++;
    const start = match.index + match[0].length;
    if (speaker.turns.length < TURNS_KEPT)
      speaker.turns.push(transcript.slice(start, Math.min(found[i + 1]?.index ?? Infinity, start + 300)));
  });
  for (const [label, { count }] of speakers) if (count < 2 && !inCapitals.has(label)) speakers.delete(label);
  return speakers;
}

/** How many turns a label written as it is ("Chuck:") starts, up to two: one pass over the transcript. */
export function turnsOf(transcript: string, label: string): number {
  let count = 0;
  for (let at = transcript.indexOf(`${label}:`); at >= 0 && count < 2; at = transcript.indexOf(`${label}:`, at + 1))
    if (!/[\p{L}'’]/u.test(transcript[at - 1] ?? ' ')) count++;
  return count;
}

/** The labels a first name answers to: itself, and the short forms of it (David: DAVID, DAVE). */
export function labelsFor(first: string): string[] {
  const name = first.toUpperCase();
  return [name, ...Object.keys(SHORT_FORMS).filter((label) => SHORT_FORMS[label]?.includes(name))];
}

// The short forms speakers are labelled by: "we have David Brady. DAVE: Hello." CHUCK is not among them: the host, who
// names himself, is matched by what he says (speaker-names.ts), not by guessing.
const SHORT_FORMS: Record<string, string[]> = {
  DAVE: ['DAVID'],
  MIKE: ['MICHAEL'],
  JOE: ['JOSEPH'],
  JOSH: ['JOSHUA'],
  JIM: ['JAMES'],
  MATT: ['MATTHEW'],
  CHRIS: ['CHRISTOPHER'],
  TOM: ['THOMAS'],
  ROB: ['ROBERT'],
  BOB: ['ROBERT'],
  BEN: ['BENJAMIN'],
  DAN: ['DANIEL'],
  SAM: ['SAMUEL'],
  NICK: ['NICHOLAS'],
  STEVE: ['STEVEN', 'STEPHEN'],
  ANDY: ['ANDREW'],
  ALEX: ['ALEXANDER'],
  PETE: ['PETER'],
  JEFF: ['JEFFREY'],
  GREG: ['GREGORY'],
  NATE: ['NATHAN'],
  JON: ['JONATHAN'],
  JAKE: ['JACOB'],
};

/** A first name and the speaker label that answers to it: the same name, or its short form (DAVE for David). */
/** Every label a first name answers to either way (`answersTo`): DAVE for David, DAVID for Dave. */
export function labelsAnsweredBy(first: string): string[] {
  return [...labelsFor(first), ...(SHORT_FORMS[first.toUpperCase()] ?? [])];
}

export function answersTo(first: string, label: string): boolean {
  return same(first, label) || (SHORT_FORMS[label.toUpperCase()] ?? []).includes(first.toUpperCase());
}

/** Labels compared as speakers write them: `CHUCK:` and `Chuck:` are one speaker. */
export function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toUpperCase() === b.toUpperCase();
}
