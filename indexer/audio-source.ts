import fs from 'node:fs/promises';
import path from 'node:path';
import type { Audio, AudioSource } from '../src/ports.ts';
import { PodgrepError } from '../src/errors.ts';

export class AudioError extends PodgrepError {
  override name = 'AudioError';
}

type Options = { maxBytes: number; timeoutMs: number };

/** Reads an episode's audio from an http(s) URL or a local file (already resolved against the episode file). */
export function audioSource({ maxBytes, timeoutMs }: Options): AudioSource {
  return {
    async fetch(reference, { signal }) {
      if (!/^https?:\/\//i.test(reference)) return readLocal(reference, maxBytes);
      const timeout = AbortSignal.timeout(timeoutMs);
      let response: Response;
      try {
        response = await fetch(reference, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'follow' });
      } catch (error) {
        const reason = timeout.aborted ? `no answer within ${timeoutMs / 1000} s` : describe(error);
        throw new AudioError(`audio ${reference} could not be downloaded: ${reason}`, { cause: error });
      }
      if (!response.ok) throw new AudioError(`audio ${reference} answered HTTP ${response.status} ${response.statusText}`);
      const type = response.headers.get('content-type') ?? '';
      if (/^text\/|html|json/i.test(type)) {
        throw new AudioError(`audio ${reference} is not audio: the server sent ${type.split(';')[0]}`);
      }
      const length = Number(response.headers.get('content-length') ?? 0);
      if (length > maxBytes) throw new AudioError(`audio ${reference} is ${length} bytes, over the ${maxBytes}-byte limit`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length > maxBytes) throw new AudioError(`audio ${reference} is over the ${maxBytes}-byte limit`);
      if (bytes.length === 0) throw new AudioError(`audio ${reference} is empty`);
      return { bytes, fileName: fileNameOf(new URL(response.url || reference).pathname) };
    },
  };
}

async function readLocal(file: string, maxBytes: number): Promise<Audio> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > maxBytes) throw new AudioError(`audio ${file} is ${stat.size} bytes, over the ${maxBytes}-byte limit`);
    if (stat.size === 0) throw new AudioError(`audio ${file} is empty`);
    return { bytes: await fs.readFile(file), fileName: fileNameOf(file) };
  } catch (error) {
    if (error instanceof AudioError) throw error;
    throw new AudioError(`audio ${file} cannot be read: ${describe(error)}`, { cause: error });
  }
}

/** The upload needs a name whose extension tells the API the format; a URL without one is sent as mp3. */
function fileNameOf(pathname: string): string {
  const base = path.basename(decodeURIComponent(pathname));
  return /\.[a-z0-9]{2,4}$/i.test(base) ? base : `${base || 'audio'}.mp3`;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
