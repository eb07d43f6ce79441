import path from 'node:path';
import { removeLeftovers } from '../../adapters/files/temp-files.ts';
import { type MeiliConnection, meiliClient } from '../../adapters/meili/meili-client.ts';
import { dropRebuild, meiliWriter, rebuildNames, swapInRebuild } from '../../adapters/meili/meili-writer.ts';
import { type Config, transcriptionEnabled } from '../../src/config/config.ts';
import { indexNames } from '../../src/documents/index-settings.ts';
import type { AudioSource } from '../../src/ports.ts';
import { terminalText } from '../../src/terminal-text.ts';
import { audioCache } from '../audio/audio-cache.ts';
import { findFfmpeg } from '../audio/find-ffmpeg.ts';
import { type DryRunResult, estimateRun, untranscribed } from '../pipeline/dry-run.ts';
import { dryRunProgress, dryRunSummary } from '../pipeline/dry-run-report.ts';
import { countStatus, type Output } from '../pipeline/live-status.ts';
import { indexCatalogue } from '../pipeline/pipeline.ts';
import { progressReporter } from '../pipeline/progress.ts';
import { writeDryRunList, writeRunList } from '../pipeline/run-list.ts';
import { cappedLines, hostsHints, type RunReport, skippedNote, summaryLines } from '../pipeline/run-report.ts';
import { withFeeds } from '../sources/feed-catalogue.ts';
import { readEpisodes } from '../sources/read-episodes.ts';
import { openAiTranscriber, type TranscriberOptions } from '../transcription/openai-transcriber.ts';
import { fileTranscriptStore } from '../transcription/transcript-store.ts';

export type RunOptions = {
  log?: (line: string) => void;
  signal?: AbortSignal;
  /** Build everything into fresh indexes and swap them in when complete (`--rebuild`). */
  rebuild?: boolean;
  /** Passed to the transcriber; tests shorten the backoff. */
  transcriber?: Partial<TranscriberOptions>;
  stream?: NodeJS.WriteStream;
  /** Print every episode as it finishes, and every name in the summary instead of the first ten (`--verbose`). */
  verbose?: boolean;
  /** Feed URLs indexed this run beside the configured ones (`--feed`). */
  feeds?: string[];
};

function readOptions(config: Config) {
  return {
    maxFileBytes: config.episodeMaxBytes,
    maxTranscriptBytes: config.transcriptMaxBytes,
    cacheFile: path.join(config.dataDir, 'cache', 'episode-files.v8'),
  };
}

/** A caller's log (tests, the benchmark) gets what a CI log gets, line by line. */
function linesTo(log: (line: string) => void): Output {
  return {
    write: (text: string) =>
      text
        .replace(/\n$/, '')
        .split('\n')
        .forEach((line) => log(line)),
  };
}

/** The episode files, with a count that moves while they are read (devchat.tv's 3,149 files took 7–12 s), then the feeds. */
async function readCatalogue(config: Config, out: Output, log: (line: string) => void, feeds: string[], signal?: AbortSignal) {
  // A folder read in under a second shows nothing: the count only appears after one.
  const reading = countStatus(out, 'episode files read', { delayMs: 1000 });
  const episodes = await readEpisodes(config.episodesDir, { ...readOptions(config), progress: reading.set }).finally(reading.done);
  return withFeeds(episodes, config, { extra: feeds, log, ...(signal ? { signal } : {}) });
}

/** The adapters every run uses, built from the configuration. */
function adapters(config: Config, log: (line: string) => void) {
  let ffmpeg: Promise<string> | undefined;
  return {
    audio: audioCache({
      dir: path.join(config.dataDir, 'audio'),
      maxBytes: config.audioMaxBytes,
      allowPrivateUrls: config.allowPrivateUrls,
      localDirs: [config.episodesDir, ...config.audioDirs],
      deadlineMs: config.audioDeadlineMs,
      minBytesPerSecond: config.audioMinBytesPerSecond,
    }) as AudioSource,
    audioDirs: config.audioDirs,
    allowPrivateUrls: config.allowPrivateUrls,
    transcripts: fileTranscriptStore(path.join(config.dataDir, 'transcripts')),
    workDir: path.join(config.dataDir, 'work'),
    // Looked up once, on first use: runs that only reuse kept transcripts never need it.
    ffmpeg: () =>
      (ffmpeg ??= findFfmpeg({ override: config.ffmpegBin, copyDir: path.join(config.dataDir, 'bin') }).then((found) => {
        log(found.warning ?? `Decoding audio with ffmpeg ${found.version} (${found.path})`);
        return found.path;
      })),
  };
}

/** `npm run index`: wires the real adapters to the pipeline and prints what the run did. */
export async function runIndex(config: Config, engine: MeiliConnection, options: RunOptions = {}): Promise<RunReport> {
  // Lines name files, titles and errors quoting content: no escape sequence from them reaches the terminal.
  const log = options.log ?? ((line: string) => console.log(terminalText(line)));
  const out = options.log ? linesTo(options.log) : (options.stream ?? process.stdout);
  const catalogue = await readCatalogue(config, out, log, options.feeds ?? [], options.signal);
  // Before and after the run: an ffmpeg orphaned by a killed run can still be starting when this run begins.
  const leftovers = () => removeLeftovers(['audio', 'transcripts', 'work'].map((folder) => path.join(config.dataDir, folder)));
  const cleaned = await leftovers();
  if (cleaned) log(`Removed ${cleaned} half-written file(s) left by an interrupted run.`);
  log(`Indexing ${catalogue.episodes.length} episode(s) from ${config.episodesDir}${skippedNote(catalogue)}`);
  for (const line of cappedLines(hostsHints(catalogue), { verbose: options.verbose }, 'podcast')) log(line);
  for (const line of cappedLines(
    catalogue.feedWarnings.map((warning) => `⚠ ${warning}`),
    { verbose: options.verbose },
    'feed warning',
  ))
    log(line);
  const transcribing = transcriptionEnabled(config);
  const progress = progressReporter(out, catalogue.episodes.length, {
    verbose: options.verbose,
  });
  const client = meiliClient(engine);
  const names = indexNames(config.meili.indexPrefix);
  if (options.rebuild) {
    await dropRebuild(client, names);
    log('Rebuilding into fresh indexes; searches keep using the current ones until the rebuild is complete.');
  }
  try {
    const report = await indexCatalogue(catalogue, {
      ...adapters(config, progress.log),
      writer: meiliWriter(client, options.rebuild ? rebuildNames(names) : names),
      transcriber: transcribing ? openAiTranscriber({ ...config.transcribe, ...options.transcriber }) : undefined,
      maxUploadBytes: config.transcribe.maxUploadBytes,
      concurrency: config.transcribe.concurrency,
      glossary: catalogue.glossary,
      progress: progress.update,
      finished: progress.finish,
      log: progress.log,
      waiting: progress.waiting,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // The progress line ends before the summary, and also when the run fails (below).
    progress.done();
    if (options.rebuild && !report.stopped) {
      await swapInRebuild(client, names);
      log('The rebuilt indexes are live.');
    }
    const listFile = await writeRunList(config.dataDir, catalogue, report);
    for (const line of summaryLines(report, config.transcribe.model, transcribing, { listFile, verbose: options.verbose })) log(line);
    return report;
  } catch (error) {
    progress.done();
    throw error;
  } finally {
    await leftovers().catch(() => {});
  }
}

export type DryRunOptions = {
  log?: (line: string) => void;
  /** Feed URLs read this run beside the configured ones (`--feed`). */
  feeds?: string[];
  /** Every episode as it is estimated, and every name in the summary (`--verbose`). */
  verbose?: boolean;
  stream?: NodeJS.WriteStream;
};

/** `npm run index -- --dry-run`: what a run would transcribe and what it would cost, before anything is spent. */
export async function dryRun(config: Config, options: DryRunOptions = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(terminalText(line)));
  const out = options.log ? linesTo(options.log) : (options.stream ?? process.stdout);
  const catalogue = await readCatalogue(config, out, log, options.feeds ?? []);
  log(`Reading ${catalogue.episodes.length} episode(s) from ${config.episodesDir}${skippedNote(catalogue)}`);
  for (const line of cappedLines(hostsHints(catalogue), { verbose: options.verbose }, 'podcast')) log(line);
  const model = config.transcribe.model;
  const items = untranscribed(catalogue);
  const progress = dryRunProgress(out, items.length, model, { verbose: options.verbose });
  let result: DryRunResult;
  try {
    result = await estimateRun(items, {
      ...adapters(config, progress.log),
      model,
      maxUploadBytes: config.transcribe.maxUploadBytes,
      finished: progress.finished,
    });
  } finally {
    progress.done();
  }
  const listFile = await writeDryRunList(config.dataDir, catalogue, result, model);
  const summary = { listFile, verbose: options.verbose };
  const problems = [
    ...catalogue.failures.map((failure) => `✗ ${failure.message}`),
    ...catalogue.warnings.map((warning) => `! ${warning}`),
    ...catalogue.feedWarnings.map((warning) => `⚠ ${warning}`),
  ];
  for (const line of [...cappedLines(problems, summary), ...dryRunSummary(result, model, transcriptionEnabled(config), summary)]) log(line);
  return result.estimates.reduce((sum, item) => sum + item.seconds, 0);
}
