import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShowNotes } from '../../src/episode/show-notes.ts';

// Picks as devchat.tv's notes have them after their move from WordPress: a paragraph of links with "(Name)" after each,
// "Name:" glued before each giver's picks, a giver's name on the line after the last pick of the one before, and the
// "Picks" label run into the line before it. Written for these tests in those shapes, with example.com URLs.

const picks = (markdown: string) => parseShowNotes(markdown).picks.map(({ person, label }) => `${person}: ${label}`);

test('a paragraph of picks, each followed by who gave it; "(Amazon)" after an amazon link is the shop', () => {
  const notes = [
    '## Picks:',
    '',
    '[Muru](https://muru.example.com/) (Ward)[Temblor](https://temblor.example.com/) (Ward) Observables (Lukas)' +
      '[Calamity](https://www.amazon.example.com/Calamity/dp/1) (Amazon)[Workshop](https://workshop.example.com/) with ' +
      'Dan Wahlin, Book: [Thinking, Fast and Slow](https://books.example.com/tfs) (Joe)',
  ].join('\n');
  assert.deepEqual(picks(notes), [
    'Ward: Muru',
    'Ward: Temblor',
    'Lukas: Observables',
    ': Calamity',
    'Joe: Workshop with Dan Wahlin',
    'Joe: Book: Thinking, Fast and Slow',
  ]);
});

test('picks glued after each giver’s name, without links too; "Book:" and "App:" are kinds of pick, not givers', () => {
  const notes = [
    '## Picks:',
    '',
    'Joe: Gravity Falls cartoon, [Top Coders](https://coders.example.com/)Lukas: TSA PreCheck Charles: Book: ' +
      '[Clean Code](https://books.example.com/clean-code)',
    '',
    'Ciro: Headless Chrome tutorial',
  ].join('\n');
  assert.deepEqual(picks(notes), [
    'Joe: Gravity Falls cartoon',
    'Joe: Top Coders',
    'Lukas: TSA PreCheck',
    'Charles: Book: Clean Code',
    'Ciro: Headless Chrome tutorial',
  ]);
  // In a list, one "Name:" is a pick that says what it is.
  assert.deepEqual(picks('### Picks\n\n- Elixir: the language\n- [Vim](https://vim.example.com/)'), [': Elixir: the language', ': Vim']);
});

test('a giver named on the line after the last pick of the one before, bold or not', () => {
  const notes = [
    '### Picks: Aimee',
    '- [Include media](https://include.example.com/)',
    '  AJ',
    '- [Data Skeptic](https://skeptic.example.com/)',
    '  **Charles Max Wood**',
    '- [Zapier](https://zapier.example.com/)',
  ].join('\n');
  assert.deepEqual(picks(notes), ['Aimee: Include media', 'AJ: Data Skeptic', 'Charles Max Wood: Zapier']);
  // A list item of its own is a pick, however much it looks like a name.
  assert.deepEqual(picks('### Picks\n\n- Fiskars Titanium Shears\n- [Vim](https://vim.example.com/)'), [
    ': Fiskars Titanium Shears',
    ': Vim',
  ]);
});

test('"Picks" run into the line before starts them: a chapter, a list item’s last line, a paragraph’s end', () => {
  assert.deepEqual(picks('28:52 - Getting StartedPicks\n\n[Muru](https://muru.example.com/) (Ward)'), ['Ward: Muru']);
  assert.deepEqual(picks('- [Style guide](https://style.example.com/)\n  Picks\n\n[Vim](https://vim.example.com/) (John)'), ['John: Vim']);
  const paragraph = 'What do they bring to the table? **Picks\\*\\*** Matt Creager\\*\\*\n\n- [Manifold](https://manifold.example.com/)';
  assert.deepEqual(picks(paragraph), ['Matt Creager: Manifold']);
  assert.match(parseShowNotes(paragraph).otherNotes, /bring to the table/);
  // A chapter list's "Sick Picks" is followed by more chapters and the episode's links, not by picks.
  const chapters =
    '- **[53:42](#t=53:42)** Sick Picks\n- **[56:17](#t=56:17)** Shameless plugs\n\n* [Sarah’s site](https://sarah.example.com/)';
  assert.deepEqual(picks(chapters), []);
});

test('prose under a panel list that ends with "Picks: Ann Lee" is no panelist', () => {
  const notes = [
    '**Panel:**',
    '',
    '- Bo Diaz',
    '- Ann Lee',
    '**Notes:** This episode has the panelists reminiscing on the past, and what they do to unwind. Picks: Ann Lee',
    '- [Villainous](https://games.example.com/villainous)',
  ].join('\n');
  const parsed = parseShowNotes(notes);
  assert.deepEqual(parsed.panel, ['Bo Diaz', 'Ann Lee']);
  assert.deepEqual(
    parsed.picks.map(({ person, label }) => `${person}: ${label}`),
    ['Ann Lee: Villainous'],
  );
});
