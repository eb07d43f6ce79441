import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../adapters/files/temp-files.ts';
import type { TranscriptStore } from '../../src/ports.ts';

/**
 * Transcripts under DATA_DIR/transcripts, one JSON file per key, written to a temporary name and renamed: a kill at any
 * moment leaves either the whole answer or none.
 */
export function fileTranscriptStore(dir: string): TranscriptStore {
  const fileOf = (key: string) => path.join(dir, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
  return {
    async get<T>(key: string) {
      try {
        return JSON.parse(await fs.readFile(fileOf(key), 'utf8')) as T;
      } catch (error) {
        // A missing file is the usual case; an unreadable one is as good as missing and is transcribed again.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
        return undefined;
      }
    },
    async put(key, value) {
      await fs.mkdir(dir, { recursive: true });
      await writeFileAtomic(fileOf(key), JSON.stringify(value));
    },
  };
}
