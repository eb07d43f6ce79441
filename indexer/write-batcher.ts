import type { DocumentWriter, WriteBatch } from '../src/ports.ts';

/** Moments written in one go once this many are waiting: a few MB of documents, one Meilisearch batch. */
const FLUSH_AT = 5_000;

const empty = (): WriteBatch => ({ episodes: [], moments: [], staleMomentIds: [], removedEpisodeIds: [] });

/**
 * Collects the documents of the episodes in flight and writes them in batches, one batch at a time, because
 * Meilisearch spends about as long on a one-document task as on a batch of thousands.
 */
export function writeBatcher(writer: DocumentWriter) {
  let pending = empty();
  let writing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    const batch = pending;
    pending = empty();
    writing = writing.then(() => writer.write(batch));
    return writing;
  };
  return {
    add: async (batch: WriteBatch): Promise<void> => {
      pending.episodes.push(...batch.episodes);
      pending.moments.push(...batch.moments);
      pending.staleMomentIds.push(...batch.staleMomentIds);
      pending.removedEpisodeIds.push(...batch.removedEpisodeIds);
      if (pending.moments.length >= FLUSH_AT) await flush();
    },
    flush,
  };
}
