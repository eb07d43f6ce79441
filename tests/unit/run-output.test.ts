import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { type EpisodeResult, progressReporter } from '../../indexer/pipeline/progress.ts';

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
