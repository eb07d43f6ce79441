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

/**
 * The variables podgrep reads and their defaults ('' for none). What each means is the README's configuration table,
 * which a test holds to this list.
 */
export const VARIABLES = {
  PORT: '3000',
  HOST: '127.0.0.1',
  PUBLIC_URL: '',
  EPISODES_DIR: './episodes',
  DATA_DIR: './.data',
  MEILI_HOST: '',
  MEILI_MASTER_KEY: '',
  MEILI_API_KEY: '',
  MEILI_INDEX_PREFIX: 'podgrep',
  MEILI_BIN: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  TRANSCRIBE_MODEL: 'whisper-1',
  TRANSCRIBE_CONCURRENCY: '4',
  TRANSCRIBE_MAX_UPLOAD_BYTES: '25000000',
  AUDIO_MAX_BYTES: '1073741824',
  EPISODE_MAX_BYTES: '5242880',
  TRANSCRIPT_MAX_BYTES: '52428800',
  AUDIO_DIRS: '',
  AUDIO_MIN_BYTES_PER_SECOND: '100000',
  AUDIO_DEADLINE_SECONDS: '',
  ALLOW_PRIVATE_URLS: '',
  RATE_LIMIT: '120',
  FFMPEG_BIN: '',
  FEEDS: '',
  TRUST_PROXY: '',
} as const;

export function parseConfig(env: Env): Config {
  const problems: string[] = [];
  const text = (name: keyof typeof VARIABLES): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : VARIABLES[name] || undefined;
  };
  /** A variable with a default always has a value. */
  const given = (name: keyof typeof VARIABLES): string => text(name) ?? VARIABLES[name];
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
  const indexPrefix = given('MEILI_INDEX_PREFIX');
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(indexPrefix)) {
    problems.push(`MEILI_INDEX_PREFIX=${JSON.stringify(indexPrefix)}: expected letters, digits, - and _ only`);
  }
  const model = given('TRANSCRIBE_MODEL');
  if (!modelInfo(model).timestamps) {
    problems.push(
      `TRANSCRIBE_MODEL=${model}: this model returns no timestamps, so no moment could be linked; use whisper-1 (OpenAI) or whisper-large-v3 (Groq)`,
    );
  }
  const port = integer('PORT', 0, 65535);
  const host = given('HOST');
  const config: Config = {
    port,
    host,
    publicUrl: url('PUBLIC_URL') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    episodesDir: given('EPISODES_DIR'),
    dataDir: given('DATA_DIR'),
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
    audioDirs: (text('AUDIO_DIRS') ?? '')
      .split(':')
      .map((dir) => dir.trim())
      .filter(Boolean),
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
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
      problems.push(`FEEDS: ${JSON.stringify(url)} is not an http(s) URL; expected feed URLs separated by spaces`);
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
