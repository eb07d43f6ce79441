import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { tempName } from '../../adapters/files/temp-files.ts';
import { maxPieceSeconds, type Piece, planPieces, splitPiece } from '../../src/audio/audio-pieces.ts';
import { TranscriptionError, UploadTooLargeError } from '../../src/errors.ts';
import type { AudioFile, Transcriber, TranscriptStore } from '../../src/ports.ts';
import { transcriptionPrompt } from '../../src/transcript/prompt.ts';
import { fromVerboseJson, joinPieces, type Transcript, type VerboseJson } from '../../src/transcript/transcript.ts';
import { type Dropped, dropHallucinations } from '../../src/transcript/transcript-filter.ts';
import { analyseAudio, encodePiece, UPLOAD_BITS_PER_SECOND } from '../audio/transcode.ts';

/**
 * What transcribing adds to the run's report (indexer/pipeline/run-report.ts, which holds the whole of it): declared
 * here, so this stage counts into the report without importing the pipeline that calls it.
 */
export type TranscriptionTally = {
  /** Episodes transcribed (wholly or in part) in this run, and the seconds of audio sent for each. */
  transcribed: { slug: string; seconds: number }[];
  /** Episodes whose finished transcript was already kept from an earlier run. */
  reused: number;
  /** Pieces of audio already paid for in an earlier run (one that failed or was stopped) and not sent again. */
  piecesReused: number;
  /** Transcription requests sent, and how many of them were retries. */
  requests: number;
  retries: number;
  /** Pieces the server refused as too large, split and sent again. */
  splits: number;
  dropped: Dropped;
  bytesUploaded: number;
  bytesSource: number;
};

export type TranscribeContext = {
  transcriber: Transcriber;
  store: TranscriptStore;
  /** Resolved only when audio must be cut, so runs that reuse every transcript need no ffmpeg. */
  ffmpeg: () => Promise<string>;
  workDir: string;
  maxUploadBytes: number;
  /** Runs one transcription request in the run's shared queue (pipeline.ts), the one place concurrency lives. */
  request: <T>(job: () => Promise<T>) => Promise<T>;
  report: TranscriptionTally;
  progress: (stage: string) => void;
  signal: AbortSignal | undefined;
};

/** Bumped when filtering or joining changes, so finished transcripts are rebuilt (from kept pieces, at no cost). */
const TRANSCRIPT_VERSION = 1;
/** A piece the server still refuses at this length is not split further. */
const MIN_PIECE_SECONDS = 20;

/** Where an audio file's finished transcript and its plan are kept: by the audio's bytes, never by its URL. */
export function transcriptKeys(model: string, sha256: string) {
  return {
    transcript: `transcript-v${TRANSCRIPT_VERSION}-${model}-${sha256}`,
    plan: `plan-${sha256}`,
    piece: (piece: Piece) => `piece-${model}-${sha256}-${piece.start.toFixed(3)}-${piece.end.toFixed(3)}`,
  };
}

export type Plan = { duration: number; pieces: Piece[] };

/**
 * audio → Transcript. The audio is decoded once, cut at silences into pieces under the upload limit, and each piece is
 * sent in turn (its prompt carries the end of the piece before), with every answer kept as soon as it arrives. `label`
 * names the audio in messages: its URL, not the cache file it was downloaded to. `sent`: whether this run sent any of
 * it, rather than finding every piece kept from an earlier one.
 */
export async function transcribeAudio(
  audio: AudioFile,
  label: string,
  terms: string[],
  slug: string,
  ctx: TranscribeContext,
): Promise<{ transcript: Transcript; sent: boolean }> {
  const { transcriber, store, report } = ctx;
  // The download computed it while streaming; only a local file is read again for it.
  const sha256 = audio.sha256 ?? (await hashFile(audio.path));
  const keys = transcriptKeys(transcriber.model, sha256);
  const kept = await store.get<Transcript>(keys.transcript);
  if (kept) {
    report.reused++;
    return { transcript: kept, sent: false };
  }
  ctx.progress('decoding audio');
  const wav = tempName(path.join(ctx.workDir, `${sha256}.wav`));
  await fs.mkdir(ctx.workDir, { recursive: true });
  const ffmpeg = await ctx.ffmpeg();
  try {
    const { duration, silences } = await analyseAudio(ffmpeg, audio.path, wav, ctx.signal, label);
    const queue = planPieces(duration, silences, maxPieceSeconds(ctx.maxUploadBytes, UPLOAD_BITS_PER_SECOND));
    await store.put(keys.plan, { duration, pieces: queue } satisfies Plan);
    const done: { offset: number; transcript: Transcript }[] = [];
    let previousText = '';
    let sentSeconds = 0;
    for (let piece = queue.shift(); piece; piece = queue.shift()) {
      // Stopping (Ctrl-C) lets the piece in flight finish and be kept, and starts no other.
      ctx.signal?.throwIfAborted();
      ctx.progress(`transcribing ${done.length + 1}/${done.length + 1 + queue.length}`);
      let json = await store.get<VerboseJson>(keys.piece(piece));
      if (json) {
        report.piecesReused++;
      } else {
        const bytes = await encodePiece(ffmpeg, wav, piece, ctx.signal);
        try {
          json = await send(bytes, `${slug}-${done.length + 1}.mp3`, transcriptionPrompt(terms, previousText), ctx);
        } catch (error) {
          if (!(error instanceof UploadTooLargeError) || piece.end - piece.start < MIN_PIECE_SECONDS * 2) throw error;
          report.splits++;
          queue.unshift(...splitPiece(piece, silences));
          continue;
        }
        await store.put(keys.piece(piece), json);
        report.bytesUploaded += bytes.length;
        sentSeconds += piece.end - piece.start;
      }
      const { json: clean, dropped } = dropHallucinations(json);
      for (const key of ['silence', 'compressed', 'repeated'] as const) report.dropped[key] += dropped[key];
      const transcript = fromVerboseJson(clean);
      previousText = transcript.segments.map((segment) => segment.text).join(' ');
      done.push({ offset: piece.start, transcript });
    }
    const transcript = joinPieces(done, duration);
    await store.put(keys.transcript, transcript);
    if (sentSeconds) {
      report.transcribed.push({ slug, seconds: sentSeconds });
      report.bytesSource += audio.bytes;
    }
    return { transcript, sent: sentSeconds > 0 };
  } finally {
    await fs.rm(wav, { force: true });
  }
}

async function send(bytes: Uint8Array, fileName: string, prompt: string, ctx: TranscribeContext): Promise<VerboseJson> {
  return ctx.request(async () => {
    ctx.report.requests++;
    try {
      return await ctx.transcriber.transcribe(
        { bytes, fileName },
        {
          prompt,
          ...(ctx.signal ? { signal: ctx.signal } : {}),
          onRetry: (reason) => {
            ctx.report.retries++;
            ctx.progress(`waiting: ${reason}`);
          },
        },
      );
    } catch (error) {
      if (error instanceof TranscriptionError || ctx.signal?.aborted) throw error;
      throw new TranscriptionError(`transcription failed: ${(error as Error).message}`, { cause: error });
    }
  });
}

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
