import type { DocumentWriter, EncodedBatch, WriteBatch } from '../../src/ports.ts';

/**
 * Moments sent at once when this many are waiting: ~33 MB of NDJSON for hour-long episodes. Meilisearch starts on the
 * first batch as soon as it arrives and merges what queues behind it into the next, so the first batch's size sets
 * the rest: sent at 5,000, the batches of 1,000 episodes were 5,000, 25,000 and 73,000 moments and Meilisearch spent
 * 51–57 CPU seconds on them; at 25,000, two batches took 44–54 (the raw import of the same documents: 46–54).
 */
const FLUSH_AT = 25_000;

const empty = (): EncodedBatch => ({ episodes: [], momentLines: [], staleMomentIds: [], removedEpisodeIds: [] });

/**
 * Collects the documents of the episodes in flight and sends them in batches, because Meilisearch spends about as long
 * on a one-document task as on a batch of thousands.
 *
 * A batch is sent as soon as it is full, without waiting for the ones before it to be indexed: Meilisearch merges
 * the tasks that queue up behind a running one into its next batch, and larger batches index faster (here, 1,600
 * moments/s in batches of 5,000; 2,500/s in one of 100,000). Once sent, the documents are Meilisearch's to keep:
 * memory holds the batch being filled and those waiting to be sent, and `add` waits while its batch is sent. Settling (waiting until each batch is indexed, then
 * handing over its episode documents) runs one batch at a time, in order, behind the sending; `flush` waits for all.
 * Episode documents are waited for only at the end, so their small tasks are merged too (waiting for each cost ~4 s
 * of a 45 s run at 1,000 episodes).
 */
export function writeBatcher(writer: DocumentWriter) {
  let pending = empty();
  let sending: Promise<void> = Promise.resolve();
  let settling: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const check = () => {
    if (failure) throw failure.error;
  };
  const fail = (error: unknown) => {
    failure ??= { error };
  };
  // Apart from `send`: a closure made there would keep the sent batch's documents alive until the batch settles.
  const settleLater = (sent: { settle(): Promise<void> }) => {
    // Kept and thrown from the next add or flush: the run stops at the first write that failed.
    settling = settling.then(() => (failure ? undefined : sent.settle())).catch(fail);
  };
  const send = (): Promise<void> => {
    let batch: EncodedBatch | undefined = pending;
    pending = empty();
    if (!batch.episodes.length && !batch.momentLines.length && !batch.staleMomentIds.length && !batch.removedEpisodeIds.length)
      return sending;
    sending = sending
      .then(async () => {
        const taken = batch;
        batch = undefined;
        if (failure || !taken) return;
        settleLater(await writer.send(taken));
      })
      .catch(fail);
    return sending;
  };
  return {
    add: async (batch: WriteBatch): Promise<void> => {
      check();
      pending.episodes.push(...batch.episodes);
      // Written out now, while they are fresh: kept as objects until the batch filled, they outlived the young
      // generation and the garbage collector's copying of them was a fifth of the run's time.
      for (const moment of batch.moments) pending.momentLines.push(JSON.stringify(moment));
      pending.staleMomentIds.push(...batch.staleMomentIds);
      pending.removedEpisodeIds.push(...batch.removedEpisodeIds);
      if (pending.momentLines.length < FLUSH_AT) return;
      await send();
      check();
    },
    /** Sends what is waiting and resolves when everything sent is written. */
    flush: async (): Promise<void> => {
      await send();
      await settling;
      check();
      await writer.drain();
    },
  };
}
