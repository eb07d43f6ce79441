import { MeilisearchApiError } from 'meilisearch';
import { SearchEngineError } from '../../src/errors.ts';

// The one mapping from what Meilisearch does wrong to what podgrep says: unreachable, an index missing, a task that
// failed. Reads (the page) and writes (the indexer) both come here, so the same failure reads the same everywhere.

/** Meilisearch answered a request with an error: its own code and message. */
export class EngineAnswerError extends Error {
  override name = 'EngineAnswerError';
  readonly code: string | undefined;
  constructor(status: number, body: { code?: string; message?: string }) {
    super(`Meilisearch answered ${status}: ${body.message ?? 'no message'}${body.code ? ` (${body.code})` : ''}`);
    this.code = body.code;
  }
}

/** Meilisearch's own error code (`index_not_found`, `index_already_exists`, …), however the error reached us. */
export function engineCode(error: unknown): string | undefined {
  for (let at = error, depth = 0; at && depth < 4; at = (at as { cause?: unknown }).cause, depth++) {
    if (at instanceof MeilisearchApiError) return at.cause?.code;
    if (at instanceof EngineAnswerError) return at.code;
    const code = (at as { code?: unknown }).code;
    // A failed task's error is a plain object: { message, code, type, link }.
    if (!(at instanceof Error) && typeof code === 'string') return code;
  }
  return undefined;
}

/** For `.catch`: lets an error with this engine code pass (creating what exists, deleting what is gone). */
export function unless(code: string): (error: unknown) => void {
  return (error) => {
    if (engineCode(error) !== code) throw error;
  };
}

/** A read that failed, as the page's listener should hear it; an index not made yet says what to run. */
export function readFailure(error: unknown): SearchEngineError {
  if (engineCode(error) === 'index_not_found') {
    return new SearchEngineError('Nothing is indexed yet: run `npm run index` (or `npm start`).', { cause: error });
  }
  return new SearchEngineError('The search engine is not answering; try again in a moment.', { cause: error });
}

/** A write task Meilisearch accepted and then failed: its own reason, in its own words. */
export function taskFailure(what: string, done: { status: string; error?: { message: string; code: string } | null }): SearchEngineError {
  const reason = done.error ? `${done.error.message} (${done.error.code})` : `task ${done.status}`;
  return new SearchEngineError(`Meilisearch could not ${what}: ${reason}`, { cause: done.error });
}

/** The indexer gave up waiting for a Meilisearch that stopped answering. */
export function unreachable(host: string, what: string, error: unknown): SearchEngineError {
  return new SearchEngineError(
    `Meilisearch at ${host} stopped answering (could not ${what}); what was written before is kept — run again once it is back`,
    {
      cause: error,
    },
  );
}
