import { estimateCost, formatDollars, formatMinutes } from '../../src/config/models.ts';
import { terminalText } from '../../src/terminal-text.ts';
import type { DryRunResult, Estimate, Failure } from './dry-run.ts';
import { liveStatus, type Output } from './live-status.ts';
import { cappedLines, failureLine, firstFailures, nameList, type SummaryOptions } from './run-report.ts';

// What `npm run index -- --dry-run` prints, by the rule the real run follows (progress.ts, run-report.ts): a line per
// episode only for a failure (ten as they happen, then the summary's fifty) or with --verbose; a progress line; a
// summary that names ten episodes to a line; everything in DATA_DIR/dry-run.txt. A dry run of 10,000 episodes printed
// one line for each.

/** `  episode-12: 30.0 min in 2 piece(s), about $0.18` */
function estimateLine(item: Estimate, model: string): string {
  return `  ${item.slug}: ${formatMinutes(item.seconds)} in ${item.pieces} piece(s), about ${formatDollars(estimateCost(model, item.seconds))}`;
}

/** The progress of the estimates (each downloads and decodes an episode's audio: minutes for a large catalogue). */
export function dryRunProgress(stream: Output, total: number, model: string, options: { verbose?: boolean | undefined } = {}) {
  let finished = 0;
  let failed = 0;
  let toTranscribe = 0;
  const text = () =>
    `${finished.toLocaleString('en')}/${total.toLocaleString('en')} episodes estimated` +
    (toTranscribe ? ` · ${toTranscribe.toLocaleString('en')} to transcribe` : '') +
    (failed ? ` · ${failed.toLocaleString('en')} failed` : '');
  const status = liveStatus(stream, { live: () => [`  ${text()}`], line: text });
  const failures = firstFailures(options.verbose, '… more episodes could not be estimated: the summary at the end lists them');
  // File names and error messages are content: no escape sequence from them reaches the terminal.
  const print = (line: string | undefined) => line && status.print(terminalText(line));
  return {
    finished(outcome: { estimate?: Estimate; failure?: Failure }) {
      finished++;
      if (outcome.estimate) toTranscribe++;
      if (outcome.failure) failed++;
      if (outcome.failure) print(failures(failureLine(outcome.failure)));
      else if (outcome.estimate && options.verbose) print(estimateLine(outcome.estimate, model));
      status.changed(true);
    },
    /** A line about the run as a whole (the ffmpeg found). */
    log: (line: string) => print(line),
    done: () => status.done(),
  };
}

/** The end of a dry run: what it would transcribe (ten names a line), what it could not estimate (fifty lines), the cost. */
export function dryRunSummary(result: DryRunResult, model: string, transcribing: boolean, options: SummaryOptions = {}): string[] {
  const seconds = result.estimates.reduce((sum, item) => sum + item.seconds, 0);
  const lines: string[] = [];
  if (result.estimates.length)
    lines.push(
      `To transcribe: ${nameList(
        result.estimates.map((item) => item.slug),
        options,
      )}.`,
    );
  lines.push(...cappedLines(result.failed.map(failureLine), options, 'failure'));
  lines.push(
    `Dry run: ${result.estimates.length} episode(s) to transcribe, ${formatMinutes(seconds)} of audio, estimated ` +
      `${formatDollars(estimateCost(model, seconds))} with ${model}.` +
      (result.failed.length ? ` ${result.failed.length} episode(s) could not be estimated.` : '') +
      (transcribing ? '' : ' (No transcription service is configured: a run would index show notes only.)'),
  );
  return lines;
}
