import type { TranscriptLine } from '../documents/transcript-lines.ts';
import type { Chapter } from '../episode/chapters.ts';

/**
 * The transcript and chapters as the files podcast apps read: WebVTT (speakers as `<v Name>`), SubRip, the
 * Podcasting 2.0 JSON transcript and JSON chapters. Times are written to the millisecond, which is as fine as VTT and
 * SRT go, so importing an export again gives back the same lines.
 */
export const MEDIA_TYPES = {
  vtt: 'text/vtt; charset=utf-8',
  srt: 'application/x-subrip; charset=utf-8',
  json: 'application/json; charset=utf-8',
  chapters: 'application/json+chapters; charset=utf-8',
} as const;

/** The `type` attribute of `<podcast:transcript>` for each file. */
export const FEED_TYPES = {
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
  json: 'application/json',
  chapters: 'application/json+chapters',
} as const;

export function toVtt(lines: TranscriptLine[]): string {
  const cues = lines.map((line, i) => {
    // In a cue, `&`, `<` and `>` are markup; written as references they are text again (and `-->` cannot occur).
    const voice = line.speaker ? `<v ${escapeVtt(line.speaker).replace(/\s+/g, ' ')}>` : '';
    return `${i + 1}\n${timestamp(line.start, '.')} --> ${timestamp(line.end, '.')}\n${voice}${escapeVtt(oneLine(line.text))}`;
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

export function toSrt(lines: TranscriptLine[]): string {
  // SubRip has no speaker markup; "Name: " where a new speaker's turn starts is how subtitle files write one. An arrow
  // in the text would read as a timing line, so its `>` is written as a reference (SubRip readers decode it, ours too).
  const text = (value: string) => oneLine(value).replace(/-->/g, '--&gt;');
  const cues = lines.map((line, i) => {
    const turn = line.speaker && line.speaker !== lines[i - 1]?.speaker ? `${text(line.speaker)}: ` : '';
    return `${i + 1}\n${timestamp(line.start, ',')} --> ${timestamp(line.end, ',')}\n${turn}${text(line.text)}`;
  });
  return `${cues.join('\n\n')}\n`;
}

/** https://github.com/Podcastindex-org/podcast-namespace/blob/main/transcripts/transcripts.md (JSON). */
export function toPodcastJson(lines: TranscriptLine[]): string {
  const segments = lines.map((line) => ({
    ...(line.speaker ? { speaker: line.speaker } : {}),
    startTime: ms(line.start),
    endTime: ms(line.end),
    body: line.text,
  }));
  return JSON.stringify({ version: '1.0.0', segments });
}

/** The Podcasting 2.0 JSON chapters format, version 1.2.0. */
export function toChaptersJson(chapters: Chapter[]): string {
  return JSON.stringify({
    version: '1.2.0',
    chapters: chapters.map((chapter) => ({
      startTime: ms(chapter.start),
      title: chapter.title,
      ...(chapter.url ? { url: chapter.url } : {}),
    })),
  });
}

function timestamp(seconds: number, separator: '.' | ','): string {
  const total = Math.max(0, Math.round(seconds * 1000));
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(total % 1000, 3)}`;
}

function ms(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
