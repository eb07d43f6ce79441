import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { writeRunList } from '../../indexer/pipeline/run-list.ts';
import { emptyReport, summaryLines } from '../../indexer/pipeline/run-report.ts';
import { testdir } from '../support/testdir.ts';

// Issue 10: with no transcription key, one line listed all 985 episode slugs (16–20 KB on one line).
test('at catalogue scale no line lists more than ten names; the full list is in a file under DATA_DIR', async () => {
  const report = emptyReport();
  for (let i = 0; i < 985; i++) report.notesOnly.push({ slug: `episode-${i}`, seconds: 3000, reason: 'not transcribed' });
  for (let i = 0; i < 40; i++) report.removed.push(`gone-${i}`);
  for (let i = 0; i < 70; i++) report.warnings.push(`episodes/e${i}.md: date: "someday" is not a date`);
  for (let i = 0; i < 60; i++) report.failed.push({ file: `episodes/f${i}.md`, reason: 'broken' });
  const dataDir = await testdir();
  const catalogue = {
    dir: '',
    episodes: [],
    failures: [],
    slugs: [],
    glossary: [],
    skipped: [{ file: 'episodes/README.md', reason: 'not an episode file' }],
    warnings: [],
  };
  const listFile = await writeRunList(dataDir, catalogue, report);
  assert.equal(listFile, path.resolve(dataDir, 'last-run.txt'));
  const lines = summaryLines(report, 'whisper-1', false, { listFile });
  for (const line of lines) {
    assert.ok(line.length < 1000, line);
    assert.ok((line.match(/episode-\d+|gone-\d+/g) ?? []).length <= 10, line);
  }
  assert.ok(lines.length < 120, `${lines.length} lines`);
  assert.match(
    lines.join('\n'),
    /985 episode\(s\) are searchable by their show notes only: episode-0, .*episode-9 and 975 more \(all listed in .*last-run\.txt\)/,
  );
  assert.match(lines.join('\n'), /… and 20 more warning\(s\)/);
  assert.match(lines.join('\n'), /… and 10 more failure\(s\)/);
  const written = await fs.readFile(listFile ?? '', 'utf8');
  for (const name of ['episode-984', 'gone-39', 'e69.md', 'f59.md', 'README.md']) assert.ok(written.includes(name), name);
  // --verbose prints every name.
  assert.match(summaryLines(report, 'whisper-1', false, { verbose: true }).join('\n'), /episode-984/);
});
