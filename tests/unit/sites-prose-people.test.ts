import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { personName } from '../../src/episode/people.ts';
import { episodeTitled as episode } from '../support/episode-titled.ts';
import { testdir } from '../support/testdir.ts';

// Shapes of four real sites tried as a new user would, written for these tests (docs/real-sites.md): a Jekyll blog's
// podcast posts, a Jekyll collection with Host and Guests lists, an Eleventy show whose hosts go by first name in
// `summary:`, a Hugo show whose `podcast:` is the audio, and a solo host who writes in the first person.

test('Jekyll posts: the date from the file name; "A “Nick” B and C D are joined by E F" are hosts and guest', async () => {
  const dir = await testdir({
    '_posts/en/podcast/2022-07-27-newsletter-recap.md':
      "---\ntitle: 'Newsletter #210 Recap'\nlayout: podcast-episode\n---\n" +
      'Mark “Murch” Erhardt and Mike Schmidt are joined by Ruben Somsen to discuss [Newsletter #210](/n/210).\n',
    '_posts/en/podcast/2022-08-03-newsletter-recap.md': "---\ntitle: 'Newsletter #211 Recap'\ndate: 2022-08-04\n---\nNotes.\n",
  });
  const catalogue = await readEpisodes(path.join(dir, '_posts/en/podcast'));
  const recap = episode(catalogue, 'Newsletter #210 Recap');
  assert.equal(recap.date, '2022-07-27');
  assert.deepEqual([recap.panel, recap.guests], [['Mark Erhardt', 'Mike Schmidt'], ['Ruben Somsen']]);
  // A date the front matter writes wins over the file's.
  assert.equal(episode(catalogue, 'Newsletter #211 Recap').date, '2022-08-04');
});

test('Host and Guests lists whose descriptions wrap onto the next line name only the people; "X discussed:" is no sentence', async () => {
  const dir = await testdir({
    '_episodes/66.md': [
      '---\ntitle: "66: Chat with Trino"\ndate: 2024-09-12\n---',
      '## Host\n',
      '* [Manfred Moser](https://example.com/mm), Director of Trino',
      '  Community Leadership at [Starburst](https://example.com/s),',
      '  ([@simpligility](https://example.com/x))\n',
      '## Guests\n',
      '* Himanshu Mendapra,',
      '  Software Engineer at Genuin',
      '* [Yadia Colindres](https://example.com/yc), Product Management',
      '  Advisor at Canner\n',
      '## Release 348\n',
      'Release Notes discussed: <https://example.com/release-348.html>\n',
    ].join('\n'),
  });
  const found = episode(await readEpisodes(path.join(dir, '_episodes')), '66: Chat with Trino');
  // "Community Leadership at Starburst" and "Software Engineer at Genuin" are no people; the lines keep their descriptions.
  assert.deepEqual(found.panel.map(personName), ['Manfred Moser']);
  assert.deepEqual(found.guests.map(personName), ['Himanshu Mendapra', 'Yadia Colindres']);
  assert.match(found.panel[0] ?? '', /Director of Trino Community Leadership at Starburst/);
});

test('hosts by first name in `summary:` only, on a show whose guests are named in full; a bare `fileName:` is the audio', async () => {
  const summaries = [
    'Elias and Sean discuss manufactured squirrels.',
    'Sean and Elias talk about bags and gear.',
    'Elias eats bread in a naval town. Then Sean and Elias discuss travel episodes.',
    'Elias and Sean talk about the new phones with a guest.',
  ];
  const files = Object.fromEntries(
    summaries.map((summary, i) => [
      `content/episodes/${i + 1}.md`,
      `---\ntitle: "Episode ${i + 1}"\ndate: 2018-0${i + 1}-01\nsummary: "${summary}"\nfileName: breadcrumbs${i + 1}.mp3\n---\n${i === 3 ? 'Special guest: Nilay Patel\n\n' : ''}- [A link](https://example.com/${i})\n`,
    ]),
  );
  const catalogue = await readEpisodes(path.join(await testdir(files), 'content/episodes'));
  for (let i = 1; i <= 4; i++) {
    const found = episode(catalogue, `Episode ${i}`);
    assert.deepEqual([...found.panel].sort(), ['Elias', 'Sean'], `Episode ${i}`);
    assert.equal(found.audioUrl, `breadcrumbs${i}.mp3`);
  }
  assert.deepEqual(episode(catalogue, 'Episode 4').guests, ['Nilay Patel']);
});

test('Hugo `podcast: http://…/x.mp3` is the audio, not the show; a solo host writes "about me, Ann Lee"; "we\'re joined by"', async () => {
  const dir = await testdir({
    'content/episodes/s01e08.md':
      '---\ntitle: "Bear Tactics"\ndate: 2014-07-13\npodcast: http://files.example.com/podcasts/s01e08_BearTactics.mp3\n---\nThis week on the show: a new game.\n',
    'content/episodes/episode-24.md': [
      '---\ntitle: "Episode 24"\ndate: 2021-03-01\n---',
      "On this episode we're joined by Anthony Main, who runs an agency. Later I speak with Bo Diaz, who sells tea.\n",
      'You can find out more about me, Rob Kendal, on my site.\n',
    ].join('\n'),
  });
  const catalogue = await readEpisodes(path.join(dir, 'content/episodes'));
  const bear = episode(catalogue, 'Bear Tactics');
  assert.equal(bear.audioUrl, 'http://files.example.com/podcasts/s01e08_BearTactics.mp3');
  assert.equal(bear.podcast, undefined);
  assert.deepEqual(catalogue.warnings, []);
  const solo = episode(catalogue, 'Episode 24');
  assert.deepEqual([solo.panel, solo.guests], [['Rob Kendal'], ['Anthony Main', 'Bo Diaz']]);
});

test('a transcript without a heading, "Andrew: …" after the notes: first-name hosts the podcast names in full on two episodes are those hosts; a guest\'s "David:" is no regular', async () => {
  const turns = (guest: string) =>
    [1, 2, 3, 4].flatMap((i) => [`Andrew: Point ${i} from me.`, `Justin: Point ${i} from me too.`, `${guest}: Answer ${i}.`]).join('\n\n');
  const files: Record<string, string> = {
    'episode/1.mdx': `---\ntitle: Kickoff\npublishDate: 2024-01-01\n---\n**Hosts:** Andrew Lisowski, Justin Bennett\n\n${turns('Andrew')}\n`,
    'episode/0.mdx': `---\ntitle: Preview\npublishDate: 2023-12-01\n---\n**Hosts:** Andrew Lisowski, Justin Bennett\n\n${turns('Andrew')}\n`,
  };
  for (const [i, guest] of ['David Kim', 'David Lee', 'David Roe', 'Ann Wu', 'Bo Diaz', 'Cy Roe', 'Di Fox', 'Ed Kim'].entries())
    files[`episode/${i + 2}.mdx`] =
      `---\ntitle: Tools ${i + 2} with ${guest}\npublishDate: 2024-02-1${i}\n---\nThis week we talk to ${guest} about tools.\n\n${turns(guest.split(' ')[0] ?? '')}\n`;
  const catalogue = await readEpisodes(path.join(await testdir(files), 'episode'));
  for (const [i, guest] of ['David Kim', 'David Lee', 'David Roe', 'Ann Wu', 'Bo Diaz', 'Cy Roe', 'Di Fox', 'Ed Kim'].entries()) {
    const found = episode(catalogue, `Tools ${i + 2} with ${guest}`);
    assert.deepEqual([[...found.panel].sort(), found.guests], [['Andrew Lisowski', 'Justin Bennett'], [guest]], guest);
  }
});

test('prose names no product, company or fragment: "joined by React Query maintainer …", "Joining me, Bo Diaz …", a co-host the front matter names', async () => {
  const dir = await testdir({
    'episodes/1.md':
      '---\ntitle: One\ndate: 2023-05-01\n---\nAnn Lee and Bo Diaz are joined by React Query maintainer Dominik Dorfmeister.\n',
    'episodes/2.md': '---\ntitle: Two\ndate: 2023-05-02\n---\nJoining me, Bo Diaz and Carol King from the Rust compiler team.\n',
    'episodes/3.md':
      "---\ntitle: Three\ndate: 2023-05-03\nhosts: [Wes Bos, Scott Tolinski]\n---\nWelcome to Syntax! I'm Wes Bos and I'm joined by Scott Tolinski.\n",
    'episodes/4.md': '---\ntitle: Four\ndate: 2023-05-04\n---\nVisual Studio Code is joined by GitHub Copilot in this release.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.deepEqual(episode(catalogue, 'One').guests, []);
  assert.deepEqual(episode(catalogue, 'Two').panel, []);
  assert.deepEqual([episode(catalogue, 'Three').panel, episode(catalogue, 'Three').guests], [['Wes Bos', 'Scott Tolinski'], []]);
  assert.deepEqual([episode(catalogue, 'Four').panel, episode(catalogue, 'Four').guests], [[], []]);
});

test('a transcript whose turns open on a bold name and no colon ("**Jeremy** Today I\'m speaking with …") names its host', async () => {
  const turns = (guest: string) =>
    [1, 2].flatMap((i) => [`**Jeremy** Question ${i} for you.`, `**${guest.split(' ')[0]}** Answer ${i}.`]).join('\n\n');
  const files: Record<string, string> = {};
  for (const [i, guest] of ['Julia Evans', 'Armin Ronacher', 'Aaron Patterson'].entries())
    files[`episodes/${i + 1}.md`] =
      `---\ntitle: Topic ${i + 1} with ${guest}\ndate: 2020-01-0${i + 1}\n---\nAn interview with ${guest}.\n\n## Transcript\n\n**Jeremy** Today I'm speaking with ${guest}.\n\n${turns(guest)}\n`;
  const catalogue = await readEpisodes(path.join(await testdir(files), 'episodes'));
  for (const [i, guest] of ['Julia Evans', 'Armin Ronacher', 'Aaron Patterson'].entries()) {
    const found = episode(catalogue, `Topic ${i + 1} with ${guest}`);
    assert.deepEqual([...found.panel, ...found.guests].sort(), [guest, 'Jeremy'].sort(), guest);
  }
});

test('what a second review found: names before a bracket or a dash, nicknames in lists, bold names that are no turns, the past, "Welcome … I\'m"', async () => {
  const dir = await testdir({
    'episodes/1.md':
      '---\ntitle: One\ndate: 2023-05-01\n---\nAnn Lee and Bo Diaz are joined by Cy Wu (Rust compiler team) to talk errors.\n',
    'episodes/2.md':
      "---\ntitle: Two\ndate: 2023-05-02\n---\nThis week's episode features panelists Mark “Murch” Erhardt, Mike Schmidt and Dave Harding.\n",
    'episodes/3.md':
      '---\ntitle: Three\ndate: 2023-05-03\n---\n**Ann Lee** and **Bo Diaz** discuss Remix.\n\n## Picks\n\n### Ann\n\n**Raycast** A launcher for macOS.\n\n**The Phoenix Project** A novel.\n\n### Bo\n\n**Obsidian** Notes in Markdown.\n',
    'episodes/4.md':
      '---\ntitle: Four\ndate: 2023-05-04\n---\nI spoke with Ann Lee at RustConf last year, and that inspired this solo episode.\n',
    'episodes/5.md':
      "---\ntitle: Five\ndate: 2023-05-05\n---\nWelcome to the A11y Rules podcast. I'm Nic Steenhout and today we talk screen readers.\n",
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  const of = (title: string) => [episode(catalogue, title).panel, episode(catalogue, title).guests];
  assert.deepEqual(of('One'), [['Ann Lee', 'Bo Diaz'], ['Cy Wu']]);
  assert.deepEqual(of('Two'), [['Mark Erhardt', 'Mike Schmidt', 'Dave Harding'], []]);
  assert.deepEqual(of('Three'), [['Ann Lee', 'Bo Diaz'], []]);
  assert.deepEqual([...new Set(episode(catalogue, 'Three').picks.map((pick) => pick.person))], ['Ann', 'Bo']);
  assert.deepEqual(of('Four'), [[], []]);
  assert.deepEqual(of('Five'), [['Nic Steenhout'], []]);
});

test('hosts by a first name with two capitals ("JMac and Jess discuss …") are read, and written as the notes write them', async () => {
  const files: Record<string, string> = {};
  for (const i of [1, 2, 3, 4])
    files[`_posts/${i}-topic.md`] =
      `---\ntitle: Topic ${i}\ndate: 2020-01-0${i}\ndescription: "In this episode, JMac and Jess discuss topic ${i}."\n---\nJMac and Jess discuss topic ${i}.\n`;
  const catalogue = await readEpisodes(path.join(await testdir(files), '_posts'));
  for (const i of [1, 2, 3, 4]) assert.deepEqual([...episode(catalogue, `Topic ${i}`).panel].sort(), ['JMac', 'Jess'], `Topic ${i}`);
});
