import { estimateCost, formatDollars, formatMinutes } from '../src/models.ts';
import type { Dropped } from '../src/transcript-filter.ts';

/** What one indexer run did; printed at the end and returned to tests. */
export type RunReport = {
  indexed: number;
  /** Episodes whose fingerprint was unchanged: nothing fetched, sent or written. */
  skipped: number;
  moments: number;
  /** Episodes whose transcript came from a transcript file or transcript_url rather than the API. */
  imported: string[];
  /** Episodes transcribed (wholly or in part) in this run, and the seconds of audio sent for each. */
  transcribed: { slug: string; seconds: number }[];
  /** Episodes whose finished transcript was already kept from an earlier run. */
  reused: number;
  /** Pieces of audio already paid for in an earlier run (one that failed or was stopped) and not sent again. */
  piecesReused: number;
  /** Transcription requests sent, and how many of them were retries. */
  requests: number;
  retries: number;
  /** Pieces the server refused as too large, split and sent again. */
  splits: number;
  dropped: Dropped;
  bytesUploaded: number;
  bytesSource: number;
  /** Episodes indexed from their show notes alone, and the seconds of audio they have (0 when unknown). */
  notesOnly: { slug: string; seconds: number; reason: string }[];
  failed: { file: string; reason: string }[];
  warnings: string[];
  removed: string[];
  stopped: boolean;
};

export function emptyReport(): RunReport {
  return {
    indexed: 0, skipped: 0, moments: 0, imported: [], transcribed: [], reused: 0, piecesReused: 0, requests: 0, retries: 0, splits: 0,
    dropped: { silence: 0, compressed: 0, repeated: 0 }, bytesUploaded: 0, bytesSource: 0,
    notesOnly: [], failed: [], warnings: [], removed: [], stopped: false,
  };
}

export function summaryLines(report: RunReport, model: string, transcribing: boolean): string[] {
  const seconds = report.transcribed.reduce((sum, item) => sum + item.seconds, 0);
  const dropped = report.dropped.silence + report.dropped.compressed + report.dropped.repeated;
  const lines = [
    `${report.stopped ? 'Stopped' : 'Done'}: ${report.indexed} episode(s) indexed, ${report.moments} moments, ${report.skipped} unchanged` +
      (report.removed.length ? `, ${report.removed.length} removed (${report.removed.join(', ')})` : '') +
      (report.imported.length ? `; ${report.imported.length} transcript(s) imported` : '') +
      '.',
  ];
  if (transcribing) {
    lines.push(
      `Transcription: ${report.transcribed.length} episode(s), ${formatMinutes(seconds)} sent in ${report.requests + report.retries} request(s) ` +
        `(${report.retries} retries, ${report.splits} split for size), ${report.reused} transcript(s) and ${report.piecesReused} piece(s) reused, ` +
        `about ${formatDollars(estimateCost(model, seconds))} spent with ${model}` +
        (report.bytesSource ? `; uploaded ${percent(report.bytesUploaded, report.bytesSource)} of the source audio's bytes` : '') +
        (dropped ? `; ${dropped} hallucinated segment(s) dropped` : '') +
        '.',
    );
  }
  const untranscribed = report.notesOnly.filter((item) => item.reason === 'not transcribed');
  if (untranscribed.length) {
    const total = untranscribed.reduce((sum, item) => sum + item.seconds, 0);
    lines.push(
      `No transcription service is configured (set OPENAI_API_KEY, or OPENAI_BASE_URL for another provider), so ` +
        `${untranscribed.length} episode(s) are searchable by their show notes only: ${untranscribed.map((item) => item.slug).join(', ')}. ` +
        `Transcribing their ${formatMinutes(total)} of audio with ${model} would cost about ${formatDollars(estimateCost(model, total))}` +
        (untranscribed.some((item) => item.seconds === 0) ? ' (episodes without a duration in their front matter are not counted)' : '') +
        '.',
    );
  }
  for (const warning of report.warnings) lines.push(`! ${warning}`);
  for (const failure of report.failed) lines.push(`✗ ${failure.reason.startsWith(failure.file) ? failure.reason : `${failure.file}: ${failure.reason}`}`);
  if (report.failed.length) lines.push(`${report.failed.length} episode(s) failed.`);
  return lines;
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)} %`;
}
