import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { OpenedAudio } from '../adapters/files/local-audio.ts';

/**
 * Sends an opened local audio file, from its descriptor: what was checked is what is sent, whatever is renamed in the
 * folder meanwhile. Range requests are answered (the player seeks with them); the type is the sniffed one, with
 * `nosniff`, so no browser takes the bytes for a page or a script. Closes the file in every case.
 */
export async function serveAudio(req: Request, res: Response, audio: OpenedAudio, name: string): Promise<void> {
  const { handle, size } = audio;
  const etag = `W/"${size.toString(16)}-${Math.floor(audio.mtime.getTime()).toString(16)}"`;
  const lastModified = audio.mtime.toUTCString();
  res.setHeader('Content-Type', audio.contentType);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Disposition', inline(`${name}.${audio.ext}`));
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', 'public, max-age=3600');
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', lastModified);
  let start = 0;
  let end = size - 1;
  // If-Range names the version the client holds a part of; another version gets the whole file, never a mix.
  const ifRange = req.headers['if-range'];
  const ranges =
    req.headers.range && (!ifRange || ifRange === etag || ifRange === lastModified) ? req.range(size, { combine: true }) : undefined;
  try {
    if (ranges === -1) {
      res.status(416).setHeader('Content-Range', `bytes */${size}`);
      return void res.end();
    }
    // Several ranges at once (multipart/byteranges) are answered with the whole file, which HTTP allows.
    if (ranges !== undefined && ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1 && ranges[0]) {
      ({ start, end } = ranges[0]);
      res.status(206).setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    } else if (req.fresh) {
      return void res.status(304).end();
    }
    res.setHeader('Content-Length', String(end - start + 1));
    if (req.method === 'HEAD') return void res.end();
    // A listener who seeks or leaves closes the request: pipeline then ends the stream, and the handle with it.
    await pipeline(handle.createReadStream({ start, end, autoClose: false }), res).catch(() => {});
  } finally {
    await handle.close().catch(() => {});
  }
}

/** `inline` with a name that is plain ASCII (quoted safely) and the exact UTF-8 one for clients that read it. */
function inline(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
