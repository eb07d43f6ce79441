import fs from 'node:fs/promises';
import path from 'node:path';
import { tempName } from '../../adapters/files/temp-files.ts';
import type { Catalogue } from '../sources/read-episodes.ts';
import { failureLine, type RunReport } from './run-report.ts';

/**
 * Writes everything the last run named — episodes indexed from show notes only, transcripts imported, removed,
 * failed, warned about, skipped — to `DATA_DIR/last-run.txt`, one per line, so the printed summary can stay short at 10,000 episodes.
 * Returns the file's path, or undefined when it could not be written (the summary then says `--verbose`).
 */
export async function writeRunList(dataDir: string, catalogue: Catalogue, report: RunReport): Promise<string | undefined> {
  const file = path.resolve(dataDir, 'last-run.txt');
  const section = (title: string, lines: string[]) => (lines.length ? [`## ${title} (${lines.length})`, ...lines, ''] : []);
  const text = [
    ...section(
      'Searchable by their show notes only (not transcribed)',
      report.notesOnly.map((item) => `${item.slug}\t${item.reason}`),
    ),
    ...section('Transcripts imported', report.imported),
    ...section('Removed from the index', report.removed),
    ...section('Failed', report.failed.map(failureLine)),
    ...section('Warnings', report.warnings),
    ...section(
      'Skipped as not episodes',
      catalogue.skipped.map((item) => `${item.file}\t${item.reason}`),
    ),
  ].join('\n');
  try {
    await fs.mkdir(dataDir, { recursive: true });
    const temp = tempName(file);
    await fs.writeFile(temp, text);
    await fs.rename(temp, file);
    return file;
  } catch {
    return undefined;
  }
}
