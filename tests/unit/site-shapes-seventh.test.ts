import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { episodeTitled as episode } from '../support/episode-titled.ts';
import { testdir } from '../support/testdir.ts';

// Shapes of the seventh round of real sites (docs/real-sites.md), written for these tests, not copied from any site.

test('everyone on the episode in one field (`people`, `speakers`): the guests the notes or title name are guests, the rest hosts', async () => {
  const dir = await testdir({
    'avsnitt/650.md':
      '+++\ntitle = "Kodsnack 650 - Bygga saker"\npeople = ["Fredrik Björeman", "Lars Wikman"]\naudiofile = "https://cdn.example.com/650.mp3"\n+++\n\nFredrik snackar med Lars.\n',
    'avsnitt/101.md':
      '---\ntitle: Observability with Severin Neumann\nspeaker:\n  - name: Andy Grunwald\n  - name: Severin Neumann\n---\n\nA talk about OpenTelemetry with Severin Neumann.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'avsnitt'));
  assert.deepEqual(episode(catalogue, 'Kodsnack 650 - Bygga saker').panel, ['Fredrik Björeman', 'Lars Wikman']);
  const otel = episode(catalogue, 'Observability with Severin Neumann');
  assert.deepEqual([otel.panel, otel.guests], [['Andy Grunwald'], ['Severin Neumann']]);
});

test('notes, picks and audio in the front matter: `shownotes:`, `picks: [{person, picks}]`, `audioformats: {mp3, ogg}`', async () => {
  const dir = await testdir({
    'episodes/15.md': [
      '---',
      'episode-title: "Vue Tooling"',
      'date-published: 2020-05-04T14:00:00.000Z',
      'audioformats:',
      '  mp3: https://cdn.example.com/15.mp3',
      '  ogg: https://cdn.example.com/15.ogg',
      'picks:',
      '  - person: Ben Hong',
      '    picks:',
      '      - title: Stardew Valley',
      '        website: https://example.com/stardew',
      '  - person: Amir Rustamzadeh',
      '    picks: [{ title: A book }]',
      'shownotes: >-',
      '  Today on our show, we have special guest, Amir Rustamzadeh, who builds tools.',
      '---',
    ].join('\n'),
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  const found = episode(catalogue, 'Vue Tooling');
  assert.equal(found.date, '2020-05-04');
  assert.equal(found.audioUrl, 'https://cdn.example.com/15.mp3');
  assert.match(found.summary + found.otherNotes, /builds tools/);
  assert.deepEqual([found.panel, found.guests], [['Ben Hong'], ['Amir Rustamzadeh']]);
  assert.deepEqual(
    found.picks.map((pick) => `${pick.person}: ${pick.label}`),
    ['Ben Hong: Stardew Valley', 'Amir Rustamzadeh: A book'],
  );
});

test('`voices: {id: true}` names who was on; the one Markdown link to an audio file in the notes is the audio', async () => {
  const dir = await testdir({
    'hugo.toml': '[params.contributors]\nmadmas = { name = "Marcus" }\nfelix = { name = "Felix Richter" }\n',
    'articles/384.markdown':
      '---\ntitle: "Talk 384"\nvoices:\n  madmas: true\n  felix: true\n  ingo: false\n---\n\nTéléchargement [Episode-384.mp3](https://traffic.example.com/Episode-384.mp3)\n',
  });
  const found = episode(await readEpisodes(path.join(dir, 'articles')), 'Talk 384');
  assert.deepEqual(found.panel, ['Marcus', 'Felix Richter']);
  assert.equal(found.audioUrl, 'https://traffic.example.com/Episode-384.mp3');
});

test('a guest named twice is written once, as the title spells them in full ("Kent C. Dodds" over "Kent Dodds")', async () => {
  const dir = await testdir({
    'episodes/022.md':
      '---\ntitle: Form Validation with Kent C. Dodds\n---\n\nCHUCK: This week we have a special guest, Kent Dodds. KENT: Hi! Kent Dodds here.\n\n- [Kent C. Dodds on Twitter](https://twitter.example.com/kentcdodds)\n',
  });
  assert.deepEqual(episode(await readEpisodes(path.join(dir, 'episodes')), 'Form Validation with Kent C. Dodds').guests, ['Kent C. Dodds']);
});

test("what the new readers must not take: a news show's `people:`, an ad's or theme's mp3, a link to another episode", async () => {
  const dir = await testdir({
    'episodes/news.md':
      '---\ntitle: Kernel news\npeople: [Linus Torvalds, Elon Musk]\nsponsor: { name: Linode, spot: https://cdn.example.com/ads/linode.mp3 }\nintro_music: https://cdn.example.com/theme.mp3\n---\n\nAnn Lee and Bo Diaz discuss the kernel. Last week: [listen to episode 41](https://cdn.example.com/ep41.mp3).\n',
    'episodes/cloud.md': '---\ntitle: Cloud news\nauthor: Google Cloud\n---\n\nNews of the week.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  const news = episode(catalogue, 'Kernel news');
  assert.deepEqual([news.panel, news.guests], [['Ann Lee', 'Bo Diaz'], []]);
  assert.equal(news.audioUrl, undefined);
  assert.deepEqual(episode(catalogue, 'Cloud news').panel, []);
});

test('two guests a guests field lists stay two ("Wei Li", "Wei Liu"); an agenda of timed lines names no one', async () => {
  const dir = await testdir({
    'episodes/1.md': '---\ntitle: Two guests\nguests: [Wei Li, Wei Liu, Chris Smith, Christine Smith]\n---\nNotes.\n',
    'episodes/2.md': `---\ntitle: Conference day\n---\n\n${['(00:00) React Conf: keynote', '(10:00) Node Summit: streams'].join('\n\n').repeat(2)}\n`,
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  assert.deepEqual(episode(catalogue, 'Two guests').guests, ['Wei Li', 'Wei Liu', 'Chris Smith', 'Christine Smith']);
  const day = episode(catalogue, 'Conference day');
  assert.deepEqual([day.panel, day.guests], [[], []]);
});

test('the @ fallback leaves block text alone; `__proto__` is no one; "we want to talk with you" is no interview', async () => {
  const dir = await testdir({
    'episodes/1.md':
      '---\ntitle: One\ntwitter: @annlee\nvoices: { __proto__: true, ann: true }\ndescription: |\n  Links: @podcast on Twitter\n---\nNotes.\n',
    'episodes/2.md': [
      '---\ntitle: Rails\n---\n\n### Transcript\n',
      'CHUCK: Hey everybody, welcome to Ruby Rogues. This week we want to talk with you about upgrading Rails. First, Dave Kimura.',
      'DAVE: Hello.',
      'CHUCK: Ann Lee.',
      'ANN: Hi!',
      "CHUCK: I'm Charles Max Wood. Let's go.\n",
    ].join('\n\n'),
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  const one = episode(catalogue, 'One');
  assert.equal(one.summary, 'Links: @podcast on Twitter');
  assert.deepEqual(one.panel, ['ann']);
  const rails = episode(catalogue, 'Rails');
  assert.deepEqual([rails.guests, [...rails.panel].sort()], [[], ['Ann Lee', 'Dave Kimura']]);
});

test('"**Guest Host:** Ryan Frost" hosts the episode beside the host', async () => {
  const dir = await testdir({
    'episodes/mas-091.md':
      '---\ntitle: My Story - Brandon Roberts\n---\n\n**Host:** Aaron Frost\n\n**Guest Host:** Ryan Frost\n\n**Special Guest:** Brandon Roberts\n\nBrandon tells his story.\n',
  });
  const found = episode(await readEpisodes(path.join(dir, 'episodes')), 'My Story - Brandon Roberts');
  assert.deepEqual([found.panel, found.guests], [['Aaron Frost', 'Ryan Frost'], ['Brandon Roberts']]);
});

test('"a guest panelist, Sarah Dayan" is on the panel, beside those who gave the picks kept in the front matter', async () => {
  const dir = await testdir({
    'episodes/20.md': [
      '---',
      'episode-title: State machines',
      'picks:',
      '  - person: Ben Hong',
      '    picks: [{ title: A game }]',
      'shownotes: >-',
      '  Today we have a special guest, David Khourshid. We also have a guest panelist, Sarah Dayan.',
      '---',
    ].join('\n'),
  });
  const found = episode(await readEpisodes(path.join(dir, 'episodes')), 'State machines');
  assert.deepEqual([found.panel, found.guests], [['Sarah Dayan', 'Ben Hong'], ['David Khourshid']]);
});

test('", host Shawn Yeager sits down with …" in a summary field beside a shorter description; "Ann Lee, M.D." is one guest', async () => {
  const dir = await testdir({
    'episodes/s01e01.md': [
      '---',
      'title: "John Robb – AI and swarms"',
      'description: "What happens when trust crumbles?"',
      'summary: |',
      '  In the first episode of Trust Revolution, host Shawn Yeager sits down with John Robb.',
      'guests: [John Robb]',
      '---',
    ].join('\n'),
    'episodes/021.md': "---\ntitle: POTS\nguests: ['Svetlana Blitshteyn, M.D.']\n---\nNotes.\n",
    'episodes/bitdevs.md':
      '---\ntitle: Recap\n---\n\nMark Erhardt: I work on Bitcoin Core, co-host New York BitDevs, and do all that stuff.\n',
  });
  const catalogue = await readEpisodes(path.join(dir, 'episodes'));
  const trust = episode(catalogue, 'John Robb – AI and swarms');
  assert.deepEqual([trust.panel, trust.guests], [['Shawn Yeager'], ['John Robb']]);
  assert.equal(trust.summary, 'What happens when trust crumbles?');
  assert.deepEqual(episode(catalogue, 'POTS').guests, ['Svetlana Blitshteyn']);
  assert.deepEqual(episode(catalogue, 'Recap').panel, []);
});

test('beside a guests field, who else speaks in a timed transcript is a host ("[07:08] **Dr. Linda Bluestein:**")', async () => {
  const turns = ['Jennifer Milner', 'Dr. Linda Bluestein', 'Svetlana Blitshteyn', 'Florina M']
    .flatMap((name) => [1, 2, 3].map((i) => `[0${i}:1${i}] **${name}:** A turn of the conversation.`))
    .join('\n\n');
  const dir = await testdir({
    'episodes/021.md': `---\ntitle: Dysautonomia\nguests: ['Svetlana Blitshteyn, M.D.', Florina Muntenescu]\n---\n\nThis is co-host Jennifer Milner.\n\n${turns}\n`,
  });
  const found = episode(await readEpisodes(path.join(dir, 'episodes')), 'Dysautonomia');
  assert.deepEqual(
    [found.panel, found.guests],
    [
      ['Jennifer Milner', 'Dr. Linda Bluestein'],
      ['Svetlana Blitshteyn', 'Florina Muntenescu'],
    ],
  );
});
