import type { Line } from './markdown-text.ts';

// Otter.ai's transcript export: "### Bryan Robinson  0:03" above each turn (That's My JAMstack).
export const SPEAKER_HEADING = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s+\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?$/u;

/**
 * Who speaks under Otter.ai's headings, in full name and twice at least, the first of them first: the host opens the
 * show. Only where two people speak so; "## Ann Lee 2:30" once is a chapter.
 */
export function headingSpeakers(lines: Line[]): string[] {
  const turns = new Map<string, number>();
  for (const line of lines) {
    const name = line.kind === 'heading' ? SPEAKER_HEADING.exec(line.text)?.[1] : undefined;
    if (name?.includes(' ')) turns.set(name, (turns.get(name) ?? 0) + 1);
  }
  const speakers = [...turns].filter(([, count]) => count >= 2).map(([name]) => name);
  return speakers.length >= 2 ? speakers : [];
}
