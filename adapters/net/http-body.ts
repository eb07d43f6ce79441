import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Response } from 'undici';
import { AudioError } from '../../src/errors.ts';
import type { AddressGuard } from './url-guard.ts';

// The answer's body, once http-download.ts has found it: streamed under a byte cap and an idle timeout, saved or read.

export type HttpOptions = {
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  maxRedirects: number;
  maxBytes: number;
  /** Sent on every hop: the cached copy's validators, which only the final host understands and the others ignore. */
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
  /** The addresses connections may go to (see url-guard.ts); undefined: any, as with ALLOW_PRIVATE_URLS=1. */
  guard: AddressGuard | undefined;
  /**
   * Longest the whole download may take, from the first request to the last byte. @default sized from the length
   * (download-deadline.ts)
   */
  deadlineMs?: number | undefined;
  /** The slowest average rate the default deadline allows. @default 100_000 */
  minBytesPerSecond?: number | undefined;
  /** How the URL is named in errors. @default 'audio' */
  what?: string;
  /** Said after `maxBytes` when it is exceeded: the setting that raises it, or what it is for. @default 'AUDIO_MAX_BYTES' */
  limitName?: string;
};

/** An answer whose headers are in and whose body is not read yet: `save` it, read its `text`, or `discard` it. */
export type Reply = Answer & {
  statusText: string;
  /** The body as UTF-8 text, under the same byte cap and idle timeout as `save`. */
  text(): Promise<string>;
};

/** A 2xx or 304 answer whose headers are in and whose body is not read yet: either `save` or `discard` it. */
export type Answer = {
  status: number;
  finalUrl: string;
  headers: Pick<Headers, 'get'>;
  /** Streams the body to `file` (created, never overwritten); the caller removes it if this throws. */
  save(file: string): Promise<{ bytes: number; sha256: string }>;
  discard(): Promise<void>;
};

export function reply(
  url: string,
  at: string,
  response: Response,
  signal: AbortSignal,
  controller: AbortController,
  options: HttpOptions & { what: string },
  done: () => void,
): Reply {
  const { what } = options;
  const discard = async () => {
    done();
    await response.body?.cancel().catch(() => {});
  };
  /** Streams the body chunk by chunk (episodes run to hundreds of MB); counting here also catches a lying or absent length. */
  async function read(onChunk: (chunk: Uint8Array) => Promise<void> | void): Promise<number> {
    let bytes = 0;
    const idle = setTimeout(
      () => controller.abort(new AudioError(`${what} ${url} sent nothing for ${options.idleTimeoutMs / 1000} s${via(url, at)}`)),
      options.idleTimeoutMs,
    );
    try {
      for await (const chunk of response.body ?? []) {
        idle.refresh();
        bytes += chunk.byteLength;
        if (bytes > options.maxBytes) throw new AudioError(`${what} ${url} ${overLimit(options.maxBytes, options.limitName)}`);
        await onChunk(chunk);
      }
    } catch (error) {
      throw failure(error, signal, `${what} ${url} broke off after ${bytes} bytes${via(url, at)}`);
    } finally {
      clearTimeout(idle);
      done();
    }
    return bytes;
  }
  return {
    status: response.status,
    statusText: response.statusText,
    finalUrl: at,
    headers: response.headers,
    discard,
    async save(file) {
      const hash = createHash('sha256');
      const out = await fs.open(file, 'wx').catch(async (error: unknown) => {
        await discard();
        throw error;
      });
      let bytes;
      try {
        bytes = await read(async (chunk) => {
          hash.update(chunk);
          await out.write(chunk);
        });
      } finally {
        await out.close();
      }
      if (bytes === 0) throw new AudioError(`${what} ${url} is empty`);
      return { bytes, sha256: hash.digest('hex') };
    },
    async text() {
      const chunks: Uint8Array[] = [];
      await read((chunk) => void chunks.push(chunk));
      return new TextDecoder().decode(Buffer.concat(chunks)); // drops a byte-order mark, as Response.text() does
    },
  };
}

export function overLimit(maxBytes: number, limitName = 'AUDIO_MAX_BYTES'): string {
  return `is over the ${maxBytes}-byte limit (${limitName})`;
}

/** Our own errors and aborts pass through (a timeout's reason is its AudioError, the caller's is its AbortError). */
export function failure(error: unknown, signal: AbortSignal, message: string): unknown {
  if (error instanceof AudioError) return error;
  if (signal.aborted) return signal.reason;
  return new AudioError(`${message}: ${withCause(error)}`, { cause: error });
}

export function via(url: string, at: string): string {
  return at === url ? '' : ` (at ${at})`;
}

/** An error and the cause undici wraps inside it (fetch failed: connect ECONNREFUSED …). */
function withCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
