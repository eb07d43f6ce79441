import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI, { toFile } from 'openai';
import { TranscriptionError, UploadTooLargeError } from '../../src/errors.ts';
import type { Transcriber } from '../../src/ports.ts';
import type { VerboseJson } from '../../src/transcript/transcript.ts';

export type TranscriberOptions = {
  apiKey: string | undefined;
  baseUrl: string | undefined;
  model: string;
  /** Attempts after the first for 429, 5xx, timeouts and dropped connections. @default 6 */
  retries?: number;
  /** First backoff when the server gives no Retry-After; doubled each attempt. @default 2000 */
  backoffMs?: number;
  /** One request that takes longer than this is abandoned and retried. @default 600000 */
  timeoutMs?: number;
};

/** A server asking for more than this is treated as down for now: the piece fails and the next run tries again. */
const MAX_WAIT_MS = 5 * 60_000;

/**
 * Transcription through the `openai` client, so any OpenAI-compatible server works by base URL. Retries are done
 * here rather than by the client, so each is counted and reported, Retry-After is honoured however long it is, and a
 * 413 reaches the caller at once to split the piece. The signal stops the waits between retries, never a request in
 * flight: an answer already being produced is paid for, so it is awaited and kept.
 */
export function openAiTranscriber(options: TranscriberOptions): Transcriber {
  const { model, retries = 6, backoffMs = 2000, timeoutMs = 10 * 60_000 } = options;
  const client = new OpenAI({
    // A local server may need no key, but the client insists on one.
    apiKey: options.apiKey ?? 'no-key',
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    maxRetries: 0,
    timeout: timeoutMs,
  });
  return {
    model,
    async transcribe(audio, { prompt, signal, onRetry }) {
      for (let attempt = 0; ; attempt++) {
        try {
          const response = await client.audio.transcriptions.create(
            {
              // A buffer, not a stream: a streamed body cannot be sent again (FACTS.md).
              file: await toFile(audio.bytes, audio.fileName),
              model,
              response_format: 'verbose_json',
              timestamp_granularities: ['segment', 'word'],
              ...(prompt ? { prompt } : {}),
            },
            // Not aborted on Ctrl-C: an answer in flight is paid for either way, so it is awaited and kept.
            {},
          );
          const json = response as unknown as VerboseJson;
          if (!Array.isArray(json.segments)) {
            throw new TranscriptionError(
              `model ${model} answered without segment timestamps; use whisper-1 or another model that returns verbose_json`,
            );
          }
          return json;
        } catch (error) {
          if (error instanceof TranscriptionError) throw error;
          const wait = retryDelay(error, attempt, backoffMs);
          const reason = providerReason(error);
          if (error instanceof OpenAI.APIError && error.status === 413) {
            throw new UploadTooLargeError(`the server refused ${audio.bytes.length} bytes as too large: ${reason}`, { cause: error });
          }
          if (wait === undefined || attempt >= retries) {
            const tries = attempt ? ` after ${attempt + 1} attempts` : '';
            throw new TranscriptionError(`transcription failed${tries}: ${reason}`, { cause: error });
          }
          if (signal?.aborted) throw signal.reason;
          onRetry?.(`${reason}; retrying in ${Math.ceil(wait / 1000)} s`);
          // Ctrl-C during the wait ends it with the run's own reason, as an abort anywhere else does.
          await sleep(wait, undefined, { signal }).catch((error: unknown) => {
            throw signal?.aborted ? signal.reason : error;
          });
        }
      }
    },
  };
}

/** How long to wait before trying again, or undefined when trying again cannot help. */
function retryDelay(error: unknown, attempt: number, backoffMs: number): number | undefined {
  const backoff = backoffMs * 2 ** attempt * (0.8 + Math.random() * 0.4);
  if (error instanceof OpenAI.APIConnectionError) return backoff;
  if (!(error instanceof OpenAI.APIError) || error.status === undefined) return undefined;
  const { status } = error;
  // OpenAI answers 429 both for "slow down" and for "out of credit"; only the first passes with time.
  if (status === 429 && /insufficient_quota/.test(String(error.code ?? ''))) return undefined;
  if (status !== 408 && status !== 409 && status !== 429 && status < 500) return undefined;
  const asked = retryAfterMs(error.headers);
  if (asked !== undefined) return asked <= MAX_WAIT_MS ? asked : undefined;
  return Math.min(backoff, MAX_WAIT_MS);
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (ms > 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** What the provider said, with its HTTP status: the line a user sees when a piece fails. */
function providerReason(error: unknown): string {
  if (error instanceof OpenAI.APIError && error.status) return `HTTP ${error.status}: ${error.message.replace(/^\d+\s*/, '')}`;
  return error instanceof Error ? error.message : String(error);
}
