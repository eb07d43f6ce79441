import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { meiliClient } from '../../adapters/meili/meili-client.ts';
import { indexNames } from '../../src/documents/index-settings.ts';
import type { SearchResponse } from '../../src/search/search-results.ts';
import { serveFiles, startStack } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';
import { speak } from '../support/tone-speech.ts';

// One catalogue holding every kind of bad input next to one good episode: each bad one is named with its reason, the
// good one is indexed, and the run says something failed.
const root = await testdir();
const episodes = path.join(root, 'episodes');
const audio = path.join(root, 'audio');
await fs.mkdir(episodes);
await fs.mkdir(audio);
const host = await serveFiles(audio);
await speak([{ text: 'the good episode talks about lighthouses' }], path.join(audio, 'good.mp3'));
const good = await fs.readFile(path.join(audio, 'good.mp3'));
await fs.writeFile(path.join(audio, 'truncated.mp3'), good.subarray(0, 300));
await fs.writeFile(path.join(audio, 'corrupt.mp3'), Buffer.alloc(20_000, 0x41));
await fs.writeFile(path.join(audio, 'empty.mp3'), '');
await fs.writeFile(path.join(audio, 'page.html'), '<html><body>Not found</body></html>');

const episode = (title: string, audioUrl?: string) =>
  `---\ntitle: ${title}\n${audioUrl ? `audio_url: ${audioUrl}\n` : ''}---\n## Summary\n${title} summary.\n`;
const files: Record<string, string | Buffer> = {
  'good.md': episode('Good', `${host}/good.mp3`),
  'notes-only.md': episode('Notes only'),
  'bad-yaml.md': '---\ntitle: [oops\n---\n',
  'not-mapping.md': '---\n- a list\n---\n',
  'no-title.md': '---\ndate: 2020-01-01\n---\n',
  'bad-date.md': '---\ntitle: T\ndate: someday\n---\n',
  'bad-number.md': '---\ntitle: T\nepisode_number: twelve\n---\n',
  'ftp.md': episode('FTP', 'ftp://example.com/a.mp3'),
  'missing.md': episode('Missing', `${host}/nope.mp3`),
  'html.md': episode('HTML', `${host}/page.html`),
  'empty.md': episode('Empty', `${host}/empty.mp3`),
  'truncated.md': episode('Truncated', `${host}/truncated.mp3`),
  'corrupt.md': episode('Corrupt', `${host}/corrupt.mp3`),
  'bad-transcript.md': episode('Bad transcript'),
  'bad-transcript.vtt': 'WEBVTT\n\n00:01 -> 00:02\nhello\n',
  'latin1.md': Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1'),
  'twin.md': episode('Twin'),
  'twin.MD': episode('Twin again'),
  'huge.md': `---\ntitle: Huge\n---\n${'word '.repeat(1_200_000)}`,
};
for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(episodes, name), content);

const stack = await startStack(episodes);
const report = await stack.index();
const reasons = new Map(report.failed.map((f) => [path.basename(f.file), f.reason]));

const expected: [string, RegExp][] = [
  ['bad-yaml.md', /the YAML front matter does not parse/],
  ['not-mapping.md', /the front matter must be a mapping/],
  ['no-title.md', /title is missing or empty/],
  ['missing.md', /nope\.mp3 answered HTTP 404/],
  ['html.md', /page\.html is not audio: the server sent text\/html/],
  ['empty.md', /empty\.mp3 is empty/],
  ['truncated.md', /truncated\.mp3 (cannot be decoded|holds no sound)/],
  ['corrupt.md', /corrupt\.mp3 (cannot be decoded|holds no sound)/],
  ['bad-transcript.md', /bad-transcript\.vtt: line \d+: expected a cue timing/],
  ['latin1.md', /not UTF-8/],
  ['twin.md', /would both be the episode "twin"/],
  // Neither twin replaces the other: both are named, each with the other (issue 11).
  ['twin.MD', /twin\.MD: this file and .*twin\.md would both be the episode "twin"/],
  ['huge.md', /too large for an episode file/],
];
for (const [file, reason] of expected) {
  test(`${file}: named with what is wrong`, () => {
    const found = reasons.get(file) ?? [...reasons].find(([name]) => name === file)?.[1];
    assert.ok(found, `${file} not reported; reported: ${[...reasons.keys()].join(', ')}`);
    assert.match(found, reason);
  });
}

// A value that cannot be read costs the episode that value only (issue 10): a warning naming the file and the field.
const warned: [string, RegExp][] = [
  ['bad-date.md', /bad-date\.md: date: "someday" is not a date/],
  ['ftp.md', /ftp\.md: audio_url: "ftp:\/\/example\.com\/a\.mp3" is not an http\(s\) URL or a path/],
];
for (const [file, warning] of warned) {
  test(`${file}: indexed, with a warning naming the field`, async () => {
    assert.ok(
      report.warnings.some((line) => warning.test(line)),
      report.warnings.join('\n'),
    );
    const slug = file.replace(/\.md$/, '');
    assert.equal((await fetch(`${stack.web}/episodes/${slug}`)).status, 200);
  });
}

test('an episode number that is not a number is kept as its label', async () => {
  assert.ok(!report.warnings.some((line) => line.includes('bad-number.md')), report.warnings.join('\n'));
  assert.equal((await fetch(`${stack.web}/episodes/bad-number`)).status, 200);
});

test('the good episodes are indexed anyway, and the run says something failed', async () => {
  assert.equal(report.failed.length, expected.length, [...reasons.keys()].join(', '));
  const result = (await (await fetch(`${stack.web}/api/search?q=lighthouses`)).json()) as SearchResponse;
  assert.equal(result.episodes[0]?.slug, 'good');
  const notes = (await (await fetch(`${stack.web}/api/search?q=${encodeURIComponent('Notes only summary')}`)).json()) as SearchResponse;
  assert.equal(notes.episodes[0]?.slug, 'notes-only');
  assert.ok(report.notesOnly.some((n) => n.slug === 'notes-only' && n.reason === 'no audio_url'));
});

test('a Meilisearch task that fails stops the run with the task’s own error', async () => {
  const dir = await testdir({ 'a.md': episode('A') });
  const other = await startStack(dir);
  // An index made by someone else with another primary key: adding podgrep's documents fails inside Meilisearch.
  const client = meiliClient(other.meili);
  await client.createIndex(indexNames(other.config.meili.indexPrefix).episodes, { primaryKey: 'nope' }).waitTask();
  await assert.rejects(other.index(), /Meilisearch could not add episodes: .*nope.*\(missing_document_id\)/);
});

test('when its moments cannot be written, an episode is not recorded as indexed, and the next run writes it', async () => {
  const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nthe moment about quicksilver\n';
  const dir = await testdir({ 'a.md': episode('A'), 'a.vtt': vtt });
  const stack = await startStack(dir);
  const client = meiliClient(stack.meili);
  const names = indexNames(stack.config.meili.indexPrefix);
  await client.createIndex(names.moments, { primaryKey: 'nope' }).waitTask();
  await assert.rejects(stack.index(), /Meilisearch could not add moments: .*nope.*\(missing_document_id\)/);
  const written = await client.index(names.episodes).getDocuments({ limit: 10 });
  assert.equal(written.results.length, 0, 'the episode document (and its fingerprint) was written without its moments');

  await client.deleteIndex(names.moments).waitTask();
  const report = await stack.index();
  assert.equal(report.indexed, 1);
  const found = (await (await fetch(`${stack.web}/api/search?q=quicksilver`)).json()) as SearchResponse;
  assert.equal(found.episodes[0]?.moments.length, 1);
});
