import OpenAI, { toFile } from 'openai';
import { TranscriptionError } from '../src/errors.ts';
import type { Transcriber } from '../src/ports.ts';
import { fromVerboseJson, type VerboseJson } from '../src/transcript.ts';

type Options = { apiKey: string | undefined; baseUrl: string | undefined; model: string };

/**
 * Transcription through the `openai` client, so any OpenAI-compatible server works by base URL. The audio is handed
 * over as a buffer (`toFile`): the client retries 429 and 5xx answers only for bodies it can send again.
 */
export function openAiTranscriber({ apiKey, baseUrl, model }: Options): Transcriber {
  const client = new OpenAI({
    // A local server may need no key, but the client insists on one.
    apiKey: apiKey ?? 'no-key',
    ...(baseUrl ? { baseURL: baseUrl } : {}),
    maxRetries: 4,
    timeout: 10 * 60_000,
  });
  return {
    model,
    async transcribe(audio, { prompt, signal }) {
      let response: unknown;
      try {
        response = await client.audio.transcriptions.create(
          {
            file: await toFile(audio.bytes, audio.fileName),
            model,
            response_format: 'verbose_json',
            timestamp_granularities: ['segment', 'word'],
            ...(prompt ? { prompt } : {}),
          },
          { signal },
        );
      } catch (error) {
        const status = error instanceof OpenAI.APIError && error.status ? `HTTP ${error.status}: ` : '';
        throw new TranscriptionError(`transcription failed: ${status}${(error as Error).message}`, { cause: error });
      }
      const json = response as VerboseJson;
      if (!Array.isArray(json.segments)) {
        throw new TranscriptionError(`model ${model} answered without segment timestamps; use whisper-1 or another model that returns verbose_json`);
      }
      return fromVerboseJson(json);
    },
  };
}
