/** A transcript the publisher links to; `type` is a MIME type when given (`text/vtt`, `application/json`…). */
export type TranscriptLink = { url: string; type?: string; language?: string };

/** Front-matter fields that hold links — audio and transcripts — read so that only http(s) or paths beside the file get through. */
// Sound files; a path may also name a video an <audio> plays (mp4, webm).
const SOUND = 'mp3|m4a|m4b|aac|ogg|oga|opus|wav|flac';
const AUDIO_PATH = new RegExp(String.raw`\.(?:${SOUND}|mp4|webm)(?:[?#]|$)`, 'i');
const SOUND_URL = new RegExp(String.raw`^https?:\/\/.*\.(?:${SOUND})(?:[?#]|$)`, 'i');

// A player's `src="…"` or `url="…"`, or a Markdown link to the file whose words say it is the episode's (Les Cast
// Codeurs: "Téléchargement de l'épisode [LesCastCodeurs-Episode-340.mp3](https://…/Episode-340.mp3)"; devchat.tv's
// "[Download](…)"), not "[listen to episode 41](…)" nor a music credit.
const AUDIO_IN_NOTES = new RegExp(
  String.raw`(?:\b(?:src|url)\s*=\s*["']|\[(?:[^\]\n]{0,80}\.(?:mp3|m4a|ogg|opus)|[^\]\n]{0,30}\b(?:download|t[ée]l[ée]charg\w*|descarga\w*|herunterladen|mp3)\b[^\]\n]{0,30})\]\(\s*)(https?:\/\/[^"'\s<>()]{1,500}?\.(?:${SOUND})(?:\?[^"'\s<>()]{0,200})?)(?:["']|\s*\))`,
  'gi',
);

/**
 * The audio file of a player written into the notes, where the front matter names none: Bitcoin Optech's
 * `{% include functions/podcast-player.md url="https://…/ep.m4a" %}`, an `<audio src>` or `<source src>`. Only where the notes hold one.
 */
export function audioInNotes(markdown: string): string | undefined {
  // Not a player quoted as code ("```html<audio src=…>"), nor an ad; one file, in any of the formats an <audio> offers.
  const prose = markdown.replace(/```[^`]*```|`[^`\n]*`/g, ' ');
  const found = new Map<string, string>();
  for (const [, url = ''] of prose.matchAll(AUDIO_IN_NOTES)) {
    if (/\/\/(?:ads?|sponsors?)\.|\/(?:ads?|sponsors?|promos?)\/|sponsor|promo|trailer/i.test(url)) continue;
    const file = url.replace(/\?.*$/, '').replace(/\.[a-z0-9]+$/i, '');
    if (!found.has(file)) found.set(file, url);
    if (found.size > 1) return undefined;
  }
  const [only] = found.values();
  return only ? readHttpUrl(only) : undefined;
}

/**
 * An audio file's URL under a field of the site's own name (`audio_file_path:`, `mediaUrl:`), where no field podgrep
 * knows holds one: the first such value at the top of the front matter. Not a trailer's or a video's.
 */
export function audioInFields(data: Record<string, unknown>, level: 'top' | 'extra' | 'formats' = 'top'): string | undefined {
  for (const [key, value] of Object.entries(data)) {
    // A field named for the episode's file; not a sponsor's spot, the theme music or the previous episode.
    if ((level !== 'formats' && !AUDIO_KEY.test(key)) || (level === 'top' && key === 'extra')) continue;
    if (/trailer|promo|preview|sample|clip|video|image|cover|sponsor|\bads?\b|intro|outro|music|previous|next/i.test(key)) continue;
    // Binärgewitter's `audioformats: { mp3: …, ogg: …, opus: … }`: one file in several formats, the first as good as any.
    const nested = isMap(value) && level !== 'formats';
    const found = nested ? audioInFields(value, 'formats') : typeof value === 'string' ? audioUrl(value) : undefined;
    if (found) return found;
  }
  // Zola keeps a site's own fields under `[extra]` (The Way of the Crab's `aac_url`): read after the top's.
  return level === 'top' && isMap(data.extra) ? audioInFields(data.extra, 'extra') : undefined;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

const AUDIO_KEY = /audio|media|mp3|enclosure|podcast|episode|file|link|url|download|listen|sound|format/i;

function audioUrl(value: string): string | undefined {
  const url = value.trim();
  return SOUND_URL.test(url) ? readHttpUrl(url) : undefined;
}

export function isAudioPath(value: unknown): boolean {
  return typeof value === 'string' && AUDIO_PATH.test(value.trim());
}

/** `url` and `link` often hold the page's own address: they count as audio only when they point at an audio file. */
export function readAudio(value: unknown, onlyIfAudio: boolean, prefix: string | undefined): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = readAudio(item, onlyIfAudio, prefix);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return readAudio(object.url ?? object.file ?? object.src ?? object.href, onlyIfAudio, prefix);
  }
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (onlyIfAudio && !AUDIO_PATH.test(url)) return undefined;
  // Anything with a scheme must be http(s); `file:`, `ftp:` or `javascript:` would let a show file reach places it must not.
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return readHttpUrl(url);
  if (url.includes('\0')) return undefined;
  return prefix ? readHttpUrl(new URL(url.replace(/^\/+/, ''), prefix.endsWith('/') ? prefix : `${prefix}/`).href) : url;
}

/** An http(s) URL as written, or undefined: the only kind of link notes and fields may lead to. */
export function readHttpUrl(value: unknown): string | undefined {
  const url = typeof value === 'string' ? URL.parse(value.trim()) : null;
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : undefined;
}

/** `transcript: URL`, or the Podcasting 2.0 shape: a list of `{ url, type }`. Local paths are read beside the episode. */
/**
 * A transcript written into the front matter itself, as the notes' "Transcript" section: IRL keeps its transcripts in
 * `transcript: |` (turns of "**Veronica:** …"), not in a file.
 */
export function transcriptSection(texts: readonly string[]): string {
  const text = texts.find(isTranscriptText);
  return text ? `\n\n## Transcript\n\n${text}` : '';
}

/** Text, not a link: over several lines, or a long run of words (`transcript: >` folds its lines into one). */
function isTranscriptText(value: unknown): value is string {
  return typeof value === 'string' && (value.trim().includes('\n') || (value.length > 200 && /\s\S+\s/.test(value.trim())));
}

export function readTranscripts(value: unknown): TranscriptLink[] | undefined {
  // The transcript itself, written into the field: the notes read it (transcriptSection), no link to follow.
  if (isTranscriptText(value)) return [];
  const list = Array.isArray(value) ? value : [value];
  const links: TranscriptLink[] = [];
  for (const item of list) {
    const object: Record<string, unknown> = item && typeof item === 'object' ? (item as Record<string, unknown>) : { url: item };
    const raw = typeof object.url === 'string' ? object.url.trim() : typeof object.href === 'string' ? object.href.trim() : undefined;
    // A local transcript is a file: `transcripts/42.vtt`. A name without an extension (`transcript: discovery`) is an
    // entry of the site's own collection, which its templates find; there is no file of that name to read.
    const local = raw && !raw.includes('\0') && /\.[a-z0-9]{1,8}$/i.test(raw.replace(/[?#].*$/, '')) ? raw : undefined;
    const url = raw && (/^[a-z][a-z0-9+.-]*:/i.test(raw) ? readHttpUrl(raw) : local);
    if (!url) return undefined;
    links.push(typeof object.type === 'string' ? { url, type: object.type } : { url });
  }
  return links;
}
