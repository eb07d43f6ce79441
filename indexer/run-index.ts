import path from 'node:path';
import { transcriptionEnabled, type Config } from '../src/config.ts';
import { indexNames } from '../src/index-settings.ts';
import { estimateCost, formatDollars, formatMinutes } from '../src/models.ts';
import { audioSource } from './audio-source.ts';
import { meiliClient, type MeiliConnection } from './meili-client.ts';
import { meiliWriter } from './meili-writer.ts';
import { openAiTranscriber } from './openai-transcriber.ts';
import { indexCatalogue, type RunReport } from './pipeline.ts';
import { readEpisodes } from './read-episodes.ts';
import { fileTranscriptStore } from './transcript-store.ts';

/** Wires the real adapters to the pipeline and prints what the run did. */
export async function runIndex(config: Config, engine: MeiliConnection, log: (line: string) => void, signal?: AbortSignal): Promise<RunReport> {
  const catalogue = await readEpisodes(config.episodesDir);
  log(`Indexing ${catalogue.episodes.length} episode(s) from ${config.episodesDir}`);
  for (const failure of catalogue.failures) log(`✗ ${failure.message}`);
  const transcriber = transcriptionEnabled(config) ? openAiTranscriber(config.transcribe) : undefined;
  const report = await indexCatalogue(catalogue, {
    writer: meiliWriter(meiliClient(engine), indexNames(config.meili.indexPrefix)),
    audio: audioSource({ maxBytes: 1024 ** 3, timeoutMs: 10 * 60_000 }),
    transcriber,
    transcripts: fileTranscriptStore(path.join(config.dataDir, 'transcripts')),
    concurrency: config.transcribe.concurrency,
    log,
    ...(signal ? { signal } : {}),
  });
  for (const line of summary(report, config)) log(line);
  return report;
}

function summary(report: RunReport, config: Config): string[] {
  const seconds = report.transcribed.reduce((sum, item) => sum + item.seconds, 0);
  const transcribed = report.transcribed.length
    ? `${report.transcribed.length} transcribed (${formatMinutes(seconds)}, about ${formatDollars(estimateCost(config.transcribe.model, seconds))})`
    : 'none transcribed';
  const lines = [
    `Done: ${report.indexed} episode(s) indexed, ${report.moments} moments; ${transcribed}, ${report.reused} transcript(s) reused` +
      (report.removed.length ? `; ${report.removed.length} removed (${report.removed.join(', ')})` : ''),
  ];
  const untranscribed = report.notesOnly.filter((item) => item.reason === 'not transcribed');
  if (untranscribed.length) {
    const total = untranscribed.reduce((sum, item) => sum + item.seconds, 0);
    lines.push(
      `No transcription service is configured (set OPENAI_API_KEY, or OPENAI_BASE_URL for another provider), so ` +
        `${untranscribed.length} episode(s) are searchable by their show notes only: ${untranscribed.map((item) => item.slug).join(', ')}. ` +
        `Transcribing their ${formatMinutes(total)} of audio with ${config.transcribe.model} would cost about ` +
        `${formatDollars(estimateCost(config.transcribe.model, total))}` +
        (untranscribed.some((item) => item.seconds === 0) ? ' (some have no duration in their front matter and are not counted)' : '') +
        '.',
    );
  }
  for (const failure of report.failed) lines.push(`✗ ${failure.file}: ${failure.reason.replace(`${failure.file}: `, '')}`);
  if (report.failed.length) lines.push(`${report.failed.length} episode(s) failed.`);
  return lines;
}
