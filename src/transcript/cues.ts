import { shorten } from '../shorten.ts';
/**
 * What every reader hands on: cues with their times and their text, split where the source names who speaks. A
 * `Problem` is something a reader skipped or mended; the importer turns problems into warnings naming the file.
 */
export type Piece = { text: string; speaker?: string };
export type Cue = { start: number; end: number; pieces: Piece[] /** Where the cue is, for warnings: "line 12". */; where: string };
export type Problem = { where: string; reason: string };
export type Reading = { cues: Cue[]; problems: Problem[]; language?: string };

/** Longest quoted input in a message. */
export function quote(text: string): string {
  // Cut inside the quotes, so the message still shows a quoted string.
  return `${shorten(JSON.stringify(text).slice(0, -1), 69)}"`;
}
