import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { countStatus } from '../../indexer/pipeline/live-status.ts';
import { type EpisodeResult, progressReporter } from '../../indexer/pipeline/progress.ts';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { testdir } from '../support/testdir.ts';

// Issue 10: `npm run index` printed one line per episode, 2,000 lines for Jupiter Broadcasting's catalogue.
// These drive the reporter as the pipeline does, with a clock the test moves (mock timers), over 10,000 episodes.

/** Runs `total` episodes through a reporter, one every `stepMs`; `kindOf` says how each ends. */
function runEpisodes(isTTY: boolean, total: number, kindOf: (i: number) => EpisodeResult['kind'], options = {}, columns = 80) {
  let written = '';
  const stream = { isTTY, columns, write: (text: string) => void (written += text) };
  mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
  try {
    const progress = progressReporter(stream, total, options);
    const snapshots: string[] = [];
    for (let i = 0; i < total; i++) {
      const slug = `episode-${i}`;
      const kind = kindOf(i);
      if (kind === 'transcribed') progress.update(slug, 'transcribing 1/2');
      mock.timers.tick(50);
      const text = kind === 'failed' ? 'failed: audio_url "x.mp3" is outside the episodes folder' : 'indexed (show notes only)';
      progress.finish(slug, { kind, text });
      if (i === total / 2) snapshots.push(screen(written));
    }
    progress.done();
    return { written, snapshots };
  } finally {
    mock.timers.reset();
  }
}

/** What a terminal shows after the output: the reporter's redraws (cursor up N lines, erase below) applied. */
function screen(written: string): string {
  const lines: string[] = [];
  for (const part of written.split(/(\x1b\[\d+A\x1b\[0J)/)) {
    const up = /^\x1b\[(\d+)A/.exec(part);
    if (up) lines.splice(lines.length - Number(up[1]));
    else lines.push(...part.split('\n').slice(0, -1));
  }
  return lines.join('\n');
}

const mostlyNotes = (i: number): EpisodeResult['kind'] =>
  i === 1234 ? 'failed' : i % 2000 === 7 ? 'transcribed' : i % 3 === 0 ? 'unchanged' : 'notes';

test('in a pipe, 10,000 episodes print a progress line every ten seconds or so, and a line for each failure and transcription only', () => {
  const { written } = runEpisodes(false, 10_000, mostlyNotes);
  const lines = written.trimEnd().split('\n');
  // 10,000 episodes at 50 ms: 500 s, so about 50 progress lines, plus 1 failure and 5 transcriptions.
  assert.ok(lines.length <= 60, `${lines.length} lines:\n${lines.slice(0, 20).join('\n')}`);
  assert.ok(
    lines.some((line) => /^\[1235\/10000\] episode-1234: failed: audio_url "x\.mp3" is outside/.test(line)),
    written,
  );
  assert.equal(lines.filter((line) => /^\[\d+\/10000\] episode-\d*7: indexed/.test(line)).length, 5, 'each transcription');
  assert.ok(!/episode-2: /.test(written), 'an episode indexed from its notes has no line of its own');
  const progressLines = lines.filter((line) => line.includes('/10,000 episodes'));
  assert.ok(progressLines.length >= 40, `${progressLines.length} progress lines`);
  assert.match(
    progressLines[25] ?? '',
    /^\d{1,3}(,\d{3})*\/10,000 episodes \(\d+ %\), about \d+ min left · 1 failed, \d transcribed, [\d,]+ unchanged, [\d,]+ indexed$/,
  );
});

test('--verbose prints every episode as it finishes, as before', () => {
  const { written } = runEpisodes(false, 300, mostlyNotes, { verbose: true });
  assert.match(written, /^\[3\/300\] episode-2: indexed \(show notes only\)$/m);
  assert.equal(written.match(/^\[\d+\/300\] /gm)?.length, 300);
});

test('when a whole host is down, ten failures are printed as they happen and the rest are left to the summary', () => {
  const { written } = runEpisodes(false, 500, () => 'failed');
  assert.equal(written.match(/: failed: /g)?.length, 10);
  assert.equal(written.match(/more episodes failed: the summary at the end lists them/g)?.length, 1);
});

test('in a terminal, one live line with the counts, the time left and the latest episode; failures and transcriptions stay', () => {
  const { written, snapshots } = runEpisodes(true, 10_000, mostlyNotes, {}, 200);
  const during = snapshots[0]?.split('\n') ?? [];
  // Redrawn every 100 ms at most: the line drawn last, after the 5,000th episode.
  assert.equal(
    during.at(-1),
    '  5,000/10,000 episodes (50 %), about 4 min left · 1 failed, 3 transcribed, 1,666 unchanged, 3,334 indexed · episode-4999',
  );
  assert.ok(during.length <= 10, during.join('\n'));
  // A narrow terminal cuts the line's end, never wraps it (a wrapped line would break the redraw).
  const narrow = runEpisodes(true, 300, mostlyNotes, {}, 60).snapshots[0]?.split('\n') ?? [];
  assert.equal(narrow.at(-1), '  150/300 episodes (50 %), under a minute left · 1 transcri');
  // After the run only what deserved a line remains: the summary is printed under it.
  assert.deepEqual(
    screen(written)
      .split('\n')
      .map((line) => line.replace(/: .*/, '')),
    ['✓ episode-7', '✗ episode-1234', '✓ episode-2007', '✓ episode-4007', '✓ episode-6007', '✓ episode-8007'],
  );
});

test('in a pipe, a long transcription with nothing finishing still gets a line a minute, naming what is in flight', () => {
  let written = '';
  mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
  try {
    const progress = progressReporter({ isTTY: false, write: (text: string) => void (written += text) }, 2);
    progress.finish('short', { kind: 'notes', text: 'indexed (show notes only)' });
    progress.update('long-one', 'transcribing 3/9');
    for (let second = 0; second < 300; second++) mock.timers.tick(1000);
    progress.done();
  } finally {
    mock.timers.reset();
  }
  const lines = written.trimEnd().split('\n');
  // One after ten seconds (an episode had finished), then one a minute: at 10, 70, 130, 190 and 250 s.
  assert.equal(lines.length, 5, written);
  assert.equal(lines.at(-1), '1/2 episodes (50 %), about 4 min left · 1 indexed; in flight: long-one (transcribing 3/9)');
});

// Reading devchat.tv's 3,149 episode files took 7–12 s with nothing on the screen; after the episodes, Meilisearch took
// 56 s to index what was sent, with one line said at its start.

/** Files read one every `stepMs` through the count the index command shows while it reads them. */
function readFiles(isTTY: boolean, total: number, stepMs: number) {
  let written = '';
  const snapshots: string[] = [];
  mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
  try {
    const reading = countStatus({ isTTY, columns: 80, write: (text: string) => void (written += text) }, 'episode files read', {
      delayMs: 1000,
    });
    for (let i = 1; i <= total; i++) {
      reading.set(i, total);
      mock.timers.tick(stepMs);
      if (i === Math.floor(total / 2)) snapshots.push(screen(written));
    }
    reading.done();
  } finally {
    mock.timers.reset();
  }
  return { written, snapshots };
}

test('reading 3,149 files for 12 s: a count that moves in a terminal, a line at ten seconds in a pipe; a quick read shows nothing', () => {
  const pipe = readFiles(false, 3149, 4).written;
  assert.equal(pipe, '2,500/3,149 episode files read (79 %)\n');
  const terminal = readFiles(true, 3149, 4);
  // Redrawn every 100 ms at most: halfway, the line drawn last.
  assert.match(terminal.snapshots[0] ?? '', /^ {2}1,5\d\d\/3,149 episode files read \(49 %\)$/);
  assert.equal(screen(terminal.written), '', 'the count is gone once the files are read');
  // 200 files in 0.4 s: not a character, in a pipe or a terminal.
  assert.equal(readFiles(false, 200, 2).written, '');
  assert.equal(readFiles(true, 200, 2).written, '');
});

test('the count follows the files as readEpisodes reads them, sub-folders and skipped files too', async () => {
  const dir = fileURLToPath(new URL('../fixtures/sites/subfolders/', import.meta.url));
  const seen: [number, number][] = [];
  await readEpisodes(dir, { progress: (read, total) => void seen.push([read, total]) });
  const total = seen[0]?.[1] ?? 0;
  assert.ok(total >= 5, `${total} files`);
  assert.deepEqual(
    seen.map(([read]) => read),
    Array.from({ length: total }, (_, i) => i + 1),
  );
});

test('a folder read synchronously still lets the progress line be drawn while it is read', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 400; i++)
    files[`ep-${i}.md`] = `---\ntitle: Episode ${i}\ndate: 2020-01-01\n---\n## Summary\n${'Words. '.repeat(200)}\n`;
  const dir = await testdir(files);
  let read = 0;
  let drawnAt: number | undefined;
  const started = Date.now();
  await readEpisodes(dir, {
    progress: (done) => {
      read = done;
      if (done === 1) setTimeout(() => (drawnAt = read), 20);
    },
  });
  assert.ok(Date.now() - started > 100, 'the folder takes long enough to need a progress line');
  assert.ok(drawnAt !== undefined && drawnAt < 400, `the timer fired after file ${drawnAt} of 400`);
});

test('waiting for Meilisearch after the last episode: how long so far, each second in a terminal, every ten seconds in a pipe', () => {
  const run = (isTTY: boolean) => {
    let written = '';
    const snapshots: string[] = [];
    mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
    try {
      const progress = progressReporter({ isTTY, columns: 200, write: (text: string) => void (written += text) }, 2);
      progress.finish('one', { kind: 'notes', text: 'indexed (show notes only)' });
      progress.finish('two', { kind: 'notes', text: 'indexed (show notes only)' });
      mock.timers.tick(3000);
      progress.waiting('Meilisearch to finish indexing the documents sent');
      for (let second = 0; second < 56; second++) {
        mock.timers.tick(1000);
        if (second === 11) snapshots.push(screen(written));
      }
      progress.done();
    } finally {
      mock.timers.reset();
    }
    return { written, snapshots };
  };
  const pipe = run(false).written.trimEnd().split('\n');
  assert.equal(pipe[0], 'Waiting for Meilisearch to finish indexing the documents sent…');
  assert.equal(pipe[1], '2/2 episodes (100 %) · 2 indexed; waiting for Meilisearch to finish indexing the documents sent, 7 s');
  // At 10, 20, 30, 40 and 50 s into the run.
  assert.deepEqual(
    pipe.slice(2).map((line) => line.replace(/.*, /, '')),
    ['17 s', '27 s', '37 s', '47 s'],
  );
  const terminal = run(true);
  assert.deepEqual(terminal.snapshots[0]?.split('\n'), [
    'Waiting for Meilisearch to finish indexing the documents sent…',
    '  2/2 episodes (100 %) · 2 indexed',
    '  waiting for Meilisearch to finish indexing the documents sent, 12 s',
  ]);
});
