import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { episodeTitled as episode } from '../support/episode-titled.ts';
import { testdir } from '../support/testdir.ts';

// More shapes of real sites tried as a new user would (docs/real-sites.md, fourth round), written for these tests.

test('MDX episode pages (Next.js) are read as Markdown: imports, exports and {/* comments */} are no notes, and nothing runs', async () => {
  const dir = await testdir({
    'pages/episode/104.mdx': [
      '---\ntitle: Lu Wilson - TLDraw\npublishDate: 2024-06-01\n---',
      "import { Player } from '../../components/player'",
      'export const meta = { secret: process.exit(1) }',
      '{/* TAB: SHOW NOTES */}\n',
      "This week we're joined by Lu Wilson, who makes creative coding experiments.\n",
      '<Player id="104" />\n',
    ].join('\n'),
    'pages/episode/notes.md': '---\ntitle: A Markdown One\n---\nNotes.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'pages/episode'));
  const found = episode(catalogue, 'Lu Wilson - TLDraw');
  assert.equal(found.slug, '104');
  assert.equal(found.date, '2024-06-01');
  assert.deepEqual(found.guests, ['Lu Wilson']);
  assert.doesNotMatch(`${found.summary}\n${found.otherNotes}`, /import|export|process|TAB:|Player/);
  assert.equal(catalogue.episodes.length, 2);
});

test('a `participants:` list names who was on; `guests:` as a map of handle → link names each handle', async () => {
  const dir = await testdir({
    'episodes/006.md':
      '---\ntitle: "#6: SemVer or not"\ndate: 2021-01-01\nparticipants: ["Andrey", "Mattias", "Julien", "Johan"]\n---\nNotes.\n',
    'md/3/angular.md':
      '---\naudio: https://files.example.com/ep3.mp3\npublished_at: 2014-05-31\nguests:\n  can_i_do_web: https://twitter.com/can_i_do_web\n  konpyu: https://twitter.com/konpyu\n---\n\n# ep3 Angular.js\n\n## Theme\n\nAngular.js です。\n',
  });
  const devsecops = await readEpisodes(path.join(dir, 'episodes'));
  assert.deepEqual(episode(devsecops, '#6: SemVer or not').panel, ['Andrey', 'Mattias', 'Julien', 'Johan']);
  // No title field: the body's opening `# heading` is the title, without a warning; the handles are the guests.
  const mozaic = await readEpisodes(path.join(dir, 'md'));
  assert.deepEqual(episode(mozaic, 'ep3 Angular.js').guests, ['can_i_do_web', 'konpyu']);
  assert.deepEqual(mozaic.warnings, []);
});

test('YAML that does not parse for an unquoted ": " in a value is read line by line, with a warning; a nested one still fails', async () => {
  const dir = await testdir({
    'episodes/073.md':
      '---\ntitle: 73 • Moving Beyond Syntax: Lessons from 20 Years of Blocks Programming\n---\n\n# 73 • Moving Beyond Syntax\n\nNotes.\n',
    'episodes/bad.md': '---\ntitle: One: Two\ntags:\n  - a: b: c\n---\nNotes.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.ok(episode(catalogue, '73 • Moving Beyond Syntax: Lessons from 20 Years of Blocks Programming'));
  assert.match(catalogue.warnings.join('\n'), /073\.md: the YAML front matter does not parse; each of its lines was read as key: text/);
  assert.deepEqual(
    catalogue.failures.map((failure) => path.basename(failure.file)),
    ['bad.md'],
  );
});

test("a player in the notes is the audio where the front matter names none: a Liquid include's url=, an <audio src>", async () => {
  const dir = await testdir({
    '_posts/2023-09-05-recap.md':
      '---\ntitle: \'Recap 266\'\n---\nNotes.\n\n{% include functions/podcast-player.md url="https://cdn.example.com/2023-9-5/266.m4a" %}\n',
    '_posts/2023-09-12-recap.md':
      '---\ntitle: \'Recap 267\'\naudio_url: https://cdn.example.com/field.mp3\n---\n<audio src="https://cdn.example.com/other.mp3"></audio>\n',
    '_posts/2023-09-19-recap.md': '---\ntitle: \'Recap 268\'\n---\nNotes.\n\n<audio src="file:///etc/passwd.mp3"></audio>\n',
  });
  const catalogue = await readEpisodes(path.join(dir, '_posts'));
  assert.equal(episode(catalogue, 'Recap 266').audioUrl, 'https://cdn.example.com/2023-9-5/266.m4a');
  assert.equal(episode(catalogue, 'Recap 267').audioUrl, 'https://cdn.example.com/field.mp3');
  assert.equal(episode(catalogue, 'Recap 268').audioUrl, undefined);
});

test('an Otter.ai transcript\'s speaker headings ("### Bryan Robinson  0:03") name the host, who speaks first, and the guest', async () => {
  const turn = (name: string, time: string, text: string) => `### ${name}  ${time}  \n${text}\n`;
  const dir = await testdir({
    'episodes/aisha-blake.md': [
      '---\ntitle: "Aisha Blake on learning"\ndate: 2020-05-01\n---\nA chat about learning.\n',
      '## Transcript',
      turn('Bryan Robinson', '0:03', 'Hello and welcome to another episode.'),
      turn('Aisha Blake', '0:42', 'Thank you for having me.'),
      turn('Bryan Robinson', '0:44', 'Give us a little introduction.'),
      turn('Aisha Blake', '0:50', 'Sure.'),
    ].join('\n'),
  });
  const found = episode(await readEpisodes(path.join(dir, 'episodes')), 'Aisha Blake on learning');
  assert.deepEqual([found.panel, found.guests], [['Bryan Robinson'], ['Aisha Blake']]);
});

test("Zola's [extra] fields, an epoch-milliseconds publishTime, and plain-line YAML that keeps `published: false` a draft", async () => {
  const dir = await testdir({
    'content/episodes/2019-10-24-ruby/index.md':
      '+++\ntitle = "How the Ruby Runtime Works"\n\n[extra]\nepisode_url = "https://cdn.example.com/ruby.mp3"\nguest = "Aaron Patterson"\n+++\nNotes.\n',
    'content/episodes/ep-7/index.md':
      '---\ntitle: Ep 7\npublishTime: 1700000000000\naudioURL: https://cdn.example.com/7.mp3\n---\nNotes.\n',
    'content/episodes/draft.md': '---\ntitle: Draft: not yet\npublished: false\n---\nNotes.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'content/episodes'));
  const ruby = episode(catalogue, 'How the Ruby Runtime Works');
  assert.deepEqual([ruby.date, ruby.audioUrl, ruby.guests], ['2019-10-24', 'https://cdn.example.com/ruby.mp3', ['Aaron Patterson']]);
  assert.equal(episode(catalogue, 'Ep 7').date, '2023-11-14');
  assert.ok(!catalogue.episodes.some((item) => item.episode.title.startsWith('Draft')));
});

test('a player in the notes counts only when it is the one: not two, not a sponsor spot, not code; "# Show Notes" is no title', async () => {
  const dir = await testdir({
    '_posts/2023-01-01-a.md':
      '---\ntitle: Two players\n---\nNotes.\n\n<audio src="https://cdn.example.com/41.mp3"></audio>\n<audio src="https://cdn.example.com/42.mp3"></audio>\n',
    '_posts/2023-01-02-b.md': '---\ntitle: A sponsor\n---\nNotes.\n\n<audio src="https://ads.example.com/sponsor-spot.mp3"></audio>\n',
    '_posts/2023-01-03-c.md': '---\ntitle: Web Audio\n---\nNotes.\n\n```html\n<audio src="https://example.com/beep.mp3"></audio>\n```\n',
    '_posts/2023-01-04-show-notes.md': '---\ndate: 2023-01-04\n---\n# Show Notes\n\nWe talk about things.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, '_posts'));
  for (const title of ['Two players', 'A sponsor', 'Web Audio']) assert.equal(episode(catalogue, title).audioUrl, undefined, title);
  assert.ok(episode(catalogue, '2023-01-04-show-notes'));
});

test('one file offered in two formats is one player; an episode about ad blockers is no ad', async () => {
  const dir = await testdir({
    '_posts/2022-05-01-a.md':
      '---\ntitle: Ep 42\n---\nNotes.\n\n<audio controls><source src="https://media.example.com/ep42.mp3"><source src="https://media.example.com/ep42.ogg"></audio>\n',
    '_posts/2022-05-08-b.md': '---\ntitle: Ep 43\n---\nNotes.\n\n<audio src="https://media.example.com/043-ad-blockers.mp3"></audio>\n',
  });
  const catalogue = await readEpisodes(path.join(dir, '_posts'));
  assert.equal(episode(catalogue, 'Ep 42').audioUrl, 'https://media.example.com/ep42.mp3');
  assert.equal(episode(catalogue, 'Ep 43').audioUrl, 'https://media.example.com/043-ad-blockers.mp3');
});

test("a person's page kept among the episodes (`layout: guest` in Jekyll's _posts) is skipped as a page, not indexed", async () => {
  const dir = await testdir({
    '_posts/2017-07-17-e01-interview-with-ann-lee.md':
      '---\ntitle: Interview with Ann Lee\naudio_url: https://cdn.example.com/e01.mp3\n---\nNotes.\n',
    '_posts/2026-01-01-ann-lee.md': '---\nlayout: guest\ntitle: Ann Lee\n---\nAnn builds screen readers.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, '_posts'));
  assert.deepEqual(
    catalogue.episodes.map((item) => item.episode.title),
    ['Interview with Ann Lee'],
  );
  assert.match(JSON.stringify(catalogue.skipped), /a page: a person's \(guest\)/);
});
