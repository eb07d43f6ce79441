/**
 * People named only in the summary's prose, as many devchat.tv episodes do: "This episode features panelists Ward
 * Bell, Joe Eames, and Charles Max Wood. Special Guest Gil Fink is on the podcast this week". Only lists of full names
 * (two or three capitalised words each) right after "panelists" or "special guest" count, and show-notes.ts uses them
 * only when no section or line names anyone.
 */
export type ProsePeople = { panel: string[]; guests: string[] };

// A word of a name is capitalised; a dot only ends an initial ("Charles M. Wood"), not "Wood." ending the sentence.
const WORD = String.raw`\p{Lu}(?:\.|[\p{L}\p{M}'’-]*)`;
const NAME = String.raw`${WORD}(?:\s+${WORD}){1,2}`;
const LIST = String.raw`(${NAME}(?:(?:,\s+|,?\s+and\s+)${NAME})*)`;
const PANEL = new RegExp(String.raw`\bpanel(?:ists?)?\s+(?:(?:is|are|includes?|features?)\s+)?${LIST}`, 'gu');
const GUESTS = new RegExp(String.raw`\b[Ss]pecial\s+[Gg]uests?\s+${LIST}`, 'gu');

export function prosePeople(text: string): ProsePeople {
  return { panel: namesIn(text, PANEL), guests: namesIn(text, GUESTS) };
}

// "special guest Performance Tech Lead at …", "… Ben Schmeckpeper Episode 12": a role or a word of the sentence.
const NOT_NAME = /\b(?:engineer|lead|developer|manager|architect|director|advocate|founder|ceo|cto|episode|show|podcast)\b/i;

/** "Sam Julien Sam talks…" ends with the first name starting the next sentence. */
function cleanName(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length === 3 && words[2] === words[0]) words.pop();
  const name = words.join(' ');
  return name && !NOT_NAME.test(name) ? name : undefined;
}

function namesIn(text: string, pattern: RegExp): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(pattern)) {
    const list = (match[1] ?? '').split(/,\s+and\s+|,\s+|\s+and\s+/);
    // One name alone after "panel" is too often a sentence ("the panel Discusses…"): a panel list has two at least.
    if (pattern === PANEL && list.length < 2) continue;
    names.push(...list.map(cleanName).filter((name): name is string => name !== undefined));
  }
  return [...new Set(names)];
}
