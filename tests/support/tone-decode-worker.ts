// Runs decodeAudio off the fake server's main thread: the Goertzel pass over a long file
// takes about a second of CPU, and a server blocked that long drops kept-alive requests.
import { parentPort, workerData } from 'node:worker_threads';
import type { SpokenWord } from './tone-speech.ts';
import { decodeAudio } from './tone-speech.ts';

export type DecodeResult = { ok: true; words: SpokenWord[]; duration: number } | { ok: false; message: string };

try {
  const result = await decodeAudio(workerData as Uint8Array);
  parentPort!.postMessage({ ok: true, ...result } satisfies DecodeResult);
} catch (error) {
  parentPort!.postMessage({ ok: false, message: (error as Error).message } satisfies DecodeResult);
}
