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
