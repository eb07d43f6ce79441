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
    'Joe: Gravity Falls cartoon, [Top Coders](https://coders.example.com/)Lukas: TSA PreCheck, Jazz Theory Book by Mark Levine Charles: Book: ' +
      '[Clean Code](https://books.example.com/clean-code)',
    '',
    'Ciro: Headless Chrome tutorial',
  ].join('\n');
  assert.deepEqual(picks(notes), [
    'Joe: Gravity Falls cartoon',
    'Joe: Top Coders',
    'Lukas: TSA PreCheck',
    'Lukas: Jazz Theory Book by Mark Levine',
    'Charles: Book: Clean Code',
    'Ciro: Headless Chrome tutorial',
  ]);
  // "**Jeff:** … **Charles** : [Desks](…)", "**Reu** :[Mail](…)": a giver's bold closed before a space and the colon.
  assert.deepEqual(
    picks('## Picks:\n\n**Jeff:** ng conference, [Ventures](https://v.example.com/) **Charles** : [Desks](https://d.example.com/)'),
    ['Jeff: ng conference', 'Jeff: Ventures', 'Charles: Desks'],
  );
  // A colon after a space in a pick's own title ("Star Wars : The Clone Wars") names no giver; after a pick's link it does.
  assert.deepEqual(picks('## Picks\n\nCharles: Star Wars : The Clone Wars (TV), Dune Joe: [Gravity](https://g.example/)'), [
    'Charles: Star Wars : The Clone Wars (TV)',
    'Charles: Dune',
    'Joe: Gravity',
  ]);
  assert.deepEqual(picks('## Picks\n\n**Carl:** [Bash](https://b.example/) **Dave** : Something you can fix'), [
    'Carl: Bash',
    'Dave: Something you can fix',
  ]);
  assert.deepEqual(picks('## Picks:\n\n**Reu** :[A mail API](https://m.example.com/) **Jona** :[Books](https://b.example.com/)'), [
    'Reu: A mail API',
    'Jona: Books',
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
  // A list item's second line that starts with the label and goes on with the picks; "Picks: [Tanmai](…)", a giver.
  const item =
    '- [The Conf](https://conf.example.com/)\n  **Picks:** [Toastmasters](https://t.example.com/) (Jason)[Figma](https://f.example.com/) (Jerome)';
  assert.deepEqual(picks(item), ['Jason: Toastmasters', 'Jerome: Figma']);
  assert.deepEqual(
    picks('- [Hasura](https://h.example.com/)\n  Picks: [Tanmai](https://t.example.com/tanmai)\n\n- [Zeit](https://z.example.com/)'),
    ['Tanmai: Zeit'],
  );
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

test('what is not who gave a pick: a "(Word)" in a label or mid-item, a kind of pick, a shop, a title’s capitals', () => {
  const section = (body: string) => picks(`## Picks:\n\n${body}`);
  // "(Nearly)" inside the book's title; "(AJ)" is a giver.
  assert.deepEqual(
    section('[Solutions to (Nearly) All Problems](https://books.example.com/p) (Marcus)[Dr. Who](https://tv.example.com/who) (AJ)'),
    ['Marcus: Solutions to (Nearly) All Problems', 'AJ: Dr. Who'],
  );
  assert.deepEqual(
    section('- The Pragmatic Programmer (Book) by Andy Hunt\n- [Jest](https://jest.example.com/) (Facebook) testing framework'),
    [': The Pragmatic Programmer (Book) by Andy Hunt', ': Jest (Facebook) testing framework'],
  );
  assert.deepEqual(section('Joe: [Clean Code](https://www.amazon.example.com/dp/1) (Amazon), [Vim](https://vim.example.com/)'), [
    'Joe: Clean Code (Amazon)',
    'Joe: Vim',
  ]);
  // A full name from the line's start, bold left open; "Discount Code:" and "Twitter:" are no one.
  assert.deepEqual(
    section(
      '**Charles Max Wood: ** Dune, Discount Code: JSJ [Course](https://course.example.com/), Twitter: [@cmw](https://x.example.com/cmw)',
    ),
    ['Charles Max Wood: Dune', 'Charles Max Wood: Discount Code: JSJ Course', 'Charles Max Wood: Twitter: @cmw'],
  );
  // After a comma, a pick's word and then the next giver's name; after a word in lower case, the end of a pick.
  assert.deepEqual(section('Charles Max Wood: Dune, Foundation Aimee Knight: Vim, a network on Reddit Chuck: Slack'), [
    'Charles Max Wood: Dune',
    'Charles Max Wood: Foundation',
    'Aimee Knight: Vim',
    'Aimee Knight: a network on Reddit',
    'Chuck: Slack',
  ]);
  // A link written without a label, last before its giver.
  assert.deepEqual(
    parseShowNotes('## Picks:\n\n[A](https://a.example/) (Ann)[](https://b.example/) (Bo)').picks.map(
      ({ person, url }) => `${person}: ${url}`,
    ),
    ['Ann: https://a.example/', 'Bo: https://b.example/'],
  );
});

test('a giver’s full name after a link, never across its label; a shop is a shop only by name; text that is no name is a pick', () => {
  const section = (body: string) => picks(`## Picks:\n\n${body}`);
  assert.deepEqual(section('Aimee: Vim AJ: Nintendo Switch Charles: Zapier'), ['Aimee: Vim', 'AJ: Nintendo Switch', 'Charles: Zapier']);
  assert.deepEqual(section('Charles Max Wood: [Clean Code](https://books.example.com/cc) Aimee Knight: [Vim](https://vim.example.com/)'), [
    'Charles Max Wood: Clean Code',
    'Aimee Knight: Vim',
  ]);
  assert.deepEqual(section('Joe: Gravity Falls, [Top Coders](https://coders.example.com/)Lukas Reubbelke: TSA PreCheck'), [
    'Joe: Gravity Falls',
    'Joe: Top Coders',
    'Lukas Reubbelke: TSA PreCheck',
  ]);
  // "(AJ)" after a link to coolaj86.com is AJ's pick, not a shop's; the giver said twice keeps the pick between.
  assert.deepEqual(section('[Ajv](https://coolaj86.example.com/ajv) (AJ)[Vim](https://vim.example.com/) (Joe) Gravity Falls (Joe)'), [
    'AJ: Ajv',
    'Joe: Vim',
    'Joe: Gravity Falls',
  ]);
  // A line of text too long to be a name is a pick, not the next giver.
  const long = 'Scrub Daddy Sponge, the one that changes texture with the temperature of the water';
  assert.deepEqual(section(`**Nell:**\n\n${long}\n\n[Vim](https://vim.example.com/)`), [`Nell: ${long}`, 'Nell: Vim']);
});

test('a heading under the picks’ heading names whose picks follow; a heading of a kind of link, or as deep, does not', () => {
  const notes = [
    '#### Picks',
    '',
    '##### Zach',
    '',
    '[A camera](https://camera.example.com/)',
    '',
    '###### Cory’s',
    '',
    '[Toastmasters](https://toast.example.com/)[Zapier](https://zapier.example.com/)',
  ].join('\n');
  assert.deepEqual(picks(notes), ['Zach: A camera', 'Cory: Toastmasters', 'Cory: Zapier']);
  // Syntax's "## Sick Picks" then "#### Twitter": the show's accounts, given by no one; "## Wes" as deep is a section.
  const syntax = [
    '## Sick Picks',
    '* Wes: [Karabiner](https://k.example.com/)',
    '',
    '#### Twitter',
    ' * [@wes](https://t.example.com/wes)',
  ];
  assert.deepEqual(picks(syntax.join('\n')), ['Wes: Karabiner']);
  assert.deepEqual(picks(['## Picks', '', '## Wes', '', '[Karabiner](https://k.example.com/)'].join('\n')), []);
  // As deep as the picks' heading, a name the notes had speak ("Chris says …"): "#### Chris" under "#### **Picks**".
  const story = [
    'Chris says programming felt like a superpower.',
    '',
    '#### **Picks**',
    '',
    '#### Chris',
    '',
    '[Vim](https://vim.example.com/)',
  ];
  assert.deepEqual(picks(story.join('\n')), ['Chris: Vim']);
  // "## Tero's Picks:" opens Tero's; "## This Week's Picks" stays notes, whose glued "Ann: … Bo: …" lines a book's
  // "Abundance: The Future …" would break.
  const owners = [
    '## Tero’s Picks:',
    '',
    '[Elm](https://elm.example.com/)',
    '',
    "## Charles' Picks",
    '',
    '[Vim](https://vim.example.com/)',
  ];
  assert.deepEqual(picks(owners.join('\n')), ['Tero: Elm', 'Charles: Vim']);
  assert.deepEqual(picks("## This Week's Picks\n\nAimee: [A book](https://b.example.com/)"), []);
  // "#### Chuck's Picks" under "### Picks" is Chuck's; "### Follow Us" deeper than "## Picks" is no giver, and ends the
  // picks; a heading that links its name gives the name alone.
  const nested = [
    '### Picks',
    '',
    "#### Chuck's Picks",
    '',
    '[Vim](https://vim.example.com/)',
    '',
    '##### [Zed Ash](https://z.example.com/)',
    '',
    '[Elm](https://elm.example.com/)',
  ];
  assert.deepEqual(picks(nested.join('\n')), ['Chuck: Vim', 'Zed Ash: Elm']);
  assert.deepEqual(picks(['## Picks', '', '### Follow Us', '', '[@show](https://t.example.com/show)'].join('\n')), []);
  // Headings from HTML have their depth too: <h5> under <h4>.
  assert.deepEqual(picks('<h4>Picks</h4><h5>Zed</h5><p><a href="https://vim.example.com/">Vim</a></p>'), ['Zed: Vim']);
});

test('underlined picks in one paragraph: each underlined name gives what follows it, bold or not, with a link or none', () => {
  // Notes converted from an old blog underline their headings and givers; before "Picks", an underline is only emphasis.
  const notes =
    '**Episode 56\\*\\*** <u>Panel </u>** Nadia Dobbs Pete Pierce** <u>Discussions:</u> 3:30 **Can you introduce yourself?** ' +
    '<u>Picks </u> \\***\\*<u> </u>\\*\\*** <u>Kevin</u> **Local Stack &nbsp;** <u>Nadia </u> **https://example.com/toy-rx ' +
    '&nbsp;** <u>Sophie</u>**[Book](https://books.example.com/)&nbsp;**<u>Ali</u>\\*\\*[Docker](https://docker.example.com/)';
  assert.deepEqual(picks(notes), ['Kevin: Local Stack', 'Nadia: https://example.com/toy-rx', 'Sophie: Book', 'Ali: Docker']);
  assert.deepEqual(parseShowNotes(notes).nameRuns.panel, ['Nadia Dobbs Pete Pierce']);
});

test('a pick named before a link that is only its address is the giver’s pick; a first name before another address gives it', () => {
  const notes = [
    '## Picks',
    '',
    '- Kevin Skog course',
    '- Zwift: [www.zwift.com](https://www.zwift.com/)',
    '  **Charles** :',
    '- Free Music Archive: [www.freemusicarchive.org](https://www.freemusicarchive.org/)',
    '- Sarah: https://store.example.com/deck',
  ].join('\n');
  assert.deepEqual(picks(notes), [
    ': Kevin Skog course',
    ': Zwift',
    'Charles: Free Music Archive',
    'Sarah: https://store.example.com/deck',
  ]);
});

test('what the underline and address rules leave alone: a bold sub-heading, a site that is not the giver’s, a heading', () => {
  const grouped = [
    '## Picks',
    '',
    '**Panelist Picks**',
    '',
    'Carl Max Wood',
    '',
    '- [Zapier](https://zapier.example.com/)',
    '',
    '**Guest Picks**',
    '',
    'Ann Lee',
    '',
    '- [Emacs](https://emacs.example.org/)',
  ].join('\n');
  assert.deepEqual(picks(grouped), ['Carl Max Wood: Zapier', 'Ann Lee: Emacs']);
  // A first name before an address on a site named otherwise, or only beginning so, gave it.
  assert.deepEqual(picks('## Picks\n\n- Wes: https://wesbos.example.com/courses\n- Jo: https://www.johnsonlabs.com/'), [
    'Wes: https://wesbos.example.com/courses',
    'Jo: https://www.johnsonlabs.com/',
  ]);
  // An underlined heading keeps its level, and the underline's rule ends with its paragraph.
  const heading = '<h3><u>Picks</u></h3><h5>Zed</h5><p><a href="https://vim.example.com/">Vim</a></p>';
  assert.deepEqual(picks(heading), ['Zed: Vim']);
  const later = '<u>Picks</u> <u>Kevin</u> **Local Stack**\n\nA paragraph with <u>Really</u> Important words.';
  assert.ok(
    picks(later).some((pick) => pick.endsWith(': A paragraph with Really Important words.')),
    picks(later).join(' | '),
  );
});
