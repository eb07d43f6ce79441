import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { skippedNote } from '../../indexer/pipeline/run-report.ts';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { publishedTranscript } from '../../indexer/transcription/published-transcript.ts';
import { documentId } from '../../src/documents/documents.ts';
import { testdir } from '../support/testdir.ts';

const episode = (title: string) => `---\ntitle: ${title}\n---\n## Summary\n${title} summary.\n`;
const vtt = (words: string) => `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n${words}\n`;

// Issue 11 #3: a transcript symlinked beside an episode published its target's text.
test('a transcript that links outside EPISODES_DIR is refused by name and its text is never read', async () => {
  const outside = await testdir({ 'secret.vtt': vtt('the secret words') });
  const dir = await testdir({ 'a.md': episode('A') });
  await fs.symlink(path.join(outside, 'secret.vtt'), path.join(dir, 'a.vtt'));
  const catalogue = await readEpisodes(dir);
  const item = catalogue.episodes[0];
  assert.ok(item);
  assert.equal(item.transcriptFile, undefined);
  assert.match(catalogue.warnings.join('\n'), /a\.vtt: is a link to a file outside EPISODES_DIR.*a\.md is indexed without this transcript/);
  assert.equal(await publishedTranscript(item), undefined);
});

test('a transcript linked inside EPISODES_DIR is read', async () => {
  const dir = await testdir({ 'a.md': episode('A'), 'shared/a.vtt': vtt('the shared words') });
  await fs.symlink(path.join(dir, 'shared/a.vtt'), path.join(dir, 'a.vtt'));
  const [item] = (await readEpisodes(dir)).episodes;
  assert.ok(item?.transcriptFile);
  assert.match(JSON.stringify(await publishedTranscript(item)), /the shared words/);
});

// Issue 11 #5: a FIFO hung the run, /dev/zero grew to 9 GB, a 200 MB .vtt to 3.5 GB. Each is named, none is read.
test('a FIFO, a link to /dev/zero and a 200 MB transcript are refused by name, and the run goes on', { timeout: 60_000 }, async () => {
  const dir = await testdir({
    'fifo.md': episode('Fifo'),
    'zero.md': episode('Zero'),
    'big.md': episode('Big'),
    'good.md': episode('Good'),
    'good.vtt': vtt('good words'),
  });
  execFileSync('mkfifo', [path.join(dir, 'fifo.vtt')]);
  await fs.symlink('/dev/zero', path.join(dir, 'zero.vtt'));
  // Sparse: 200 MB on paper, nothing on disk.
  // A sparse 200 MB file: truncate grows it without writing (an open handle left to the collector warned in CI).
  await fs.writeFile(path.join(dir, 'big.vtt'), '');
  await fs.truncate(path.join(dir, 'big.vtt'), 200 * 1024 * 1024);
  const before = process.memoryUsage().rss;
  const catalogue = await readEpisodes(dir);
  assert.ok(process.memoryUsage().rss - before < 150 * 1024 * 1024, 'the big file was not read into memory');
  assert.deepEqual(catalogue.episodes.map((item) => item.episode.slug).sort(), ['big', 'fifo', 'good', 'zero']);
  const warnings = catalogue.warnings.join('\n');
  assert.match(warnings, /fifo\.vtt: is not a regular file \(a FIFO\)/);
  assert.match(warnings, /zero\.vtt: is a link to a file outside EPISODES_DIR/);
  assert.match(warnings, /big\.vtt: 209715200 bytes is too large for a transcript \(at most 52428800, TRANSCRIPT_MAX_BYTES\)/);
  const good = catalogue.episodes.find((item) => item.episode.slug === 'good');
  assert.ok(good?.transcriptFile);
  const transcripts = await Promise.all(catalogue.episodes.map((item) => publishedTranscript(item)));
  assert.equal(transcripts.filter(Boolean).length, 1);
  // The cap comes from the configuration (TRANSCRIPT_MAX_BYTES) and applies to episode files too.
  const small = await readEpisodes(dir, { maxTranscriptBytes: 10 });
  assert.match(small.warnings.join('\n'), /good\.vtt: \d+ bytes is too large for a transcript \(at most 10/);
  const tiny = await readEpisodes(dir, { maxFileBytes: 40 });
  assert.match(
    tiny.failures.map((f) => f.message).join('\n'),
    /good\.md: \d+ bytes is too large for an episode file \(at most 40, EPISODE_MAX_BYTES\)/,
  );
});

// Issue 11 #6: with a.md indexed, adding A.md replaced it; NFC and NFD spellings of café.md were one unreachable page.
test('case and Unicode-normalisation twins are a collision naming both files, never a replacement', async () => {
  const nfc = 'caf\u00e9.md';
  const nfd = 'cafe\u0301.md';
  const dir = await testdir({
    'a.md': episode('Lower'),
    'A.md': episode('Upper'),
    [nfc]: episode('NFC'),
    [nfd]: episode('NFD'),
    'other.md': episode('Other'),
  });
  const catalogue = await readEpisodes(dir);
  assert.deepEqual(
    catalogue.episodes.map((item) => item.episode.title),
    ['Other'],
  );
  const messages = catalogue.failures.map((f) => f.message).sort();
  assert.equal(messages.length, 4);
  assert.match(messages.join('\n'), /\/A\.md: this file and .*\/a\.md would both be the episode "a"/);
  assert.match(messages.join('\n'), /\/a\.md: this file and .*\/A\.md would both be the episode "a"/);
  assert.equal(messages.filter((m) => m.includes('would both be the episode "café"')).length, 2);
  // Both slugs stay known, so what was indexed for the first file is kept rather than removed.
  assert.ok(catalogue.slugs.includes('a') && catalogue.slugs.includes('café'));
});

// Issue 11 #7: two 206-character names that differ only at the end shared one document id.
test('long slugs are shortened with a hash, so two never share a document id', async () => {
  const stem = 'a-very-long-episode-title-'.repeat(8).slice(0, 200);
  const dir = await testdir({
    [`${stem}-one.md`]: episode('One'),
    [`${stem}-two.md`]: episode('Two'),
    [`${'é'.repeat(120)}-x.md`]: episode('Accents'),
  });
  const catalogue = await readEpisodes(dir);
  assert.equal(catalogue.failures.length, 0);
  const slugs = catalogue.episodes.map((item) => item.episode.slug);
  assert.equal(new Set(slugs).size, 3);
  for (const slug of slugs) assert.ok(Buffer.byteLength(slug) <= 96, slug);
  assert.equal(new Set(slugs.map(documentId)).size, 3);
  // Stable: the same file gets the same slug on the next run.
  assert.deepEqual(
    (await readEpisodes(dir)).episodes.map((item) => item.episode.slug),
    slugs,
  );
  // Slugs from feeds may be long too: the document id itself never cuts two apart into one.
  assert.notEqual(documentId(`${'ü'.repeat(300)}a`), documentId(`${'ü'.repeat(300)}b`));
});

// Issue 11 #8: readEpisodes compared every slug with every other (5k files 2.5 s, 20k 16 s). Not a timed test: the
// cost per file at 4,000 files must stay near the cost per file at 500 (a scan per file makes it 8 times larger).
test('reading the folder costs time linear in the number of files', { timeout: 300_000 }, async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'podgrep-scan-'));
  try {
    const long = 'an-episode-with-a-long-name-'.repeat(7);
    const make = async (n: number) => {
      const dir = path.join(root, String(n));
      await fs.mkdir(dir);
      for (let i = 0; i < n; i++) await fs.writeFile(path.join(dir, `${long}${String(i).padStart(6, '0')}.md`), `---\ntitle: E${i}\n---\n`);
      return dir;
    };
    const [small, large] = [await make(500), await make(4000)];
    const perFile = async (dir: string, n: number) => {
      let best = Infinity;
      for (let run = 0; run < 2; run++) {
        const started = performance.now();
        assert.equal((await readEpisodes(dir)).episodes.length, n);
        best = Math.min(best, performance.now() - started);
      }
      return best / n;
    };
    await perFile(small, 500);
    const [a, b] = [await perFile(small, 500), await perFile(large, 4000)];
    assert.ok(b < a * 3, `per file: ${a.toFixed(3)} ms at 500 files, ${b.toFixed(3)} ms at 4,000`);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
});

test('files that are not episodes are skipped and counted; dot-folders, node_modules and build output are not read', async () => {
  const dir = await testdir({
    'README.md': '# About\n',
    'LICENSE.md': 'MIT\n',
    'section/_index.md': '+++\ntitle = "Section"\n+++\n',
    'plain.md': 'No front matter here.\n',
    'draft.md': '---\ntitle: Draft\ndraft: true\n---\nSoon.\n',
    '.obsidian/x.md': episode('Hidden'),
    'node_modules/pkg/x.md': episode('Dependency'),
    '_site/x.md': episode('Built'),
    'deep/er/still/ep.markdown': episode('Deep'),
  });
  const catalogue = await readEpisodes(dir);
  assert.deepEqual(
    catalogue.episodes.map((item) => [item.episode.slug, item.episode.title]),
    [['deep-er-still-ep', 'Deep']],
  );
  assert.deepEqual(catalogue.skipped.map((item) => `${path.relative(dir, item.file)}: ${item.reason}`).sort(), [
    'LICENSE.md: not an episode file',
    'README.md: not an episode file',
    'draft.md: a draft',
    'plain.md: no front matter',
    'section/_index.md: not an episode file',
  ]);
  assert.equal(catalogue.failures.length, 0);
});

// Shaped like devchat.tv's src/ (about.md, meetup pages beside the shows) and a Jupiter Broadcasting show folder
// (subscribe.md: a title, a date and links its templates render), written for this test.
const show = (n: number, extra = '') =>
  `---\ntitle: Episode ${n}\ndate: 2020-01-0${n}\nepisode_number: ${n}\naudio_url: https://media.example.com/${n}.mp3\n${extra}---\nNotes ${n}.\n`;

test("a site's pages among its episodes are skipped and counted with the reason; no episode is lost", async () => {
  const dir = await testdir({
    'show/0001.md': show(1),
    'show/0002.md': show(2),
    'show/0003.md': show(3),
    'show/0004.md': show(4),
    'show/0005.md': show(5),
    'show/subscribe.md':
      '---\ntitle: Subscribe\ndate: 2022-08-25\nrss: https://show.example.com/rss\ndirect_links:\n  apple: https://podcasts.example.com/1\n---\n',
    'about.md': '---\ntitle: About\nlayout: page\n---\nWe make podcasts about programming.\n',
    'meetups/react-april.md': '---\ntitle: React Virtual Meetup\ndate: 2020-04-24\nlink: https://events.example.com/react\n---\n',
    'credits.md': '---\ntitle: Credits\ndate: 2017-01-03\neleventyExcludeFromCollections: true\n---\nMusic by Ann Lee.\n',
    'show/_template.md': show(0),
    // Episodes without audio or number are still episodes when they say something or have a transcript.
    'dev-rev/introduction.md': '---\ntitle: Introduction\ndate: 2018-12-17\naudio_url:\n---\nWhat the show is about.\n',
    'bonus/no-date.md': '---\ntitle: A Bonus Without Notes\n---\n',
    'bonus/no-date.vtt': vtt('a transcript makes it an episode'),
    'guest-only.md': '---\ntitle: With Ann Lee\ndate: 2021-05-05\nguests: [Ann Lee]\n---\n',
    // A date written but unreadable is a warning, not a page.
    'someday.md': '---\ntitle: Someday\ndate: someday\n---\nWe will talk about it.\n',
  });
  const catalogue = await readEpisodes(dir);
  assert.deepEqual(catalogue.episodes.map((item) => item.episode.title).sort(), [
    'A Bonus Without Notes',
    'Episode 1',
    'Episode 2',
    'Episode 3',
    'Episode 4',
    'Episode 5',
    'Introduction',
    'Someday',
    'With Ann Lee',
  ]);
  assert.deepEqual(catalogue.skipped.map((item) => `${path.relative(dir, item.file)}: ${item.reason}`).sort(), [
    'about.md: a page: no date, audio, episode number or transcript',
    'credits.md: a page: eleventyExcludeFromCollections',
    'meetups/react-april.md: a page: a title and a date, nothing else to index',
    'show/_template.md: not an episode file',
    'show/subscribe.md: a page: a title and a date, nothing else to index',
  ]);
  assert.deepEqual(catalogue.failures, []);
  // Skipped files are not the catalogue's: an about page indexed by an older podgrep is removed on the next run.
  assert.ok(!catalogue.slugs.includes('about') && !catalogue.slugs.includes('show-subscribe'), catalogue.slugs.join());
  assert.match(skippedNote(catalogue), /5 file\(s\) skipped as not episodes: .*2 a page: a title and a date, nothing else to index/);
});

test('where most files have no audio, number or transcript, or no date, pages cannot be told from episodes: all are kept', async () => {
  // A site that publishes notes only: most files carry none of an episode's marks.
  const notesOnly = await testdir({
    'one.md': episode('One'),
    'two.md': '---\ntitle: Two\ndate: 2020-02-02\n---\n',
    'three.md': show(3),
  });
  // A folder written by hand: audio, but no dates; the notes-only episode without a date is an episode too.
  const undated = await testdir({
    'a.md': '---\ntitle: A\naudio_url: https://media.example.com/a.mp3\n---\nA.\n',
    'b.md': '---\ntitle: B\naudio_url: https://media.example.com/b.mp3\n---\nB.\n',
    'notes.md': episode('Notes only'),
  });
  for (const dir of [notesOnly, undated]) {
    const catalogue = await readEpisodes(dir);
    assert.equal(catalogue.episodes.length, 3, catalogue.skipped.map((item) => item.reason).join());
    assert.deepEqual(catalogue.skipped, []);
  }
});
