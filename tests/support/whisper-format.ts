// Turns decoded words into the bodies OpenAI's transcription endpoint sends, for each
// response_format, shaped like whisper-1's output.

import type { SpokenWord } from './tone-speech.ts';
import { LINE_GAP, WORD_GAP } from './tone-speech.ts';

export type Segment = {
  id: number;
  seek: number;
  start: number;
  end: number;
  text: string;
  tokens: number[];
  temperature: number;
  avg_logprob: number;
  compression_ratio: number;
  no_speech_prob: number;
};

// Whisper cuts segments at sentence ends; in tone speech a sentence ends at a line gap.
export function toSegments(words: SpokenWord[]): Segment[] {
  const groups: SpokenWord[][] = [];
  let previous: SpokenWord | undefined;
  for (const w of words) {
    if (!previous || w.start - previous.end > (WORD_GAP + LINE_GAP) / 2) groups.push([]);
    groups.at(-1)!.push(w);
    previous = w;
  }
  return groups.map((group, id) => {
    const start = group[0]!.start;
    return {
      id,
      // Whisper's seek is the 30 s window the segment was decoded in, counted in 10 ms frames.
      seek: Math.floor(start / 30) * 3000,
      start,
      end: group.at(-1)!.end,
      text: ` ${group.map((w) => w.word).join(' ')}`,
      tokens: [],
      temperature: 0,
      avg_logprob: -0.2,
      compression_ratio: 1.3,
      no_speech_prob: 0.01,
    };
  });
}

export function formatTranscript(
  format: string,
  words: SpokenWord[],
  duration: number,
  granularities: string[],
): { contentType: string; body: string } {
  const text = words.map((w) => w.word).join(' ');
  const segments = toSegments(words);
  switch (format) {
    case 'text':
      return { contentType: 'text/plain; charset=utf-8', body: `${text}\n` };
    case 'srt':
      return { contentType: 'text/plain; charset=utf-8', body: cues(segments, ',', (i) => `${i + 1}\n`) };
    case 'vtt':
      return { contentType: 'text/plain; charset=utf-8', body: `WEBVTT\n\n${cues(segments, '.', () => '')}` };
    case 'verbose_json': {
      const body = {
        task: 'transcribe',
        language: 'english',
        duration,
        text,
        segments,
        ...(granularities.includes('word') ? { words } : {}),
      };
      return { contentType: 'application/json', body: JSON.stringify(body) };
    }
    default:
      return { contentType: 'application/json', body: JSON.stringify({ text }) };
  }
}

function cues(segments: Segment[], decimal: string, label: (i: number) => string): string {
  const stamp = (t: number) => {
    const ms = Math.round(t * 1000);
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${decimal}${pad(ms % 1000, 3)}`;
  };
  return segments.map((s, i) => `${label(i)}${stamp(s.start)} --> ${stamp(s.end)}\n${s.text.trim()}\n\n`).join('');
}
