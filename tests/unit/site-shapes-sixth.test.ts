import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { readDate } from '../../src/episode/dates.ts';
import { episodeTitled as episode } from '../support/episode-titled.ts';
import { testdir } from '../support/testdir.ts';

// Shapes of the sixth round of real sites (docs/real-sites.md), written for these tests, not copied from any site.

test('a PHP-built site: `twitter: @handle` unquoted, a dotted day-first date, audio under `link:`, guests as a map of name → contacts', async () => {
  const dir = await testdir({
    'posts/episode-0003.md': [
      '---',
      'publish_date: 17.08.2015 03:00',
      'title: Being a Professional Developer - with Ann Lee',
      'link: http://traffic.example.com/geek/Episode0003.mp3',
      'guests:',
      '    "Ann Lee":',
      '        email: ann@example.com',
      '        twitter: @annlee',
      '---',
      'In this episode, I have a fireside chat with Ann Lee about her book.',
    ].join('\n'),
  });
  const catalogue = await readEpisodes(path.join(dir, 'posts'));
  assert.deepEqual(catalogue.failures, []);
  const found = episode(catalogue, 'Being a Professional Developer - with Ann Lee');
  assert.equal(found.date, '2015-08-17');
  assert.equal(found.audioUrl, 'http://traffic.example.com/geek/Episode0003.mp3');
  assert.deepEqual(found.guests, ['Ann Lee']);
});

test('dates written day first with dots are read so, and a day past the month is no date', () => {
  assert.equal(readDate('26.10.2015 15:00'), '2015-10-26');
  assert.equal(readDate('1.2.2020'), '2020-02-01');
  assert.equal(readDate('31.02.2020'), undefined);
});

test('an audio URL under a field of the site\'s own name is the audio; a trailer\'s is not; "a: b" tags stay one tag', async () => {
  const dir = await testdir({
    'posts/2018-09-07-035.md':
      '---\ntitle: "#35"\ntrailer_url: https://cdn.example.com/trailer.mp3\naudio_file_path: https://cdn.example.com/035.mp3\ntags:\n- penn & teller: bullshit!\n- python\n---\nNotes.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'posts'));
  const found = episode(catalogue, '#35');
  assert.equal(found.audioUrl, 'https://cdn.example.com/035.mp3');
  assert.deepEqual(found.tags, ['penn & teller: bullshit!', 'python']);
  assert.deepEqual(catalogue.warnings, []);
});

test('a transcript\'s chapter headings ("# [00:00:00] Introduction") stay in it; "Today I\'m talking to Ann Lee" names the guest', async () => {
  const turns = (host: string, guest: string) =>
    [
      '## Transcript\n',
      '# [00:00:00] Introduction\n',
      `**${host}:** Today I'm talking to ${guest}. She built a mapping tool on her own.\n`,
      `**${guest.split(' ')[0]}:** Yeah, thanks for having me.\n`,
      '# [00:05:10] Going solo\n',
      `**${host}:** So what happened next?\n`,
      `**${guest.split(' ')[0]}:** A lot.\n`,
    ].join('\n');
  const dir = await testdir({
    'episodes/placemark/index.md': `+++\ntitle = "Shutting down a solo business"\n+++\n\nA conversation about going solo.\n\n${turns('Jeremy', 'Ann Lee')}`,
    'episodes/other/index.md': `+++\ntitle = "Maps"\n+++\n\nHey, this is Jeremy Jung.\n\n${turns('Jeremy', 'Bo Diaz')}`,
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.deepEqual(episode(catalogue, 'Shutting down a solo business').guests, ['Ann Lee']);
  assert.deepEqual(episode(catalogue, 'Maps').guests, ['Bo Diaz']);
});

test('beside a guests field, "Rob and Jason are joined by …" names the hosts, as the episodes with a hosts field spell them', async () => {
  // Three episodes name the hosts by id, which makes them regulars near those days (regulars.ts); one by first name only.
  const hugo = (day: number, fields: string, description: string) =>
    `+++\ntitle = "Episode ${day}"\nDate = "2016-01-${String(day).padStart(2, '0')}"\nDescription = "${description}"\n${fields}\n+++\n\nNotes.\n`;
  const guests = ['Phil Nash', 'Jon Kalb', 'Ann Lee', 'Mark Logan'];
  const files: Record<string, string> = {
    'config.toml': 'title = "A C++ podcast"\n',
    'content/host/irvingr.md': '+++\nTitle = "Rob Irving"\n+++\n',
    'content/host/turnerj.md': '+++\nTitle = "Jason Turner"\n+++\n',
  };
  guests.forEach((guest, i) => {
    const id = guest.toLowerCase().replace(' ', '');
    files[`content/guest/${id}.md`] = `+++\nTitle = "${guest}"\n+++\n`;
    files[`content/episode/${i + 1}.md`] =
      i < 3
        ? hugo(i + 1, `hosts = ["irvingr", "turnerj"]\nguests = ["${id}"]`, `Rob and Jason talk to ${guest}.`)
        : hugo(i + 1, `guests = ["${id}"]`, `Rob and Jason are joined by ${guest} to discuss game engines.`);
  });
  const catalogue = await readEpisodes(path.join(await testdir(files), 'content/episode'));
  const fourth = episode(catalogue, 'Episode 4');
  assert.deepEqual([...fourth.panel].sort(), ['Jason Turner', 'Rob Irving']);
  assert.deepEqual(fourth.guests, ['Mark Logan']);
});

test("slugs no person file names are shown as the names they spell, handles as written; a page's author is its host", async () => {
  const dir = await testdir({
    '_posts/2017-07-17-e01.md':
      '---\ntitle: Interview with Robert Jolly\nauthor: "Nic Steenhout"\nguests:\n  - robert-jolly\n  - yosuke_furukawa\n---\nNotes.\n',
    '_posts/2018-01-01-e02.md': '---\ntitle: News\nauthor: "Rules Talks"\n---\nNotes.\n',
    '_posts/2018-02-01-e03.md': '---\ntitle: Two of us\nspeakers:\n  - ethan-edwards\n  - luke-watson\n---\nNotes.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, '_posts'));
  const one = episode(catalogue, 'Interview with Robert Jolly');
  assert.deepEqual(one.guests, ['Robert Jolly', 'yosuke_furukawa']);
  assert.deepEqual(one.panel, ['Nic Steenhout']);
  // The show's own name as author is nobody.
  assert.deepEqual(episode(catalogue, 'News').panel, []);
  assert.deepEqual(episode(catalogue, 'Two of us').panel, ['Ethan Edwards', 'Luke Watson']);
});

test("ids named in the site's config (`actors:` in Jekyll's _config.yml) or in a data file at its top (speakers.json)", async () => {
  const dir = await testdir({
    'jekyll/_config.yml':
      'title: A show\nactors:\n  mami:\n    name: 御茶海マミ\n    url: https://example.com/mami\n  aoharu:\n    name: あおはる\n',
    'jekyll/_posts/2018-09-07-035.md': '---\ntitle: "#35"\nactor_ids:\n  - mami\n  - aoharu\n---\nNotes.\n',
    'next/package.json': '{}',
    'next/speakers.json': '{ "ethan-edwards": "Ethan Carter Edwards", "kenzie": "Coach Kenzie Marshall" }',
    'next/episodes/3.mdx': '---\ntitle: "#3 Coaching"\nspeakers: [ethan-edwards, kenzie]\n---\nNotes.\n',
    // The top of a site holds no person folder podgrep would guess at: `people/` there could be anything.
    'next/people/ethan-edwards.md': '---\ntitle: Not This Name\n---\n',
  });
  const jekyll = await readEpisodes(path.join(dir, 'jekyll/_posts'));
  assert.deepEqual(episode(jekyll, '#35').panel, ['御茶海マミ', 'あおはる']);
  const next = await readEpisodes(path.join(dir, 'next/episodes'));
  assert.deepEqual(episode(next, '#3 Coaching').panel, ['Ethan Carter Edwards', 'Coach Kenzie Marshall']);
});

test('"we speak to Ann Lee" names the guest; a participant by first name is the guest the notes name in full; one spelling each', async () => {
  const dir = await testdir({
    'episodes/s02e02.md': '---\ntitle: Security\n---\n\nIn this episode we speak to Thomas Ptacek, a software engineer at Fly.io.\n',
    'episodes/014.md':
      '---\ntitle: Theory of constraints\nparticipants: [Andrey, Mattias, Henrik]\n---\n\nIn this guest episode, we chat with Henrik Høegh about flow.\n',
    'episodes/119.md':
      '---\ntitle: Ivan Buzarin - Daytona\ndescription: Ivan Buzarin discusses cloud development.\n---\n\nThis week we talk to Ivan Burazin, a co-founder of Daytona. Ivan Burazin started early.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.deepEqual(episode(catalogue, 'Security').guests, ['Thomas Ptacek']);
  const constraints = episode(catalogue, 'Theory of constraints');
  assert.deepEqual(constraints.panel, ['Andrey', 'Mattias']);
  assert.deepEqual(constraints.guests, ['Henrik Høegh']);
  assert.deepEqual(episode(catalogue, 'Ivan Buzarin - Daytona').guests.length, 1);
});

test('turns a tool timed ("[00:00:13] James Tucker:", Rev\'s "David Mytton (00:05):") name who spoke; a title\'s subject who "talks" is on', async () => {
  const descript = (a: string, b: string) =>
    [0, 1, 2, 3, 4, 5].map((i) => `[00:0${i}:10] ${i % 2 ? b : a}: [00:0${i}:10] Turn ${i}, a sentence or two.`).join('\n\n');
  const rev = (a: string, b: string) => [0, 1, 2, 3, 4, 5].map((i) => `**${i % 2 ? b : a}** (0${i}:05): Turn ${i}.`).join('\n\n');
  const dir = await testdir({
    'episodes/14.md': `---\ntitle: Life as a full stack dev\n---\n\nFind out more about me, Rob Kendal.\n\n## Transcript\n\n${descript('James Tucker', 'Rob Kendal')}\n`,
    'episodes/s03e02.md': `---\ntitle: eBPF\n---\n\nA discussion about eBPF.\n\n${rev('David Mytton', 'Liz Rice')}\n`,
    'episodes/25.md': '---\ntitle: Simeron Taak talks freelancing\n---\n\nSimeron shares her passion for technology.\n',
    'episodes/26.md': '---\ntitle: Visual Studio Code talks to your terminal\n---\n\nA look at the terminal.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  // The notes name the host, so the other speaker is the guest, though the guest speaks first.
  const tucker = episode(catalogue, 'Life as a full stack dev');
  assert.deepEqual([tucker.panel, tucker.guests], [['Rob Kendal'], ['James Tucker']]);
  const ebpf = episode(catalogue, 'eBPF');
  assert.deepEqual([ebpf.panel, ebpf.guests], [['David Mytton'], ['Liz Rice']]);
  assert.deepEqual(episode(catalogue, 'Simeron Taak talks freelancing').guests, ['Simeron Taak']);
  assert.deepEqual(episode(catalogue, 'Visual Studio Code talks to your terminal').guests, []);
});

test("who speaks twice under a bold label in a transcript is on the episode, though the notes' list left them out", async () => {
  const turns = (names: string[]) => names.map((name, i) => `**${name}**: Turn ${i} of the conversation.`).join('\n\n');
  const dir = await testdir({
    'podcast/2024-02-22-recap.md': [
      '---\ntitle: Recap 292\n---\n',
      'Mark Erhardt and Mike Schmidt are joined by Gloria Zhao and callebtc to discuss the newsletter.\n',
      '## Transcription\n',
      turns(['Mike Schmidt', 'Gloria Zhao', 'Mark Erhardt', 'Callebtc', 'Greg Sanders', 'Mike Schmidt', 'Greg Sanders', 'Callebtc']),
      // Once, and wrongly: "As you can hear, I'm not Mike" is no speaker.
      '\n\n**Ann Lee**: As you can hear, I am not Ann.\n',
    ].join('\n'),
  });
  const found = episode(await readEpisodes(path.join(dir, 'podcast')), 'Recap 292');
  assert.deepEqual(found.panel, ['Mark Erhardt', 'Mike Schmidt']);
  assert.deepEqual([...found.guests].sort(), ['Callebtc', 'Gloria Zhao', 'Greg Sanders']);
});
