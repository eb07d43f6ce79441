import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { episodeTitled as episode } from '../support/episode-titled.ts';
import { testdir } from '../support/testdir.ts';

// Shapes of the tenth round of real sites (docs/real-sites.md), written for these tests, not copied from any site.

test('front matter after a blank first line, a transcript written into it, and a quoted list value over two lines', async () => {
  const turns = ['**Veronica:** Welcome to the show.', '**Alina Simone:** Thanks for having me.', '**Marcus Hutchins:** Hi.'];
  const dir = await testdir({
    'episodes/s01e03.md': [
      '',
      '---',
      'title: "Hack Jobs"',
      'date: 2017-07-24T07:00:00-07:00',
      'mp3: "https://cdn.example.com/3.mp3"',
      'host: "Veronica"',
      'links:',
      '  - title: "The Power Broker',
      'Robert Moses and the Fall of New York"',
      '    url: "https://books.example.com/power-broker"',
      'transcript: |',
      ...[...turns, ...turns, ...turns].map((turn) => `    ${turn}\n`),
      '---',
      '',
    ].join('\n'),
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.deepEqual(catalogue.failures, []);
  const found = episode(catalogue, 'Hack Jobs');
  assert.equal(found.audioUrl, 'https://cdn.example.com/3.mp3');
  // The transcript is searchable text, and who speaks in it is on the episode.
  assert.match(found.otherNotes, /Thanks for having me/);
  assert.deepEqual([found.panel, found.guests], [['Veronica'], ['Alina Simone', 'Marcus Hutchins']]);
});

test('a date written alone atop an MDX body, under its imports, where the front matter has none', async () => {
  const dir = await testdir({
    'episodes/100.mdx':
      '---\nid: 100\ntitle: Episode 100 - Taking Back Bitcoin\n---\n\nimport Player from "../src/components/Player";\n\n_Saturday, 2nd December 2023_\n\n<Player url={"https://www.youtube.com/watch?v=x"} />\n',
    'episodes/101.mdx': '---\nid: 101\ntitle: Episode 101 - Topics\n---\n\nWe talk about 2nd December 2023 and more.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.equal(episode(catalogue, 'Episode 100 - Taking Back Bitcoin').date, '2023-12-02');
  assert.equal(episode(catalogue, 'Episode 101 - Topics').date, undefined);
});

test('a transcript of bold full names without a Transcript heading, where the notes name no one', async () => {
  const turn = (name: string, said: string) => `**${name}**: ${said}\n`;
  const dir = await testdir({
    'episodes/100.md': [
      '---\ntitle: "Setka"\ndate: 2024-02-20\n---\n',
      'Rozmowa o setnym odcinku.\n',
      ...[1, 2, 3, 4, 5].flatMap((i) => [turn('Łukasz Kałużny', `Cześć ${i}.`), turn('Szymon Warda', `Tak ${i}.`)]),
    ].join('\n'),
  });
  const found = episode(await readEpisodes(path.join(dir, 'episodes')), 'Setka');
  assert.deepEqual([...found.panel, ...found.guests].sort(), ['Szymon Warda', 'Łukasz Kałużny']);
});

test('"Victoria Bateman on the Industrial Revolution": the title opens with the guest the notes write in full', async () => {
  const dir = await testdir({
    'episodes/01.md':
      '---\ntitle: "Victoria Bateman on the Industrial Revolution"\ndate: 2019-12-21\n---\n\nDr Bateman is a fellow in economics.\n\n## Book Recommendations\n\nVictoria Bateman\'s book recommendations:\n\n- [Common women](https://books.example.com/1)\n',
    'episodes/02.md':
      '---\ntitle: "Single Table Inheritance - Rails"\ndate: 2019-12-28\n---\n\nSingle Table Inheritance lets one table hold many models; inheritance is useful.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.deepEqual(episode(catalogue, 'Victoria Bateman on the Industrial Revolution').guests, ['Victoria Bateman']);
  assert.deepEqual(episode(catalogue, 'Single Table Inheritance - Rails').guests, []);
});

test('first names writing an episode together are its hosts; a single first name is not', async () => {
  const dir = await testdir({
    'posts/2014-07-26-episode-0001.md':
      '---\ntitle: Пилотный выпуск\nauthors:\n - Светлана: https://twitter.com/a\n - Иван: https://twitter.com/b\n---\n\nЗачем нужен еще один подкаст.\n',
    'posts/2014-07-27-episode-0002.md': '---\ntitle: A post\nauthor: Admin\n---\n\nText.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'posts'));
  assert.deepEqual(episode(catalogue, 'Пилотный выпуск').panel, ['Светлана', 'Иван']);
  assert.deepEqual(episode(catalogue, 'A post').panel, []);
});

test('", co-hosts Ann Lee and Bo Diaz …" names the hosts; ", co-host New York BitDevs" is a sentence', async () => {
  const dir = await testdir({
    'episodes/45.md':
      '---\ntitle: "Holiday Scams"\ndate: 2024-12-03\n---\n\nIn this special episode of the show, co-hosts Joe Patti and Adam Roth break down holiday scams.\n',
    'episodes/46.md':
      '---\ntitle: "Recap"\ndate: 2024-12-04\n---\n\nI work on Bitcoin Core, co-host New York BitDevs, and do all that stuff.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.deepEqual(episode(catalogue, 'Holiday Scams').panel, ['Joe Patti', 'Adam Roth']);
  assert.deepEqual(episode(catalogue, 'Recap').panel, []);
});

test("a title's guest stays one when the notes write the last name in an address (`blog@lichter.io`)", async () => {
  const dir = await testdir({
    'episodes/49.md':
      '---\ntitle: "Sitemaps and Nuxt with Alexander Lichter"\ndate: 2021-01-25\n---\n\nWe talk with Alexander Lichter about Nuxt.\n\nWrite to blog@lichter.io or see /alexander-lichter.\n',
  });
  assert.deepEqual(episode(await readEpisodes(path.join(dir, 'episodes')), 'Sitemaps and Nuxt with Alexander Lichter').guests, [
    'Alexander Lichter',
  ]);
});

test('two hosts who take turns to speak first are both hosts, not a host and a guest, once the catalogue knows them', async () => {
  const turn = (name: string, said: string) => `**${name}**: ${said}\n`;
  const files: Record<string, string> = {};
  for (const number of [1, 2, 3, 4, 5, 6]) {
    const [first, second] = number % 2 ? ['Łukasz Kałużny', 'Szymon Warda'] : ['Szymon Warda', 'Łukasz Kałużny'];
    files[`episodes/${number}.md`] = [
      `---\ntitle: "Odcinek ${number}"\ndate: 2024-02-0${number}\n---\n`,
      ...[1, 2, 3, 4, 5].flatMap((i) => [turn(first, `Cześć ${i}.`), turn(second, `Tak ${i}.`)]),
    ].join('\n');
  }
  const catalogue = await readEpisodes(path.join(await testdir(files), 'episodes'));
  for (const number of [1, 2, 3, 4, 5, 6]) {
    const found = episode(catalogue, `Odcinek ${number}`);
    assert.deepEqual([[...found.panel].sort(), found.guests], [['Szymon Warda', 'Łukasz Kałużny'], []]);
  }
});

test('what a review of these rules found: a host the field names by first name, products in titles, bold tips, roles', async () => {
  const turns = ['**Veronica Belmont:** Welcome.', '**Ann Lee:** Thanks.'].join('\n\n');
  const dir = await testdir({
    'episodes/1.md': `---\ntitle: "One"\ndate: 2023-01-01\nhost: Veronica\n---\n\nNotes.\n\n## Transcript\n\n${turns}\n\n${turns}\n`,
    'episodes/2.md':
      '---\ntitle: "Docker Compose on Windows"\ndate: 2023-01-02\n---\n\nDocker Compose now works on Windows. Docker Desktop bundles it.\n',
    'episodes/3.md': `---\ntitle: "Three"\ndate: 2023-01-03\n---\n\n${'**Pro Tip**: Use a cache.\n\n**Fun Fact**: It is fast.\n\n'.repeat(3)}`,
    'episodes/4.md': '---\ntitle: "Four"\ndate: 2023-01-04\nauthors: [Producer, Webmaster]\n---\n\nText.\n',
    'episodes/5.md': `---\ntitle: "Five"\ndate: 2023-01-05\ntranscript: >\n  ${'Ann: hello there, and welcome to the show about folded text. '.repeat(5)}\n---\n\nNotes.\n`,
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  const one = episode(catalogue, 'One');
  assert.deepEqual([one.panel, one.guests], [['Veronica'], ['Ann Lee']]);
  assert.deepEqual(episode(catalogue, 'Docker Compose on Windows').guests, []);
  const three = episode(catalogue, 'Three');
  assert.deepEqual([three.panel, three.guests], [[], []]);
  assert.deepEqual(episode(catalogue, 'Four').panel, []);
  assert.match(episode(catalogue, 'Five').otherNotes, /folded text/);
});

test('a guest after "feat." or "w/" in a title is the guest though the notes never name them; "with" needs the notes', async () => {
  const dir = await testdir({
    'episodes/102.mdx':
      '---\nid: 102\ntitle: Episode 102 - State of the Revolution feat. Kallisti & Ryan Giffin\n---\n\n_Saturday, 2nd December 2023_\n',
    'episodes/nifty.md':
      '---\ntitle: "Bitcoin++ and making Bitcoin dev great w/ Nifty Nei"\ndate: 2025-06-29\n---\n\nA chat about conferences.\n',
    'episodes/react.md': '---\ntitle: "Working with React Native"\ndate: 2025-06-30\n---\n\nA chat about apps.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.deepEqual(episode(catalogue, 'Episode 102 - State of the Revolution feat. Kallisti & Ryan Giffin').guests, [
    'Kallisti',
    'Ryan Giffin',
  ]);
  assert.deepEqual(episode(catalogue, 'Bitcoin++ and making Bitcoin dev great w/ Nifty Nei').guests, ['Nifty Nei']);
  assert.deepEqual(episode(catalogue, 'Working with React Native').guests, []);
});
