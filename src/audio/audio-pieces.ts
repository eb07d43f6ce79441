/** Stretches of audio, in seconds from the start of the episode. */
export type Silence = { start: number; end: number };
export type Piece = { start: number; end: number };

/** A cut is looked for in the last half of the longest allowed piece, so no piece is much shorter than it could be. */
const SEARCH_FROM = 0.5;

/**
 * Cuts the audio into pieces no longer than `maxSeconds`, each cut in the middle of a silence so no word is split.
 * The latest silence that fits is taken; only where a stretch has no silence at all is the cut made at the limit.
 */
export function planPieces(duration: number, silences: Silence[], maxSeconds: number): Piece[] {
  const pieces: Piece[] = [];
  let cursor = 0;
  while (duration - cursor > maxSeconds) {
    const limit = cursor + maxSeconds;
    const cut = latestSilenceMiddle(silences, cursor + maxSeconds * SEARCH_FROM, limit) ?? limit;
    pieces.push({ start: cursor, end: cut });
    cursor = cut;
  }
  pieces.push({ start: cursor, end: duration });
  return pieces;
}

/** Splits a piece the server refused as too large in two, at the silence nearest its middle. */
export function splitPiece(piece: Piece, silences: Silence[]): [Piece, Piece] {
  const length = piece.end - piece.start;
  const middle = piece.start + length / 2;
  let best: number | undefined;
  for (const silence of silences) {
    const at = (silence.start + silence.end) / 2;
    if (at <= piece.start + length / 4 || at >= piece.end - length / 4) continue;
    if (best === undefined || Math.abs(at - middle) < Math.abs(best - middle)) best = at;
  }
  const cut = best ?? middle;
  return [
    { start: piece.start, end: cut },
    { start: cut, end: piece.end },
  ];
}

function latestSilenceMiddle(silences: Silence[], from: number, to: number): number | undefined {
  let found: number | undefined;
  for (const silence of silences) {
    const at = (silence.start + silence.end) / 2;
    if (at > from && at <= to) found = at;
  }
  return found;
}

/**
 * The longest piece that fits under the upload limit once encoded at `bitsPerSecond`. A margin is kept for the
 * multipart envelope (the limit counts the whole request) and for the encoder's frames and headers.
 */
export function maxPieceSeconds(maxUploadBytes: number, bitsPerSecond: number): number {
  const payload = maxUploadBytes * 0.97 - 64 * 1024;
  return Math.max(10, (payload * 8) / bitsPerSecond);
}
