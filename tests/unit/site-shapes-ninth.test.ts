import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { personName } from '../../src/episode/people.ts';
import { episodeTitled as episode } from '../support/episode-titled.ts';
import { testdir } from '../support/testdir.ts';

// Shapes of the ninth round of real sites (docs/real-sites.md), written for these tests, not copied from any site.

test("Zola's `[extra]` table holds the audio under the site's own name (`aac_url`)", async () => {
  const dir = await testdir({
    'episodes/001.md':
      '+++\ntitle = "Episode 1: Hello"\ndate = "2023-05-05 09:00:00-07:00"\n\n[extra]\nguid = "crab001"\naac_url = "https://files.example.com/episode-001.m4a"\n+++\n\nA first talk.\n',
  });
  const found = episode(await readEpisodes(path.join(dir, 'episodes')), 'Episode 1: Hello');
  assert.equal(found.audioUrl, 'https://files.example.com/episode-001.m4a');
  assert.equal(found.date, '2023-05-05');
});

test('a pair who go by one name each, a handle among them ("Nia and ByteWren meet …"), are the panel of every episode saying so', async () => {
  const files: Record<string, string> = {};
  for (const [number, verb] of [
    [1, 'meet for a first episode'],
    [2, 'discuss the week in compilers'],
    [3, 'talk about questions'],
  ] as const)
    files[`episodes/00${number}.md`] =
      `+++\ntitle = "Episode ${number}"\ndate = "2024-0${number}-01"\n+++\n\nNia and ByteWren ${verb}. They also talk about their projects.\n`;
  const catalogue = await readEpisodes(path.join(await testdir(files), 'episodes'));
  for (const number of [1, 2, 3]) assert.deepEqual(episode(catalogue, `Episode ${number}`).panel, ['Nia', 'ByteWren']);
});

test('a transcript exported by Riverside ("Ann Lee (00:00)" on a line above each turn) names who spoke', async () => {
  const turn = (name: string, time: string, said: string) => `*${name} (${time})*\n${said}\n`;
  const dir = await testdir({
    'episodes/episode-06.md': [
      '---\ntitle: "Home security"\ndate: 2023-04-02\nguest: ""\ndescription: "A talk about keeping the house safe."\n---\n',
      '## Full Episode Transcript\n',
      turn('Ann Lee', '00:00', "It's five o'clock somewhere. I'm Ann Lee."),
      turn('Bo Diaz', '00:15', 'And I am Bo Diaz, from the island.'),
      turn('Unknown Speaker', '00:20', 'Hello?'),
      turn('Ann Lee', '00:25', 'Today, locks.'),
      turn('Bo Diaz', '00:40', 'Locks it is.'),
      turn('Ann Lee', '01:00', 'And cameras.'),
      turn('Bo Diaz', '01:20', 'Cameras too.'),
      turn('Unknown Speaker', '01:30', 'Still here.'),
      turn('Unknown Speaker', '01:40', 'Bye.'),
    ].join('\n'),
  });
  const found = episode(await readEpisodes(path.join(dir, 'episodes')), 'Home security');
  assert.deepEqual([...found.panel, ...found.guests], ['Ann Lee', 'Bo Diaz']);
});

test('whoever speaks first under a fuller spelling of the guests field is that guest, not a host ("Renee P. Wynn" for Renee Wynn)', async () => {
  const turn = (name: string, time: string) => `${name} (${time})\nWords at ${time}.\n`;
  const dir = await testdir({
    'episodes/episode-70.md': [
      '---\ntitle: "Mars rovers"\ndate: 2025-01-02\nguest: "Renee Wynn"\n---\n',
      '## Full Episode Transcript\n',
      ...['00:00', '00:30', '01:10'].flatMap((time, i) => [turn('Renee P. Wynn', time), turn('Joe Patti', `0${i + 2}:00`)]),
    ].join('\n'),
  });
  const found = episode(await readEpisodes(path.join(dir, 'episodes')), 'Mars rovers');
  assert.deepEqual([found.panel, found.guests], [['Joe Patti'], ['Renee Wynn']]);
});

test('hosts and guests under the labels of other languages: "Ведущие этого выпуска:", "## Гость", "## Invités"', async () => {
  const dir = await testdir({
    'episode/2016/041.md': [
      '+++\ndate = "2016-02-04"\ntitle = "Выпуск 041"\nlink = "example.com/cdn/episodes/041.mp3"\n+++\n',
      '## Гость',
      'В гостях [Андрей Смирнов](https://example.com/smira) из компании [Example Corp](https://example.com). Поговорили про',
      'то, как он пишет Aptly, и про Go в больших компаниях.\n',
      'Ссылки от гостя:',
      '- [Про Aptly](https://example.com/aptly)',
      '- [Слайды доклада](https://example.com/slides)\n',
      '## Вакансии\n',
      '- [Нужен Go разработчик](https://example.com/job)\n',
      'Ведущие этого выпуска: [Артём](https://example.com/a), [Алексей](https://example.com/b) и [Иван](https://example.com/c).',
    ].join('\n'),
    'episode/2016/042.md':
      '+++\ndate = "2016-02-05"\ntitle = "Выпуск 042"\n+++\n\n## Новости\n- Новость\n\nВедущие этого выпуска:\n- [Артём](https://example.com/a)\n- [Елена](https://example.com/e)\n',
    'episode/2016/043.md':
      '---\ntitle: "Épisode 43"\ndate: 2016-02-12\n---\n\n## Invités\n\n- Mathilde Lemée\n- Nicolas Martignole\n\n## Nouvelles\n\nDes nouvelles.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episode'));
  const guest = episode(catalogue, 'Выпуск 041');
  assert.deepEqual([guest.panel, guest.guests], [['Артём', 'Алексей', 'Иван'], ['Андрей Смирнов']]);
  // What the guest section says is still searchable: the topics and the guest's links are not lost as names.
  assert.match(guest.otherNotes, /Поговорили про/);
  assert.deepEqual(episode(catalogue, 'Выпуск 042').panel, ['Артём', 'Елена']);
  assert.deepEqual(episode(catalogue, 'Épisode 43').guests, ['Mathilde Lemée', 'Nicolas Martignole']);
});

test('a guest whose id spells their name in Latin letters is the guest the notes write in Cyrillic, once', async () => {
  const dir = await testdir({
    'episode/49.md':
      '---\ntitle: "#49 - Владимир Швец - от Джуна до Сеньора"\ndate: 2023-01-01\npeople:\n  - volyx\n  - vladimir-shvec\n---\n\nПоговорили с Владимиром.\n\nГость - Владимир Швец\n',
  });
  const found = episode(await readEpisodes(path.join(dir, 'episode')), '#49 - Владимир Швец - от Джуна до Сеньора');
  assert.deepEqual([found.panel, found.guests], [['volyx'], ['Vladimir Shvec']]);
});

test('a "Guests" section introduced by a sentence over two lines keeps its list; a photo caption under it adds no one', async () => {
  const dir = await testdir({
    'episodes/43.md': [
      '---\ntitle: "43: Caching"\ndate: 2023-01-05\n---\n',
      '## Guests\n',
      'In this episode Manfred has the pleasure to chat with two colleagues, who',
      'are working on making it better every day:\n',
      '* [Bin Fan](https://example.com/bin), VP of Open Source at Example',
      '* [Beinan Wang](https://example.com/beinan), Software Engineer at Example\n',
      'The crew at the summit. From left to right: [Beinan Wang](https://example.com/beinan),',
      '[Denny Lee](https://example.com/denny) and [Hope Wang](https://example.com/hope).\n',
    ].join('\n'),
  });
  const found = episode(await readEpisodes(path.join(dir, 'episodes')), '43: Caching');
  assert.deepEqual(found.guests.map(personName), ['Bin Fan', 'Beinan Wang']);
});

test('a hosts line that wraps, and names the guests after the hosts ("а также гости …", "and guest …"), reads both', async () => {
  const dir = await testdir({
    'episode/038.md': [
      '+++\ndate = "2016-01-14"\ntitle = "Выпуск 038"\n+++\n',
      '## Спонсоры',
      '- Промо-код для [хостинга](https://example.com/host)\n',
      'Ведущие этого выпуска: [Артём](https://example.com/a), [Алексей](https://example.com/b),',
      '[Иван](https://example.com/c), [Слава](https://example.com/d), а также гости',
      '[Александр Золотов](https://example.com/z) и [Сергей Игнатов](https://example.com/i).',
    ].join('\n'),
    'episode/039.md':
      '---\ntitle: "Episode 39"\ndate: 2016-01-21\n---\n\n**Hosts:** Ann Lee, Bo Diaz,\nCy Wu and special guest Di Fox\n**Format:** Show notes\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episode'));
  const russian = episode(catalogue, 'Выпуск 038');
  assert.deepEqual(
    [russian.panel, russian.guests],
    [
      ['Артём', 'Алексей', 'Иван', 'Слава'],
      ['Александр Золотов', 'Сергей Игнатов'],
    ],
  );
  const english = episode(catalogue, 'Episode 39');
  assert.deepEqual([english.panel, english.guests], [['Ann Lee', 'Bo Diaz', 'Cy Wu'], ['Di Fox']]);
});

test('"Guests/Hosts:", "Guest Co-Host:" and "New Co-Host:" lines name who was on, a handle in brackets aside', async () => {
  const dir = await testdir({
    'episodes/episode-033.md':
      '---\ntitle: "Client-side bugs"\nepisode: 33\n---\n\n**Guests/Hosts:** Justin Gardner, Joel Margolis, Inti De Ceukelaire (Inti / securinti)\n**Date:** 2023-08-17\n',
    'episodes/episode-106.md':
      '---\ntitle: "Announcing our new co-host"\nepisode: 106\n---\n\n**Host:** Justin Gardner (Rhynorater)\n**New Co-Host:** Joseph Thacker (Rez0)\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.deepEqual(episode(catalogue, 'Client-side bugs').panel, ['Justin Gardner', 'Joel Margolis', 'Inti De Ceukelaire']);
  assert.deepEqual(episode(catalogue, 'Announcing our new co-host').panel, ['Justin Gardner', 'Joseph Thacker']);
});

test('where one field lists everyone on each episode, who is on one episode only, beside the regular host, is its guest', async () => {
  const files: Record<string, string> = {};
  for (const [number, guest] of [
    [1, 'greg-bolen'],
    [2, 'sara-june'],
    [3, 'luke-watson'],
  ] as const)
    files[`episodes/${number}.mdx`] =
      `---\ntitle: "#${number}"\ndate: '2025-10-0${number}'\nspeakers:\n- ${guest}\n- ethan-carter-edwards\n---\n\nA long talk about a career.\n`;
  const catalogue = await readEpisodes(path.join(await testdir(files), 'episodes'));
  const first = episode(catalogue, '#1');
  assert.deepEqual([first.panel, first.guests], [['Ethan Carter Edwards'], ['Greg Bolen']]);
  assert.deepEqual(episode(catalogue, '#3').guests, ['Luke Watson']);
});

test('what only people do together ("Joe and Adam decode the hype") names a pair by first names; products do not', async () => {
  const files: Record<string, string> = {};
  for (const number of [1, 2, 3]) {
    files[`hosts/${number}.md`] =
      `---\ntitle: "Talk ${number}"\ndate: 2023-0${number}-01\n---\n\nJoe and Adam ${['decode the hype', 'gather round', 'open up their bag of tricks'][number - 1]}.\n`;
    files[`products/${number}.md`] =
      `---\ntitle: "Week ${number}"\ndate: 2023-0${number}-01\n---\n\nTypeScript and React recap the week: news ${number}.\n`;
  }
  const dir = await testdir(files);
  const hosts = await readEpisodes(path.join(dir, 'hosts'));
  for (const number of [1, 2, 3]) assert.deepEqual(episode(hosts, `Talk ${number}`).panel, ['Joe', 'Adam']);
  const products = await readEpisodes(path.join(dir, 'products'));
  for (const number of [1, 2, 3]) assert.deepEqual(episode(products, `Week ${number}`).panel, []);
});

test('a label line is not joined to the next line of its paragraph unless its list goes on there', async () => {
  const dir = await testdir({
    'episodes/1.md': '---\ntitle: "One"\ndate: 2023-01-01\n---\n\nHosts: Ann Lee, Bo Diaz\nThis week we talk about Rust.\n',
    'episodes/2.md': '---\ntitle: "Two"\ndate: 2023-01-02\n---\n\n**Guest:** Cy Wu\n[Twitter](https://t.example/cy)\n',
    'episodes/3.md': '---\ntitle: "Three"\ndate: 2023-01-03\n---\n\n## Guests\n\nThis week we have two guests\n\n- Di Fox\n- Ed Kim\n',
    'episodes/4.md': '---\ntitle: "Four"\ndate: 2023-01-04\n---\n\nGuest: Santiago Ramón y Cajal\n\nHosts: Everyone (all four of us)\n',
    'episodes/5.md': '---\ntitle: "Five"\ndate: 2023-01-05\nguest: Jason Smith\n---\n\nHosts: Jane Smith, Bo Diaz\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.deepEqual(episode(catalogue, 'One').panel, ['Ann Lee', 'Bo Diaz']);
  assert.deepEqual(episode(catalogue, 'Two').guests, ['Cy Wu']);
  assert.deepEqual(episode(catalogue, 'Three').guests, ['Di Fox', 'Ed Kim']);
  // One person with two surnames is not split in two; "Everyone" is no one.
  const four = episode(catalogue, 'Four');
  assert.deepEqual([four.guests.filter((name) => name === 'Cajal'), four.panel], [[], []]);
  const five = episode(catalogue, 'Five');
  assert.deepEqual([five.panel, five.guests], [['Jane Smith', 'Bo Diaz'], ['Jason Smith']]);
});

test('a co-host once in a `hosts:` field stays a host: only a field of everyone leaves the roles to the catalogue', async () => {
  const files: Record<string, string> = {};
  for (const number of [1, 2, 3, 4])
    files[`episodes/${number}.md`] =
      `---\ntitle: "E${number}"\ndate: 2023-01-0${number}\nhosts: [Ann Lee${number === 4 ? ', Bo Diaz' : ''}]\n---\n\nNotes.\n`;
  const found = episode(await readEpisodes(path.join(await testdir(files), 'episodes')), 'E4');
  assert.deepEqual([found.panel, found.guests], [['Ann Lee', 'Bo Diaz'], []]);
});
