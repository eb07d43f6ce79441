import type { Line } from './markdown-text.ts';
import { isPersonName, PARTICLE, personName } from './people.ts';

// People a line of show notes lists after its label: "Panel: A, B", "Special Guests: C and D".

// "Special Guests: A and B", "Joined by Special Guest: A", "Special Guest – A", "Joined by special guest A", "Joined
// by Guest Panelist: A"; a line that only mentions a guest later on is not one.
export const GUESTS =
  /^(?:(?:joined by\s+|with\s+)?(?:our\s+)?(?:special\s+)?guests?(?:\s+panelists?)?\s*(?::|[-–—]\s)|joined by\s+(?:our\s+)?(?:special\s+)?guests?\s)\s*(.*)$/i;
// A name is a few capitalised words ("Matt Nowack", "Wiebe-Marten Wijnja", "José d’Almeida"); a sentence is not one.
const NAME = new RegExp(String.raw`^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|${PARTICLE})){0,4}$`, 'u');

// "Guest Host: Ryan Frost" hosts the episode with the others: a panelist.
export const PANEL = /^(?:panel|panelists|(?:guest\s+|co-?)?hosts?)\s*:\s*(.*)$/i;
export const PEOPLE_LABEL = /^(?:panel(?:ists?)?|co-?hosts?|(?:guest\s+)?hosts?|(?:joined by\s+)?(?:special\s+)?guests?)\s*:/i;

export function guestsIn(line: Line): string[] {
  return namesAfter(GUESTS, line);
}

export function namesIn(line: Line): string[] {
  return namesAfter(/^(.*)$/, line);
}

export function namesAfter(pattern: RegExp, line: Line): string[] {
  const match = pattern.exec(line.text);
  // A list of names is short; what follows "Guest:" in a transcript is what the guest said.
  if (!match?.[1] || match[1].length > 160) return [];
  const names = match[1]
    .split(/\s*(?:,|&|\band\b)\s*/)
    // "Hosts: Tim, Sean and Allen Wyma." ends a sentence; the full stop is not part of the name (an initial's is); nor
    // is a nickname in quotes ("Max “The Wizard” Koretskyi").
    .map((name) =>
      name
        .trim()
        .replace(/(\p{L}{2})\.$/u, '$1')
        .replace(/\s+["“][^"“”]{1,30}["”](?=\s)/gu, ''),
    )
    .filter(Boolean);
  // "Panel: Kai Dawson Jonah Stark In this episode, Kai and…" is prose after a run of names (name-runs.ts), not a list.
  return names.every((name) => NAME.test(name)) ? names.filter(isPersonName) : [];
}

/**
 * A person's line whose description wraps onto the next (trino.io: "* [Manfred Moser](…), Director of Trino⏎  Community
 * Leadership at [Starburst](…),⏎  ([@simpligility](…))") is one line: "Community Leadership at Starburst" is no person.
 * Only after a name its line already described; a list item of names one per line ("Ann Lee⏎Bo Diaz") stays as it is.
 */
export function withDescriptionsJoined(lines: Line[]): Line[] {
  const joined: Line[] = [];
  // The item a wrapped line belongs to, and whether its first line already ended the name: asked once per item.
  let [open, described] = [-1, false];
  for (const line of lines) {
    const last = joined[open];
    if (line.continued && line.kind === 'item' && last && described) {
      joined[open] = { ...last, text: `${last.text} ${line.text}`, links: [...last.links, ...line.links] };
      continue;
    }
    joined.push(line);
    [open, described] = line.kind === 'item' ? [joined.length - 1, personName(line.text) !== line.text.trim()] : [-1, false];
  }
  return joined;
}

/** Mark “Murch” Erhardt: a nickname in quotes inside a name is no part of it. */
export function withoutNicknames(text: string): string {
  // A quote is rare; a look behind at every position of a transcript is not cheap.
  if (!text.includes('"') && !text.includes('“')) return text;
  return text.replace(NICKNAME, (quoted, at: number) => (/\p{L}/u.test(text.charAt(at - 1)) ? '' : quoted));
}

const NICKNAME = /[ \t]+["“][^"“”\n]{1,30}["”](?=\s+\p{Lu})/gu;
