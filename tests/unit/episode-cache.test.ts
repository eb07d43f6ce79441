import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { testdir } from '../support/testdir.ts';

const episode = (title: string, date = '2020-01-02') =>
  `---\ntitle: ${title}\ndate: ${date}\nduration: 39:31\naudio_url: https://example.com/${title}.mp3\n---\n### Panel\n- Ann Lee\n`;

test('the parse cache: a second run gives the same catalogue, a changed file or podgrep.yml is read again', async () => {
  const dir = await testdir({ 'episodes/a.md': episode('a'), 'episodes/b.md': episode('b', 'next tuesday') });
  const episodes = path.join(dir, 'episodes');
  const cacheFile = path.join(dir, 'data', 'cache', 'episode-files.v8');
  const plain = await readEpisodes(episodes);
  const first = await readEpisodes(episodes, { cacheFile });
  const again = await readEpisodes(episodes, { cacheFile });
  assert.ok((await fs.stat(cacheFile)).size > 0);
  // Undefined fields, warnings and all: the cached reading is the reading.
  assert.deepEqual(again, plain);
  assert.deepEqual(first, plain);
  assert.match(again.warnings.join('\n'), /b\.md: date: "next tuesday" is not a date/);

  await fs.writeFile(path.join(episodes, 'a.md'), episode('a-renamed'));
  assert.deepEqual((await readEpisodes(episodes, { cacheFile })).episodes.map((item) => item.episode.title).sort(), ['a-renamed', 'b']);

  // The site's field names change what a file means: the cache does not outlive them.
  await fs.writeFile(path.join(episodes, 'podgrep.yml'), 'fields:\n  title: date\n');
  assert.deepEqual((await readEpisodes(episodes, { cacheFile })).episodes.map((item) => item.episode.title).sort(), [
    '2020-01-02',
    'next tuesday',
  ]);

  // A cache file that is not one (cut short by a crash) is read past, not trusted.
  await fs.writeFile(cacheFile, 'not a cache');
  assert.equal((await readEpisodes(episodes, { cacheFile })).episodes.length, 2);
});
