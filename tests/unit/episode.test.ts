import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import { parseEpisode } from '../../src/episode/episode.ts';
import { EpisodeError } from '../../src/errors.ts';
import { SAMPLE_EPISODE } from '../support/testdir.ts';

const sample = await fs.readFile(SAMPLE_EPISODE, 'utf8');

test('the sample episode: front matter, panel, guest, summary, links and picks per person', () => {
  const episode = parseEpisode('episodes/emx-059-using-rust-to-scale-elixir.md', sample);
  assert.equal(episode.slug, 'emx-059-using-rust-to-scale-elixir');
  assert.equal(episode.title, 'EMx 059: Using Rust to Scale Elixir for 11 Million Concurrent Users with Matt Nowack');
  assert.equal(episode.podcast, 'elixir-mix');
  assert.equal(episode.date, '2019-07-09');
  assert.equal(episode.episodeNumber, 59);
  assert.equal(episode.durationSeconds, 54 * 60 + 20);
  assert.match(episode.audioUrl ?? '', /^http:\/\/media\.devchat\.tv\/.*\.mp3$/);
  assert.deepEqual(episode.tags, ['elixir_mix', 'podcast']);
  assert.deepEqual(episode.panel, ['Mark Ericksen', 'Josh Adams', 'Michael Ries', 'Eric Oestrich']);
  assert.deepEqual(episode.guests, ['Matt Nowack']);
  assert.match(episode.summary, /^Matt Cohen, a developer at Discord/);
  assert.match(episode.summary, /dirty schedulers/);
  assert.equal(episode.links.length, 16);
  assert.deepEqual(episode.links[2], {
    label: 'Matthew Nowack - ZenMonitor: Scaling Distributed Monitoring at Discord | Code BEAM SF 19',
    url: 'https://youtu.be/P89N1YJBjpA',
  });
  assert.deepEqual(
    episode.picks.map((pick) => pick.person),
    [
      'Mark Ericksen',
      'Mark Ericksen',
      'Josh Adams',
      'Michael Ries',
      'Michael Ries',
      'Eric Oestrich',
      'Matt Nowack',
      'Matt Nowack',
      'Matt Nowack',
    ],
  );
  assert.equal(episode.picks[0]?.url, 'https://www.nps.gov/grca/planyourvisit/havasupai.htm');
  assert.deepEqual(
    episode.sponsors.map((link) => link.url),
    ['http://sentry.io/', 'https://www.cachefly.com/'],
  );
  assert.match(episode.sponsors[0]?.label ?? '', /Sentry use the code “devchat”/);
});

test('headings at any level, bold or not, and bold lines alone start sections', () => {
  const episode = parseEpisode(
    'x.md',
    `---\ntitle: X\n---\n# Summary\nOne *two* [three](https://3.example).\n\n**Panel**\n- Ann\n- Bob\n\n#### Links:\n1. <https://a.example>\n2. [B](https://b.example "title")\n\n__Picks__\nAnn:\n- [Book](https://book.example)\n`,
  );
  assert.equal(episode.summary, 'One two three.');
  assert.deepEqual(episode.panel, ['Ann', 'Bob']);
  assert.deepEqual(
    episode.links.map((link) => link.url),
    ['https://a.example', 'https://b.example'],
  );
  assert.deepEqual(episode.picks, [{ person: 'Ann', label: 'Book', url: 'https://book.example' }]);
});

test('a file without sections still parses, with empty notes', () => {
  const episode = parseEpisode('plain.md', '---\ntitle: Just a title\n---\nSome words about it.');
  assert.equal(episode.summary, '');
  assert.equal(episode.otherNotes, 'Some words about it.');
  assert.equal(episode.date, undefined);
});

const broken: [string, string, RegExp][] = [
  ['YAML that does not parse', '---\ntitle: [unclosed\n---\n', /bad\.md: the YAML front matter does not parse/],
  ['front matter that is a list', '---\n- a\n- b\n---\n', /bad\.md: the front matter must be a mapping/],
  ['no front matter', '# Summary\nText', /bad\.md: title is missing or empty/],
  ['an empty title', '---\ntitle: ""\n---\n', /title is missing or empty/],
];
for (const [name, text, message] of broken) {
  test(`a clear error naming the file for ${name}`, () => {
    assert.throws(
      () => parseEpisode('episodes/bad.md', text),
      (error: unknown) => {
        assert.ok(error instanceof EpisodeError);
        assert.equal(error.file, 'episodes/bad.md');
        assert.match(error.message, message);
        return true;
      },
    );
  });
}

// A value podgrep cannot read costs the episode that value, not the episode: a warning naming the file and the field
// (until issue 10 these were errors that lost the whole episode).
const unreadable: [string, string, RegExp][] = [
  ['a date that is not a date', '---\ntitle: T\ndate: next tuesday\n---\n', /date: "next tuesday" is not a date such as 2019-07-09/],
  ['an episode number that is not a number', '---\ntitle: T\nepisode_number: five\n---\n', /episode_number: "five" is not a whole number/],
  ['a duration that is not one', '---\ntitle: T\nduration: long\n---\n', /duration: "long" is not a duration/],
  [
    'an audio_url with a scheme other than http(s)',
    '---\ntitle: T\naudio_url: file:///etc/passwd\n---\n',
    /audio_url: .* is not an http\(s\) URL or a path/,
  ],
  ['a javascript: audio_url', '---\ntitle: T\naudio_url: "javascript:alert(1)"\n---\n', /audio_url/],
  // `- a: 1` alone is the text "a: 1" written unquoted; a mapping of two is no tag.
  ['tags that are not texts', '---\ntitle: T\ntags:\n  - a: 1\n    b: 2\n---\n', /tags: .* is not a list of texts/],
];
for (const [name, text, message] of unreadable) {
  test(`a warning naming the file and field for ${name}, and the episode is kept`, () => {
    const warnings: string[] = [];
    const episode = parseEpisode('episodes/bad.md', text, { warn: (m) => warnings.push(m) });
    assert.equal(episode.title, 'T');
    if (name.includes('episode number')) {
      assert.equal(episode.label, 'five');
      assert.equal(episode.episodeNumber, undefined);
      assert.deepEqual(warnings, []);
      return;
    }
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0] ?? '', /^episodes\/bad\.md: /);
    assert.match(warnings[0] ?? '', message);
    assert.equal(episode.audioUrl, undefined);
  });
}

test('relative audio paths and numbers written as text are accepted', () => {
  const episode = parseEpisode('x.md', '---\ntitle: 2024\naudio_url: audio/x.mp3\nepisode_number: "007"\nduration: 3723\n---\n');
  assert.equal(episode.title, '2024');
  assert.equal(episode.audioUrl, 'audio/x.mp3');
  assert.equal(episode.episodeNumber, 7);
  assert.equal(episode.durationSeconds, 3723);
});

test('link labels keep underscores inside words, and URLs keep balanced parentheses', () => {
  const episode = parseEpisode(
    'x.md',
    '---\ntitle: X\n---\n## Links\n* [sorted_set_nif](https://github.com/discordapp/sorted_set_nif)\n* [Elixir](https://en.wikipedia.org/wiki/Elixir_(programming_language))\n* __bold__ and _em_ text\n',
  );
  assert.deepEqual(episode.links, [
    { label: 'sorted_set_nif', url: 'https://github.com/discordapp/sorted_set_nif' },
    { label: 'Elixir', url: 'https://en.wikipedia.org/wiki/Elixir_(programming_language)' },
  ]);
  assert.equal(
    parseEpisode('y.md', '---\ntitle: X\n---\n## Summary\n__bold__ and _em_ in snake_case_words.\n').summary,
    'bold and em in snake_case_words.',
  );
  // A link glued to the word before starts a word of its own when its label starts one; "Ma[x Wood](…)" is still Max.
  assert.equal(
    parseEpisode(
      'z.md',
      '---\ntitle: X\n---\n## Summary\nWith[Ann Lee](https://a.example)[Bo Diaz](https://b.example), Ma[x Wood](https://c.example).\n',
    ).summary,
    'With Ann Lee Bo Diaz, Max Wood.',
  );
});
