// Which format a transcript is in: what the text plainly is, else what its Content-Type or file extension says.
export type Format = 'vtt' | 'srt' | 'json';

export const FORMAT_NAMES: Record<Format, string> = { vtt: 'WebVTT', srt: 'SubRip', json: 'JSON' };

const BY_EXTENSION: Record<string, Format> = { vtt: 'vtt', webvtt: 'vtt', srt: 'srt', json: 'json' };

const BY_CONTENT_TYPE: Record<string, Format> = {
  'text/vtt': 'vtt',
  'application/x-subrip': 'srt',
  'application/srt': 'srt',
  'application/x-srt': 'srt',
  'text/srt': 'srt',
  'text/x-srt': 'srt',
  'application/json': 'json',
  'text/json': 'json',
};

/** A specific type decides; generic ones (`text/plain`, `application/octet-stream`) say nothing. */
export function formatOfType(media: string | undefined): Format | undefined {
  if (!media) return undefined;
  return BY_CONTENT_TYPE[media] ?? (media.endsWith('+json') ? 'json' : undefined);
}

export function formatOfName(fileName: string): Format | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName.replace(/[?#].*$/, ''))?.[1]?.toLowerCase();
  return extension ? BY_EXTENSION[extension] : undefined;
}

/**
 * Only unmistakable signs: the WebVTT header, a JSON object or list, or a SubRip cue number followed by its timing.
 * Servers and file names mislabel transcripts; text that plainly is one format is read as that format.
 */
export function sniff(text: string): Format | undefined {
  if (/^WEBVTT(?:[ \t\n]|$)/.test(text)) return 'vtt';
  if (/^\s*[{[]/.test(text)) return 'json';
  if (/^\s*\d+[ \t]*\n[ \t]*[\d:.,]+[ \t]*-->/.test(text)) return 'srt';
  return undefined;
}
