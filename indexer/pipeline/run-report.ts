import { podcastsWithoutHosts } from '../../src/catalogue/unnamed-hosts.ts';
import { estimateCost, formatDollars, formatMinutes } from '../../src/config/models.ts';
import type { TranscriptionTally } from '../transcription/transcribe-audio.ts';

/** What one indexer run did; printed at the end and returned to tests. Transcribing counts its own part of it. */
export type RunReport = TranscriptionTally & {
  indexed: number;
  /** Episodes whose fingerprint was unchanged: nothing fetched, sent or written. */
  skipped: number;
  moments: number;
  /** Episodes whose transcript came from a transcript file or transcript_url rather than the API. */
  imported: string[];
  /** Episodes indexed from their show notes alone, and the seconds of audio they have (0 when unknown). */
  notesOnly: { slug: string; seconds: number; reason: string }[];
  failed: { file: string; reason: string }[];
  warnings: string[];
  removed: string[];
  stopped: boolean;
};

export function emptyReport(): RunReport {
  return {
    indexed: 0,
    skipped: 0,
    moments: 0,
    imported: [],
    transcribed: [],
    reused: 0,
    piecesReused: 0,
    requests: 0,
    retries: 0,
    splits: 0,
    dropped: { silence: 0, compressed: 0, repeated: 0 },
    bytesUploaded: 0,
    bytesSource: 0,
    notesOnly: [],
    failed: [],
    warnings: [],
    removed: [],
    stopped: false,
  };
}

/** Names shown on one line at most; a catalogue of 10,000 episodes must not print a 20 KB line. */
export const MAX_NAMES = 10;
/** Warning and failure lines printed at most (each names one file; a few dozen stay readable); the rest are in the list file. */
export const MAX_LINES = 50;

export type SummaryOptions = {
  /** Where every name and message of the run is written (run-list.ts), pointed to when a list is cut short. */
  listFile?: string | undefined;
  /** Print everything (`--verbose`). */
  verbose?: boolean | undefined;
};

export function summaryLines(report: RunReport, model: string, transcribing: boolean, options: SummaryOptions = {}): string[] {
  const names = (list: string[]) => nameList(list, options);
  const seconds = report.transcribed.reduce((sum, item) => sum + item.seconds, 0);
  const dropped = report.dropped.silence + report.dropped.compressed + report.dropped.repeated;
  const lines = [
    `${report.stopped ? 'Stopped' : 'Done'}: ${report.indexed} episode(s) indexed, ${report.moments} moments, ${report.skipped} unchanged` +
      (report.removed.length ? `, ${report.removed.length} removed (${names(report.removed)})` : '') +
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
        `${untranscribed.length} episode(s) are searchable by their show notes only: ${names(untranscribed.map((item) => item.slug))}. ` +
        `Transcribing their ${formatMinutes(total)} of audio with ${model} would cost about ${formatDollars(estimateCost(model, total))}` +
        (untranscribed.some((item) => item.seconds === 0) ? ' (episodes without a duration in their front matter are not counted)' : '') +
        '.',
    );
  }
  lines.push(
    ...cappedLines(
      report.warnings.map((warning) => `! ${warning}`),
      options,
      'warning',
    ),
  );
  lines.push(...cappedLines(report.failed.map(failureLine), options, 'failure'));
  if (report.failed.length) lines.push(`${report.failed.length} episode(s) failed.`);
  return lines;
}

export function failureLine(failure: { file: string; reason: string }): string {
  return `✗ ${failure.reason.startsWith(failure.file) ? failure.reason : `${failure.file}: ${failure.reason}`}`;
}

/** The first ten names, then how many more and where they all are. */
export function nameList(list: string[], options: SummaryOptions = {}): string {
  if (options.verbose || list.length <= MAX_NAMES) return list.join(', ');
  return `${list.slice(0, MAX_NAMES).join(', ')} and ${list.length - MAX_NAMES} more${options.listFile ? ` (all listed in ${options.listFile})` : ' (--verbose lists them all)'}`;
}

/** At most ten lines of a kind, then one saying how many more and where they are. */
export function cappedLines(lines: string[], options: SummaryOptions = {}, kind = 'message'): string[] {
  if (options.verbose || lines.length <= MAX_LINES) return lines;
  const where = options.listFile ? `all listed in ${options.listFile}` : '--verbose prints them all';
  return [...lines.slice(0, MAX_LINES), `… and ${lines.length - MAX_LINES} more ${kind}(s) (${where})`];
}

/**
 * Failures printed as they happen: the first ten, then `more` once. A host that is down fails every episode in seconds;
 * ten say something is wrong while the run goes on, and the summary lists them all again (fifty, then the list file).
 */
export function firstFailures(verbose: boolean | undefined, more: string): (line: string) => string | undefined {
  let shown = 0;
  return (line) => (verbose || ++shown <= MAX_NAMES ? line : shown === MAX_NAMES + 1 ? more : undefined);
}

/** How many files in the folder were not episodes, said once at the start of a run. */
export function skippedNote(catalogue: { skipped: { reason: string }[] }): string {
  if (catalogue.skipped.length === 0) return '';
  const reasons = new Map<string, number>();
  for (const { reason } of catalogue.skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  return ` (${catalogue.skipped.length} file(s) skipped as not episodes: ${[...reasons].map(([reason, n]) => `${n} ${reason}`).join(', ')})`;
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)} %`;
}

/** One line for each podcast most of whose episodes name no host: where to name them once. */
export function hostsHints(catalogue: { episodes: { episode: { podcast?: string | undefined; panel: readonly string[] } }[] }): string[] {
  return podcastsWithoutHosts(catalogue.episodes.map((item) => item.episode)).map(
    ({ podcast, without, of }) =>
      `Hosts: ${without} of ${of} episode(s)${podcast ? ` of ${podcast}` : ''} name no host; if the same people host them, ` +
      `name them once under hosts: in podgrep.yml in the episodes folder (README, "Fields as sites name them").`,
  );
}
