import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { peopleOf } from '../../src/episode/people.ts';

// Lists of people in devchat.tv's notes that run on past their end, and the headings and labels they come under
// (tests/fixtures/sites/notes-people, made-up names in the shapes found).
const dir = fileURLToPath(new URL('../fixtures/sites/notes-people/', import.meta.url));
const catalogue = await readEpisodes(dir);

function people(title: string) {
  const episode = catalogue.episodes.find((item) => item.episode.title === title)?.episode;
  assert.ok(episode, title);
  return { panel: peopleOf(episode.panel), guests: peopleOf(episode.guests) };
}

function nobody(title: string, names: string[]) {
  const { panel, guests } = people(title);
  for (const name of names) assert.ok(![...panel, ...guests].includes(name), `${name} is nobody in ${title}`);
}

test('a panel list ends where the next section starts, though its heading was lost', () => {
  // "Discussion 00:39 - …" glued to the last panelist starts the topics; the links under it are products.
  assert.deepEqual(people('078 Working Remotely'), { panel: ['Joel Ames', 'Carl Max Wood'], guests: [] });
  nobody('078 Working Remotely', ['Discussion 00', '09', 'Desk Mount Arm', 'Office Chair by Hermann Mills', 'Pivotal Board', 'Evernote']);
  // "Sponsors" and "Links" as plain lines: what follows are sponsors and links, not panelists.
  const jsj403 = 'JSJ 403: Why Developers Need People Skills with Mona Vale';
  assert.deepEqual(people(jsj403), { panel: ['Stan Edwards', 'Carl Max Wood'], guests: ['Mona Vale'] });
  nobody(jsj403, ['Sponsors', 'Radio Show', 'Tracker', 'Links', 'The Favor Effect', 'Forty Laws of Power by Rob Greenway']);
  const sponsors = catalogue.episodes.find((item) => item.episode.title === jsj403)?.episode.sponsors;
  assert.deepEqual(sponsors?.[0], { label: 'Radio Show', url: 'https://radio.example.org/' });
  // A bold "Episode Summary" ends the panel too.
  assert.deepEqual(people('Dev Ed 002: Staying Current'), { panel: ['Jo Ames', 'Brook Avery'], guests: ['Derek Howe', 'Ben Schmidt'] });
  nobody('Dev Ed 002: Staying Current', ['Episode Summary', 'Joined by special guest Ben Schmidt']);
});

test('people under singular headings; "None" and a line to follow someone are nobody', () => {
  assert.deepEqual(people('CC 011: The Open Debates of the iOS Community'), { panel: ['Carl Max Wood'], guests: ['Ed Crichton'] });
  nobody('CC 011: The Open Debates of the iOS Community', ['Follow Ed on Twitter']);
  // "Or" and "An" start names too.
  assert.deepEqual(people('DevOps 022: Debugging Many Nodes'), {
    panel: ['Nell Sharp-Harrington', 'Scot Nixey'],
    guests: ['Or Weiss'],
  });
  assert.deepEqual(people('EMx 001: Welcome to the Mix'), { panel: ['Carl Max Wood', 'Josh Adler'], guests: [] });
});

test('runs of names: stray asterisks, a dash or a glued label, a guest described after commas, the show named as its subject', () => {
  assert.deepEqual(people('46 Ken Whaler of Formidable Labs'), { panel: ['Nadia Dobbs', 'Pete Pierce'], guests: ['Ken Whaler'] });
  assert.deepEqual(people('Serverless Functions with Sophie Shoemaker'), {
    panel: ['Nadia Dobbs', 'Pete Pierce'],
    guests: ['Sophie Shoemaker'],
  });
  assert.deepEqual(people('37 Katas'), { panel: ['Nadia Dobbs', 'Pete Pierce'], guests: ['Jon Datton'] });
  // The label itself is no name, nor the start of one ("Special" is not "Special Guest – Andy Evers").
  assert.deepEqual(people('47 Apollo and GraphQL'), { panel: ['Nadia Dobbs', 'Pete Pierce', 'Al Najafi'], guests: [] });
  assert.deepEqual(people('AiA 229: Deploying with a Pipeline'), { panel: ['Alys Nicoll', 'Bonnie Brenn'], guests: ['Andy Evers'] });
  // Under "Panel:", a paragraph whose names run into the guest and the summary.
  assert.deepEqual(people('AiA 226: Ionic'), { panel: ['Alys Nicoll', 'Carl Max Wood'], guests: ['Mike Hart'] });
  // "Sales Force, React Native" describe the guest; a list of guests the title also names are people.
  assert.deepEqual(people('Building TV Apps feat. Doug Lauder'), { panel: ['Nadia Dobbs', 'Pete Pierce'], guests: ['Doug Lauder'] });
  assert.deepEqual(people('Fullstack React Native feat. Devon Abbot, Sophie Shoemaker, Hussein Djirdeh'), {
    panel: ['Nadia Dobbs'],
    guests: ['Devon Abbot', 'Sophie Shoemaker', 'Hussein Djirdeh'],
  });
  // A link after the last name is no sentence: Bonnie Eisen is no "Bonnie" the catalogue knows (Bonnie Brenn).
  assert.deepEqual(people('Learning React Native'), { panel: ['Nadia Dobbs', 'Pete Pierce', 'Bonnie Eisen'], guests: [] });
  // On React Native Radio, "React Native" in the title is the show's subject.
  assert.deepEqual(people('19 Lessons Learned with React & React Native'), { panel: [], guests: [] });
});

test('a roll call names "AJ O’Neal" with its apostrophe; a name in the panel list and the transcript is one person', () => {
  assert.deepEqual(people('145 JSJ Meteor with Matt DeBerg'), {
    panel: ['AJ O’Nealy', 'Dave Smithers', 'Carl Max Wood'],
    guests: ['Matt DeBerg'],
  });
  // The list writes "AJ O'Nealy", the transcript and the other episodes "AJ O’Nealy": one person, under one spelling.
  assert.deepEqual(people('008 JSJ V8 and Dart'), { panel: ['Lars Bakker', 'Kasper Lunde', 'AJ O’Nealy', 'Carl Max Wood'], guests: [] });
});

test('a panel list under the show’s header line; a topic that ends in "Panel" starts no list of people', () => {
  // "Spence Carley of HandleBar Labs": where the person works is no part of the name.
  assert.deepEqual(people('Ionic and Capacitor feat. Max Lynd of Ionic'), {
    panel: ['Nadia Dobbs', 'Spence Carley', 'Lee Johns'],
    guests: ['Max Lynd'],
  });
  assert.deepEqual(people('100 iPS 100 Episodes'), { panel: [], guests: [] });
  // Later in the line, "Social Media Panel" is a chapter's topic, not a second panel.
  assert.deepEqual(people('The Freelancers Show 064 Social Media'), { panel: ['Carl Max Wood', 'Ashe Dryer'], guests: [] });
});

test('people in the opening sentence: its subject, whom it is hosted by or a discussion is between, and a guest the title names', () => {
  assert.deepEqual(people('AiA 129 How do I Start My Single Page App?'), {
    panel: ['Carl Max Wood', 'Joel Ames', 'Jon Pappas', 'Luke Rubble', 'Ward Bellamy'],
    guests: [],
  });
  nobody('AiA 129 How do I Start My Single Page App?', ['Visual Studio Code', 'Azure Functions']);
  assert.deepEqual(people('254 FS Fairness in Pricing'), {
    panel: ['Jon Starke', 'Curt McHail', 'Phil Morgen', 'Ruben Lerner'],
    guests: [],
  });
  assert.deepEqual(people('FS 239 Preparing Your Online Course'), { panel: ['Phil Morgen', 'Ruben Lerner'], guests: [] });
  assert.deepEqual(people('RR 400: Celebrating a Milestone'), {
    panel: ['Dave Kimmel', 'Andy Mason', 'Eric Berryman', 'Carl Max Wood'],
    guests: [],
  });
  // "a My Angular Story with Kion Stefan": the title names him and the notes speak of Kion.
  assert.deepEqual(people('MAS 017 Kion Stefan'), { panel: [], guests: ['Kion Stefan'] });
  // "new with Visual Studio Code": the title writes it too, but no one speaks of a "Visual" by first name.
  assert.deepEqual(people('JSJ 265 Wade Anders and Ramya Rai on Visual Studio Code'), { panel: [], guests: [] });
});

test('a guest the title names beside its code, before "Interview", in a talk or after "with": a first name the catalogue knows', () => {
  assert.deepEqual(people('057 TMTC Nadia Brook Interview'), { panel: [], guests: ['Nadia Brook'] });
  assert.deepEqual(people('056 TMTC - Carl Preston-Werner (Code Host Co-founder)'), { panel: [], guests: ['Carl Preston-Werner'] });
  // Over notes that say nothing, "with" alone says it.
  assert.deepEqual(people('02 ExponentJS with Pete Chever'), { panel: [], guests: ['Pete Chever'] });
  // The speaker between a talk's title and its conference.
  assert.deepEqual(people('Complexity is Outside the Code - Dale Kerrigan - JS Remote Conf 2015'), {
    panel: [],
    guests: ['Dale Kerrigan'],
  });
  // No one is called Agile; "Facebook Ads" has a first name nobody has, and the notes write "ads" as a word. "Curt and
  // Jon discuss …": Jon, a first name two people have, by it alone.
  assert.deepEqual(people('TMTC 22 - Agile Roots & Andy Shafer'), { panel: [], guests: ['Andy Shafer'] });
  assert.deepEqual(people('Getting Started with Facebook Ads'), { panel: ['Jon'], guests: [] });
});

test('a guest whose name a colon ends, when the title names them; a team named before its guests', () => {
  // "Special Guest: Meteor Project: …" names a topic: the guests are the title's and the profiles the notes link to.
  assert.deepEqual(people('47 Tom Colter and Sasha Stubb of Meteor / Apollo Discuss Apollo and GraphQL').guests, [
    'Tom Colter',
    'Sasha Stubb',
  ]);
  // "Special Guest: Shoutem Tomas Tenn": the company, then the guest the title names.
  assert.deepEqual(people('Shoutem on React Native featuring Tomas Tenn & Davor Kulja').guests, ['Tomas Tenn', 'Davor Kulja']);
  assert.deepEqual(people('73 Mike Gilmour on Mobile Options'), { panel: ['Nadia Dobbs', 'Pete Pierce'], guests: ['Mike Gilmour'] });
  assert.deepEqual(people('Mobile Tooling at a Big Company'), {
    panel: ['Nadia Dobbs', 'Pete Pierce'],
    guests: ['Keith Bollinger', 'Ram Anarasi'],
  });
});

test('a panel after a shortcode, "the panel for this episode … is", "on our panel we’ve got"; the show’s name after a guest', () => {
  assert.deepEqual(people('AiA 178: The Summit'), { panel: ['Carl Max Wood', 'Shay Reznick', 'Joel Ames'], guests: [] });
  assert.deepEqual(people('RR 324: Horror Stories'), { panel: ['Dave Kimmel', 'Eric Berryman', 'Carl Max Wood'], guests: [] });
  // "and I’m Carl Max Wood": the host names himself last, and "I’m Carl Max" is no one.
  assert.deepEqual(people('RR 312 How to Handle Surprises'), { panel: ['Dave Carmody', 'Bryan Hogg', 'Carl Max Wood'], guests: [] });
  // "Marc-André Courtois Ruby Rogues speaks with …" on Ruby Rogues.
  assert.deepEqual(people('RR 329: Learning Machine Learning'), { panel: ['Carl Max Wood'], guests: ['Marc-André Courtois'] });
});

test('a time or the next sentence glued to the last name, a title after a comma, "with your hosts A and B"', () => {
  assert.deepEqual(people('109 AiA Ionic 2'), { panel: ['Joel Ames', 'Jon Pappas', 'Carl Max Wood'], guests: [] });
  assert.deepEqual(people('Building VR Apps'), { panel: ['Nadia Dobbs', 'Pete Pierce'], guests: ['Vlad Novak'] });
  assert.deepEqual(people('The Ruby Freelancers Show 011 – Taxes and Finances'), {
    panel: ['E. Scot Sweeny', 'Carl Max Wood', 'Eric Davies'],
    guests: [],
  });
  assert.deepEqual(people('JSJ 245 Styled Components'), { panel: ['Carl Max Wood', 'Amy Knightley'], guests: [] });
});

test('roll calls: DAVE answers to David, "BEN S.:" to Ben, a "Woo!" before the answer, "**JAMES **:", "CHUCK:(laughs)", "I\'ll be your host, …"', () => {
  const sorted = (title: string) => [...people(title).panel, ...people(title).guests].sort();
  assert.deepEqual(sorted('034 RR Benchmarking'), [
    'Aaron Pattison',
    'Avdi Grimes',
    'Ben Shearman',
    'Carl Max Wood',
    'David Bradley',
    'James Edward Grayson',
  ]);
  assert.deepEqual(people('110 RR ActiveRecord'), { panel: ['Josh Sussman', 'James Edward Grayson'], guests: ['Ernie Millar'] });
});

test('a title’s guest when the notes’ guest is a panelist; a name the title writes; a topic after a guest; a pick is no guest', () => {
  assert.deepEqual(people('RR 336: Refactoring Rails Apps with Ben Orenberg').guests, ['Ben Orenberg']);
  // "Elmore" is someone else's first name, but the title writes "Eric Elmore".
  assert.deepEqual(people('Progressive Web Apps feat. Eric Elmore'), { panel: ['Nadia Dobbs'], guests: ['Eric Elmore'] });
  nobody('Progressive Web Apps feat. Eric Elmore', ['Elmore Kemble']);
  assert.deepEqual(people('React Native Filesystem feat Ben Hsu'), { panel: ['Nadia Dobbs', 'Pete Pierce'], guests: ['Ben Hsu'] });
  nobody('React Native Filesystem feat Ben Hsu', ['File System']);
  nobody('The Freelancers’ Show 079 – Plugins with Pip Williams', ['Clay Collier']);
});

test('a roll call opened by "This is … episode 254. On our panel", a "guest panelist", a guest the tags write as a name', () => {
  // DAVID speaks first, before the host opens the show; Julie is a panelist for the day, Derek the guest.
  assert.deepEqual(people('254 RR Scaling a SaaS App with Derek Reiner'), {
    panel: ['Jessie Kerrigan', 'Julie Evanson', 'Avdi Grimes'],
    guests: ['Derek Reiner'],
  });
  // devchat.tv tags a guest by name: " Micky Marten" is no technology, "refactoring" stays one.
  assert.deepEqual(people('CC 006: Clean Code in the Codebase with Micky Marten'), { panel: [], guests: ['Micky Marten'] });
  nobody('CC 006: Clean Code in the Codebase with Micky Marten', ['Clean Coders', 'Datomic']);
});

test('a guest the notes’ panel list names too is a guest, not also a panelist', () => {
  assert.deepEqual(people('087 JSJ TC39 with Alec Russo'), { panel: ['AJ O’Nealy', 'Carl Max Wood'], guests: ['Alec Russo'] });
});

test('a title that names the notes’ guest and more gives them all', () => {
  // "our special guests Nate Docker, I can’t remember who else": the title names the other two.
  const title = '231 JSJ Katas with Nate Docker, Jake Hofman, and Dan Nolte';
  assert.deepEqual(people(title), { panel: ['Jamie Dancer', 'Joel Ames'], guests: ['Nate Docker', 'Jake Hofman', 'Dan Nolte'] });
  nobody(title, ['Katas', 'Nate Docker Jake Hofman']);
});

test('"with Dustin and Dylan Brusk": a first name alone shares the next guest’s last name when the notes write it so', () => {
  assert.deepEqual(people('110 iPS Design and The Business of Apps with Dustin and Dylan Brusk of Iconworks').guests, [
    'Dustin Brusk',
    'Dylan Brusk',
  ]);
  // The notes never write "Dan Albers": Dan is nobody the file names in full.
  assert.deepEqual(people('111 iPS Hooks with Dan and Sophie Albers'), { panel: [], guests: ['Sophie Albers'] });
  nobody('111 iPS Hooks with Dan and Sophie Albers', ['Dan Albers', 'Dan']);
});

test('a list’s last name before the sentence it runs into; a nickname in quotes inside a guest’s name', () => {
  // "… and Reu Lerman lead the discussion": "Lerman" ends the list, it does not start the sentence.
  assert.deepEqual(people('FS 258: Positioning and Market Awareness'), { panel: ['Phil Morgen', 'Jona Stark', 'Reu Lerman'], guests: [] });
  // "… and AJ Our guest today talks": "Our" starts the sentence.
  nobody('JSJ 250: Testing Rigs', ['AJ Our']);
  assert.deepEqual(people('Dev Ed 010: The Myth of the Lone Genius'), { panel: ['Brook Avery', 'Mike Dain'], guests: ['Max Koretsky'] });
});
