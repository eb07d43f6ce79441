import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { EpisodeFileResult } from '../../src/episode/episode.ts';

/** What parsing one episode file gave, with the warnings it raised (repeated on every run, as a fresh parse would). */
export type ParsedFile = { result: EpisodeFileResult; warnings: string[] };

type Stored = { version: 1; fingerprint: string; entries: [string, { hash: string; parsed: ParsedFile }][] };

/**
 * Parsed episode files kept in DATA_DIR between runs, keyed by the file's path and the sha256 of its bytes: a no-op run
 * over 10,000 files reads and hashes them but parses none (parsing was ~90 % of reading a folder, measured). The whole
 * cache is dropped when the parser's code, its dependencies or the site's field names change (`fingerprint`), so a
 * fixed parser never serves an old reading. v8's serializer keeps `undefined` fields as they were, unlike JSON.
 */
export class EpisodeCache {
  private fresh = new Map<string, { hash: string; parsed: ParsedFile }>();
  private changed = false;

  private readonly file: string | undefined;
  private readonly fingerprint: string;
  private readonly old: Map<string, { hash: string; parsed: ParsedFile }>;

  private constructor(file: string | undefined, fingerprint: string, old: Map<string, { hash: string; parsed: ParsedFile }>) {
    this.file = file;
    this.fingerprint = fingerprint;
    this.old = old;
  }

  /** Opens the cache file; a missing, unreadable or outdated one is an empty cache, never an error. */
  static async open(file: string | undefined, settings: unknown): Promise<EpisodeCache> {
    const fingerprint = createHash('sha256')
      .update(parserFingerprint())
      .update(JSON.stringify(settings ?? null))
      .digest('hex');
    if (!file) return new EpisodeCache(undefined, fingerprint, new Map());
    try {
      const stored = deserialize(await fs.readFile(file)) as Stored;
      if (stored?.version === 1 && stored.fingerprint === fingerprint && Array.isArray(stored.entries)) {
        return new EpisodeCache(file, fingerprint, new Map(stored.entries));
      }
    } catch {
      // No cache yet, or one a crash cut short: everything is parsed again.
    }
    return new EpisodeCache(file, fingerprint, new Map());
  }

  /** The file's earlier parse when its bytes are unchanged; otherwise `parse()` runs and its result is kept. */
  get(file: string, bytes: Uint8Array, parse: () => ParsedFile): ParsedFile {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const old = this.old.get(file);
    if (old && old.hash === hash) {
      this.fresh.set(file, old);
      return old.parsed;
    }
    const parsed = parse();
    this.fresh.set(file, { hash, parsed });
    this.changed = true;
    return parsed;
  }

  /** Writes what this run read (files gone or failed since are dropped), atomically, and only when anything changed. */
  async save(): Promise<void> {
    if (!this.file || (!this.changed && this.fresh.size === this.old.size)) return;
    const stored: Stored = { version: 1, fingerprint: this.fingerprint, entries: [...this.fresh] };
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(temp, serialize(stored));
    await fs.rename(temp, this.file);
  }
}

let cachedFingerprint: string | undefined;

/**
 * A hash of the code that turns a file into an Episode: every `.ts` file under the project's `src/` and the locked
 * dependency versions. Found from this file upwards, so it holds wherever the project's folders move.
 */
function parserFingerprint(): string {
  if (cachedFingerprint) return cachedFingerprint;
  let root = path.dirname(fileURLToPath(import.meta.url));
  while (!readdirSync(root).includes('package.json')) {
    const parent = path.dirname(root);
    if (parent === root) throw new Error('episode-cache: no package.json above this file');
    root = parent;
  }
  const hash = createHash('sha256');
  const files = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort();
  if (files.length === 0) throw new Error(`episode-cache: no source files under ${path.join(root, 'src')}`);
  for (const name of files) hash.update(name).update(readFileSync(path.join(root, 'src', name)));
  for (const name of ['package.json', 'package-lock.json']) {
    try {
      hash.update(readFileSync(path.join(root, name)));
    } catch {
      // An installed copy may have no lock file; the sources still decide.
    }
  }
  cachedFingerprint = hash.digest('hex');
  return cachedFingerprint;
}
