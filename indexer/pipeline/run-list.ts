import fs from 'node:fs/promises';
import path from 'node:path';
import { tempName } from '../../adapters/files/temp-files.ts';
import { estimateCost, formatDollars, formatMinutes } from '../../src/config/models.ts';
import type { Catalogue } from '../sources/read-episodes.ts';
import type { DryRunResult } from './dry-run.ts';
import { failureLine, type RunReport } from './run-report.ts';

/**
 * Writes everything the last run named — episodes indexed from show notes only, transcripts imported, removed,
 * failed, warned about, skipped — to `DATA_DIR/last-run.txt`, one per line, so the printed summary can stay short at 10,000 episodes.
 * Returns the file's path, or undefined when it could not be written (the summary then says `--verbose`).
 */
export async function writeRunList(dataDir: string, catalogue: Catalogue, report: RunReport): Promise<string | undefined> {
  return writeList(path.resolve(dataDir, 'last-run.txt'), [
    ['Searchable by their show notes only (not transcribed)', report.notesOnly.map((item) => `${item.slug}\t${item.reason}`)],
    ['Transcripts imported', report.imported],
    ['Removed from the index', report.removed],
    ['Failed', report.failed.map(failureLine)],
    ['Warnings', report.warnings],
    ['Skipped as not episodes', skippedLines(catalogue)],
  ]);
}

/**
 * The same for a dry run, in `DATA_DIR/dry-run.txt` (last-run.txt stays the last real run's): every episode it would
 * transcribe with its minutes, pieces and cost, and every episode it could not estimate, with the reason.
 */
export async function writeDryRunList(
  dataDir: string,
  catalogue: Catalogue,
  result: DryRunResult,
  model: string,
): Promise<string | undefined> {
  return writeList(path.resolve(dataDir, 'dry-run.txt'), [
    [
      'To transcribe (slug, minutes, pieces, estimated cost)',
      result.estimates.map(
        (item) => `${item.slug}\t${formatMinutes(item.seconds)}\t${item.pieces}\t${formatDollars(estimateCost(model, item.seconds))}`,
      ),
    ],
    ['Could not be estimated', result.failed.map(failureLine)],
    ['Failed to read', catalogue.failures.map((failure) => failureLine({ file: failure.file, reason: failure.message }))],
    ['Warnings', catalogue.warnings],
    ['Skipped as not episodes', skippedLines(catalogue)],
  ]);
}

function skippedLines(catalogue: Catalogue): string[] {
  return catalogue.skipped.map((item) => `${item.file}\t${item.reason}`);
}

async function writeList(file: string, sections: [title: string, lines: string[]][]): Promise<string | undefined> {
  const text = sections
    .filter(([, lines]) => lines.length)
    .flatMap(([title, lines]) => [`## ${title} (${lines.length})`, ...lines, ''])
    .join('\n');
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temp = tempName(file);
    await fs.writeFile(temp, text);
    await fs.rename(temp, file);
    return file;
  } catch {
    return undefined;
  }
}
