import { oneLine, terminalText } from '../../src/terminal-text.ts';
import { countText, elapsedText, liveStatus, type Output } from './live-status.ts';
import { firstFailures } from './run-report.ts';

/**
 * How one episode ended. Only `failed` and `transcribed` get a line of their own in a normal run: a failure needs the
 * user, and a transcription is paid work that takes minutes, so its line is a record of the spend. An imported
 * transcript costs nothing and a feed can link one for every item; show notes alone and unchanged episodes are the
 * bulk of a catalogue. Those are counted on the progress line and in the summary, and `--verbose` prints them.
 */
export type EpisodeResult = {
  kind: 'unchanged' | 'notes' | 'imported' | 'kept' | 'transcribed' | 'failed';
  /** What happened, as printed after the slug: `indexed, 42 moments`, `failed: …`. */
  text: string;
};

/**
 * The run's output while episodes are indexed. In a terminal, a live status (one line per episode in flight and one
 * with the counts), redrawn in place; in CI or a pipe, a progress line every so often. Either way the lines that stay
 * are the episodes that deserve them (EpisodeResult) and whatever is logged.
 */
export type Progress = {
  /** An episode moved to a new stage (`downloading audio`, `transcribing 2/5`). */
  update(slug: string, stage: string): void;
  finish(slug: string, result: EpisodeResult): void;
  log(line: string): void;
  /** The episodes are done and the run waits for something else (`Meilisearch to finish indexing`): how long, so far. */
  waiting(what: string): void;
  done(): void;
};

export type ProgressOptions = {
  /** Print every episode as it finishes (`--verbose`). @default false */
  verbose?: boolean | undefined;
  /** Outside a terminal, the least time between two progress lines while episodes finish. @default 10_000 */
  intervalMs?: number;
  /** Outside a terminal, a line while nothing finishes (a long transcription), so a CI log shows the run is alive. @default 60_000 */
  quietMs?: number;
};

/** Lines for episodes in flight, at most: TRANSCRIBE_CONCURRENCY may be 64. */
const MAX_IN_FLIGHT = 5;

export function progressReporter(stream: Output, total: number, options: ProgressOptions = {}): Progress {
  const reporter = reporterFor(stream, total, options);
  // Slugs come from file names and stages quote errors, both content: an ESC in a file name must not move the cursor,
  // clear the screen or set the clipboard. This is the one gate before the terminal.
  return {
    update: (slug, stage) => reporter.update(oneLine(slug), oneLine(stage)),
    finish: (slug, result) => reporter.finish(oneLine(slug), { ...result, text: oneLine(result.text) }),
    log: (line) => reporter.log(terminalText(line)),
    waiting: (what) => reporter.waiting(oneLine(what)),
    done: () => reporter.done(),
  };
}

function reporterFor(stream: Output, total: number, options: ProgressOptions): Progress {
  const tally = progressTally(total);
  const active = new Map<string, string>();
  const failures = firstFailures(options.verbose, '… more episodes failed: the summary at the end lists them');
  let latest = '';
  let waiting: { what: string; since: number } | undefined;
  /** The line an episode leaves behind, or undefined when it is only counted. */
  const kept = (slug: string, result: EpisodeResult, prefix: string): string | undefined => {
    if (!options.verbose && result.kind !== 'failed' && result.kind !== 'transcribed') return undefined;
    const line = `${prefix}${slug}: ${result.text}`;
    return result.kind === 'failed' ? failures(line) : line;
  };
  const inFlight = () => {
    const list = [...active].map(([slug, stage]) => `${slug} (${stage})`);
    return list.length > MAX_IN_FLIGHT ? [...list.slice(0, MAX_IN_FLIGHT), `${list.length - MAX_IN_FLIGHT} more`] : list;
  };
  const waited = () => (waiting ? `waiting for ${waiting.what}, ${elapsedText(Date.now() - waiting.since)}` : '');
  const status = liveStatus(
    stream,
    {
      // Once the run waits, the wait has a line of its own: after the latest episode, a narrow terminal would cut it.
      live: () =>
        waiting
          ? [`  ${tally.line()}`, `  ${waited()}`]
          : [...inFlight().map((item) => `  ${item}`), `  ${tally.line()}${latest ? ` · ${latest}` : ''}`],
      line: () => {
        const flying = inFlight();
        return `${tally.line()}${flying.length ? `; in flight: ${flying.join(', ')}` : ''}${waiting ? `; ${waited()}` : ''}`;
      },
    },
    { intervalMs: options.intervalMs, quietMs: options.quietMs },
  );
  return {
    update(slug, stage) {
      active.set(slug, stage);
      latest = slug;
      if (options.verbose && !stream.isTTY) status.print(`${slug}: ${stage}`);
      status.changed(false);
    },
    finish(slug, result) {
      active.delete(slug);
      tally.add(result.kind);
      latest = slug;
      const prefix = !stream.isTTY ? `[${tally.finished}/${total}] ` : result.kind === 'failed' ? '✗ ' : '✓ ';
      const line = kept(slug, result, prefix);
      if (line) status.print(line);
      status.changed(true);
    },
    log: status.print,
    waiting(what) {
      status.print(`Waiting for ${what}…`);
      // The time waited is the progress: redrawn each second in a terminal, a line every ten seconds in a pipe.
      if (!waiting) {
        waiting = { what, since: Date.now() };
        status.ticking();
      }
    },
    done: status.done,
  };
}

/** Counts of finished episodes by how they ended, and the line that says them with a time left. */
function progressTally(total: number) {
  const started = Date.now();
  const counts = new Map<EpisodeResult['kind'], number>();
  let finished = 0;
  return {
    get finished() {
      return finished;
    },
    add(kind: EpisodeResult['kind']) {
      finished++;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    },
    /** `5,000/10,000 episodes (50 %), about 4 min left · 1 failed, 3 transcribed, 1,666 unchanged, 3,334 indexed`: what matters first, as a narrow terminal cuts the end. */
    line(): string {
      const n = (kind: EpisodeResult['kind']) => counts.get(kind) ?? 0;
      const parts = (['failed', 'transcribed', 'imported', 'unchanged'] as const)
        .filter((kind) => n(kind))
        .map((kind) => `${n(kind).toLocaleString('en')} ${kind}`);
      parts.push(`${(finished - n('unchanged')).toLocaleString('en')} indexed`);
      return `${countText(finished, total, 'episodes')}${timeLeft(Date.now() - started, finished, total)} · ${parts.join(', ')}`;
    },
  };
}

/** From the pace so far: rough, since an unchanged episode takes milliseconds and a transcribed one minutes. */
function timeLeft(elapsedMs: number, finished: number, total: number): string {
  if (finished === 0 || finished >= total || elapsedMs < 5000) return '';
  const minutes = Math.round(((elapsedMs / finished) * (total - finished)) / 60_000);
  if (minutes < 1) return ', under a minute left';
  const hours = Math.floor(minutes / 60);
  return `, about ${hours ? `${hours} h ` : ''}${minutes % 60} min left`;
}
