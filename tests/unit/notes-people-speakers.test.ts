import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue, episode, regulars, transcript } from '../support/people-catalogue.ts';

// Speakers and pick givers no list names, settled by the rest of the catalogue (shapes of devchat.tv's notes, every name
// made up).

test('"Joe:" who speaks later in a transcript of mixed-case labels is the regular Joe of the time; one "Nora:" is not Nora', async () => {
  const people = await catalogue({
    ...regulars('jabber', 2016, '### Panel\n- Amy Knightly\n- Carl Max Wood\n- Joe Ames\n- Nora Tate'),
    'jabber/237.md': episode(
      'jabber',
      '2016-04-01',
      // Joe speaks only after the opening's thirty turns.
      transcript(
        'Carl: Welcome to episode 237. This week on our panel we have Amy Knightly.Amy: Hello.Carl: I’m Carl Max Wood. ' +
          'We have a special guest, Tracy Leigh. Tracy: Hi. ' +
          'Carl: Tell us about CLIs. Tracy: They are great. '.repeat(16) +
          'Joe: There’s no doubt about that. Tracy: Right. Joe: That stuff is encoded into the CLI, right? Nora: the rest was cut.',
      ),
    ),
  });
  assert.deepEqual(people('237.md'), { panel: ['Amy Knightly', 'Carl Max Wood', 'Joe Ames'], guests: ['Tracy Leigh'] });
});

test('who gave picks under a first name the podcast gives one person: a regular of before, or a guest of before the notes name', async () => {
  const people = await catalogue({
    ...regulars('rogues', 2015, '### Panel\n- Carl Max Wood\n- Jessie Kerrigan\n- Katrin Owens'),
    ...regulars('rogues', 2016, '### Panel\n- Carl Max Wood\n- Jessie Kerrigan\n- Aaron Pattison'),
    'rogues/ciro.md': episode('rogues', '2016-02-01', '### Panel\n- Carl Max Wood\n\n### Guests\n- Ciro Nunez'),
    // KATRIN speaks and gives picks, though the roll call never named her: a panelist of before, on the panel.
    'rogues/200.md': episode(
      'rogues',
      '2016-05-01',
      `## Picks\n\n[A novel](https://n.example) (Katrin)${transcript(
        '**CARL:** Welcome to episode 200. This week on our panel we have Jessie Kerrigan. **JESSIE:** Hi. **CARL:** I’m Carl ' +
          'Max Wood. **CARL:** We just had Katrin join us. **KATRIN:** Sorry, hi.',
      )}`,
    ),
    // "Ciro:" gives picks, and the notes name "Ciro Nunez": the guest of before.
    'rogues/141.md': episode(
      'rogues',
      '2016-05-08',
      'Today’s episode features migrating an app with Ciro Nunez.\n\n### Panel\n- Carl Max Wood\n- Aaron Pattison\n\n## Picks\n\nCarl: A cartoon Ciro: [A tutorial](https://t.example)',
    ),
    // "Jamie" over links, a first name alone in notes that never name her: not the podcast's one Jamie, a guest once.
    'rogues/jamie-before.md': episode('rogues', '2016-03-02', '### Guests\n- Jamie Wrightson'),
    'rogues/061.md': episode(
      'rogues',
      '2016-05-09',
      '### Panel\n- Carl Max Wood\n\n### Guests\n- Erik Dietz\n\n## Picks\n\nCarl: A cartoon Jamie: [A blog](https://b.example)',
    ),
    // "Ram:" beside Parashuram Anand is Parashuram, not the podcast's one Ram.
    'rogues/ram-before.md': episode('rogues', '2016-03-01', '### Guests\n- Ram Nadel'),
    'rogues/ram.md': episode(
      'rogues',
      '2016-05-15',
      '### Panel\n- Carl Max Wood\n\n### Guests\n- Parashuram Anand\n\n## Picks\n\nCarl: A cartoon Ram: [A tool](https://r.example)',
    ),
  });
  assert.ok(people('200.md').panel.includes('Katrin Owens'), JSON.stringify(people('200.md')));
  assert.deepEqual(people('141.md'), { panel: ['Carl Max Wood', 'Aaron Pattison'], guests: ['Ciro Nunez'] });
  assert.deepEqual(people('ram.md'), { panel: ['Carl Max Wood'], guests: ['Parashuram Anand'] });
  assert.deepEqual(people('061.md').guests, ['Erik Dietz']);
});

test('who answers "And Obie?" with "The one and only Obie Fernandez." says who they are; the host saying it names a talk’s speaker', async () => {
  const people = await catalogue({
    // Another episode's guest, whom the catalogue knows.
    'rogues/poodr.md': episode('rogues', '2011-06-01', '### Guests\n- Sandy Metz'),
    'rogues/015.md': episode(
      'rogues',
      '2011-08-16',
      transcript(
        '**JAMES:** This is our first ever live show. So I’m James Grey, and I’ll be the host today. Avdi, go ahead. ' +
          '**AVDI:** I am Avdi Grimes, and you are not. **JAMES:** And Obie? **OBIE:** The one and only Obie Fernand. I wrote ' +
          'a book. **JAMES:** All right. We loved the talk by the one and only Sandy Metz. **AVDI:** Yes.',
      ),
    ),
  });
  assert.deepEqual([...Object.values(people('015.md')).flat()].sort(), ['Avdi Grimes', 'James Grey', 'Obie Fernand']);
});

test('the notes’ subjects may end on one who goes by one name; not a first name after a word that is no name', async () => {
  const people = await catalogue({
    'phreaks/188.md': episode(
      'phreaks',
      '2016-01-01',
      'On episode 188 of iPhreaks, Jaim Zubin and Anastasia talk about iOS security. Anastasia recommends the guides.',
    ),
    // A company is no one: the notes never have Google speak.
    'phreaks/189.md': episode('phreaks', '2016-01-08', 'On episode 189 of iPhreaks, Jaim Zubin and Google talk about the Play store.'),
    'jabber/245.md': episode(
      'jabber',
      '2017-01-10',
      'This is another episode with your hosts Carl Max Wood and Amy Knightly. Today Amy and Chuck welcome Max Stoner to the show.',
    ),
  });
  assert.deepEqual(people('188.md').panel, ['Jaim Zubin', 'Anastasia']);
  assert.deepEqual(people('189.md').panel, ['Jaim Zubin']);
  assert.ok(!people('245.md').panel.includes('Chuck'), JSON.stringify(people('245.md')));
});

test('hosts a small show names by first name alone, episode after episode, are its panel by those names', async () => {
  const files: Record<string, string> = {};
  for (const [i, topic] of ['dark patterns', 'road signs', 'units of measurement'].entries())
    files[`unusual/00${i + 1}.md`] = episode('unusual', `2018-0${i + 1}-10`, `In this episode Andra &amp; Dov discuss ${topic}.`);
  // "CHUCK:" on every episode of a show that names no one in full is Chuck; "HUCK:", a letter off it, is no one.
  for (const day of [1, 2, 3, 4, 5])
    files[`rogues/0${day}.md`] = episode(
      'rogues',
      `2012-01-0${day}`,
      transcript(`**CHUCK:** Welcome. ${day <= 3 ? '**HUCK:** Yes.' : ''}`),
    );
  // The notes speak of them some other way: "Dov asks Andra …"; a "Dov Bowie" is someone else.
  files['unusual/021.md'] = episode('unusual', '2018-05-10', 'Dov asks Andra what should stay after the lockdown.');
  files['unusual/022.md'] = episode('unusual', '2018-05-17', 'We talk about music, and Dov Bowie’s records.');
  const people = await catalogue(files);
  assert.deepEqual(people('unusual/002.md').panel, ['Andra', 'Dov']);
  assert.deepEqual([...people('unusual/021.md').panel].sort(), ['Andra', 'Dov']);
  assert.deepEqual(people('unusual/022.md').panel, []);
  assert.deepEqual(people('rogues/01.md').panel, ['Chuck']);
});
