import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { personName } from '../../src/episode/people.ts';

// People written where old show notes put them (tests/fixtures/sites/notes-people, shapes of the devchat.tv and
// Rustacean Station sites): in the title, in a panel line that lost its list markup, before brackets of links.
const dir = fileURLToPath(new URL('../fixtures/sites/notes-people/', import.meta.url));

/** Who an episode of the catalogue names, by its title, as the facets show them (personName). */
function peopleIn(catalogue: Awaited<ReturnType<typeof readEpisodes>>) {
  return (title: string) => {
    const episode = catalogue.episodes.find((item) => item.episode.title === title)?.episode;
    assert.ok(episode, title);
    return { panel: episode.panel.map(personName), guests: episode.guests };
  };
}

test('people from titles, runs of names and bracketed lists; topics after a panel are not people', async () => {
  const catalogue = await readEpisodes(dir);
  assert.deepEqual(
    catalogue.failures.map((f) => f.message),
    [],
  );
  const people = peopleIn(catalogue);
  assert.deepEqual(people('AiA 100 Testing Components'), {
    panel: ['Charles Max Wood', 'Ward Bellamy', 'Alys Nicoll'],
    guests: ['Matt Hernando', 'Amanda Silvera'],
  });
  // "Charles Max Wood" is three words only because another episode lists him apart.
  assert.deepEqual(people('AiA 168 Conferences'), {
    panel: ['Ward Bellamy', 'Alys Nicoll', 'Charles Max Wood'],
    guests: ['Peter Bacon Darwin', 'Megan Kingdom-Davies'],
  });
  assert.deepEqual(people('FS 281 One Obvious Path'), { panel: ['Kai Dawson', 'Jonah Stark'], guests: [] });
  assert.deepEqual(people('The Freelancers Show 027 Fixed Bids'), {
    panel: ['Charles Max Wood', 'Evan Lightly', 'Jacob Thorne'],
    guests: [],
  });
  assert.deepEqual(people('107 RR Impostor Syndrome with Tina Chevalier'), { panel: [], guests: ['Tina Chevalier'] });
  // A technology in the title is no guest: it is the episode's tag.
  assert.deepEqual(people('Building Apps with React Native'), { panel: [], guests: [] });
});

test('people where the devchat.tv and Rustacean Station notes also write them; a guest speaking in a timeline is nobody new', async () => {
  const catalogue = await readEpisodes(dir);
  const people = peopleIn(catalogue);
  // "Panel:" lost before the host's name.
  assert.deepEqual(people('MAS 019: Rowan Pike'), { panel: ['Dale Quinn'], guests: ['Rowan Pike'] });
  assert.deepEqual(people('MAS 106: Nora Vance'), { panel: ['Ivo Brandt'], guests: ['Nora Vance'] });
  // "Panel" without its colon, after the show's own header line; "of State of JS" describes the guest.
  assert.deepEqual(people('43 The State of JavaScript and React Native with Sam Grey'), {
    panel: ['Ann Dabney', 'Pete Pierce'],
    guests: ['Sam Grey'],
  });
  // Named only in a sentence of the summary; a role after the guest's name is no person.
  assert.deepEqual(people('AiA 154: Angular Animations'), {
    panel: ['Wanda Bell', 'Joe Emery', 'Carl Max Wood'],
    guests: ['Gil Fenner'],
  });
  // The people line right under the last sponsor, which Markdown reads as part of that list item.
  assert.deepEqual(people('MJS 094: Lena Ruiz'), { panel: ['Dale Quinn'], guests: ['Lena Ruiz'] });
  // There too, with the names as links glued to each other: "[Nadia Dobbs](…)[Gant Lambert](…)" is two people.
  assert.deepEqual(people('React Native Open Source feat. Chris Nakamura'), {
    panel: ['Nadia Dobbs', 'Gant Lambert'],
    guests: ['Chris Nakamura'],
  });
  // The panel as a paragraph under **Panel:**; "12:26 - Guest: Conventional Commits." is what the guest said.
  assert.deepEqual(people('VoV 032: “Recursion with Vue” with Kyle Hammond and Alex Reyes'), {
    panel: ['Dale Quinn'],
    guests: ['Kyle Hammond', 'Alex Reyes'],
  });
  // A hyphenated name in the title is one name; the full stop ending "Hosts: …" is not part of the last one.
  // The title and the notes spell the guest differently ("van den", "van der"): no guest rather than "Bram van".
  assert.deepEqual(people('A Three-Year Rust Journey, with Bram van den Bos'), { panel: ['Lea Pauli'], guests: [] });
  assert.deepEqual(people('Desktop Apps 2.0 with Dana Thompson-Yvette'), {
    panel: ['Tim Mackay', 'Sean Chu', 'Allen Wyatt'],
    guests: ['Dana Thompson-Yvette'],
  });
});

test("a title's guest whom the notes call by first name, guests linked to their own accounts; a technology, a misspelt panelist or half a pair is no guest", async () => {
  const catalogue = await readEpisodes(dir);
  const people = peopleIn(catalogue);
  // "Ada is a developer … She organizes": the title's "McKenna" has a capital inside, as "McMillan" does.
  assert.deepEqual(people('RR 330: Pairing Remotely with Ada McKenna'), { panel: [], guests: ['Ada McKenna'] });
  // "Angular is a framework … It ships": no one.
  assert.deepEqual(people('AiA 301: Forms with Angular Material'), { panel: [], guests: [] });
  // "Mira talks" is the panel's Mira Kovács, whom the title spells "Mira Kovac".
  assert.deepEqual(people('169 RR Version Managers with Mira Kovac'), { panel: ['Mira Kovács', 'Dale Quinn'], guests: [] });
  // The notes speak of Ivan alone: not Ivan without Pavel.
  assert.notDeepEqual(people('Proxies with Ivan Sokolov and Pavel Orlov').guests, ['Ivan Sokolov']);
  // Linked to their own accounts in the first paragraph; a studio's site, a project on GitHub and a later paragraph's
  // contact are no one.
  assert.deepEqual(people('RustFest Interviews Triple Feature: Game Engines; Async Runtimes; and Lock-free Queues'), {
    panel: [],
    guests: ['Jo Harlan', 'Ravi Menon', 'Ola Berg'],
  });
  // "Dale Quinn features My JS Story …": the host.
  assert.deepEqual(people('MJS 130 Jo Park').panel, ['Dale Quinn']);
  // The list left out AJ, whom the roll call names, who answers, and whom other episodes name.
  assert.deepEqual(people('150 JSJ Build Tools'), { panel: ['Dave Smithers', 'Carl Max Wood', 'AJ O’Nealy'], guests: [] });
});

// devchat.tv's older episodes name their people only in the transcript pasted into the notes: the host reads the panel
// out and each person answers under their first name. About 270 of its 3,129 files; shapes in notes-people/*-transcript*.
test('people a pasted transcript introduces: each named person answers; a name nobody answers, or a nickname, is nobody', async () => {
  const catalogue = await readEpisodes(dir);
  const people = peopleIn(catalogue);
  // The roll call, the host naming himself ("I'm Charles Maxwood", spelt as the other episodes spell him) and a
  // special guest. Bo Diaz never answers (on mute); the guest's second spelling of himself and a name Ward only
  // mentions ("Peter Bacon Darwin", a guest of another episode) are not people of this one.
  assert.deepEqual(people('AiA 045 Forms'), {
    panel: ['Ward Bellamy', 'Alys Nicoll', 'Charles Max Wood'],
    guests: ['Tomas Brandt'],
  });
  // Labels glued to the turn before and to a time ("0:05Jaim:", "Madison.Andy:"). "Pete Hodgkin" is answered by
  // "Peter", someone else's label; the host's joke name "Jim Zubek" is written by no other episode.
  assert.deepEqual(people('076 iPhreaks Show - Finding Jobs'), { panel: ['Andy Madison'], guests: [] });
  // Rosa answers and the title names her: the guest. DALE is the one Dale of this catalogue's regulars (three episodes
  // name Dale Quinn); CHUCK is not Charles Max Wood, whom three episodes also name: a nickname is not matched.
  assert.deepEqual(people('MJS 120 Rosa Lind'), { panel: ['Dale Quinn'], guests: ['Rosa Lind'] });
  // The title names the guest beside the episode's code alone, the notes speak of him as Andy, and an Andy answered
  // in another episode's roll call. "Angular Forms" has the same shape, but no Angular ever answered.
  assert.deepEqual(people('MJS 121 Andy Kessler'), { panel: [], guests: ['Andy Kessler'] });
  assert.deepEqual(people('AiA 146: Angular Forms'), { panel: [], guests: [] });
  const everyone = catalogue.episodes.flatMap((item) => [...item.episode.panel, ...item.episode.guests]);
  for (const nobody of ['Bo Diaz', 'Tomas Brant', 'Charles Maxwood', 'Pete Hodgkin', 'Jim Zubek', 'Jaim Zubek'])
    assert.ok(!everyone.includes(nobody), `${nobody} is nobody's person`);
});

test('a guest line copied from another episode gives way to the guest the title names and who gives picks; a one-name guest; an initial', async () => {
  const people = peopleIn(await readEpisodes(dir));
  // "Special Guest: Dan Meyers", written nowhere else, who gives no picks; the title's Borislav gives picks.
  assert.deepEqual(people('RR 388: RuboCop (and Emacs) with Borislav Petkov'), {
    panel: ['Dana Kimball', 'Carl Max Wood', 'Nat Hobbs'],
    guests: ['Borislav Petkov'],
  });
  // "with Sorma" and "Sorma:" in the picks.
  assert.deepEqual(people('JSJ 261 HTTP 2 with Sorma').guests, ['Sorma']);
  // "Charles:" gave picks, but the panel's Charles as likely as the title's: the listed guest stays.
  assert.deepEqual(people('RR 301: JRuby 9000 with Charles Nutterby').guests, ['Tom Enebon']);
  // "with Gui" and "Gui:" in the picks: the listed Guilherme Rambeau, not a second guest.
  assert.deepEqual(people('iPS 256: AirBuddy with Gui').guests, ['Guilherme Rambeau']);
  // The title writes an initial without its full stop, the notes with it: the whole name, not "Carmen D".
  assert.deepEqual(people('278 RR Consequences of an Insightful Algorithm with Carmen D Zola').guests, ['Carmen D. Zola']);
});
