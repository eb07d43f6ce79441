import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue, episode, regulars, transcript } from '../support/people-catalogue.ts';

// People only the rest of the catalogue can settle, in the shapes of devchat.tv's converted notes (written for these
// tests; every name is made up). Each test builds a small catalogue: three episodes that make its regulars regulars.
test('a title’s second guest known only by a speaker label; a roll call’s other guest the catalogue knows', async () => {
  const people = await catalogue({
    ...regulars('rogues', 2016, '### Panel\n- Carl Max Wood\n- Jason Swan\n- Ward Bellamy\n\n### Guests\n- Isaac Slater'),
    // The notes name Justin Gold alone; "ROB:" answers to the title's Rob Wiseman.
    'rogues/rails.md': episode(
      'rogues',
      '2016-06-01',
      `React on Rails is the gem Justin Gold wrote.${transcript('**CARL:** Welcome to the Rogues. **JUSTIN:** Hi. **ROB:** Hello.')}`,
      'RR 284 React on Rails with Justin Gold and Rob Wiseman',
    ),
    // "a special guest crew member, Ward Bellamy", on the panel of three other episodes, beside the title's guest; and
    // Isaac Slater, introduced as a guest too, a guest before: a guest still.
    'rogues/crew.md': episode(
      'rogues',
      '2016-07-01',
      `The crew discusses ng 2.0 with Rob Eisen.${transcript(
        '**CARL:** Hey everybody, and welcome to Episode 9. This week on our crew, we have Jason Swan. **JASON:** Hey. **CARL:** We have a special guest crew member, Ward Bellamy. **WARD:** Hello. **CARL:** I’m Carl Max Wood. And our special guests this week are Rob Eisen. **ROB:** Hey. **CARL:** And Isaac Slater. **ISAAC:** Hi.',
      )}`,
      'RR 009 ng 2.0 with Rob Eisen',
    ),
  });
  assert.deepEqual(people('rails.md').guests, ['Justin Gold', 'Rob Wiseman']);
  assert.deepEqual(people('crew.md'), { panel: ['Ward Bellamy', 'Jason Swan', 'Carl Max Wood'], guests: ['Rob Eisen', 'Isaac Slater'] });
});

test('guests run into their jobs; a topic before "with" and the guest; a title joined by "+"', async () => {
  const people = await catalogue({
    ...regulars('radio', 2017, '### Panel\n- Nadia Dobbs'),
    'radio/build.md': episode(
      'radio',
      '2017-06-24',
      '**Panel** Nadia Dobbs **Guests:** Ada Wolf; Director of Engineering at Facebook, and Ryan Salt Project Manager at Microsoft at Build. **Discussions:**',
      'Ada Wolf of Facebook + Ryan Salt of Microsoft at Build',
    ),
    // "Special Guests: Paul Spade and John Bauer Paul and John talk …": Paul starts the next sentence.
    'radio/teach.md': episode(
      'radio',
      '2017-07-02',
      '**Panel:** Nadia Dobbs **Special Guests:** Paul Spade and John Bauer Paul and John talk about teaching.',
      'AiA 158: Teaching Angular',
    ),
    'radio/acme.md': episode(
      'radio',
      '2017-07-03',
      '**Panel** Nadia Dobbs **Guests:** Ann Leigh, CTO at Acme, Bo Diaz, and Cy Wu',
      'RNR 80: Acme',
    ),
    'radio/react.md': episode(
      'radio',
      '2017-07-04',
      '**Panel** Nadia Dobbs **Special Guest:** MobX with Michel West React is next.',
      'RNR 81: MobX',
    ),
    'radio/mobx.md': episode(
      'radio',
      '2017-07-01',
      '**Panel** Nadia Dobbs, **Special Guest:** MobX with Michel West **Discussions:**',
      'MobX featuring Michel West',
    ),
  });
  assert.deepEqual(people('build.md'), { panel: ['Nadia Dobbs'], guests: ['Ada Wolf', 'Ryan Salt'] });
  assert.deepEqual(people('mobx.md').guests, ['Michel West']);
  assert.deepEqual(people('teach.md').guests, ['Paul Spade', 'John Bauer']);
  // A job up to the next comma, not only the next "and"; the word after the last name, not after the dropped topic.
  assert.deepEqual(people('acme.md').guests, ['Ann Leigh', 'Bo Diaz', 'Cy Wu']);
  assert.deepEqual(people('react.md').guests, ['Michel West']);
});

test('a guest the title names in its own shapes: a name alone after the code, "on" a topic, an interview', async () => {
  const people = await catalogue({
    ...regulars('tmtc', 2010, '### Panel\n- Joe Eamon\n- Jason Swan'),
    'tmtc/35.md': episode('tmtc', '2010-05-01', 'We talk about testing.', 'TMTC 35 - Joe Ferro from Thoughtbot'),
    'tmtc/21.md': episode('tmtc', '2010-05-02', 'More on consulting.', 'TMTC 21 - Jason Kai - Part 2'),
    'tmtc/262.md': episode('tmtc', '2010-05-03', 'Show Notes in Progress', 'FS 262: Jason Kai on Drumming up Business'),
    'tmtc/8.md': episode('tmtc', '2010-05-04', 'In this interview with Pratik, we discuss Cramp.', 'RC 8 - Interview with Pratik Nair'),
    'tmtc/rc-5.md': episode(
      'tmtc',
      '2010-05-07',
      'During the interview with James, we talk Ruby.',
      'RC 5 - Interview with James Edgar Gray II',
    ),
    // A series' name, then the guest, who gives picks by full name.
    'tmtc/mrs-20.md': episode(
      'tmtc',
      '2010-05-08',
      'Today’s episode is a story.\n\n## Picks\n\n**Ruberto Pau**\n\n- [A game](https://g.example)',
      'MRS 020: My Ruby Story - Ruberto Pau',
    ),
    // The sentence's last "with", whom the notes then call by first name, under a title that names no one.
    'tmtc/fs-250.md': episode(
      'tmtc',
      '2010-05-09',
      'On today’s episode, Joe and Jason discuss Getting Started with Facebook Ads with Mojca Marsh. Mojca is an expert.',
      'Getting Started with Facebook Ads',
    ),
    // The host's own words about a name first in the title, its topic after.
    'tmtc/73.md': episode('tmtc', '2010-05-15', 'In this interview, Grover and I discuss search.', '073 TMTC Grover Ingle - Lucene & Solr'),
    'tmtc/77.md': episode('tmtc', '2010-05-16', 'Today I am joined by Karlo Wren, an engineer.', '077 TMTC Karlo Wren - ManifoldCF'),
    // A name first and a topic after, over notes that never say it: a topic, though the catalogue knows Joe Ferro.
    'tmtc/300.md': episode('tmtc', '2010-05-17', 'Reflections on years of testing.', 'TMTC 300: Joe Ferro - Reflections on Testing'),
    // A sentence, and a topic whose first word nobody has: no one.
    'tmtc/107.md': episode('tmtc', '2010-05-05', 'Arduino boards, and what to build.', 'iPS 107: Jason Talks Arduino'),
    'tmtc/154.md': episode('tmtc', '2010-05-06', 'Animations in Angular.', 'AiA 154: Angular Animations'),
    // A talk's speaker between its title and its conference, whose first name nobody else has.
    'tmtc/talk.md': episode('tmtc', '2010-05-12', 'In this talk, I will demo an app.', 'Hybrid Apps - Rahat Khan - JS Remote Conf 2015'),
    // Topics whose first word is someone's first name: a question, and a last word the notes write in lower case.
    'tmtc/390.md': episode('tmtc', '2010-05-10', 'Performance at scale.', 'JSJ 390: Joe It Scale'),
    'tmtc/391.md': episode('tmtc', '2010-05-11', 'Where the funding for open source comes from.', 'JSJ 391 - Jason Funding'),
    // The title's second guest, whose first name nobody else has, the subject of a line of the notes.
    // A product the notes have "use" something is no guest.
    'tmtc/docker.md': episode('tmtc', '2010-05-14', 'Docker uses layers to build images.', 'TMTC 30 - Docker Swarm'),
    'tmtc/cuke.md': episode(
      'tmtc',
      '2010-05-13',
      '- Jorge likes Given-When-Then\n- Jason likes plain specs',
      'Acceptance Testing with Jason Light and Jorge Diaz',
    ),
  });
  assert.deepEqual(people('35.md').guests, ['Joe Ferro']);
  assert.deepEqual(people('21.md').guests, ['Jason Kai']);
  assert.deepEqual(people('262.md').guests, ['Jason Kai']);
  assert.deepEqual(people('8.md').guests, ['Pratik Nair']);
  assert.deepEqual(people('rc-5.md').guests, ['James Edgar Gray II']);
  assert.deepEqual(people('mrs-20.md').guests, ['Ruberto Pau']);
  assert.deepEqual(people('fs-250.md'), { panel: ['Joe Eamon', 'Jason Swan'], guests: ['Mojca Marsh'] });
  assert.deepEqual(people('73.md').guests, ['Grover Ingle']);
  assert.deepEqual(people('77.md').guests, ['Karlo Wren']);
  assert.deepEqual(people('300.md').guests, []);
  assert.deepEqual(people('107.md').guests, []);
  assert.deepEqual(people('154.md').guests, []);
  assert.deepEqual(people('talk.md').guests, ['Rahat Khan']);
  assert.deepEqual(people('390.md').guests, []);
  assert.deepEqual(people('391.md').guests, []);
  assert.deepEqual(people('cuke.md').guests, ['Jason Light', 'Jorge Diaz']);
  assert.deepEqual(people('docker.md').guests, []);
});

test('a solo episode’s host by the account its download lives under, or a tag, when that person hosts elsewhere', async () => {
  const people = await catalogue({
    ...regulars('rogues', 2011, '### Panel\n- Carl Max Wood\n- Jason Swan\n\n### Guests\n- Jesse Storm'),
    'tmtc/49.md': episode(
      'tmtc',
      '2011-05-01',
      'This week I go into hiring developers. [Download this episode](https://traffic.libsyn.example/carlmaxwood/TMTC49.mp3)',
      'TMTC 49 - Hiring Developers',
    ),
    // Tagged with the host's name, as devchat.tv tags its people.
    'tmtc/bonus.md':
      '---\ntitle: The Guide to Your Dream Job\ndate: 2011-05-03\npodcast: tmtc\ntags:\n  - Carl Max Wood\n---\nThe guide is on sale.\n',
    // A guest's account, or an account that is no one's name, says nothing of who hosted.
    'tmtc/50.md': episode(
      'tmtc',
      '2011-05-02',
      'This week I read some code: [storm](https://github.example/jessestorm/storm), [rails](https://github.example/rails/rails).',
      'TMTC 50 - Reading Code',
    ),
  });
  assert.deepEqual(people('49.md'), { panel: ['Carl Max Wood'], guests: [] });
  assert.deepEqual(people('bonus.md'), { panel: ['Carl Max Wood'], guests: [] });
  assert.deepEqual(people('50.md'), { panel: [], guests: [] });
});

test('someone given a first name alone is on the episode by it; not a slip for a regular, nor a cut-off label', async () => {
  const people = await catalogue({
    ...regulars('angular', 2015, '### Panel\n- Ward Bellamy\n- Lukas Rubble\n- Carl Max Wood'),
    // Two Patricks and two Lucases elsewhere: both are first names of the catalogue's people.
    ...regulars('other', 2015, '### Guests\n- Patrick One\n- Patrick Two\n- Lucas Reyes\n- Lucas Ng'),
    'angular/live.md': episode(
      'angular',
      '2015-05-07',
      '### Picks\n\n[A tool](https://a.example) (Ward)[A book](https://b.example) (Patrick)[A talk](https://c.example) (Lucas)',
      'AiA 063 Live Q&A',
    ),
    'angular/cut.md': episode('angular', '2015-05-08', transcript('**CARL:** Welcome to the show. **WARD:** Hi. **ATRICK:** Hello.')),
    // A written list that leaves out a regular who gave picks, not one who only said a word before the show ("LUKAS:");
    // "JOSH:" is the title's Joshua, not a Josh of his own.
    'angular/list.md': episode(
      'angular',
      '2015-05-09',
      `### Panel\n- Carl Max Wood\n\n### Picks\n\n[A tool](https://a.example) (Ward)${transcript('**LUKAS:** Small talk? **CARL:** Welcome. **JOSH:** Hi.')}`,
      'AiA 064 Upgrading with Joshua Woods',
    ),
  });
  assert.deepEqual(people('live.md').panel, ['Ward Bellamy', 'Patrick']);
  assert.deepEqual(people('cut.md').panel, ['Carl Max Wood', 'Ward Bellamy']);
  assert.deepEqual(people('list.md').panel, ['Carl Max Wood', 'Ward Bellamy']);
});

test('"and I’m Carl Max Wood" ends a panel list; "Carl is at CES" is the network’s one Carl', async () => {
  const people = await catalogue({
    ...regulars('alpha', 2017, '### Panel\n- Carl Max Wood\n- Joe Eamon'),
    ...regulars('beta', 2018, '### Panel\n- Carl Max Wood'),
    'rogues/312.md': episode(
      'rogues',
      '2017-06-01',
      'On our panel we’ve got Dave Carmody, Bryan Hogg and I’m Carl Max Wood. We talk WTFs.',
    ),
    'revenue/ces.md': episode('revenue', '2018-04-01', 'Carl is at CES 2018 and talks to Lapscreen about their portable monitors.'),
  });
  assert.deepEqual(people('312.md').panel, ['Dave Carmody', 'Bryan Hogg', 'Carl Max Wood']);
  assert.deepEqual(people('ces.md').panel, ['Carl Max Wood']);
});

test('a title’s guest whose last name the notes misspell; a guest under an initial in the list and without it aloud', async () => {
  const people = await catalogue({
    ...regulars('freelancers', 2016, '### Panel\n- Carl Max Wood\n- Eric Dane'),
    'freelancers/202.md': episode(
      'freelancers',
      '2016-05-19',
      'In this episode, Carl interviews [Anders Thue Pederson](https://twitter.example/anders) of TimeBlock.',
      '202 FS Live from MicroConf: Managing a Team with Anders Thue Pedersen',
    ),
    'freelancers/051.md': episode(
      'freelancers',
      '2016-06-01',
      `### Panel\n- E. Scott Sweeney\n- Eric Dane\n- Carl Max Wood${transcript(
        '**CARL:** Welcome to episode 51. This week on our panel we have Eric Dane. **ERIC:** Hi. **CARL:** I’m Carl Max Wood. And this week we have a special guest, Scott Sweeney. **SCOTT:** Hello.',
      )}`,
      'FS 051 Bookkeeping',
    ),
  });
  assert.deepEqual(people('202.md').guests, ['Anders Thue Pedersen']);
  // One person, once, a guest, under the fuller name: the list wrote "E. Scott Sweeney", the roll call a guest.
  assert.deepEqual(people('051.md'), { panel: ['Eric Dane', 'Carl Max Wood'], guests: ['E. Scott Sweeney'] });
});

test('one person twice on an episode, a slip or an initial apart; a picker a slip away from the podcast’s own', async () => {
  const people = await catalogue({
    ...regulars('jabber', 2014, '### Panel\n- Carl Max Wood\n- Jamie Dance'),
    // "Erik Byrn" in the list, "Erik Bryn" the roll call's special guest; "Mike G." and the guest Mike Grabowski.
    'jabber/111.md': episode(
      'jabber',
      '2014-05-01',
      `### Panel\n- Erik Byrn\n- Jamie Dance\n- Carl Max Wood${transcript(
        '**CARL:** Welcome to episode 111. On our panel, we have Jamie Dance. **JAMIE:** Hi. **CARL:** I’m Carl Max Wood. We have a special guest and that’s Erik Bryn. **ERIK:** Hello.',
      )}`,
      'JSJ 111 The Ember.js Project with Erik Bryn',
    ),
    'jabber/112.md': episode('jabber', '2014-05-02', 'Panel Jamie Dance Mike G. Guests: Mike Grabowski of Callstack', 'JSJ 112 Work'),
    // "**Carl Max Woods**" above his picks.
    'jabber/113.md': episode(
      'jabber',
      '2014-05-03',
      'A story.\n\n## Picks\n\n**Carl Max Woods**\n\n- [A tool](https://t.example)',
      'JSJ 113 Hal Ford',
    ),
  });
  assert.deepEqual(people('111.md'), { panel: ['Jamie Dance', 'Carl Max Wood'], guests: ['Erik Bryn'] });
  assert.deepEqual(people('112.md'), { panel: ['Jamie Dance'], guests: ['Mike Grabowski'] });
  assert.deepEqual(people('113.md').panel, ['Carl Max Wood']);
});

test('a panelist two letters off the catalogue’s spelling, when the episode’s tags or picks spell it so', async () => {
  const people = await catalogue({
    ...regulars('rogues', 2019, '### Panel\n- Dave Kimura\n- Nate Hopper'),
    // The list says "Dave Kumira"; the tags and every other file "Dave Kimura".
    'rogues/424.md': `---\ntitle: RR 424 Docs\ndate: 2019-08-06\npodcast: rogues\ntags: [Dave Kimura]\n---\n### Panel\n- Dave Kumira\n- Nate Hopper\n`,
    // Without the episode writing it, two letters are two people: Dave Kamera is someone else.
    'rogues/425.md': episode('rogues', '2019-08-13', '### Panel\n- Dave Kamera\n- Nate Hopper'),
    // Both on one episode, the regular and a guest two letters off: two people.
    'rogues/426.md': `---\ntitle: RR 426 Names\ndate: 2019-08-20\npodcast: rogues\ntags: [Dave Kimura]\n---\n### Panel\n- Dave Kimura\n- Nate Hopper\n\n### Guests\n- Dave Kamera\n`,
  });
  assert.deepEqual(people('424.md').panel, ['Dave Kimura', 'Nate Hopper']);
  assert.deepEqual(people('425.md').panel, ['Dave Kamera', 'Nate Hopper']);
  assert.deepEqual(people('426.md'), { panel: ['Dave Kimura', 'Nate Hopper'], guests: ['Dave Kamera'] });
});

test('a first name with two letters swapped is a slip for the catalogue’s spelling; a letter more is another way to write it', async () => {
  const people = await catalogue({
    ...regulars('freelancers', 2018, '### Panel\n- Reuben Lerman\n- Phil Morgen\n- Matty Strand'),
    'freelancers/255.md': episode(
      'freelancers',
      '2018-04-01',
      'Phil Morgen and Rueben Lerman lead this week’s podcast.\n\n### Panel\n- Phil Morgen\n- Rueben Lerman',
    ),
    'freelancers/256.md': episode('freelancers', '2018-04-08', '### Panel\n- Phil Morgen\n- Matt Strand'),
  });
  assert.deepEqual(people('255.md').panel, ['Phil Morgen', 'Reuben Lerman']);
  assert.deepEqual(people('256.md').panel, ['Phil Morgen', 'Matt Strand']);
});

test('a label a letter off the one regular of the time, who gave picks under it, is that regular; not a slip for someone named', async () => {
  const people = await catalogue({
    ...regulars('phreaks', 2017, '### Panel\n- Jamie Zubin\n- Erica Sadler\n- David Brody'),
    // Erik Holm, once a guest, is no regular: "ERIKA:" is Erica.
    'phreaks/holm.md': episode('phreaks', '2017-03-10', '### Guests\n- Erik Holm'),
    'phreaks/ronge.md': episode(
      'phreaks',
      '2017-04-13',
      `Jamie and Erika discuss apps with Matt Ronge.\n\n## Picks\n\nErika: [A book](https://b.example) Jamie: [A site](https://s.example)${transcript('**JAMIE:** Welcome. **ERIKA:** Hi there. **MATT:** Hello.')}`,
      'When Your App Becomes a Company with Matt Ronge',
    ),
    // "DAVIS:" speaks, but gives no picks: no slip is taken for the regular David on that alone.
    'phreaks/davis.md': episode('phreaks', '2017-04-27', transcript('**JAMIE:** Welcome to episode 6. **DAVIS:** Thanks for having me.')),
    // "AVID:" is a slip for the Avdi the roll call named, not for the regular David.
    'phreaks/avid.md': episode(
      'phreaks',
      '2017-04-20',
      transcript(
        '**JAMIE:** Welcome to episode 5. On our panel we have Avdi Grimes. **AVDI:** Hello. **JAMIE:** I’m Jamie Zubin. **AVID:** Right.',
      ),
    ),
  });
  assert.ok(people('ronge.md').panel.includes('Erica Sadler'), JSON.stringify(people('ronge.md')));
  assert.deepEqual([...people('avid.md').panel].sort(), ['Avdi Grimes', 'Jamie Zubin']);
  assert.ok(!people('davis.md').panel.includes('David Brody'), JSON.stringify(people('davis.md')));
});

test('a last name that lost its first letter is a slip; a slip makes no first name of a run two people', async () => {
  const people = await catalogue({
    ...regulars('phreaks', 2017, '### Panel\n- Jamie Zubin\n- Erica Sadler\n- Gus Rambeau'),
    'phreaks/slip.md': episode('phreaks', '2017-04-01', '### Panel\n- Jamie Ubin\n- Erica Sadler'),
    // "Jamie" in a run of first names is Jamie Zubin, though "Jamie Ubin" is written once.
    'phreaks/run.md': episode('phreaks', '2017-04-08', 'Panel: Gus Jamie Erica In this episode the panel talks about apps.'),
  });
  assert.deepEqual(people('slip.md').panel, ['Jamie Zubin', 'Erica Sadler']);
  assert.deepEqual(people('run.md').panel, ['Gus Rambeau', 'Jamie Zubin', 'Erica Sadler']);
});

test('first names alone the regulars of the time settle: a run of them after "Panel:", the subjects of "explore"', async () => {
  const people = await catalogue({
    ...regulars('freelancers', 2019, '### Panel\n- Philip Morgan\n- Jonathan Stark\n- Curtis McHale'),
    'freelancers/256.md': episode('freelancers', '2019-05-01', 'Philip, Jonathan, and Curtis explore how you set boundaries.'),
    'freelancers/257.md': episode('freelancers', '2019-05-08', 'Panel: Philip Jonathan Curtis In this episode the panel tackles pricing.'),
  });
  const trio = ['Curtis McHale', 'Jonathan Stark', 'Philip Morgan'];
  assert.deepEqual([...people('256.md').panel].sort(), trio);
  assert.deepEqual([...people('257.md').panel].sort(), trio);
});
