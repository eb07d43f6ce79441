import fs from 'node:fs/promises';
import path from 'node:path';
import { tempName } from '../../adapters/files/temp-files.ts';
import { maxPieceSeconds, type Piece, planPieces } from '../../src/audio/audio-pieces.ts';
import type { AudioSource, TranscriptStore } from '../../src/ports.ts';
import { analyseAudio, UPLOAD_BITS_PER_SECOND } from '../audio/transcode.ts';
import type { Catalogue, EpisodeFile } from '../sources/read-episodes.ts';
import { hashFile, type Plan, transcriptKeys } from '../transcription/transcribe-audio.ts';
import { audioReference } from './episode-audio.ts';

export type DryRunDeps = {
  audio: AudioSource;
  transcripts: TranscriptStore;
  ffmpeg: () => Promise<string>;
  workDir: string;
  model: string;
  maxUploadBytes: number;
  /** Told as each episode is estimated (or could not be), for the progress line and the failures printed as they happen. */
  finished?: (outcome: { estimate?: Estimate; failure?: Failure }) => void;
};

export type Estimate = { slug: string; seconds: number; pieces: number };
export type Failure = { file: string; reason: string };
export type DryRunResult = { estimates: Estimate[]; failed: Failure[] };

/** The episodes a run would send to transcription: audio, and no transcript of their own. */
export function untranscribed(catalogue: Catalogue): EpisodeFile[] {
  return catalogue.episodes.filter(
    ({ episode, transcriptFile }) => episode.audioUrl && !transcriptFile && !episode.transcripts?.length && !episode.transcriptUrl,
  );
}

/**
 * What a run would send, computed the way the run computes it — same audio, same cuts, same kept pieces — so the
 * estimate is what the run then sends. Audio is downloaded (into the cache the run will use) and decoded; nothing is
 * sent to the transcription service.
 */
export async function estimateRun(items: EpisodeFile[], deps: DryRunDeps): Promise<DryRunResult> {
  const result: DryRunResult = { estimates: [], failed: [] };
  for (const item of items) {
    try {
      const estimate = await estimateOne(item, deps);
      if (estimate) result.estimates.push(estimate);
      deps.finished?.(estimate ? { estimate } : {});
    } catch (error) {
      const failure = { file: item.file, reason: (error as Error).message };
      result.failed.push(failure);
      deps.finished?.({ failure });
    }
  }
  return result;
}

/** The pieces of the episode's audio not transcribed yet, or undefined when every piece is kept already. */
async function estimateOne(item: EpisodeFile, deps: DryRunDeps): Promise<Estimate | undefined> {
  const reference = audioReference(item) ?? '';
  const audio = await deps.audio.fetch(reference, {});
  const keys = transcriptKeys(deps.model, audio.sha256 ?? (await hashFile(audio.path)));
  if (await deps.transcripts.get(keys.transcript)) return undefined;
  let plan = await deps.transcripts.get<Plan>(keys.plan);
  if (!plan) {
    plan = await planOf(audio.path, deps);
    // Kept as the run keeps it: a second dry run, or one over episodes that share their audio, decodes it once.
    await deps.transcripts.put(keys.plan, plan);
  }
  const pending: Piece[] = [];
  for (const piece of plan.pieces) if (!(await deps.transcripts.get(keys.piece(piece)))) pending.push(piece);
  if (!pending.length) return undefined;
  return { slug: item.episode.slug, seconds: pending.reduce((sum, p) => sum + p.end - p.start, 0), pieces: pending.length };
}

async function planOf(source: string, deps: DryRunDeps): Promise<Plan> {
  await fs.mkdir(deps.workDir, { recursive: true });
  const wav = tempName(path.join(deps.workDir, 'dry-run.wav'));
  try {
    const { duration, silences } = await analyseAudio(await deps.ffmpeg(), source, wav);
    return { duration, pieces: planPieces(duration, silences, maxPieceSeconds(deps.maxUploadBytes, UPLOAD_BITS_PER_SECOND)) };
  } finally {
    await fs.rm(wav, { force: true });
  }
}
