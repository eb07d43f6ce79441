import express, { type Response } from 'express';
import { chaptersOf } from '../src/episode/chapters.ts';
import { MEDIA_TYPES, toChaptersJson, toPodcastJson, toSrt, toVtt } from '../src/export/transcript-files.ts';
import type { SearchBackend } from '../src/ports.ts';
import { failWith } from './answer-error.ts';

const WRITERS = { vtt: toVtt, srt: toSrt, json: toPodcastJson } as const;

/**
 * What podgrep made, back out for podcast apps: `/episodes/:slug/transcript.vtt|.srt|.json` and
 * `/episodes/:slug/chapters.json`. Apps fetch them from other origins, so every answer allows any origin; an ETag
 * lets them revalidate cheaply (Express answers 304 to a matching If-None-Match).
 */
export function exportsRouter(search: SearchBackend): express.Router {
  const router = express.Router();
  router.use('/episodes/:slug', (_req, res, next) => {
    res.set({ 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin', 'Cache-Control': 'public, max-age=300' });
    next();
  });
  router.get('/episodes/:slug/transcript.:format', async (req, res) => {
    const format = req.params.format as keyof typeof WRITERS;
    if (!Object.hasOwn(WRITERS, format)) return missing(res, 'Transcripts are exported as .vtt, .srt and .json.');
    failWith(res, { text: true });
    const lines = await search.transcript(req.params.slug);
    if (lines.length === 0)
      return missing(
        res,
        (await search.episode(req.params.slug)) ? 'This episode has no transcript yet.' : `No episode called "${req.params.slug}".`,
      );
    res.type(MEDIA_TYPES[format]).send(WRITERS[format](lines));
  });
  router.get('/episodes/:slug/chapters.json', async (req, res) => {
    failWith(res, { text: true });
    const episode = await search.episode(req.params.slug);
    if (!episode) return missing(res, `No episode called "${req.params.slug}".`);
    const chapters = chaptersOf(episode);
    if (chapters.length === 0) return missing(res, 'This episode has no chapters.');
    res.type(MEDIA_TYPES.chapters).send(toChaptersJson(chapters));
  });
  return router;
}

function missing(res: Response, reason: string): void {
  res.status(404).type('text').send(reason);
}
