// `Name: what they said` at the start of a line names who speaks, in SubRip and WebVTT alike, and that turn lasts
// until the next name. Only what is plainly a name counts: one of the episode's people, or a short capitalised name
// used that way more than once in the file. "Note: …", "Update: …" and times like "12:30" are text.
import type { Piece } from './cues.ts';
import { isPerson } from './speakers.ts';

/** One to three capitalised words (initials, hyphens and apostrophes allowed), or "Speaker 2", then ":" and a space. */
const PREFIX =
  /^[ \t]*(?:[-–—][ \t]*|>>[ \t]*)?((?:\p{Lu}[\p{L}\p{M}'’.-]*)(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}'’.-]*|\d{1,2})){0,2}):(?:[ \t]+|$)/u;

/** Words that open a line with a colon and are not names. */
const NOT_NAMES = new Set(
  (
    'note notes nb ps pps update edit edited editor warning caution tip hint example transcript transcription chapter music ' +
    'intro outro ad ads advert sponsor sponsored source sources link links summary question answer q a step part yes no ok ' +
    'okay so but and well now here there this that today remember also quote disclaimer title subject topic episode agenda ' +
    'rule problem solution result lesson takeaway bonus spoiler translation caption captions sound laughter applause ' +
    'inaudible crosstalk silence correction clarification important reminder fact why what how who when where'
  ).split(' '),
);

type Turned = Piece & { named?: boolean };

/**
 * Splits pieces at `Name:` line prefixes that are plainly names, removes the prefixes, and gives every piece without a
 * voice of its own the speaker of the turn it is in. `cues` is each cue's pieces; the result keeps that shape.
 */
export function applyTurns(cues: Piece[][], people: string[]): Piece[][] {
  const counts = new Map<string, number>();
  for (const pieces of cues)
    for (const piece of pieces) if (!piece.speaker) for (const name of prefixes(piece.text)) counts.set(name, (counts.get(name) ?? 0) + 1);
  // Asked once per name: a transcript of named turns repeats a handful of names on most of its lines.
  const known = new Map<string, boolean>();
  const isName = (name: string) => {
    let yes = known.get(name);
    if (yes === undefined)
      known.set(
        name,
        (yes = !NOT_NAMES.has(name.toLowerCase().split(/\s/)[0] ?? '') && (isPerson(name, people) || (counts.get(name) ?? 0) >= 2)),
      );
    return yes;
  };
  let turn: string | undefined;
  return cues.map((pieces) => {
    const out: Turned[] = [];
    for (const piece of pieces) {
      if (piece.speaker) {
        // A voice tag names its own text; a `Name:` turn does not run on through it.
        turn = undefined;
        out.push(piece);
        continue;
      }
      for (const line of piece.text.split('\n')) {
        const name = line.includes(':') ? PREFIX.exec(line)?.[1] : undefined;
        if (name && isName(name)) {
          turn = name;
          out.push({ text: line.slice((PREFIX.exec(line)?.[0] ?? '').length), speaker: name, named: true });
        } else {
          const last = out.at(-1);
          if (last && last.speaker === turn && !pieces.includes(last)) last.text += `\n${line}`;
          else out.push(turn ? { text: line, speaker: turn } : { text: line });
        }
      }
    }
    return out.map(({ text, speaker }) => (speaker ? { text, speaker } : { text }));
  });
}

function prefixes(text: string): string[] {
  // A prefix ends with ":"; most lines have none, and the expression is not cheap.
  if (!text.includes(':')) return [];
  return text.split('\n').flatMap((line) => PREFIX.exec(line)?.[1] ?? []);
}
