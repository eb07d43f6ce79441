/**
 * The one transcript shape every later stage reads, whether it came from a Whisper API or was imported. Times are
 * seconds from the start of the episode's audio.
 */
export type Word = { word: string; start: number; end: number; speaker?: string };
/**
 * `speaker` is who says it, where the source tells (a `<v>` tag, a `Name:` turn, a provider's label), matched to the
 * episode's people where the name plainly is one of them ("Mark" → "Mark Ericksen").
 */
export type Segment = { start: number; end: number; text: string; words: Word[]; speaker?: string };
export type Transcript = { duration: number; language: string | undefined; segments: Segment[] };

/** The part of OpenAI's `verbose_json` transcription response that podgrep reads. */
export type VerboseJson = {
  duration?: number;
  language?: string;
  text?: string;
  segments?: { start: number; end: number; text: string; speaker?: string }[];
  words?: { word: string; start: number; end: number }[];
};

/**
 * Whisper returns words for the whole file beside the segments; each word is given to the segment its midpoint falls
 * in, so a moment built from whole segments carries exactly its own words.
 */
export function fromVerboseJson(json: VerboseJson): Transcript {
  const segments: Segment[] = (json.segments ?? [])
    .filter((segment) => Number.isFinite(segment.start) && Number.isFinite(segment.end))
    .map(
      (segment): Segment => ({
        start: segment.start,
        end: segment.end,
        text: segment.text.trim(),
        words: [],
        ...(segment.speaker ? { speaker: segment.speaker } : {}),
      }),
    )
    .filter((segment) => segment.text !== '');
  let index = 0;
  for (const word of json.words ?? []) {
    const text = word.word.trim();
    if (!text || !Number.isFinite(word.start)) continue;
    const middle = (word.start + Math.max(word.start, word.end)) / 2;
    while (index < segments.length - 1 && middle >= (segments[index + 1]?.start ?? Infinity)) index++;
    segments[index]?.words.push({ word: text, start: word.start, end: Math.max(word.start, word.end) });
  }
  const lastEnd = segments.at(-1)?.end ?? 0;
  return { duration: json.duration ?? lastEnd, language: json.language, segments };
}

/**
 * Joins the transcripts of consecutive pieces of one audio file. Each piece's times start at 0, so every segment and
 * word is moved by the piece's true start in the whole file.
 */
export function joinPieces(pieces: { offset: number; transcript: Transcript }[], duration: number): Transcript {
  // To the millisecond: sums like 7150 + 0.07 would otherwise show as 7150.069999999999.
  const at = (offset: number, time: number) => Math.round((offset + time) * 1000) / 1000;
  const segments = pieces.flatMap(({ offset, transcript }) =>
    transcript.segments.map((segment) => ({
      ...segment,
      start: at(offset, segment.start),
      end: at(offset, segment.end),
      words: segment.words.map((word) => ({ ...word, start: at(offset, word.start), end: at(offset, word.end) })),
    })),
  );
  return { duration, language: pieces.find((piece) => piece.transcript.language)?.transcript.language, segments };
}
