import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { dryRun } from '../../indexer/commands/run-index.ts';
import type { SearchResponse } from '../../src/search/search-results.ts';
import type { FakeWhisperOptions } from '../support/fake-whisper.ts';
import { fillerLines } from '../support/script.ts';
import { audioCatalogue, type Stack, startStack } from '../support/stack.ts';
import { type SpokenWord, speak } from '../support/tone-speech.ts';

/** A catalogue in its own folders: one episode per entry, its audio served over HTTP. */
async function catalogue(
  episodes: Record<string, { text: string; at?: number }[]>,
  options: { minDuration?: number; bitrate?: string } = {},
) {
  const { episodes: dir, audioDir: audio, audioHost: host } = await audioCatalogue();
  const spoken: Record<string, SpokenWord[]> = {};
  for (const [slug, lines] of Object.entries(episodes)) {
    const file = path.join(audio, `${slug}.mp3`);
    spoken[slug] = (
      await speak(lines, file, { bitrate: options.bitrate ?? '64k', ...(options.minDuration ? { minDuration: options.minDuration } : {}) })
    ).words;
    await fs.writeFile(path.join(dir, `${slug}.md`), `---\ntitle: Episode ${slug}\naudio_url: ${host}/${slug}.mp3\n---\n`);
  }
  return { dir, spoken };
}

async function search(stack: Stack, q: string): Promise<SearchResponse> {
  return (await (await fetch(`${stack.web}/api/search?q=${encodeURIComponent(q)}`)).json()) as SearchResponse;
}

function firstSpoken(words: SpokenWord[] | undefined, word: string): number {
  const found = words?.find((w) => w.word === word);
  assert.ok(found, `${word} is spoken`);
  return found.start;
}

/** Successful uploads, by the audio they carried: none may appear twice. */
function assertNothingPaidTwice(stack: Stack): void {
  const paid = stack.whisper.requests.filter((r) => r.status === 200).map((r) => r.sha256);
  assert.equal(new Set(paid).size, paid.length, 'a piece was transcribed twice');
}

const SHORT = [...fillerLines(12, 7), { text: 'the zebra crossing story ends here' }];

test('a 20-minute 128 kbps episode is split at silences; a phrase near the end lands within 1 s', async () => {
  const lines = [...fillerLines(160, 3), { text: 'finally the quokka migration plan', at: 1150 }];
  const { dir, spoken } = await catalogue({ long: lines }, { minDuration: 1200, bitrate: '128k' });
  const stack = await startStack(dir, { TRANSCRIBE_MAX_UPLOAD_BYTES: '1200000' });
  const estimate = await dryRun(stack.config, { log: () => {} });
  assert.equal(stack.whisper.requests.length, 0, 'the dry run sent something');
  const report = await stack.index();
  assert.deepEqual(report.failed, []);
  const pieces = stack.whisper.requests.length;
  assert.ok(pieces >= 4, `${pieces} pieces`);
  const sent = report.transcribed.reduce((sum, item) => sum + item.seconds, 0);
  assert.ok(Math.abs(sent - estimate) < 0.5, `dry run said ${estimate} s, the run sent ${sent} s`);
  const ratio = report.bytesUploaded / report.bytesSource;
  console.log(
    `# upload bytes / source bytes for a 128 kbps source: ${report.bytesUploaded} / ${report.bytesSource} = ${(100 * ratio).toFixed(1)} %`,
  );
  assert.ok(ratio <= 0.3, `uploaded ${(100 * ratio).toFixed(1)} % of the source`);

  const moment = (await search(stack, 'quokka migration')).episodes[0]?.moments[0];
  assert.ok(moment);
  const at = firstSpoken(spoken.long, 'quokka');
  assert.ok(Math.abs(moment.at - at) < 1, `moment at ${moment.at}, spoken at ${at}`);
  // Every spoken word made it through the cuts: nothing was split mid-word or lost between pieces.
  const words = (await (await fetch(`${stack.web}/episodes/long`)).text()).match(/class="line/g)?.length ?? 0;
  assert.ok(words > 20);
  assertNothingPaidTwice(stack);
  // Prompts carry the episode's title and the end of the previous piece.
  assert.match(stack.whisper.requests[1]?.prompt ?? '', /^Episode long\. .+/);
});

test('429 is waited out as Retry-After says, then the piece is sent once more and kept', async () => {
  const { dir, spoken } = await catalogue({ ok: SHORT });
  const intercept: FakeWhisperOptions['intercept'] = (n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : undefined);
  const stack = await startStack(dir, {}, { intercept });
  const started = Date.now();
  const report = await stack.index();
  assert.ok(Date.now() - started >= 900, 'Retry-After was not honoured');
  assert.deepEqual(
    stack.whisper.requests.map((r) => r.status),
    [429, 200],
  );
  assert.equal(report.retries, 1);
  assert.ok(Math.abs(((await search(stack, 'zebra crossing')).episodes[0]?.moments[0]?.at ?? -9) - firstSpoken(spoken.ok, 'zebra')) < 1);
});

test('413 splits the piece smaller and tries again', async () => {
  const { dir, spoken } = await catalogue({ big: [...fillerLines(30, 5), { text: 'the zebra crossing story ends here' }] });
  // The server takes less than podgrep was told it would.
  const stack = await startStack(dir, { TRANSCRIBE_MAX_UPLOAD_BYTES: '1000000' }, { maxUploadBytes: 250_000 });
  const report = await stack.index();
  assert.deepEqual(report.failed, []);
  assert.ok(report.splits >= 1);
  // Each refusal is followed by smaller pieces, until every piece fits.
  const statuses = stack.whisper.requests.map((r) => r.status);
  assert.equal(statuses[0], 413);
  assert.equal(statuses.filter((status) => status === 413).length, report.splits);
  assert.ok(stack.whisper.requests.every((r) => r.status === 413 || r.bytes <= 250_000));
  assert.ok(Math.abs(((await search(stack, 'zebra crossing')).episodes[0]?.moments[0]?.at ?? -9) - firstSpoken(spoken.big, 'zebra')) < 1);
  assertNothingPaidTwice(stack);
});

test('a piece the server keeps failing fails its episode, not the run', async () => {
  const { dir } = await catalogue({ doomed: [{ text: 'doomed words about wombats' }], fine: SHORT });
  let doomed: string | undefined;
  const stack = await startStack(
    dir,
    { TRANSCRIBE_CONCURRENCY: '1' },
    {
      intercept: (_n, { bytes }) => {
        // The first upload is the doomed episode's (files are read in order); it fails every time it comes back.
        const key = Buffer.from(bytes.subarray(0, 4096)).toString('base64');
        doomed ??= key;
        return key === doomed ? { status: 500 } : undefined;
      },
    },
  );
  const report = await stack.index();
  assert.deepEqual(
    report.failed.map((f) => path.basename(f.file)),
    ['doomed.md'],
  );
  assert.match(report.failed[0]?.reason ?? '', /transcription failed after 7 attempts: HTTP 500/);
  assert.equal(report.indexed, 2, 'the doomed episode keeps its show notes');
  assert.equal((await search(stack, 'zebra crossing')).episodes[0]?.slug, 'fine');
  assert.equal((await search(stack, 'Episode doomed')).episodes[0]?.slug, 'doomed');
});

test('a run killed mid-way and run again sends no piece twice', async () => {
  const lines = [...fillerLines(40, 11), { text: 'the platypus protocol closes the show' }];
  const { dir, spoken } = await catalogue({ killed: lines });
  let child: ChildProcess | undefined;
  let killedAt = 0;
  const stack = await startStack(
    dir,
    { TRANSCRIBE_MAX_UPLOAD_BYTES: '300000', TRANSCRIBE_CONCURRENCY: '1' },
    {
      // The third upload arrives only after the second answer was kept: the run dies with two pieces paid for.
      intercept: (n) => {
        if (n !== 3 || !child) return undefined;
        child.kill('SIGKILL');
        killedAt = n;
        return { status: 503 };
      },
    },
  );
  child = spawn(process.execPath, ['indexer/commands/index-command.ts'], { env: stack.env, stdio: 'ignore' });
  const [, signal] = (await once(child, 'exit')) as [number | null, string | null];
  assert.equal(signal, 'SIGKILL');
  assert.equal(killedAt, 3);
  child = undefined;
  // Nothing half-written is left under a real name in the transcript cache.
  const kept = await fs.readdir(path.join(stack.config.dataDir, 'transcripts'));
  assert.equal(kept.filter((name) => name.startsWith('piece-')).length, 2, kept.join());

  const report = await stack.index();
  assert.equal(report.piecesReused, 2);
  assert.deepEqual(report.failed, []);
  assertNothingPaidTwice(stack);
  const moment = (await search(stack, 'platypus protocol')).episodes[0]?.moments[0];
  assert.ok(moment && Math.abs(moment.at - firstSpoken(spoken.killed, 'platypus')) < 1);
  // And a third run sends nothing at all.
  const before = stack.whisper.requests.length;
  assert.equal((await stack.index()).skipped, 1);
  assert.equal(stack.whisper.requests.length, before);
});

test('Ctrl-C lets the piece in flight finish and be kept, starts no other, and exits 130', async () => {
  const lines = [...fillerLines(40, 13), { text: 'the capybara clause ends it' }];
  const { dir } = await catalogue({ stopped: lines });
  let child: ChildProcess | undefined;
  const stack = await startStack(
    dir,
    { TRANSCRIBE_MAX_UPLOAD_BYTES: '300000', TRANSCRIBE_CONCURRENCY: '1' },
    {
      intercept: (n) => {
        if (n === 2) child?.kill('SIGINT');
        return undefined;
      },
    },
  );
  child = spawn(process.execPath, ['indexer/commands/index-command.ts'], { env: stack.env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 130, output);
  assert.match(output, /Stopping: what is already transcribed is kept/);
  assert.match(output, /^Stopped: /m);
  assert.equal(stack.whisper.requests.length, 2, 'a piece was started after Ctrl-C');
  const report = await stack.index();
  assert.equal(report.piecesReused, 2);
  assertNothingPaidTwice(stack);
});
