import { AND_WORDS, GUEST_WORDS, HOST_WORDS } from './label-words.ts';
import type { Line } from './markdown-text.ts';
import { isPersonName, PARTICLE, personName } from './people.ts';

// People a line of show notes lists after its label: "Panel: A, B", "Special Guests: C and D".

// "Special Guests: A and B", "Joined by Special Guest: A", "Special Guest – A", "Joined by special guest A", "Joined
// by Guest Panelist: A"; a line that only mentions a guest later on is not one.
export const GUESTS = new RegExp(
  String.raw`^(?:(?:joined by\s+|with\s+)?(?:our\s+)?(?:special\s+)?(?:guests?|${GUEST_WORDS})(?:\s+panelists?)?\s*(?::|[-–—]\s)|joined by\s+(?:our\s+)?(?:special\s+)?guests?\s)\s*(.*)$`,
  'iu',
);
// A name is a few capitalised words ("Matt Nowack", "Wiebe-Marten Wijnja", "José d’Almeida"); a sentence is not one.
const NAME = new RegExp(String.raw`^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|${PARTICLE})){0,4}$`, 'u');

// "Guest Host: Ryan Frost", "Guest Co-Host: …", "New Co-Host: …" host the episode with the others: panelists; so do
// those of "Guests/Hosts: Ann Lee, Bo Diaz", whom the catalogue tells apart.
export const PANEL = new RegExp(
  String.raw`^(?:panel|panelists|(?:(?:guest|new)\s+)?(?:co-?)?hosts?|guests?\s*(?:/|&|and)\s*hosts?|hosts?\s*(?:/|&|and)\s*guests?|${HOST_WORDS})\s*:\s*(.*)$`,
  'iu',
);
export const PEOPLE_LABEL = new RegExp(
  String.raw`^(?:panel(?:ists?)?|co-?hosts?|(?:guest\s+)?hosts?|(?:joined by\s+)?(?:special\s+)?guests?|${HOST_WORDS}|${GUEST_WORDS})\s*:`,
  'iu',
);

/** A list item of a panel or guests section that names a person, not a product, a time or "None". */
export function named(item: Line): boolean {
  return isPersonName(personName(item.text));
}

const LIST_JOINS = new RegExp(String.raw`\s*(?:,|&|${AND_WORDS})\s*`, 'u');

/**
 * The panel a "Hosts:" line lists, and the guests after it in the same sentence ("Ведущие этого выпуска: Артём, Иван,
 * а также гости Александр Золотов и Сергей Игнатов", "Hosts: Ann Lee and Bo Diaz, with special guest Cy Wu"); or the
 * guests a "Guests:" line lists.
 */
export function panelAndGuestsIn(line: Line): [panel: string[], guests: string[]] {
  const listed = PANEL.exec(line.text)?.[1];
  if (listed === undefined) return [[], guestsIn(line)];
  // A list of names is short (namesAfter); a long line after "Hosts:" is prose, not worth splitting.
  if (listed.length > 400) return [[], []];
  const [hosts = '', guests = ''] = listed.split(AND_GUESTS, 2);
  return [namesIn({ ...line, text: hosts }), guests ? namesIn({ ...line, text: guests }) : []];
}

// "гости", "гость", "гостья", "гостей"; "guests", "special guest".
const GUEST_WORD = String.raw`(?:гост(?:и|ь|ья|ей)|(?:our\s+)?(?:special\s+)?guests?)`;
const AND_GUESTS = new RegExp(String.raw`,?\s+(?:и|а\s+также|and|with|plus)\s+${GUEST_WORD}\s+`, 'iu');

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
  // Brackets after a name are no part of it: "Inti De Ceukelaire (Inti / securinti)", "Matthias (security researcher)",
  // "Justin Gardner (solo — Joel had con flu)"; "No Guest(s)" is no one.
  const names = match[1]
    .replace(/\s+\([^()]{1,60}\)/g, '')
    .split(LIST_JOINS)
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
  // The item a wrapped line belongs to, its parts so far (joined once: copying them at each line is quadratic), and
  // whether its first line already ended the name: asked once per item.
  let open: { at: number; texts: string[]; links: Line['links'] } | undefined;
  let described = false;
  const close = () => {
    const first = open && joined[open.at];
    if (open && first && open.texts.length > 1) joined[open.at] = { ...first, text: open.texts.join(' '), links: open.links };
  };
  for (const line of lines) {
    if (line.continued && line.kind === 'item' && open && described) {
      open.texts.push(line.text);
      for (const link of line.links) open.links.push(link);
      continue;
    }
    close();
    joined.push(line);
    open = line.kind === 'item' ? { at: joined.length - 1, texts: [line.text], links: [...line.links] } : undefined;
    described = line.kind === 'item' && personName(line.text) !== line.text.trim();
  }
  close();
  return joined;
}

/**
 * A label's list that wraps onto the next lines of its paragraph is one line, where it is plainly unfinished (a comma, an
 * "and" or "а также гости" at the end, or "и гость …" next): "Ведущие этого выпуска: [Артём](…), [Елена](…),⏎[Слава](…),
 * а также гости⏎[Александр Золотов](…) и …". Not "Host: Ann Lee⏎This week we talk about Rust", and only where the whole
 * still reads as names. A list is short: 600 characters at most are joined.
 */
export function labelsJoined(lines: Line[]): Line[] {
  const joined: Line[] = [];
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at] as Line;
    joined.push(line);
    if (line.kind !== 'text' || !(PANEL.test(line.text) || GUESTS.test(line.text))) continue;
    const parts = [line];
    let text = line.text;
    for (let next = lines[at + 1]; next?.kind === 'text' && next.continued && text.length < 600; next = lines[at + 1]) {
      if (!UNFINISHED.test(text) && !GOES_ON.test(next.text)) break;
      text = `${text} ${next.text}`;
      parts.push(next);
      at++;
    }
    if (parts.length === 1) continue;
    const whole = { ...line, text, links: parts.flatMap((part) => part.links) };
    if (namesCount(whole) >= namesCount(line)) joined[joined.length - 1] = whole;
    else joined.push(...parts.slice(1));
  }
  return joined;
}

const UNFINISHED = new RegExp(String.raw`(?:,|&|${AND_WORDS}|(?<![\p{L}])${GUEST_WORD})\s*$`, 'iu');
const GOES_ON = new RegExp(String.raw`^(?:&|${AND_WORDS}|а\s+также)\s`, 'iu');

function namesCount(line: Line): number {
  return panelAndGuestsIn(line).flat().length;
}

/** Mark “Murch” Erhardt: a nickname in quotes inside a name is no part of it. */
export function withoutNicknames(text: string): string {
  // A quote is rare; a look behind at every position of a transcript is not cheap.
  if (!text.includes('"') && !text.includes('“')) return text;
  return text.replace(NICKNAME, (quoted, at: number) => (/\p{L}/u.test(text.charAt(at - 1)) ? '' : quoted));
}

const NICKNAME = /[ \t]+["“][^"“”\n]{1,30}["”](?=\s+\p{Lu})/gu;
