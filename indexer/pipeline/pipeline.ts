import PQueue from 'p-queue';
import { glossarySynonyms } from '../../src/catalogue/glossary.ts';
import { documentId, episodeDocument, momentDocuments, momentId } from '../../src/documents/documents.ts';
import { toMoments } from '../../src/moments/moments.ts';
import type { IndexedEpisode, WriteBatch } from '../../src/ports.ts';
import { addLinkedChapters } from '../sources/linked-chapters.ts';
import type { Catalogue, EpisodeFile } from '../sources/read-episodes.ts';
import { audioLocation, fingerprintOf, refusedAudio } from './episode-audio.ts';
import { transcriptOf } from './episode-transcript.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import { emptyReport, type RunReport } from './run-report.ts';
import { writeBatcher } from './write-batcher.ts';

/**
 * The indexer's one pass: episode → audio → transcript → moments → documents → Meilisearch. The two queues here are
 * the only place work runs concurrently: episodes are prepared side by side, and every transcription request of every
 * episode waits its turn in one queue. (Document batches are sent in order behind them: write-batcher.ts.)
 */
export async function indexCatalogue(catalogue: Catalogue, deps: PipelineDeps): Promise<RunReport> {
  const report = emptyReport();
  for (const failure of catalogue.failures) report.failed.push({ file: failure.file, reason: failure.message });
  report.warnings.push(...(catalogue.warnings ?? []));
  await deps.writer.applySettings(glossarySynonyms(deps.glossary));
  const indexed = await deps.writer.indexed();
  const batches = writeBatcher(deps.writer);
  const episodes = new PQueue({ concurrency: deps.concurrency });
  const requests = new PQueue({ concurrency: deps.concurrency });
  const signal = deps.signal;
  // Jobs check the signal when they start rather than giving it to p-queue, which would abandon a running job: an
  // answer in flight is paid for either way, so Ctrl-C lets it arrive and be kept, and only what has not started stops.
  const request = <T>(job: () => Promise<T>) => requests.add(() => (signal?.throwIfAborted(), job())) as Promise<T>;

  const results = await Promise.allSettled(
    catalogue.episodes.map((item) =>
      episodes.add(async () => {
        signal?.throwIfAborted();
        await indexEpisode(item, { deps, report, request, indexed, add: batches.add, dir: catalogue.dir });
      }),
    ),
  );
  // Documents are sent faster than Meilisearch indexes them; the last minute or so of a large run is spent here.
  const finish = async () => {
    if (report.indexed) deps.waiting('Meilisearch to finish indexing the documents sent');
    await batches.flush();
  };
  if (signal?.aborted) {
    // What is written stays written; what was in flight is kept by the transcript store and picked up next run.
    report.stopped = true;
    await finish();
    return report;
  }
  const unexpected = results.find((result) => result.status === 'rejected');
  if (unexpected) throw unexpected.reason;
  await removeGone(catalogue, indexed, report, batches.add);
  await finish();
  return report;
}

type EpisodeContext = {
  deps: PipelineDeps;
  report: RunReport;
  request: <T>(job: () => Promise<T>) => Promise<T>;
  indexed: Map<string, IndexedEpisode>;
  add: (batch: WriteBatch) => Promise<void>;
  dir: string;
};

/** One episode through every stage, its documents handed to the batcher. */
async function indexEpisode(item: EpisodeFile, { deps, report, request, indexed, add, dir }: EpisodeContext): Promise<void> {
  const progress = (stage: string) => deps.progress(item.episode.slug, stage);
  const previous = indexed.get(item.episode.slug);
  const fingerprint = await fingerprintOf(item, deps);
  if (previous?.fingerprint === fingerprint) {
    report.skipped++;
    deps.finished(item.episode.slug, { kind: 'unchanged', text: 'unchanged' });
    return;
  }
  await addLinkedChapters(item, {
    signal: deps.signal,
    allowPrivateUrls: deps.allowPrivateUrls ?? false,
    warn: (line) => report.warnings.push(line),
  });
  // Refused here, before anything reads it: the web page would otherwise serve it from the site's own origin.
  const refused = await refusedAudio(item, [dir, ...(deps.audioDirs ?? [])]);
  if (refused) report.failed.push({ file: item.file, reason: refused });
  const {
    transcript,
    source,
    failed = refused,
  } = await transcriptOf(refused ? { ...item, episode: { ...item.episode, audioUrl: undefined } } : item, deps, report, request, progress);
  const before = previous?.momentCount ?? 0;
  // A transcript that could not be made this time (say, the audio host was down) keeps the one indexed before.
  const keepOld = failed !== undefined && before > 0;
  const moments = transcript ? toMoments(transcript) : [];
  const count = keepOld ? before : moments.length;
  await add({
    episodes: [
      episodeDocument(item.episode, refused ? { audio: null, audioPath: null } : audioLocation(item, dir), {
        transcribed: transcript !== undefined || keepOld,
        momentCount: count,
        // A failure leaves no fingerprint, so the next run tries the episode again.
        fingerprint: failed ? '' : fingerprint,
        speakers: [...new Set(moments.flatMap((moment) => moment.speakers))],
      }),
    ],
    moments: momentDocuments(item.episode, moments, transcript?.segments),
    staleMomentIds: momentIds(item.episode.slug, count, before),
    removedEpisodeIds: [],
  });
  report.indexed++;
  report.moments += moments.length;
  deps.finished(
    item.episode.slug,
    failed
      ? { kind: 'failed', text: `failed: ${failed} (show notes indexed${keepOld ? `, the ${before} moments indexed before kept` : ''})` }
      : transcript
        ? { kind: source ?? 'kept', text: `indexed, ${moments.length} moments` }
        : { kind: 'notes', text: 'indexed (show notes only)' },
  );
}

/** A file that is still there but failed to parse keeps what was indexed for it; only removed files lose theirs. */
async function removeGone(
  catalogue: Catalogue,
  indexed: Map<string, IndexedEpisode>,
  report: RunReport,
  add: (batch: WriteBatch) => Promise<void>,
): Promise<void> {
  const present = new Set(catalogue.slugs);
  for (const old of indexed.values()) {
    if (present.has(old.slug)) continue;
    await add({
      episodes: [],
      moments: [],
      staleMomentIds: momentIds(old.slug, 0, old.momentCount),
      removedEpisodeIds: [documentId(old.slug)],
    });
    report.removed.push(old.slug);
  }
}

function momentIds(slug: string, from: number, to: number): string[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => momentId(slug, from + i));
}
