import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { testdir } from '../support/testdir.ts';

// Sites that keep a file per person name people in episodes by that file's id (tests/fixtures/sites/README.md).
const sites = fileURLToPath(new URL('../fixtures/sites/', import.meta.url));
const people = (catalogue: Awaited<ReturnType<typeof readEpisodes>>, title: string) => {
  const episode = catalogue.episodes.find((item) => item.episode.title === title)?.episode;
  assert.ok(episode, title);
  return { panel: episode.panel, guests: episode.guests };
};

test('Hugo: guests and hosts by id get the names of content/guest/, content/host/ and data/hosts/ files, found on their own', async () => {
  const catalogue = await readEpisodes(path.join(sites, 'hugo-people-ids/content/episode'));
  assert.deepEqual(
    catalogue.failures.map((f) => f.message),
    [],
  );
  // `bpatel2` is Bina's second page, which the site never wrote: her first (`bpatel.md`) names her.
  assert.deepEqual(people(catalogue, 'Incident Review Without Blame'), {
    panel: ['Matty Stone', 'Jess Kerr'],
    guests: ['Ana Zwick', 'Bina Patel'],
  });
  // An id no file has is kept as written and named in a warning; mstone.yml, which does not parse, is not needed.
  assert.deepEqual(people(catalogue, 'A Guest With No Page'), { panel: ['Matty Stone'], guests: ['nopage'] });
  assert.equal(catalogue.warnings.length, 1, catalogue.warnings.join('\n'));
  assert.match(catalogue.warnings[0] ?? '', /misspelt-guest\.md: guests: "nopage" is not the id of any person file/);
});

test('Jekyll: ids from one _data/guests.yml (id → name or → {name}); names written as names stay', async () => {
  const catalogue = await readEpisodes(path.join(sites, 'jekyll-people-data/_episodes'));
  assert.deepEqual(people(catalogue, 'Async Runtimes'), { panel: ['Ben Stringer'], guests: ['Lee Chen', 'Ana Ortiz'] });
  assert.deepEqual(catalogue.warnings, []);
});

test('podgrep.yml: people_folders and a people: map, tried in that order; a folder outside the site is refused by name', async () => {
  const site = await testdir({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'content/episodes/podgrep.yml': 'people_folders: [../../crew]\npeople:\n  zed: Zed Shore\n',
    'content/episodes/one.md': '---\ntitle: One\nhosts: [ann, zed]\nguests: "bo"\n---\nNotes.\n',
    'crew/ann.json': '{ "name": "Ann Lee" }',
    'crew/bo/index.md': '---\ntitle: Bo Diaz\n---\n',
    // Found on its own without people_folders; with it, only the folders it names are read.
    'content/guests/bo.md': '---\ntitle: Wrong Bo\n---\n',
  });
  const catalogue = await readEpisodes(path.join(site, 'content/episodes'));
  assert.deepEqual(people(catalogue, 'One'), { panel: ['Ann Lee', 'Zed Shore'], guests: ['Bo Diaz'] });

  const outside = await testdir({
    'site/.git/HEAD': '',
    'site/episodes/podgrep.yml': 'people_folders: ../../elsewhere\n',
    'site/episodes/one.md': '---\ntitle: One\n---\n',
    'elsewhere/x.md': '---\ntitle: X\n---\n',
  });
  await assert.rejects(
    readEpisodes(path.join(outside, 'site/episodes')),
    /podgrep\.yml: people_folders: \.\.\/\.\.\/elsewhere cannot be read: it is outside the site/,
  );
});

test('podgrep.yml: people must map ids to names', async () => {
  const dir = await testdir({ 'podgrep.yml': 'people: [ann]\n', 'one.md': '---\ntitle: One\n---\n' });
  await assert.rejects(readEpisodes(dir), /people: expected a mapping of person id to name/);
});

test('podgrep.yml: hosts the site names only in its templates are the panel of each episode of their podcast that names none', async () => {
  const dir = await testdir({
    'podgrep.yml': 'hosts:\n  syntax: [Wes Bos, Scott Tolinski]\n  other: Ann Lee\n',
    'one.md': '---\ntitle: One\npodcast: syntax\nguest: Kent C. Dodds\n---\nNotes.\n',
    // An episode that names its own hosts keeps them: the other regular host was away that week.
    'two.md': '---\ntitle: Two\npodcast: syntax\nhosts: [wes bos]\n---\nNotes.\n',
    'three.md': '---\ntitle: Three\npodcast: unrelated\n---\nNotes.\n',
  });
  const catalogue = await readEpisodes(dir);
  assert.deepEqual(people(catalogue, 'One'), { panel: ['Wes Bos', 'Scott Tolinski'], guests: ['Kent C. Dodds'] });
  assert.deepEqual(people(catalogue, 'Two'), { panel: ['wes bos'], guests: [] });
  assert.deepEqual(people(catalogue, 'Three'), { panel: [], guests: [] });

  // Syntax's notes open with the guest talking ("Yagiz Nizipli talks about…"): the guest, not a host the notes name.
  const talks = await testdir({
    'podgrep.yml': 'hosts:\n  syntax: [Wes Bos, Scott Tolinski]\n',
    'four.md':
      '---\ntitle: JS Perf Wins with Ann Lee\npodcast: syntax\nguest:\n  name: Ann Lee\n  github: annlee\n---\nAnn Lee talks about her work on Node.js and how she finds slow code.\n',
  });
  assert.deepEqual(people(await readEpisodes(talks), 'JS Perf Wins with Ann Lee'), {
    panel: ['Wes Bos', 'Scott Tolinski'],
    guests: ['Ann Lee'],
  });

  const everyone = await testdir({ 'podgrep.yml': 'hosts: [Ann Lee]\n', 'one.md': '---\ntitle: One\n---\nNotes.\n' });
  assert.deepEqual(people(await readEpisodes(everyone), 'One'), { panel: ['Ann Lee'], guests: [] });

  const wrong = await testdir({ 'podgrep.yml': 'hosts:\n  syntax: [1, 2]\n', 'one.md': '---\ntitle: One\n---\n' });
  await assert.rejects(readEpisodes(wrong), /hosts: expected a list of names, or a mapping of podcast to names/);
});

// Syntax writes a guest who goes by a handle as `guest: { name: bdougie }`. Its podgrep.yml maps its hosts' ids, so
// person ids are in play; a value under `name:` is still a name, and no person file is missing for it.
test('a guest written under name: is a name, not an id: no "not the id of any person file" warning for it', async () => {
  const dir = await testdir({
    'podgrep.yml': 'people:\n  wesbos: Wes Bos\n',
    'handle.md': '---\ntitle: Supper Club With bdougie\nhosts: [wesbos]\nguest:\n  name: bdougie\n  github: bdougie\n---\nNotes.\n',
    'typo.md': '---\ntitle: A Typo\nhosts: [wesbso]\nguests: [{ name: Ann Lee }]\n---\nNotes.\n',
  });
  const catalogue = await readEpisodes(dir);
  assert.deepEqual(people(catalogue, 'Supper Club With bdougie'), { panel: ['Wes Bos'], guests: ['bdougie'] });
  assert.deepEqual(people(catalogue, 'A Typo'), { panel: ['wesbso'], guests: ['Ann Lee'] });
  // The misspelt id still warns: only what the file wrote as a name is spared.
  assert.equal(catalogue.warnings.length, 1, catalogue.warnings.join('\n'));
  assert.match(catalogue.warnings[0] ?? '', /typo\.md: hosts: "wesbso" is not the id of any person file/);
});

test('an id no person file has: a file one letter off when the episode names that person, else a name the episode writes that the id spells', async () => {
  const site = await testdir({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'content/guest/smurawski.md': '+++\nTitle = "Steven Murawski"\n+++\n',
    'content/guest/rlopez.md': '+++\nTitle = "Rita Lopez"\n+++\n',
    // The site's own slips: the file's id typed with two letters swapped, and the name misspelt the same way.
    'content/episode/drift.md':
      '+++\ntitle = "Configuration Drift"\nDescription = "Steven Murawksi joins Matt."\nguests = ["smurawksi"]\n+++\nNotes.\n',
    // No file at all: the title names him.
    'content/episode/gitlab.md': '+++\ntitle = "Getting Down With GitLab with Job van der Voort"\nguests = ["jvandervoort"]\n+++\nNotes.\n',
    // A letter off rlopez.md, but nothing in the episode names Rita Lopez: not guessed.
    'content/episode/other.md': '+++\ntitle = "Something Else"\nguests = ["rlopex"]\n+++\nWe talk to Sam Ruiz.\n',
  });
  const catalogue = await readEpisodes(path.join(site, 'content/episode'));
  assert.deepEqual(people(catalogue, 'Configuration Drift').guests, ['Steven Murawski']);
  assert.deepEqual(people(catalogue, 'Getting Down With GitLab with Job van der Voort').guests, ['Job van der Voort']);
  assert.deepEqual(people(catalogue, 'Something Else').guests, ['rlopex']);
  const warnings = catalogue.warnings.join('\n');
  assert.match(
    warnings,
    /drift\.md: guests: "smurawksi" is not the id of any person file; read as "smurawski", a letter off: Steven Murawski/,
  );
  assert.match(warnings, /gitlab\.md: guests: "jvandervoort" is not the id of any person file; read as the name the episode writes/);
  assert.match(warnings, /other\.md: guests: "rlopex" is not the id of any person file; it is shown as written/);
});

test('an unknown id: the name the episode spells wins over a file a letter off; a file whose person the episode does not name is not guessed', async () => {
  const site = await testdir({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'content/guest/jsmith.md': '+++\nTitle = "Jane Smith"\n+++\n',
    'content/guest/chris.md': '+++\nTitle = "Chris Short"\n+++\n',
    'content/episode/bob.md': '+++\ntitle = "Observability"\nguests = ["bsmith"]\n+++\nMatt talks with Bob Smith of Honeycomb.\n',
    'content/episode/k8s.md': '+++\ntitle = "Kubernetes turns ten"\nguests = ["chrisa"]\n+++\nMatt talks with Chris Aniszczyk.\n',
  });
  const catalogue = await readEpisodes(path.join(site, 'content/episode'));
  assert.deepEqual(people(catalogue, 'Observability').guests, ['Bob Smith']);
  assert.deepEqual(people(catalogue, 'Kubernetes turns ten').guests, ['chrisa']);
});
