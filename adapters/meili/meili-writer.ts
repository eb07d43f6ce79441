import type { EnqueuedTask, EnqueuedTaskPromise, Index, Meilisearch } from 'meilisearch';
import type { EpisodeDocument, MomentDocument } from '../../src/documents/documents.ts';
import { episodeSettings, type IndexNames, momentSettings } from '../../src/documents/index-settings.ts';
import type { DocumentWriter, EncodedBatch, IndexedEpisode } from '../../src/ports.ts';
import { unless } from './engine-errors.ts';
import { enqueued, settled, succeeded } from './meili-client.ts';

/** Episode documents read per request when listing what is indexed. */
const PAGE = 10_000;
/**
 * Characters of NDJSON per request: under Meilisearch's 100 MB payload limit even if every character took three bytes
 * of UTF-8. Hour-long episodes' moments are ~1.3 KB each, so a batch of 25,000 is two requests.
 */
const CHUNK_CHARS = 30_000_000;

/** Writes podgrep's documents; every task is awaited and a failed one is an error with Meilisearch's reason. */
export function meiliWriter(client: Meilisearch, names: IndexNames): DocumentWriter {
  const episodes = client.index<EpisodeDocument>(names.episodes);
  const moments = client.index<MomentDocument>(names.moments);
  const handedOver: [string, EnqueuedTask][] = [];
  return {
    async applySettings(synonyms) {
      // Settings before documents: documents added first would be indexed again when the settings arrive.
      for (const uid of [names.episodes, names.moments]) {
        await settled(client, `create index ${uid}`, () => client.createIndex(uid, { primaryKey: 'id' })).catch(ignoreExists);
      }
      await settled(client, `apply settings to ${names.episodes}`, () => episodes.updateSettings(episodeSettings(synonyms)));
      await settled(client, `apply settings to ${names.moments}`, () => moments.updateSettings(momentSettings(synonyms)));
    },
    async indexed() {
      const found = new Map<string, IndexedEpisode>();
      for (let offset = 0; ; offset += PAGE) {
        const page = await episodes.getDocuments({ fields: ['slug', 'momentCount', 'fingerprint'], limit: PAGE, offset });
        for (const doc of page.results)
          found.set(doc.slug, { slug: doc.slug, momentCount: doc.momentCount ?? 0, fingerprint: doc.fingerprint ?? '' });
        if (page.results.length < PAGE) return found;
      }
    },
    async send(batch) {
      const tasks = await enqueued(client, momentSteps(moments, batch));
      // Only these are kept while the moments are indexed (not `batch`: the documents are Meilisearch's now). An
      // episode document carries the fingerprint that lets the next run skip it, so it must never land when its
      // moments did not (a failed task, a crash).
      const { episodes: episodeDocs, removedEpisodeIds } = batch;
      return {
        async settle() {
          await succeeded(client, tasks);
          const after: [string, () => EnqueuedTaskPromise][] = [];
          if (episodeDocs.length) after.push(['add episodes', () => episodes.addDocuments(episodeDocs)]);
          if (removedEpisodeIds.length) after.push(['delete removed episodes', () => episodes.deleteDocuments(removedEpisodeIds)]);
          // Waited for in `drain`: Meilisearch then merges the episode tasks of every batch into one.
          handedOver.push(...(await enqueued(client, after)));
        },
      };
    },
    async drain() {
      const tasks = handedOver.splice(0);
      await succeeded(client, tasks);
    },
  };
}

/** Apart from `send`, whose closures would otherwise keep the whole batch alive until it settles. */
function momentSteps(index: Index<MomentDocument>, batch: EncodedBatch): [string, () => EnqueuedTaskPromise][] {
  const steps: [string, () => EnqueuedTaskPromise][] = [];
  const lines = batch.momentLines;
  for (let from = 0; from < lines.length; ) {
    let to = from;
    for (let chars = 0; to < lines.length && (to === from || chars + lines[to]!.length < CHUNK_CHARS); to++) chars += lines[to]!.length + 1;
    const chunk = lines.slice(from, to);
    steps.push(['add moments', () => index.addDocumentsFromString(chunk.join('\n'), 'application/x-ndjson')]);
    from = to;
  }
  const stale = batch.staleMomentIds;
  if (stale.length) steps.push(['delete old moments', () => index.deleteDocuments(stale)]);
  return steps;
}

const ignoreExists = unless('index_already_exists');

/** Where a full rebuild is written before it replaces the live indexes. */
export function rebuildNames(names: IndexNames): IndexNames {
  return { episodes: `${names.episodes}-rebuild`, moments: `${names.moments}-rebuild` };
}

/** Drops what a rebuild that never finished left behind, so a new one starts empty. */
export async function dropRebuild(client: Meilisearch, names: IndexNames): Promise<void> {
  const target = rebuildNames(names);
  for (const uid of [target.episodes, target.moments]) {
    await settled(client, `delete index ${uid}`, () => client.deleteIndex(uid)).catch(unless('index_not_found'));
  }
}

/**
 * Puts a finished rebuild live in one atomic swap, so searches never see a half-built or empty index, then drops
 * the old indexes.
 */
export async function swapInRebuild(client: Meilisearch, names: IndexNames): Promise<void> {
  const rebuilt = rebuildNames(names);
  for (const uid of [names.episodes, names.moments]) {
    await settled(client, `create index ${uid}`, () => client.createIndex(uid, { primaryKey: 'id' })).catch(ignoreExists);
  }
  await settled(client, 'swap the rebuilt indexes in', () =>
    client.swapIndexes([
      { indexes: [names.episodes, rebuilt.episodes], rename: false },
      { indexes: [names.moments, rebuilt.moments], rename: false },
    ]),
  );
  await dropRebuild(client, names);
}
