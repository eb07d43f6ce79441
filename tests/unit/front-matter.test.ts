import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { parseEpisode } from '../../src/episode/episode.ts';
import { readFrontMatter } from '../../src/episode/front-matter.ts';
import { EpisodeError } from '../../src/errors.ts';
import { testdir } from '../support/testdir.ts';

// gray-matter's default engines evaluate `---js` front matter (FACTS.md). An episode file must never run code: each
// of these would write a file and set a global if it ran.
test('front matter fenced ---js, ---javascript or ---coffee is an error naming the file, and no code runs', async () => {
  const dir = await testdir();
  const marker = path.join(dir, 'ran.txt');
  const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); globalThis.__podgrepRan = true; module.exports = { title: 'ran' }`;
  const body = (fence: string) =>
    `---${fence}\n({ title: (function () { globalThis.__podgrepRan = true; try { ${code} } catch {} ; return 'ran'; })() })\n---\nBody\n`;
  await fs.writeFile(path.join(dir, 'js.md'), body('js'));
  await fs.writeFile(path.join(dir, 'javascript.md'), body('javascript'));
  await fs.writeFile(path.join(dir, 'coffee.md'), body('coffee'));
  await fs.writeFile(path.join(dir, 'good.md'), '---\ntitle: Good\n---\nText\n');
  const catalogue = await readEpisodes(dir);
  assert.deepEqual(
    catalogue.episodes.map((item) => item.episode.title),
    ['Good'],
  );
  assert.equal(catalogue.failures.length, 3);
  for (const failure of catalogue.failures)
    assert.match(failure.message, /\.md: the front matter is fenced as ---(js|javascript|coffee), which podgrep does not read/);
  assert.equal((globalThis as { __podgrepRan?: boolean }).__podgrepRan, undefined);
  await assert.rejects(fs.access(marker), 'no file was written');
});

test('YAML is read with one schema: 39:31 stays a duration, 059 is 59, dates stay dates, no custom tags build objects', () => {
  const episode = parseEpisode('x.md', '---\ntitle: T\nduration: 39:31\nepisode_number: 059\ndate: 2019-07-09\n---\n');
  assert.equal(episode.durationSeconds, 39 * 60 + 31);
  assert.equal(episode.episodeNumber, 59);
  assert.equal(episode.date, '2019-07-09');
  // js-yaml's old `!!js/function` and YAML 1.1 tags are unknown tags in the core schema: the value is kept as text.
  const tagged = parseEpisode('y.md', "---\ntitle: !!js/function 'function () { return 1 }'\n---\n");
  assert.equal(typeof tagged.title, 'string');
});

test('a quoted value continued at the margin, as js-yaml and so Eleventy sites read it, is read; other broken YAML is not', () => {
  const text = `---\ntitle: 'Dev Ed 002: Staying Current\n\n'\ndate: 2019-02-12\nanswer1: "An answer that runs\non, with \\"quotes\\"\n  and more. \\n"\nanswer2: 'About 70%, it''s\n\n'\n---\nNotes.\n`;
  const episode = parseEpisode('dev-ed-002.md', text);
  assert.deepEqual([episode.title, episode.date], ['Dev Ed 002: Staying Current', '2019-02-12']);
  assert.deepEqual(readFrontMatter('x.md', text).data.answer2, "About 70%, it's\n");
  assert.throws(() => parseEpisode('broken.md', "---\ntitle: 'never closed\ndate: 2019-02-12\n---\n"), /YAML front matter does not parse/);
});

test('TOML (+++), ---toml and ---json fences, and a bare JSON object at the top, as Hugo writes them', () => {
  const toml = parseEpisode('a.md', '+++\ntitle = "Toml" # a comment\ndate = 2013-08-12T19:05:39-07:00\nduration = "39:31"\n+++\nBody\n');
  assert.deepEqual([toml.title, toml.date, toml.durationSeconds], ['Toml', '2013-08-12', 2371]);
  const fenced = parseEpisode('b.md', '---toml\ntitle = "Fenced"\n---\n');
  assert.equal(fenced.title, 'Fenced');
  const json = parseEpisode('c.md', '---json\n{ "title": "Json", "date": 1562666400 }\n---\n');
  assert.deepEqual([json.title, json.date], ['Json', '2019-07-09']);
  const bare = parseEpisode('d.md', '{\n  "title": "Bare {braces} \\"quoted\\"",\n  "tags": ["a", "b"]\n}\n## Summary\nText after.\n');
  assert.deepEqual([bare.title, bare.tags, bare.summary], ['Bare {braces} "quoted"', ['a', 'b'], 'Text after.']);
});

test('broken TOML and JSON front matter are errors naming the file and the format', () => {
  for (const [text, format] of [
    ['+++\ntitle = \n+++\n', 'TOML'],
    ['{ "title": "x", }\nbody', 'JSON'],
    ['{ "title": "never closed"\nbody', 'JSON'],
  ] as const) {
    assert.throws(
      () => parseEpisode('episodes/bad.md', text),
      (error: unknown) => {
        assert.ok(error instanceof EpisodeError);
        assert.match(error.message, new RegExp(`^episodes/bad\\.md: the ${format} front matter does not parse`));
        return true;
      },
    );
  }
});

test('a YAML alias bomb fails fast instead of expanding', () => {
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...Array.from(
      { length: 8 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
    ),
  ].join('\n');
  assert.throws(() => parseEpisode('bomb.md', `---\ntitle: T\n${bomb}\n---\n`), /front matter does not parse/);
});
