import { shownValue } from '../shorten.ts';
import { EXPECTED, type FieldName, fieldKey, MAYBE_OTHER } from './episode-fields.ts';
import { isEmpty, unique } from './field-values.ts';
import { transcriptSection } from './link-fields.ts';

// Reading an episode's fields by their names, with a warning naming the field for a value that cannot be read.

/** Tags and categories both describe the episode: every alias that holds some is kept. */
export function readAll(
  aliases: string[],
  fields: Map<string, [string, unknown]>,
  read: (value: unknown) => string[] | undefined,
  warn: (m: string) => void,
): string[] {
  const all: string[] = [];
  for (const key of new Set(aliases.map(fieldKey))) {
    const found = fields.get(key);
    if (!found || isEmpty(found[1])) continue;
    const values = read(found[1]);
    if (values) for (const value of values) all.push(value);
    else warn(`${found[0]}: ${shownValue(found[1], 60)} is not ${EXPECTED.tags}; the episode is indexed without them`);
  }
  return unique(all);
}

/**
 * Reads a field by the first of its names (`aliases`) that holds a value `read` can use. A value under a name of its
 * own that cannot be read is a warning naming the field; `url`, `link`… may hold something else and warn of nothing.
 */
export function fieldReader(
  fields: ReadonlyMap<string, [string, unknown]>,
  aliases: Record<FieldName, string[]>,
  warn: (message: string) => void,
) {
  return <T>(name: FieldName, read: (value: unknown, alias: string) => T | undefined): T | undefined => {
    let unread: [string, unknown] | undefined;
    for (const alias of aliases[name]) {
      const found = fields.get(fieldKey(alias));
      if (!found || isEmpty(found[1])) continue;
      const result = read(found[1], alias);
      if (result !== undefined) return result;
      if (!MAYBE_OTHER.has(fieldKey(alias))) unread ??= found;
    }
    if (unread) warn(`${unread[0]}: ${shownValue(unread[1], 60)} is not ${EXPECTED[name]}; the episode is indexed without it`);
    return undefined;
  };
}

/** Every text written under one of these names, in their order (each summary field, for who is on). */
export function textsOf(aliases: string[], fields: ReadonlyMap<string, [string, unknown]>): string[] {
  return [...new Set(aliases.map(fieldKey))].flatMap((key) => {
    const value = fields.get(key)?.[1];
    return typeof value === 'string' ? [value] : [];
  });
}

/**
 * An episode's notes: its body, or where the body is empty a notes field (Enjoy the Vue's `shownotes:`); and a
 * transcript written into the front matter (IRL's `transcript: |`), as their "Transcript" section.
 */
export function notesOf(content: string, fields: ReadonlyMap<string, [string, unknown]>, aliases: Record<FieldName, string[]>): string {
  const notes = content.trim() ? content : (textsOf(aliases.notes, fields).find((text) => text.trim()) ?? '');
  return notes + transcriptSection(textsOf(aliases.transcripts, fields));
}
