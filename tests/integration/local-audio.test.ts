import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { toneFile } from '../support/audio-files.ts';
import { startStack } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

// An episode folder as an attacker who can add files to it would leave it (a shared site repository, a pull request):
// every audio_url below points at something that is not the catalogue's audio.
const root = await testdir();
const episodes = path.join(root, 'episodes');
const outside = path.join(root, 'outside');
const shared = path.join(root, 'shared-audio');
for (const dir of [episodes, outside, shared]) await fs.mkdir(dir);
await toneFile(path.join(episodes, 'good.mp3'));
await toneFile(path.join(episodes, 'swap.mp3'));
await toneFile(path.join(episodes, 'gone.ogg'));
await toneFile(path.join(outside, 'secret.mp3'));
await toneFile(path.join(shared, 'kept.m4a'));
await fs.symlink('/etc/passwd', path.join(episodes, 'p.mp3'));
await fs.symlink('/etc', path.join(episodes, 'etc.mp3'));
await fs.mkdir(path.join(episodes, 'folder.mp3'));
await promisify(execFile)('mkfifo', [path.join(episodes, 'pipe.mp3')]);
await fs.writeFile(path.join(episodes, 'evil.html'), '<script src="/episodes/code/audio"></script>');
await fs.writeFile(path.join(episodes, 'evil.js'), 'document.title = "pwned"');
await fs.writeFile(path.join(episodes, 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
await fs.writeFile(path.join(episodes, 'disguised.mp3'), '<html><script>alert(1)</script></html>');
const episode = (title: string, audioUrl: string) =>
  `---\ntitle: ${title}\naudio_url: ${audioUrl}\n---\n## Summary\n${title} talks about lighthouses.\n`;
const refused: Record<string, [string, RegExp]> = {
  passwd: ['p.mp3', /is outside the episodes folder \(it leads to \/etc\/passwd\)/],
  'dir-link': ['etc.mp3', /is outside the episodes folder \(it leads to \/etc\)/],
  folder: ['folder.mp3', /is a directory, not an audio file/],
  fifo: ['pipe.mp3', /is a named pipe \(FIFO\), not an audio file/],
  page: ['evil.html', /does not end in an audio extension/],
  code: ['evil.js', /does not end in an audio extension/],
  drawing: ['evil.svg', /does not end in an audio extension/],
  disguised: ['disguised.mp3', /is not audio: its content is no known format/],
  itself: ['good.md', /does not end in an audio extension/],
  climbing: [
    '../outside/secret.mp3',
    /is outside the episodes folder: podgrep reads and serves local audio only from EPISODES_DIR and AUDIO_DIRS/,
  ],
  absolute: [path.join(outside, 'secret.mp3'), /is outside the episodes folder/],
};
await fs.writeFile(path.join(episodes, 'good.md'), episode('Good', 'good.mp3'));
await fs.writeFile(path.join(episodes, 'swap.md'), episode('Swap', 'swap.mp3'));
await fs.writeFile(path.join(episodes, 'gone.md'), episode('Gone', 'gone.ogg'));
await fs.writeFile(path.join(episodes, 'kept.md'), episode('Kept', '../shared-audio/kept.m4a'));
for (const [slug, [audioUrl]] of Object.entries(refused)) await fs.writeFile(path.join(episodes, `${slug}.md`), episode(slug, audioUrl));

const stack = await startStack(episodes, { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', AUDIO_DIRS: shared });
const report = await stack.index();

test('local audio that is not audio inside the catalogue is refused at index time, naming the file and the field', () => {
  for (const [slug, [audioUrl, reason]] of Object.entries(refused)) {
    const failure = report.failed.find((f) => f.file.endsWith(`${slug}.md`));
    assert.ok(failure, `${slug} is not reported: ${JSON.stringify(report.failed)}`);
    assert.ok(failure.reason.startsWith(`audio_url ${JSON.stringify(audioUrl)} `), failure.reason);
    assert.match(failure.reason, reason);
    assert.match(failure.reason, /the episode is indexed without its audio$/);
    assert.ok(
      stack.log.some((line) => line.startsWith('✗ ') && line.includes(`${slug}.md: audio_url`)),
      `${slug} not in the summary`,
    );
  }
  assert.equal(report.failed.length, Object.keys(refused).length, JSON.stringify(report.failed));
  assert.equal(report.indexed, Object.keys(refused).length + 4, 'every episode is indexed, with its show notes');
});

test('none of them is served, and none of their bytes leave the server', async () => {
  for (const slug of Object.keys(refused)) {
    const response = await fetch(`${stack.web}/episodes/${slug}/audio`);
    const body = await response.text();
    assert.equal(response.status, 404, slug);
    assert.doesNotMatch(body, /root:|<script src="\/episodes|document\.title|alert\(1\)/, slug);
    assert.doesNotMatch(response.headers.get('content-type') ?? '', /javascript|svg|audio/, slug);
    const page = await (await fetch(`${stack.web}/episodes/${slug}`)).text();
    assert.doesNotMatch(page, new RegExp(`/episodes/${slug}/audio`), `${slug}'s page offers no player for it`);
  }
});

test('real audio is served with the type podgrep sniffed, nosniff, inline, and Range requests', async () => {
  const whole = await fetch(`${stack.web}/episodes/good/audio`);
  const bytes = Buffer.from(await whole.arrayBuffer());
  assert.equal(whole.status, 200);
  assert.deepEqual(bytes, await fs.readFile(path.join(episodes, 'good.mp3')));
  assert.equal(whole.headers.get('content-type'), 'audio/mpeg');
  assert.equal(whole.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(whole.headers.get('content-disposition'), `inline; filename="good.mp3"; filename*=UTF-8''good.mp3`);
  assert.equal(whole.headers.get('accept-ranges'), 'bytes');
  const part = await fetch(`${stack.web}/episodes/good/audio`, { headers: { range: 'bytes=100-199' } });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), `bytes 100-199/${bytes.length}`);
  assert.deepEqual(Buffer.from(await part.arrayBuffer()), bytes.subarray(100, 200));
  const tail = await fetch(`${stack.web}/episodes/good/audio`, { headers: { range: 'bytes=-10' } });
  assert.deepEqual(Buffer.from(await tail.arrayBuffer()), bytes.subarray(-10));
  const beyond = await fetch(`${stack.web}/episodes/good/audio`, { headers: { range: `bytes=${bytes.length + 10}-` } });
  assert.equal(beyond.status, 416);
  assert.equal(beyond.headers.get('content-range'), `bytes */${bytes.length}`);
  const head = await fetch(`${stack.web}/episodes/good/audio`, { method: 'HEAD' });
  assert.equal(head.headers.get('content-length'), String(bytes.length));
  const cached = await fetch(`${stack.web}/episodes/good/audio`, {
    // fetch adds `Cache-Control: no-cache` to a conditional request unless told otherwise, as browsers' caches do not.
    headers: { 'if-none-match': whole.headers.get('etag') ?? '', 'cache-control': 'max-age=0' },
  });
  assert.equal(cached.status, 304);
  const ogg = await fetch(`${stack.web}/episodes/gone/audio`);
  assert.equal(ogg.headers.get('content-type'), 'audio/ogg', 'the type comes from the bytes');
});

test('AUDIO_DIRS: audio in a folder the owner named is read and served like the episodes folder’s', async () => {
  assert.ok(!report.failed.some((f) => f.file.endsWith('kept.md')));
  const response = await fetch(`${stack.web}/episodes/kept/audio`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'audio/mp4');
  assert.match(response.headers.get('content-disposition') ?? '', /filename="kept\.m4a"/);
});

test('a file swapped after indexing is checked again when served: a symlink out or a directory is a 404 with a message', async () => {
  await fs.rm(path.join(episodes, 'swap.mp3'));
  await fs.symlink('/etc/passwd', path.join(episodes, 'swap.mp3'));
  const link = await fetch(`${stack.web}/episodes/swap/audio`);
  const linkBody = await link.text();
  assert.equal(link.status, 404);
  assert.doesNotMatch(linkBody, /root:|\/etc\/passwd/, 'neither the file nor where it leads is shown');
  assert.match(linkBody, /This episode’s audio cannot be played: the file is outside the episodes folder/);
  await fs.rm(path.join(episodes, 'gone.ogg'));
  await fs.mkdir(path.join(episodes, 'gone.ogg'));
  const folder = await fetch(`${stack.web}/episodes/gone/audio`);
  assert.equal(folder.status, 404);
  assert.match(await folder.text(), /the file is a directory, not an audio file/);
  assert.ok(
    stack.log.some((line) => /audio .*swap\.mp3 is outside the episodes folder \(it leads to \/etc\/passwd\)/.test(line)),
    'the operator is told why',
  );
});
