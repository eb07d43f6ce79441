import { stripVTControlCharacters } from 'node:util';

// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that reorder what a terminal shows
// ("Trojan Source"). Tabs and newlines are handled by the callers: kept in multi-line text, spaces in one-line fields.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from content (titles, file names, snippets, error messages quoting them) made safe to print: escape sequences
 * (CSI, OSC such as an OSC 52 clipboard write) removed whole, then every other control character. Removing the
 * sequences first keeps their payload from showing up as text; removing lone controls catches what is no sequence
 * (a bare ESC, a BEL, a backspace that would overwrite what was printed before it).
 */
export function terminalText(text: string): string {
  return stripVTControlCharacters(text).replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/** The same for a field printed on one line (a slug, a title): a newline in it cannot forge a line of output. */
export function oneLine(text: string): string {
  return terminalText(text).replace(/[\t\n]+/g, ' ');
}
