/** A link in the show notes. */
export type Link = { label: string; url: string };

/** Something a panelist or guest recommended at the end of the episode. */
export type Pick = Link & { person: string };

export type ShowNotes = {
  summary: string;
  panel: string[];
  guests: string[];
  links: Link[];
  picks: Pick[];
  sponsors: Link[];
  /** Text of any other section, so nothing written in the notes is unsearchable. */
  otherNotes: string;
};

type Section = { name: string; lines: string[] };

const KNOWN_SECTIONS = ['sponsors', 'panel', 'panelists', 'hosts', 'guests', 'guest', 'summary', 'links', 'picks', 'transcript'];

/**
 * Reads the Markdown body of an episode. Show notes in the wild are written by hand: headings at any level, bold or
 * not (`### **Panel**`), or a bold line alone (`**Picks**`); this accepts all of them.
 */
export function parseShowNotes(markdown: string): ShowNotes {
  const notes: ShowNotes = { summary: '', panel: [], guests: [], links: [], picks: [], sponsors: [], otherNotes: '' };
  const other: string[] = [];
  const summary: string[] = [];
  for (const section of splitSections(markdown)) {
    const items = section.lines.map(listItem).filter((item): item is string => item !== undefined);
    switch (section.name) {
      case 'summary':
        summary.push(...section.lines.map(plainText).filter(Boolean));
        break;
      case 'panel':
      case 'panelists':
      case 'hosts':
        notes.panel.push(...items.map(plainText).filter(Boolean));
        notes.guests.push(...section.lines.flatMap(guestsIn));
        break;
      case 'guests':
      case 'guest':
        notes.guests.push(...items.map(plainText).filter(Boolean), ...section.lines.flatMap(guestsIn));
        break;
      case 'links':
        notes.links.push(...items.flatMap(linksIn));
        break;
      case 'sponsors':
        notes.sponsors.push(...items.flatMap(linksIn));
        break;
      case 'picks':
        notes.picks.push(...picksIn(section.lines));
        break;
      default:
        other.push(...section.lines.map(plainText).filter(Boolean));
    }
  }
  notes.summary = summary.join('\n');
  notes.otherNotes = other.join('\n');
  notes.guests = [...new Set(notes.guests)];
  return notes;
}

function splitSections(markdown: string): Section[] {
  const sections: Section[] = [{ name: '', lines: [] }];
  for (const line of markdown.split(/\r?\n/)) {
    const heading = headingName(line);
    if (heading !== undefined) sections.push({ name: heading, lines: [] });
    else if (line.trim()) sections.at(-1)?.lines.push(line.trim());
  }
  return sections;
}

function headingName(line: string): string | undefined {
  const atx = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
  const boldAlone = /^(\*\*|__)([^*_]+)\1\s*:?\s*$/.exec(line.trim());
  const text = atx?.[1] ?? boldAlone?.[2];
  if (text === undefined) return undefined;
  const name = plainText(text).replace(/:$/, '').trim().toLowerCase();
  // A bold line only starts a section when it names one; in Picks, `**Mark Ericksen:**` names a person instead.
  return atx || KNOWN_SECTIONS.includes(name) ? name : undefined;
}

/** The text of a Markdown list item (`*`, `-`, `+`, `1.`), or undefined when the line is not one. */
function listItem(line: string): string | undefined {
  return /^(?:[*+-]|\d+[.)])\s+(.*)$/.exec(line)?.[1]?.trim();
}

// The URL may hold balanced parentheses, as Wikipedia's do: `Elixir_(programming_language)`.
const MARKDOWN_LINK = /\[([^\]]*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)>?(?:\s+"[^"]*")?\s*\)/g;
const BARE_URL = /\bhttps?:\/\/[^\s<>()\]]+[^\s<>()\].,;:!?'"]/g;

/** Markdown reduced to the words a reader sees: link labels kept, emphasis and markup dropped. */
export function plainText(markdown: string): string {
  return markdown
    .replace(MARKDOWN_LINK, '$1')
    // Emphasis markers go; underscores inside words (`sorted_set_nif`) stay.
    .replace(/[*`]+/g, '')
    .replace(/(^|[^\p{L}\p{N}])_{1,2}(?=\S)|(?<=\S)_{1,2}(?=[^\p{L}\p{N}]|$)/gu, '$1')
    .replace(/^>\s?/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function linksIn(text: string): Link[] {
  const links: Link[] = [];
  const rest = text.replace(MARKDOWN_LINK, (_all, label: string, url: string) => {
    links.push({ label: plainText(label) || url, url });
    return ' ';
  });
  for (const url of rest.match(BARE_URL) ?? []) links.push({ label: url, url });
  // A label that says more than the link is kept; "use the code devchat" after a sponsor link is part of it.
  const extra = plainText(rest.replace(BARE_URL, ''));
  const first = links[0];
  if (first && extra && links.length === 1) first.label = `${first.label} ${extra}`;
  return links;
}

function guestsIn(line: string): string[] {
  const match = /(?:special\s+)?guests?\s*:\s*(.+)$/i.exec(plainText(line));
  if (!match?.[1]) return [];
  return match[1]
    .split(/\s*(?:,|&|\band\b)\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}

function picksIn(lines: string[]): Pick[] {
  const picks: Pick[] = [];
  let person = '';
  for (const line of lines) {
    const item = listItem(line);
    if (item === undefined) {
      // `**Mark Ericksen:**` or `Mark Ericksen:` introduces that person's picks.
      const name = plainText(line).replace(/:$/, '').trim();
      if (name && !/https?:\/\//.test(line)) person = name;
      continue;
    }
    const links = linksIn(item);
    if (links.length === 0) picks.push({ person, label: plainText(item), url: '' });
    for (const link of links) picks.push({ person, ...link });
  }
  return picks;
}
