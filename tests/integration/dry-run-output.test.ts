import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { toneFile } from '../support/audio-files.ts';
import { testdir } from '../support/testdir.ts';

// Issue 10: `npm run index -- --dry-run` printed a line for every episode it would transcribe and every one it could
// not estimate, with no cap. A catalogue of 300 episodes with audio and no transcript, estimated without contacting any
// server: 280 with local audio (three files, so three decodes), 20 whose audio is on a loopback address, which podgrep
// refuses to fetch without connecting.
const COUNT = 280;
const FAILING = 20;
const files: Record<string, string> = {};
for (let i = 0; i < COUNT; i++) {
  files[`episodes/show/episode-${String(i).padStart(3, '0')}.md`] =
    `---\ntitle: Episode ${i}\ndate: 2020-01-01\naudio_url: ../audio/${'abc'[i % 3]}.mp3\n---\nEpisode ${i} is about lighthouses.\n`;
}
for (let i = 0; i < FAILING; i++) {
  files[`episodes/remote/remote-${String(i).padStart(2, '0')}.md`] =
    `---\ntitle: Remote ${i}\ndate: 2020-01-01\naudio_url: http://127.0.0.1:8080/remote-${i}.mp3\n---\nNotes.\n`;
}
const root = await testdir(files);
await fs.mkdir(path.join(root, 'episodes', 'audio'));
for (const name of 'abc') await toneFile(path.join(root, 'episodes', 'audio', `${name}.mp3`), 2);
const env = { ...process.env, EPISODES_DIR: path.join(root, 'episodes'), DATA_DIR: path.join(root, 'data'), OPENAI_API_KEY: '' };

async function dryRun(...args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['indexer/commands/index-command.ts', '--dry-run', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  assert.equal(code, 0, out);
  return out;
}

test('a dry run of 300 episodes in a pipe prints a few lines, ten names to a line, and lists everything in dry-run.txt', async () => {
  const out = await dryRun();
  const lines = out.trimEnd().split('\n');
  // Reading, ffmpeg, ten failures as they happen and a line for the rest, the names, twenty failures, the total.
  assert.ok(lines.length <= 40, `${lines.length} lines:\n${out}`);
  for (const line of lines) assert.ok((line.match(/episode-\d+|remote-\d+\.md/g) ?? []).length <= 10, line);
  assert.match(out, /^To transcribe: show-episode-000, .* and 270 more \(all listed in .*dry-run\.txt\)\.$/m);
  assert.match(out, /^… more episodes could not be estimated: the summary at the end lists them$/m);
  assert.equal(out.match(/^✗ .*remote-19\.md: audio http:\/\/127\.0\.0\.1:8080\/remote-19\.mp3 points to 127\.0\.0\.1/gm)?.length, 1);
  assert.match(out, /^Dry run: 280 episode\(s\) to transcribe, .* 20 episode\(s\) could not be estimated\./m);
  assert.doesNotMatch(out, /show-episode-150: /, 'an episode to transcribe has no line of its own');
  // No episode names a host: one line says where to name them once.
  assert.match(out, /^Hosts: 300 of 300 episode\(s\) name no host; .*hosts: in podgrep\.yml/m);

  const listed = await fs.readFile(path.join(root, 'data', 'dry-run.txt'), 'utf8');
  assert.equal(listed.match(/^show-episode-\d+\t\d+\.\d min\t1\t\$\d/gm)?.length, COUNT);
  assert.equal(listed.match(/^✗ .*remote-\d+\.md: /gm)?.length, FAILING);
});

test('--verbose prints every episode with its minutes, and every failure once as it happens and once in the summary', async () => {
  const out = await dryRun('--verbose');
  assert.equal(out.match(/^ {2}show-episode-\d+: \d+\.\d min in 1 piece\(s\), about \$/gm)?.length, COUNT);
  assert.equal(out.match(/^✗ .*remote-\d+\.md: /gm)?.length, 2 * FAILING);
  assert.match(out, /^To transcribe: (show-episode-\d+, ){279}show-episode-279\.$/m);
});
