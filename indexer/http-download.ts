import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
// undici from npm, not Node's bundled fetch: Node 24's copy crashes the process (an uncatchable assertion) when a
// server closes the connection while the body is paused under backpressure, which streaming to disk causes
// (nodejs/undici#5360, fixed in undici 8). Hosts that end the body with a FIN (HTTP/1.0, `Connection: close`) do that.
// Its own Agent too: undici shares one global dispatcher with Node's copy, which would bring the bug back.
import { Agent, fetch, type Response } from 'undici';

const agent = new Agent();
import { PodgrepError } from '../src/errors.ts';

/** Audio that could not be fetched or used; the message names the URL (or path) and what was wrong. */
export class AudioError extends PodgrepError {
  override name = 'AudioError';
}

export type HttpOptions = {
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  maxRedirects: number;
  maxBytes: number;
  /** Sent on every hop: the cached copy's validators, which only the final host understands and the others ignore. */
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
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

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs an audio URL, following redirects by hand so each hop can be checked: podcast CDNs chain several
 * (podtrac → chartable → host), and a hop to `file:` or a loop must be an error, not whatever fetch would do.
 */
export async function openAudio(url: string, options: HttpOptions): Promise<Answer> {
  // One controller for the whole chain and its body: the timeouts abort it with their own AudioError as the reason.
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const seen = new Set<string>();
  let at = url;
  for (let redirects = 0; ; redirects++) {
    seen.add(at);
    const response = await answerOf(url, at, signal, controller, options);
    if (!REDIRECTS.has(response.status)) return checked(url, at, response, signal, controller, options);
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (!location) throw new AudioError(`audio ${url} answered HTTP ${response.status} without a Location${via(url, at)}`);
    const next = URL.parse(location, at);
    if (!next || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
      throw new AudioError(`audio ${url} redirected to ${next?.href ?? location}, which is not an http(s) URL`);
    }
    if (seen.has(next.href)) throw new AudioError(`audio ${url} redirects in a loop (back to ${next.href})`);
    if (redirects + 1 > options.maxRedirects) throw new AudioError(`audio ${url} redirected more than ${options.maxRedirects} times`);
    at = next.href;
  }
}

async function answerOf(url: string, at: string, signal: AbortSignal, controller: AbortController, options: HttpOptions): Promise<Response> {
  const timer = setTimeout(
    () => controller.abort(new AudioError(`audio ${url} did not answer within ${options.connectTimeoutMs / 1000} s${via(url, at)}`)),
    options.connectTimeoutMs,
  );
  try {
    return await fetch(at, {
      dispatcher: agent,
      signal,
      redirect: 'manual',
      // identity: Content-Length is then the file's size, which the cap and the cache's same-size check rely on.
      headers: { 'user-agent': 'podgrep (podcast search indexer)', 'accept-encoding': 'identity', ...options.headers },
    });
  } catch (error) {
    throw failure(error, signal, `audio ${url} could not be downloaded${via(url, at)}`);
  } finally {
    clearTimeout(timer);
  }
}

function checked(url: string, at: string, response: Response, signal: AbortSignal, controller: AbortController, options: HttpOptions): Answer {
  const discard = async () => void (await response.body?.cancel().catch(() => {}));
  const refuse = (message: string) => {
    void discard();
    return new AudioError(`audio ${url} ${message}`);
  };
  if (response.status !== 304) {
    if (!response.ok) throw refuse(`answered HTTP ${`${response.status} ${response.statusText}`.trim()}${via(url, at)}`);
    // A podcast host's error or login page often answers 200; transcribing it would cost money and find nothing.
    const type = response.headers.get('content-type') ?? '';
    if (/^text\/|html|json|xml/i.test(type)) throw refuse(`is not audio: the server sent ${type.split(';')[0]}${via(url, at)}`);
    const length = response.headers.get('content-length');
    if (length === '0') throw refuse('is empty');
    if (Number(length) > options.maxBytes) throw refuse(`${overLimit(options.maxBytes)}: the server announces ${length} bytes`);
  }
  return {
    status: response.status,
    finalUrl: at,
    headers: response.headers,
    discard,
    async save(file) {
      const hash = createHash('sha256');
      let bytes = 0;
      const out = await fs.open(file, 'wx').catch(async (error: unknown) => {
        await discard();
        throw error;
      });
      const idle = setTimeout(
        () => controller.abort(new AudioError(`audio ${url} sent nothing for ${options.idleTimeoutMs / 1000} s${via(url, at)}`)),
        options.idleTimeoutMs,
      );
      try {
        // Chunk by chunk to disk: episodes run to hundreds of MB. Counting here also catches a lying or absent length.
        for await (const chunk of response.body ?? []) {
          idle.refresh();
          bytes += chunk.byteLength;
          if (bytes > options.maxBytes) throw new AudioError(`audio ${url} ${overLimit(options.maxBytes)}`);
          hash.update(chunk);
          await out.write(chunk);
        }
      } catch (error) {
        throw failure(error, signal, `audio ${url} broke off after ${bytes} bytes${via(url, at)}`);
      } finally {
        clearTimeout(idle);
        await out.close();
      }
      if (bytes === 0) throw new AudioError(`audio ${url} is empty`);
      return { bytes, sha256: hash.digest('hex') };
    },
  };
}

export function overLimit(maxBytes: number): string {
  return `is over the ${maxBytes}-byte limit (AUDIO_MAX_BYTES)`;
}

/** Our own errors and aborts pass through (a timeout's reason is its AudioError, the caller's is its AbortError). */
function failure(error: unknown, signal: AbortSignal, message: string): unknown {
  if (error instanceof AudioError) return error;
  if (signal.aborted) return signal.reason;
  return new AudioError(`${message}: ${describe(error)}`, { cause: error });
}

function via(url: string, at: string): string {
  return at === url ? '' : ` (at ${at})`;
}

export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
