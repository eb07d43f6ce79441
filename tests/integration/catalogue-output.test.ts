import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { startStack } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

// Issue 10: `npm run index` printed a line per episode, 2,000 for Jupiter Broadcasting's catalogue, in a terminal and
// in a CI log alike. A catalogue of 300 episodes with audio on the web and no transcription key (every one searchable
// by its notes only), one whose audio file is missing, one whose front matter does not parse.
const COUNT = 300;
const files: Record<string, string> = {
  'episodes/missing.md': '---\ntitle: The Missing File\ndate: 2021-01-01\nepisode_number: 9000\naudio_url: missing.mp3\n---\nNotes.\n',
  'episodes/broken.md': '---\ntitle: [unclosed\n---\n',
};
for (let i = 0; i < COUNT; i++) {
  files[`episodes/show/episode-${String(i).padStart(3, '0')}.md`] =
    `---\ntitle: Episode ${i}\ndate: 2020-01-01\nepisode_number: ${i}\nduration: '30:00'\n` +
    `audio_url: https://media.example.com/${i}.mp3\n---\n## Summary\nEpisode ${i} is about lighthouses.\n`;
}
// In a folder of its own, so DATA_DIR (beside the episodes) and its last-run.txt are this test's.
const dir = path.join(await testdir(files), 'episodes');
const stack = await startStack(dir, { OPENAI_API_KEY: '', OPENAI_BASE_URL: '' });

test('indexing 300 notes-only episodes in a pipe prints a few lines, and still names the episodes that failed', async () => {
  const child = spawn(process.execPath, ['indexer/commands/index-command.ts'], { env: stack.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  assert.equal(code, 1, out);
  const lines = out.trimEnd().split('\n');
  assert.ok(lines.length <= 20, `${lines.length} lines:\n${out}`);
  for (const line of lines) assert.ok((line.match(/episode-\d+/g) ?? []).length <= 10, line);
  // The failure is named as it happens, and again in the summary; the notes-only episodes are one line with ten names.
  assert.match(out, /^\[\d+\/301\] missing: failed: audio_url "missing\.mp3" is no file beside the episode/m);
  assert.match(out, /^✗ .*missing\.md: audio_url "missing\.mp3"/m);
  assert.match(out, /^✗ .*broken\.md: the YAML front matter does not parse/m);
  assert.match(
    out,
    /^No transcription service is configured .* 300 episode\(s\) are searchable by their show notes only: .* and 290 more \(all listed in .*last-run\.txt\)/m,
  );
  assert.doesNotMatch(out, /episode-150: indexed/, 'an episode indexed from its notes has no line of its own');
  const listed = await fs.readFile(path.join(stack.config.dataDir, 'last-run.txt'), 'utf8');
  assert.equal(listed.match(/^show-episode-\d+\tnot transcribed$/gm)?.length, COUNT);

  // A second run over the unchanged catalogue is quieter still: nothing to say per episode.
  const again = spawn(process.execPath, ['indexer/commands/index-command.ts'], { env: stack.env, stdio: ['ignore', 'pipe', 'inherit'] });
  let second = '';
  again.stdout.on('data', (chunk: Buffer) => (second += chunk.toString()));
  await once(again, 'exit');
  assert.match(second, /^Done: 1 episode\(s\) indexed, 0 moments, 300 unchanged/m);
  assert.ok(second.trimEnd().split('\n').length <= 15, second);
});
