import fs from 'node:fs/promises';
import path from 'node:path';
import { tempName } from '../../adapters/files/temp-files.ts';
import { maxPieceSeconds, type Piece, planPieces } from '../../src/audio/audio-pieces.ts';
import { isLocalAudio } from '../../src/episode/episode.ts';
import type { AudioSource, TranscriptStore } from '../../src/ports.ts';
import { analyseAudio, UPLOAD_BITS_PER_SECOND } from '../audio/transcode.ts';
import type { Catalogue } from '../sources/read-episodes.ts';
import { hashFile, type Plan, transcriptKeys } from '../transcription/transcribe-audio.ts';

export type DryRunDeps = {
  audio: AudioSource;
  transcripts: TranscriptStore;
  ffmpeg: () => Promise<string>;
  workDir: string;
  model: string;
  maxUploadBytes: number;
  log: (line: string) => void;
};

export type Estimate = { slug: string; seconds: number; pieces: number };

/**
 * What a run would send, computed the way the run computes it — same audio, same cuts, same kept pieces — so the
 * estimate is what the run then sends. Audio is downloaded (into the cache the run will use) and decoded; nothing is
 * sent to the transcription service.
 */
export async function estimateRun(catalogue: Catalogue, deps: DryRunDeps): Promise<Estimate[]> {
  const estimates: Estimate[] = [];
  for (const item of catalogue.episodes) {
    const { episode, file } = item;
    if (!episode.audioUrl || item.transcriptFile || episode.transcripts?.length || episode.transcriptUrl) continue;
    try {
      const reference = isLocalAudio(episode.audioUrl) ? path.resolve(path.dirname(file), episode.audioUrl) : episode.audioUrl;
      const audio = await deps.audio.fetch(reference, {});
      const keys = transcriptKeys(deps.model, audio.sha256 ?? (await hashFile(audio.path)));
      if (await deps.transcripts.get(keys.transcript)) continue;
      const plan = (await deps.transcripts.get<Plan>(keys.plan)) ?? (await planOf(audio.path, deps));
      const pending: Piece[] = [];
      for (const piece of plan.pieces) if (!(await deps.transcripts.get(keys.piece(piece)))) pending.push(piece);
      if (pending.length)
        estimates.push({ slug: episode.slug, seconds: pending.reduce((sum, p) => sum + p.end - p.start, 0), pieces: pending.length });
    } catch (error) {
      deps.log(`✗ ${file}: ${(error as Error).message}`);
    }
  }
  return estimates;
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
