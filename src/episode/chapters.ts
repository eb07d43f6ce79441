import { EpisodeError } from '../errors.ts';

/** A chapter of an episode: where it starts and what it is called; `url` is a link the publisher gave it. */
export type Chapter = { start: number; title: string; url?: string };

/** An episode document's chapters, from its three parallel fields. */
export function chaptersOf(episode: { chapters?: string[]; chapterStarts?: number[]; chapterUrls?: (string | null)[] }): Chapter[] {
  return (episode.chapters ?? []).flatMap((title, i) => {
    const start = episode.chapterStarts?.[i];
    const url = episode.chapterUrls?.[i];
    return typeof start === 'number' ? [{ start, title, ...(url ? { url } : {}) }] : [];
  });
}

/**
 * Chapters written into show notes, one per line: `(12:34) Topic`, `[1:02:03] Topic`, `12:34 - Topic`,
 * `12:34 Topic`, `- 00:00 Intro`. Two such lines at least, in increasing order, make a chapter list; a lone time in a
 * sentence ("we recorded at 10:30") does not.
 */
export function chaptersFromNotes(text: string): Chapter[] {
  const found: Chapter[] = [];
  for (const line of text.split('\n')) {
    const parts = /^\s*(?:[-*•]\s*)?[([]?((?:\d{1,2}:)?\d{1,2}:\d{2})[)\]]?\s*(?:[-–—:|]\s*)?(\S.{0,199}?)\s*$/.exec(
      line.replace(/\*\*/g, ''),
    );
    if (!parts) continue;
    const start = seconds(parts[1]!);
    const title = parts[2]!.replace(/^[-–—:|]\s*/, '').trim();
    if (start === undefined || !title) continue;
    found.push({ start, title });
  }
  const ordered = found.every((chapter, i) => i === 0 || chapter.start > found[i - 1]!.start);
  return found.length >= 2 && ordered ? found : [];
}

function seconds(time: string): number | undefined {
  const parts = time.split(':').map(Number);
  if (parts.some((part, i) => i > 0 && part > 59)) return undefined;
  return parts.reduce((sum, part) => sum * 60 + part, 0);
}

/**
 * The Podcasting 2.0 JSON chapters format (`application/json+chapters`):
 * `{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}, …]}`. A chapter without a start or a title
 * is left out (`toc: false` ones too: the publisher hides them from listings); only a file with none is an error.
 */
export function parseChaptersJson(file: string, text: string): Chapter[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new EpisodeError(
      file,
      `the chapters file is not JSON (${(error as Error).message}); expected {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}`,
      { cause: error },
    );
  }
  const list =
    typeof json === 'object' && json !== null && Array.isArray((json as { chapters?: unknown }).chapters)
      ? (json as { chapters: unknown[] }).chapters
      : undefined;
  if (!list)
    throw new EpisodeError(
      file,
      'expected a Podcasting 2.0 chapters file: {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}',
    );
  const chapters: Chapter[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { startTime, title, url, toc } = item as Record<string, unknown>;
    const start = typeof startTime === 'string' && /^\d+(\.\d+)?$/.test(startTime) ? Number(startTime) : startTime;
    if (typeof start !== 'number' || !Number.isFinite(start) || start < 0 || typeof title !== 'string' || !title.trim() || toc === false)
      continue;
    const link = typeof url === 'string' ? URL.parse(url) : null;
    chapters.push({
      start,
      title: title.replace(/\s+/g, ' ').trim().slice(0, 300),
      ...(link && /^https?:$/.test(link.protocol) ? { url: link.href } : {}),
    });
  }
  if (list.length && !chapters.length) throw new EpisodeError(file, 'none of its chapters has a startTime in seconds and a title');
  return chapters.sort((a, b) => a.start - b.start);
}
