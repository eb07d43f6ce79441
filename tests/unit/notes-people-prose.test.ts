import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { testdir } from '../support/testdir.ts';

// Guests Rustacean Station-shaped notes name only in their first sentence (tests/fixtures/sites/notes-prose, written for
// these tests in the shapes of that site's interviews, releases and TWiR episodes), and a roll call answered late.
const dir = fileURLToPath(new URL('../fixtures/sites/notes-prose/', import.meta.url));
const catalogue = readEpisodes(dir);

async function people(file: string) {
  const episode = (await catalogue).episodes.find((item) => item.file.endsWith(file))?.episode;
  assert.ok(episode, file);
  return { panel: episode.panel, guests: episode.guests };
}

test('whom the first sentence talks with or interviews: named in the title, described by a role, or by the file', async () => {
  assert.deepEqual((await catalogue).failures, []);
  // The title's "with" names a library, not the guest its first words name.
  assert.deepEqual(await people('2022-04-15-ari-rosen.md'), { panel: ['Alan Wyman'], guests: ['Ari Rosen'] });
  // "An interview with conference founder J Hale": one letter for a first name; the role is no part of the name.
  assert.deepEqual((await people('2019-08-25-gold-rush.md')).guests, ['J Hale']);
  // One who goes by one name, which the title ends on.
  assert.deepEqual(await people('2022-03-18-moss.md'), { panel: ['Alan Wyman'], guests: ['Moss'] });
  // "Daniel, the original author of fetchy" in 2021-09-03-daniel-stein.md.
  assert.deepEqual((await people('2021-09-03-daniel-stein.md')).guests, ['Daniel Stein']);
  // "short interviews with upcoming RustConf speakers A, B, and Jam": a role before them, no title naming them.
  assert.deepEqual((await people('twir-350.md')).guests, ['Sian Grey', 'Jane Lusk', 'Jam']);
});

test('a guest described before the host they sit down with; a team the title lists; both guests a paragraph links', async () => {
  assert.deepEqual(await people('2024-04-04-vita-brandt.md'), { panel: ['Luka Palm'], guests: ['Vita Brandt'] });
  // "talks with the Lodestar team" under "Lodestar with Wil Zhang, Pete Jiang, and Kev Huang".
  assert.deepEqual((await people('2023-02-21-lodestar.md')).guests, ['Wil Zhang', 'Pete Jiang', 'Kev Huang']);
  // The title names one; the first paragraph links both to their own profiles.
  assert.deepEqual((await people('2023-06-16-kira-hall.md')).guests, ['Kira Hall', 'João Neto']);
  // A school's account is no guest, though linked beside the one the title names.
  assert.deepEqual((await people('2024-01-10-steve-nunes.md')).guests, ['Steve Nunes']);
});

test('one person under the spelling the catalogue writes most; a roll call’s name answered a few turns later', async () => {
  // "Hosts: Jon Gjensen & Ben Strand" once, "Jon Gjengsen" three times.
  assert.deepEqual((await people('rust-1.37.0.md')).panel, ['Jon Gjengsen', 'Ben Strand']);
  // "Lukas Rubel." "JOHN: Hello." "Oh, there we go." "LUKAS: I'll let John speak for me.": Lukas was there; "Bo Diaz. I
  // guess Bo is on mute" names someone who never speaks. The host names himself, as another episode
  // names him.
  assert.deepEqual((await people('aia-095-late-answer.md')).panel, [
    'Ward Bellamy',
    'Jules Kramer',
    'John Papas',
    'Lukas Rubel',
    'Carl Max Wood',
  ]);
});

test('a speaker label nobody introduced is the podcast’s regular of that first name, of the days they were on it', async () => {
  const { speakers, withSpokenPeople } = await import('../../src/episode/speaker-names.ts');
  const episode = (date: string, panel: string[] = [], guests: string[] = []) => ({
    podcast: 'jsj',
    title: 'Episode',
    date,
    panel,
    guests,
  });
  // Joe Eames on twelve episodes of 2015; a guest Joe once.
  const year = Array.from({ length: 12 }, (_, month) => episode(`2015-${String(month + 1).padStart(2, '0')}-10`, ['Joe Eames']));
  const spoken = { panel: [], guests: [], hostNames: [], labels: ['JOE'] };
  const known = speakers([...year, episode('2015-03-01', [], ['Joe Guest'])]);
  assert.deepEqual(withSpokenPeople(episode('2015-06-20'), spoken, known).panel, ['Joe Eames']);
  // Two years after his last episode, "JOE" is someone else: Joe, by the first name alone.
  assert.deepEqual(withSpokenPeople(episode('2017-06-20'), spoken, known).panel, ['Joe']);
  // A second Joe on three episodes: "JOE" could be either.
  const twoJoes = speakers([...year, ...['01', '02', '03'].map((month) => episode(`2015-${month}-20`, ['Joe Other']))]);
  assert.deepEqual(withSpokenPeople(episode('2015-06-20'), spoken, twoJoes).panel, ['Joe']);
  // "JOES:", no first name of two people, is no one.
  assert.deepEqual(withSpokenPeople(episode('2017-06-20'), { ...spoken, labels: ['JOES'] }, known).panel, []);
});

test('a panel by first names, by who gave picks, or by speaker labels alone: the regulars of the podcast at the time', async () => {
  // Aimee Kent, AJ Oneil and Joe Eamon are the panel of three 2017 episodes of "jabber".
  assert.deepEqual(await people('jabber-004-first-names.md'), { panel: ['AJ Oneil', 'Aimee Kent', 'Joe Eamon'], guests: ['Jason Last'] });
  assert.deepEqual((await people('jabber-005-picks.md')).panel, ['Aimee Kent', 'Joe Eamon']);
  // A full name giving picks counts when other episodes name that person; the title's guest gives picks too.
  assert.deepEqual(await people('mjs-031-picks-full-names.md'), { panel: ['Carl Max Wood'], guests: ['Mika Hostler'] });
  // "CHUCK:" is Carl Max Wood: three other episodes' CHUCK says "I'm Carl Max Wood".
  assert.deepEqual((await people('jabber-006-labels.md')).panel, ['Aimee Kent', 'Joe Eamon', 'Carl Max Wood']);
  // Three years after the regulars' last episode, "JOE:" is nobody the catalogue can name.
  assert.deepEqual((await people('jabber-2020-labels-later.md')).panel, []);
  // "CHUCK:" on a podcast where he never says who he is: the network's other podcasts say so.
  assert.deepEqual((await people('fs-live-qa-network-nickname.md')).panel, ['Carl Max Wood']);
});

test('who gave picks written as a paragraph of "(Joe)", or on the line after the last pick of the one before', async () => {
  // "28:52 - Getting StartedPicks" then "[…](…) (Aimee)[…](…) (Joe) A long walk (Nia)": Nia is the title's guest.
  assert.deepEqual(await people('jabber-010-picks-paragraph.md'), { panel: ['Aimee Kent', 'Joe Eamon'], guests: ['Nia Okafor'] });
  // "… drawn since she was six. **Picks\*\*** Dee Lam\*\*", then "- [A drawing app](…)⏎  **Carl Max Wood**".
  assert.deepEqual(await people('mjs-032-picks-after-last-link.md'), { panel: ['Carl Max Wood'], guests: ['Dee Lam'] });
});

test('a title that is a name the notes call "he" by first name; "In this episode, A gives …"', async () => {
  assert.deepEqual((await people('tc-027-name-title.md')).guests, ['Geoff Grosby']);
  assert.deepEqual((await people('tc-screencast-gives.md')).panel, ['Carl Max Wood']);
  // "In this episode of the Rogues podcast Dave Kim, Eric Berg, and Carl Max Wood discuss …": no comma after the show.
  assert.deepEqual(await people('rr-326-subject-after-show.md'), {
    panel: ['Dave Kim', 'Eric Berg', 'Carl Max Wood'],
    guests: ['Jamie Wight'],
  });
});

test('"A from Org talks about …"; a guest the host says will join, who speaks later; a roll call glued to its answer', async () => {
  assert.deepEqual((await people('vov-097-from-elsewhere.md')).guests, ['Eddie Zane', 'Sham Islam', 'Jas James']);
  // "Avi Grim will be joining us as a regular panelist next month" is no guest of this episode.
  assert.deepEqual(await people('aia-065-joins-later.md'), { panel: ['Ward Bellamy', 'Carl Max Wood'], guests: ['Pete Bacon Dale'] });
  // "Charles: Jules KramerJules: Hello."
  assert.deepEqual((await people('aia-116-glued-labels.md')).panel, ['John Papas', 'Jules Kramer', 'Ward Bellamy', 'Carl Max Wood']);
});

test('the panel again after the guest; picks written "(Joe)" after the link; a regular who speaks only late', async () => {
  // "This week we have a guest rogue, … Gary Bern. … Also on our panel we have Josh Sussman."
  assert.deepEqual(await people('rr-040-panel-after-guest.md'), {
    panel: ['Josh Sussman', 'David Brody', 'Carl Max Wood'],
    guests: ['Gary Bern'],
  });
  // "Aimee Kentt" once beside "Aimee Kent" three times is one Aimee, the regular, under the catalogue's spelling.
  assert.deepEqual((await people('jabber-003b-panel-typo.md')).panel, ['Aimee Kent', 'AJ Oneil', 'Joe Eamon']);
  assert.deepEqual((await people('jabber-007-picks-after-links.md')).panel, ['Aimee Kent', 'Joe Eamon']);
  // The panel list leaves out Richard Litt, who gives picks and whom another episode names.
  assert.deepEqual(await people('sos-007-picks-beside-panel.md'), { panel: ['Eric Berg', 'Richard Litt'], guests: ['Heath Aren'] });
  // "JOE:" speaks first after thirty-odd turns of the host and the guest.
  assert.deepEqual(await people('jabber-008-later-speaker.md'), { panel: ['Carl Max Wood', 'Joe Eamon'], guests: ['Tia Ruiz'] });
});

test('no one from a show’s name, a product that "gives", or a book’s author in the picks; hosts after "hosted by", "a panel of"; an announcement’s guest', async () => {
  const { prosePeople } = await import('../../src/episode/prose-people.ts');
  const opening = 'In this episode of JavaScript Jabber Ann Lee, Bo Diaz, and Cy Wu discuss bundlers.';
  // No "Jabber Ann Lee": where the show's name ends and the names begin is unknown, so the first name is left out.
  assert.deepEqual(prosePeople(opening, opening).panel, ['Bo Diaz', 'Cy Wu']);
  // "hosted this week by", "a panel of A, B, as well as host C".
  const hosted = 'Jabber is hosted this week by Ann Lee, Bo Diaz and their special guest Cy Wu.';
  assert.deepEqual(prosePeople(hosted, hosted).panel, ['Ann Lee', 'Bo Diaz']);
  const panelOf = 'This episode features a panel of Ann Lee, Bo Diaz, as well as host Di Fox. Special guest Cy Wu talks.';
  assert.deepEqual(prosePeople(panelOf, panelOf).panel, ['Ann Lee', 'Bo Diaz', 'Di Fox']);
  // An announcement names the guest of an episode to come.
  const { guestsFromTitle } = await import('../../src/episode/people.ts');
  const { namesInTitle } = await import('../../src/episode/title-people.ts');
  const announcement = 'Book Club Announcement: Smalltalk Patterns with Kent Beck';
  const notes = 'Kent Beck wrote the book. Kent will be joining us for that episode; he is happy to.';
  assert.deepEqual([guestsFromTitle(announcement, notes), namesInTitle(announcement, notes)], [[], []]);
  assert.deepEqual(guestsFromTitle('Book Club: Smalltalk Patterns with Kent Beck', notes), ['Kent Beck']);
  // A list of topics after "with", one of which the notes write: a word alone among them is no one's name.
  const topics = '.NET 018: Fun with Unit Testing, GraphQL and Firebase Auth';
  assert.deepEqual(guestsFromTitle(topics, 'He recommends Firebase Auth by Google.'), []);
  // A one-word name beside a full one is a person's: the title still names Rich Harris.
  assert.deepEqual(guestsFromTitle('Svelte Society with Rich Harris and swyx', 'Rich Harris made Svelte.'), ['Rich Harris']);
  // "features A, B, and special guest C": the panel, then the guest.
  const features = 'This episode of iPhreaks features Ann Lee, Bo Diaz, and special guest Cy Wu. Cy builds apps.';
  assert.deepEqual([prosePeople(features, features).panel, prosePeople(features, features).guests], [['Ann Lee', 'Bo Diaz'], ['Cy Wu']]);
  const ofShow = 'On today’s episode of iPhreaks, Ann Lee, Bo Diaz and special guest – Cy Wu talk about apps.';
  assert.deepEqual(prosePeople(ofShow, ofShow).panel, ['Ann Lee', 'Bo Diaz']);
  const products = 'This week, Visual Studio Code and GitHub Copilot give developers new ways to work.';
  assert.deepEqual(prosePeople(products, products).panel, []);
  // `- [Clean Code](…) (Robert C. Martin)` under Picks names the book's author, whom another podcast of the site names.
  assert.deepEqual((await people('jabber-009-picks-author.md')).panel, ['Aimee Kent']);
});

test('a first name alone on a podcast that names no one: the network’s one regular of it, on two podcasts or more', async () => {
  const episode = (podcast: string, day: number, body: string) =>
    `---\ntitle: Episode ${day}\ndate: 2017-05-${String(day).padStart(2, '0')}\npodcast: ${podcast}\n---\n${body}\n`;
  const files: Record<string, string> = {};
  for (const day of [1, 2, 3]) {
    files[`alpha/${day}.md`] = episode('alpha', day, '### Panel\n- Carl Max Wood\n- Joe Eamon');
    files[`beta/${day}.md`] = episode('beta', day + 3, '### Panel\n- Carl Max Wood');
    files[`gamma/${day}.md`] = episode('gamma', day + 6, '### Panel\n- Joe Tate');
  }
  files['revenue/automate.md'] = episode('revenue', 20, 'Carl talks about automation and getting rid of boilerplate work.');
  files['revenue/ownership.md'] = episode('revenue', 23, 'In this episode, Carl discusses taking ownership of your situation.');
  files['revenue/story.md'] = episode('revenue', 24, 'On this episode Carl talks to Ruby Rogues panelist Dave Kim.');
  // Two regulars called Joe on the network: "Joe" alone is neither, and is on the episode by that name.
  files['revenue/pricing.md'] = episode('revenue', 21, 'Joe explains how he prices his work.');
  // Aimee is a regular of no podcast.
  files['revenue/remote.md'] = episode('revenue', 22, 'Aimee explains what it takes to get a remote job.');
  const { episodes } = await readEpisodes(await testdir(files));
  const panel = (name: string) => episodes.find((item) => item.file.endsWith(name))?.episode.panel;
  assert.deepEqual(panel('automate.md'), ['Carl Max Wood']);
  assert.deepEqual(panel('ownership.md'), ['Carl Max Wood']);
  assert.deepEqual(panel('story.md'), ['Carl Max Wood']);
  assert.deepEqual(panel('pricing.md'), ['Joe']);
  // Aimee is no first name of two people the catalogue names: no one, then.
  assert.deepEqual(panel('remote.md'), []);
});

test('a speaker label is the regular of its name in the days of the episode; not when someone named answers to it', async () => {
  const episode = (podcast: string, date: string, body: string, title = `Episode ${date}`) =>
    `---\ntitle: ${title}\ndate: ${date}\npodcast: ${podcast}\n---\n${body}\n`;
  const files: Record<string, string> = {};
  for (const day of [1, 2, 3]) {
    files[`rogues/2012-${day}.md`] = episode('rogues', `2012-03-0${day}`, '### Panel\n- David Brody\n- John Pike');
    files[`rogues/2017-${day}.md`] = episode('rogues', `2017-03-0${day}`, '### Panel\n- David Kim\n- John Pike');
  }
  const transcript = (label: string) => `### Transcript\n\n**CHUCK:** Welcome to the show.\n\n**${label}:** Glad to be here.`;
  files['rogues/early.md'] = episode('rogues', '2012-05-01', transcript('DAVID'));
  files['rogues/late.md'] = episode('rogues', '2017-05-01', transcript('DAVID'));
  // Both Davids were on in the spring of 2014: "DAVID" then is neither, and is on the episode as David alone.
  files['rogues/between.md'] = episode('rogues', '2014-06-01', transcript('DAVID'));
  files['rogues/2014-1.md'] = episode('rogues', '2014-05-01', '### Panel\n- David Brody\n- David Kim');
  files['rogues/2014-2.md'] = episode('rogues', '2014-05-02', '### Panel\n- David Brody\n- David Kim');
  files['rogues/2014-3.md'] = episode('rogues', '2014-05-03', '### Panel\n- David Brody\n- David Kim');
  // "DAVE:" is the guest Dave Hall, whom the notes name, and "JOHN:" the guest John-Daniel Trask.
  files['rogues/guest.md'] = episode(
    'rogues',
    '2017-05-02',
    `### Guests\n- Dave Hall\n- John-Daniel Trask\n\n${transcript('DAVID')}\n\n**JOHN:** Hi.`,
  );
  const { episodes } = await readEpisodes(await testdir(files));
  const panel = (name: string) => episodes.find((item) => item.file.endsWith(name))?.episode.panel;
  assert.deepEqual(panel('early.md'), ['David Brody']);
  assert.deepEqual(panel('late.md'), ['David Kim']);
  assert.deepEqual(panel('between.md'), ['David']);
  assert.deepEqual(panel('guest.md'), []);
});

test('the roll call: names in one sentence who speak later; after "those are our guests"; who says who they are late; an ad', async () => {
  const { spokenPeople } = await import('../../src/episode/transcript-people.ts');
  const later = 'The guest talks for a long while about the topic at hand. '.repeat(300);
  const rollCall = [
    "**CHUCK:** Welcome to episode 274. This week on our panel, we have Dana Brody, Jess Kerrigan. I'm Carl Max Wood.",
    `**JOSH:** Hi. ${later}`,
    '**DANA:** A question.',
    '**JESS:** Another one.',
  ].join('\n\n');
  assert.deepEqual(spokenPeople(rollCall).panel, ['Dana Brody', 'Jess Kerrigan']);
  const guestsFirst = [
    '**CHUCK:** Welcome to episode 150. This week we have three guests. We have Rick Kenn.',
    '**RICK:** Good day.',
    '**CHUCK:** Gary Luft.',
    '**GARY:** Hello.',
    '**CHUCK:** So, those are our guests. We also have AJ Oneil.',
    '**AJ:** Hi all.',
  ].join('\n\n');
  const spoken = spokenPeople(guestsFirst);
  assert.deepEqual([spoken.panel, spoken.guests], [['AJ Oneil'], ['Rick Kenn', 'Gary Luft']]);
  // One guest first, then "We also have …" the panel; after "a few special guests", one more of them.
  const turnsOf = (lines: string[]) => lines.map((line) => `**${line.split(': ')[0]}:** ${line.split(': ')[1]}`).join('\n\n');
  const oneGuest = turnsOf([
    'CHUCK: Welcome to episode 36. This week on our panel, we have guest Rogue, Nick Quant.',
    'NICK: Hey ho.',
    'CHUCK: Thanks for joining us. We also have James Gray.',
    "JAMES: I'm back.",
  ]);
  assert.deepEqual([spokenPeople(oneGuest).panel, spokenPeople(oneGuest).guests], [['James Gray'], ['Nick Quant']]);
  const several = oneGuest.replace(
    'This week on our panel, we have guest Rogue, Nick Quant.',
    'We have a few special guests. We have Nick Quant.',
  );
  assert.deepEqual(spokenPeople(several).guests, ['Nick Quant', 'James Gray']);
  // Chuck away, his recorded sponsor message dropped in: "CHUCK" is no speaker of the episode.
  const hostedByJoe = '**JOE:** Welcome to episode 188. Chuck is not with us today.\n\n**AIMEE:** Hello.\n\n';
  const ad = '**CHUCK:** Before we get to the picks, I want to thank our silver sponsors.\n\n**AIMEE:** My pick is a book.';
  assert.deepEqual(spokenPeople(`${hostedByJoe}${ad}`).labels, ['JOE', 'AIMEE']);
  assert.deepEqual(spokenPeople(`${hostedByJoe}${ad}\n\n**CHUCK:** I made it after all.`).labels, ['JOE', 'AIMEE', 'CHUCK']);
  // Labels written "Chuck:" rather than in capitals.
  const mixed = (text: string) => text.replace(/\*\*([A-Z])([A-Z]+):\*\*/g, (_, a: string, b: string) => `${a}${b.toLowerCase()}:`);
  assert.deepEqual(spokenPeople(mixed(`${hostedByJoe}${ad}`)).labels, ['JOE', 'AIMEE']);
  // Half an hour in, "MOLLY: Hi. I'm Molly Smith.": on the episode beside the notes' written guest too.
  const late = `${guestsFirst}\n\n**RICK:** ${later}\n\n**DAVE:** Say hello, Molly.\n\n**MOLLY:** Hi. I’m Molly Smith. And coding is awesome.`;
  const { speakers, withSpokenPeople } = await import('../../src/episode/speaker-names.ts');
  const episode = { title: 'Teaching', panel: ['AJ Oneil'], guests: ['Rick Kenn', 'Gary Luft'] };
  assert.deepEqual(withSpokenPeople(episode, spokenPeople(late), speakers([])).guests, ['Rick Kenn', 'Gary Luft', 'Molly Smith']);
  // "DAVE** : Sorry, this is Dave Brody.", its bold closed before the colon: the catalogue says host or guest.
  const lurking = spokenPeople(`${guestsFirst}\n\n**RICK:** ${later}\n\n**DAVE** : Sorry, this is Dave Brody. I was lurking.`);
  assert.deepEqual([lurking.introduced, lurking.guests], [['Dave Brody'], ['Rick Kenn', 'Gary Luft']]);
  // A monologue without labels: who says "This is your host, …" hosts it.
  const monologue = 'Teach Me to Code Episode 54 Hey everybody and welcome back. This is your host, Carl Max Wood and today I talk.';
  assert.deepEqual(spokenPeople(monologue).hostNames, ['Carl Max Wood']);
  // Only the host's own words say who hosts it: not a guest's "I'm Sarah Jones" read out first.
  assert.deepEqual(spokenPeople(`Hi, I'm Sarah Jones from Acme, she wrote. ${monologue}`).hostNames, ['Carl Max Wood']);
  // "This is Dave Thomas, who wrote …" late in the show speaks of someone; no introduction.
  const mention = spokenPeople(`${guestsFirst}\n\n**RICK:** ${later}\n\n**DAVE:** This is Dave Thomas, who wrote the Pickaxe book.`);
  assert.deepEqual(mention.introduced ?? [], []);
  // "Plan B:" in a sentence is no speaker.
  assert.deepEqual(spokenPeople(`${hostedByJoe}So Plan B: you keep a backup.`).labels, ['JOE', 'AIMEE']);
});

test('a talk’s speaker; a host whose name runs on from the show’s; a title’s guest with a nickname in quotes', async () => {
  const { prosePeople } = await import('../../src/episode/prose-people.ts');
  const talk = 'This is a talk given by Uri Shank at the recent Angular Dev Summit.';
  assert.deepEqual(prosePeople(talk, talk).guests, ['Uri Shank']);
  // Not in the picks: "[A great talk by Gary Bern](…)" is someone else's recommendation.
  const picked = 'We discuss testing. Picks: a great talk by Gary Bern.';
  assert.deepEqual(prosePeople(picked, picked).guests, []);
  const { guestsFromTitle } = await import('../../src/episode/people.ts');
  const notes = "We have two special guests this week. We have Ra'Shaun Stovall. And Noel Sagaille.";
  assert.deepEqual(guestsFromTitle(`262 RR Mentoring with Ra'Shaun "Snuggs" Stovall and Noel Sagaille`, notes), [
    "Ra'Shaun Stovall",
    'Noel Sagaille',
  ]);
  // "In this episode of React Round Up Carl Max Wood interviews …": where the show's name ends, the catalogue says.
  const episode = (podcast: string, day: number, body: string) =>
    `---\ntitle: Episode ${day}\ndate: 2019-05-${String(day).padStart(2, '0')}\npodcast: ${podcast}\n---\n${body}\n`;
  const files: Record<string, string> = {};
  for (const day of [1, 2, 3]) files[`round/${day}.md`] = episode('round', day, '### Panel\n- Carl Max Wood\n- Ann Lee');
  files['round/commit.md'] = episode('round', 9, 'In this episode of React Round Up Carl Max Wood interviews speakers at a conference.');
  files['round/other.md'] = episode('round', 10, 'In this episode of React Round Up Bo Diaz interviews speakers at a conference.');
  // A title's name whom the notes call by first name among who gave picks.
  const picksBy = (guest: string) =>
    `Brandon Silvo directs an agency. Stories sell work.\n\n## Picks:\n\nCurt: [A book](https://a.example/) ${guest}: [A film](https://b.example/)`;
  files['round/fs-263.md'] = episode('round', 11, picksBy('Brandon')).replace(
    'title: Episode 11',
    'title: "FS 263: Brandon Silvo on Stories"',
  );
  files['round/fs-264.md'] = episode('round', 12, picksBy('Joe')).replace('title: Episode 12', 'title: "FS 264: Brandon Silvo on Stories"');
  const { episodes } = await readEpisodes(await testdir(files));
  const panel = (name: string) => episodes.find((item) => item.file.endsWith(name))?.episode.panel;
  assert.deepEqual([panel('commit.md'), panel('other.md')], [['Carl Max Wood'], []]);
  const guests = (name: string) => episodes.find((item) => item.file.endsWith(name))?.episode.guests;
  assert.deepEqual([guests('fs-263.md'), guests('fs-264.md')], [['Brandon Silvo'], []]);
});

test('"CHUCK" is the network’s Carl only where no Carl is named; someone late who hosts on the network is on the panel', async () => {
  const { speakers, withSpokenPeople } = await import('../../src/episode/speaker-names.ts');
  const host = (day: number) => ({ podcast: 'a', title: 'A', date: `2017-01-0${day}`, panel: ['Carl Max Wood', 'Ann Lee'], guests: [] });
  const said = { panel: [], guests: [], hostNames: ['Carl Max Wood'], labels: [], hostLabel: 'CHUCK' };
  const known = speakers(
    [1, 2, 3].map(host),
    [1, 2, 3].map(() => ({ podcast: 'a', spoken: said })),
  );
  const onB = (guests: string[]) => ({ podcast: 'b', title: 'B', date: '2017-02-01', panel: [], guests });
  const chuck = { panel: [], guests: [], hostNames: [], labels: ['CHUCK'] };
  assert.deepEqual(withSpokenPeople(onB([]), chuck, known).panel, ['Carl Max Wood']);
  assert.deepEqual(withSpokenPeople(onB(['Carl Lantz']), chuck, known).panel, []);
  const late = { panel: [], guests: [], hostNames: [], labels: [], introduced: ['Ann Lee', 'Molly Smith'] };
  const { panel, guests } = withSpokenPeople(onB(['Bo Diaz']), late, known);
  assert.deepEqual({ panel, guests }, { panel: ['Ann Lee'], guests: ['Bo Diaz', 'Molly Smith'] });
});
