import type { EnqueuedTaskPromise, Meilisearch } from 'meilisearch';
import type { EpisodeDocument, MomentDocument } from '../src/documents.ts';
import { episodeSettings, momentSettings, type IndexNames } from '../src/index-settings.ts';
import type { DocumentWriter, IndexedEpisode } from '../src/ports.ts';
import { settled, settledAll } from './meili-client.ts';

/** Documents per addDocuments request: well under Meilisearch's 100 MB payload limit for moments of ~2 KB. */
const CHUNK = 10_000;

/** Writes podgrep's documents; every task is awaited and a failed one is an error with Meilisearch's reason. */
export function meiliWriter(client: Meilisearch, names: IndexNames): DocumentWriter {
  const episodes = client.index<EpisodeDocument>(names.episodes);
  const moments = client.index<MomentDocument>(names.moments);
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
      for (let offset = 0; ; offset += CHUNK) {
        const page = await episodes.getDocuments({ fields: ['slug', 'momentCount', 'fingerprint'], limit: CHUNK, offset });
        for (const doc of page.results) found.set(doc.slug, { slug: doc.slug, momentCount: doc.momentCount ?? 0, fingerprint: doc.fingerprint ?? '' });
        if (page.results.length < CHUNK) return found;
      }
    },
    async write(batch) {
      // In this order: an episode document (and its fingerprint) lands only after its moments, so an episode that is
      // indexed is indexed whole, and one cut off by a crash is redone.
      const steps: [string, () => EnqueuedTaskPromise][] = [];
      for (let i = 0; i < batch.moments.length; i += CHUNK) {
        const chunk = batch.moments.slice(i, i + CHUNK);
        steps.push(['add moments', () => moments.addDocuments(chunk)]);
      }
      if (batch.staleMomentIds.length) steps.push(['delete old moments', () => moments.deleteDocuments(batch.staleMomentIds)]);
      if (batch.episodes.length) steps.push(['add episodes', () => episodes.addDocuments(batch.episodes)]);
      if (batch.removedEpisodeIds.length) steps.push(['delete removed episodes', () => episodes.deleteDocuments(batch.removedEpisodeIds)]);
      await settledAll(client, steps);
    },
  };
}

function ignoreExists(error: unknown): void {
  if (!(error instanceof Error && /index_already_exists/.test(error.message))) throw error;
}

/** Where a full rebuild is written before it replaces the live indexes. */
export function rebuildNames(names: IndexNames): IndexNames {
  return { episodes: `${names.episodes}-rebuild`, moments: `${names.moments}-rebuild` };
}

/** Drops what a rebuild that never finished left behind, so a new one starts empty. */
export async function dropRebuild(client: Meilisearch, names: IndexNames): Promise<void> {
  const target = rebuildNames(names);
  for (const uid of [target.episodes, target.moments]) {
    await settled(client, `delete index ${uid}`, () => client.deleteIndex(uid)).catch((error: unknown) => {
      if (!(error instanceof Error && /index_not_found/.test(error.message))) throw error;
    });
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
