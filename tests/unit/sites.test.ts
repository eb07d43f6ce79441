import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';

// One folder per shape of real podcast site (tests/fixtures/sites/README.md): every episode file is read with the right
// title, date, audio, people, label and slug, and what is not an episode is skipped and counted, not failed.
const sites = fileURLToPath(new URL('../fixtures/sites/', import.meta.url));

type Expected = { title: string; date?: string; audio?: string; people?: string[]; label?: string; number?: number; duration?: number };

async function site(name: string, expected: Record<string, Expected>, skipped: number) {
  const catalogue = await readEpisodes(path.join(sites, name));
  assert.deepEqual(
    catalogue.failures.map((f) => f.message),
    [],
    'no file fails',
  );
  const bySlug = new Map(catalogue.episodes.map((item) => [item.episode.slug, item.episode]));
  assert.deepEqual([...bySlug.keys()].sort(), Object.keys(expected).sort());
  for (const [slug, want] of Object.entries(expected)) {
    const episode = bySlug.get(slug);
    assert.ok(episode, slug);
    assert.equal(episode.title, want.title, `${slug} title`);
    assert.equal(episode.date, want.date, `${slug} date`);
    assert.equal(episode.audioUrl, want.audio, `${slug} audio`);
    if (want.people) assert.deepEqual([...episode.panel, ...episode.guests].sort(), [...want.people].sort(), `${slug} people`);
    assert.equal(episode.label, want.label, `${slug} label`);
    if (want.number !== undefined || want.label) assert.equal(episode.episodeNumber, want.number, `${slug} number`);
    if (want.duration !== undefined) assert.equal(episode.durationSeconds, want.duration, `${slug} duration`);
  }
  assert.equal(catalogue.skipped.length, skipped, JSON.stringify(catalogue.skipped));
  return catalogue;
}

test('YAML, epoch-millisecond dates, audio under url, number, a guest object, file names with ? × ’ and spaces', async () => {
  const catalogue = await site(
    'epoch-ms-url',
    {
      'shows-001-react-tools': {
        title: 'React Tools',
        date: '2017-07-05',
        audio: 'https://media.example.com/FSI0000001.mp3',
        // "Wes:" and "Scott:" gave picks. Three episodes' notes have "Wes and Scott …" (a guest's too, "Wes and Scott are
        // joined by their first guest"), and the site names them in full once: first-name regulars, as written.
        people: ['Scott', 'Wes'],
        number: 1,
      },
      'shows-098-the-state-of-javascript-2018-s-survey': {
        title: 'The State of JavaScript 2018',
        date: '2018-12-05',
        audio: 'https://media.example.com/FSI0000098.mp3',
        people: ['Sasha Greenleaf', 'Scott', 'Wes'],
        number: 98,
      },
      'shows-412-two-guests': {
        title: 'Two Guests on CSS',
        date: '2022-01-01',
        audio: 'https://media.example.com/FSI0000412.mp3?source=feed',
        people: ['Ada Lindqvist', 'Bo Hansen', 'Wes Bos', 'Scott Tolinski'],
        number: 412,
      },
      // A site that writes its guests in `guest:` writes all of them there: "With Framer Motion" names a library,
      // and "Guest: [Infinite Orange](…)" under Shameless Plugs is the guest's own link.
      'shows-223-framer': {
        title: "Hasty Treat - Get Movin' With Framer Motion",
        date: '2020-01-20',
        audio: 'https://media.example.com/FSI0000223.mp3',
        // "Scott and Wes talk about …": the regulars by first name; no guest.
        people: ['Scott', 'Wes'],
        number: 223,
      },
      'shows-773-react-native-with-robin-hale': {
        title: 'React Native with Robin Hale',
        date: '2024-06-04',
        audio: 'https://media.example.com/FSI0000773.mp3',
        people: ['Robin Hale', 'Scott', 'Wes'],
        number: 773,
      },
    },
    1,
  );
  const react = catalogue.episodes.find((item) => item.episode.title === 'React Tools')?.episode;
  assert.deepEqual(
    react?.picks.map((pick) => `${pick.person}: ${pick.label}`),
    ['Wes: Parcel App', 'Scott: Fish shell'],
  );
  const survey = catalogue.episodes.find((item) => item.episode.episodeNumber === 98)?.episode;
  assert.match(survey?.otherNotes ?? '', /survey — results, surprises & what's next/);
});

test('Hugo: bare JSON and TOML front matter, podcast_file joined to audio_prefix, hosts and guests, _index.md skipped', async () => {
  const catalogue = await site(
    'hugo-json',
    {
      'episode-containers-in-production': {
        title: 'Containers in Production {with} "Priya" Raman',
        date: '2013-08-12',
        audio: 'https://cdn.example.com/media/devops-cast-episode012.mp3',
        people: ['Priya Raman', 'Matty Stone', 'Jess Kerr'],
        number: 12,
        duration: 39 * 60 + 31,
      },
      'episode-year-in-review': {
        title: '2021 Year-End Wrap-Up',
        date: '2021-12-31',
        audio: 'https://cdn.example.com/media/devops-cast-episode178.mp3',
        people: ['Ana Ortiz', 'Lee Chen', 'Jess Kerr'],
        number: 178,
        duration: 3600 + 27 * 60 + 2,
      },
    },
    2,
  );
  const containers = catalogue.episodes.find((item) => item.episode.episodeNumber === 12)?.episode;
  assert.equal(containers?.summary, 'Containers in production, with Priya Raman.');
  // Entities decoded, shortcodes dropped: no `&nbsp;`, `&#60;` or `{{<` reaches a snippet.
  assert.match(containers?.otherNotes ?? '', /Notes with an entity: time between <> the brackets/);
  assert.doesNotMatch(JSON.stringify(containers), /&nbsp;|&#60;|\{\{</);
  const review = catalogue.episodes.find((item) => item.episode.episodeNumber === 178)?.episode;
  assert.match(review?.otherNotes ?? '', /Moxie & friends, see here\./);
  assert.doesNotMatch(review?.otherNotes ?? '', /alert/);
});

test('sub-folders, file: for audio, a slug: field, YAML comments, two 0001 files, dot-folders and build output left out', async () => {
  await site(
    'subfolders',
    {
      // `slug: "001-ruma"` names the file within its folder, as Hugo reads a slug.
      'interviews-001-ruma': {
        title: 'Ruma and the Matrix Protocol: An Interview with Jim Quade',
        date: '2019-08-08',
        audio: 'https://audio.example.org/station/e001-ruma.mp3',
        duration: 3809,
      },
      'releases-2019-10-01-rust-1-38-0': {
        title: "What's New in Rust 1.38.0",
        date: '2019-10-01',
        audio: 'https://audio.example.org/station/rust-1.38.0.mp3',
        duration: 37 * 60 + 10,
      },
      'releases-0001': {
        title: 'Release notes, episode one',
        date: '2019-07-05',
        audio: 'https://audio.example.org/station/release-0001.mp3',
      },
      'interviews-0001': {
        title: 'Interview, episode one',
        date: '2019-07-06',
        audio: 'https://audio.example.org/station/interview-0001.mp3',
      },
      'twir-0001': {
        title: 'This Week in Rust - Issue 339',
        date: '2020-05-19',
        audio: 'https://audio.example.org/station/twir-2020-05-19.mp3',
        duration: 454,
      },
    },
    0,
  );
});

test('a Hugo network: one folder per show, JSON front matter, each show its own episode 580 by `slug:`, draft: false, hosts by id', async () => {
  const catalogue = await site(
    'hugo-network/content/show',
    {
      'code-hour-580': {
        title: 'Error Lake',
        date: '2024-07-24',
        audio: 'https://media.example.com/code-hour/580.mp3',
        people: ['Kim Fisher'],
        number: 580,
        duration: 3600 + 5 * 60 + 26,
      },
      'linux-lab-580': {
        title: 'Bus Broadcast Bash',
        date: '2024-09-15',
        audio: 'https://media.example.com/linux-lab/580.mp3',
        people: ['Kim Fisher', 'Ravi Menon', 'Dee Alvarez'],
        number: 580,
      },
      // `podcast_file: null`: an episode without audio is still searchable by its notes. Zed and chzb go by the name
      // their files give, which is their id.
      'linux-lab-581': { title: 'Lost Recording', date: '2024-09-22', people: ['Ravi Menon', 'Zed', 'chzb'], number: 581 },
    },
    3,
  );
  // `draft: false` on every episode is read, not warned about; each show is its own podcast.
  assert.deepEqual(catalogue.warnings, []);
  assert.deepEqual(catalogue.episodes.map((item) => item.episode.podcast).sort(), ['code-hour', 'linux-lab', 'linux-lab']);
});

test('Astro content collections: camelCase fields, people as references to person entries, a bare podcastFile, a Japanese date', async () => {
  const catalogue = await site(
    'astro-collections/src/content/episodes',
    {
      // `guests: [{ person: nvale, snapshot: nvale2 }]` refers to src/content/guests/nvale.yaml by id.
      'control-loops': {
        title: 'Pipelines as Control Loops with Nia Vale and Sam Brook',
        date: '2026-09-08',
        audio: 'https://media.example.com/devops-cast/devops-cast-episode207.mp3',
        people: ['Matt Stone', 'Nia Vale', 'Sam Brook'],
        number: 207,
        duration: 52 * 60 + 4,
      },
      'year-in-review': {
        title: '2019 Year-End Wrap-Up',
        date: '2019-12-23',
        audio: 'https://media.example.com/devops-cast/devops-cast-episode144.mp3',
        people: ['Joe Lane', 'Jess Kerr', 'Matt Stone'],
        number: 144,
      },
      // `src:` is the episode's page on the host, not its audio; the date is written the Japanese way.
      icons: { title: 'アイコンとブランディング', date: '2020-11-27', people: [] },
    },
    0,
  );
  assert.deepEqual(catalogue.warnings, []);
  // `transcript: control-loops` names an entry of the site's transcripts collection, not a file beside the episode.
  assert.deepEqual(catalogue.episodes.find((item) => item.episode.slug === 'control-loops')?.episode.transcripts, []);
});

test('an Eleventy network: labels for Bonus, 036A and JSJ 391, an unquoted 46:30, people from HTML and Markdown notes', async () => {
  const catalogue = await site(
    'eleventy-network',
    {
      'elixir-mix-emx-059-rust-and-elixir': {
        title: 'EMx 059: Using Rust to Scale Elixir with Matt Novak',
        date: '2019-07-09',
        audio: 'https://media.example.com/elixir-mix/EMx_059_Rust.mp3',
        people: ['Mark Erikson', 'Josh Adamson', 'Matt Novak'],
        number: 59,
        duration: 54 * 60 + 20,
      },
      'js-jabber-jsj-bonus-cloud-services': {
        title: 'JSJ BONUS: Cloud Services with Matthew Crane and Pete Cho',
        date: '2017-10-18',
        audio: 'https://media.example.com/js-jabber/JSJ_BONUS_Cloud_Services.mp3',
        people: ['Amy Knight', 'Charles Wood', 'Matthew Crane', 'Pete Cho'],
        label: 'Bonus',
        duration: 46 * 60 + 30,
      },
      'js-jabber-jsj-391-debugging': {
        title: 'JSJ 391 Debugging with Todd Garner',
        date: '2019-08-20',
        audio: 'https://media.example.com/js-jabber/JSJ_391.mp3',
        people: ["AJ O'Neal", 'Aimee Knight', 'Todd Garner'],
        label: 'JSJ 391',
        duration: 3723,
      },
      'ruby-rogues-rr-036a-testing': {
        title: '036A RR Book Club: Testing',
        date: '2012-01-04',
        audio: 'https://media.example.com/ruby-rogues/RR036A.mp3',
        people: ['David Brady', 'Avdi Grimm'],
        label: '036A',
        duration: 9999,
      },
    },
    0,
  );
  // Timestamped lines are chapters, their titles as text: no Markdown link, no `&nbsp;` in a chapter a search shows.
  const emx = catalogue.episodes.find((item) => item.episode.episodeNumber === 59)?.episode;
  assert.deepEqual(emx?.chapters, [
    { start: 92, title: 'Rustler' },
    { start: 310, title: 'Dirty schedulers & NIFs' },
  ]);
  const bonus = catalogue.episodes.find((item) => item.episode.label === 'Bonus')?.episode;
  assert.match(
    bonus?.otherNotes ?? '',
    /the panel discusses cloud services\. Further discussion covers when to use <> a server\. Spans go\./,
  );
  const jsj = catalogue.episodes.find((item) => item.episode.label === 'JSJ 391')?.episode;
  assert.deepEqual(jsj?.links, [{ label: 'Tracking & errors', url: 'https://tracking.example.com/' }]);
});

test('a date folded over lines, a page url that is not audio, RFC 2822 dates; LICENSE, a draft and plain notes skipped', async () => {
  const catalogue = await site(
    'multiline-dates',
    {
      'episodes-mic-check': {
        title: 'Mic Check: The Independence Edition',
        date: '2021-07-15',
        audio: 'https://cdn.example.com/audio/mic-check.mp3',
        people: ['Schalk Nel', 'Jane Springer'],
      },
      'episodes-rfc-date': {
        title: 'An RFC 2822 date',
        date: '2021-07-15',
        audio: 'https://cdn.example.com/audio/rfc-date.m4a',
        people: ['Ann Lee', 'Bo Diaz'],
      },
    },
    3,
  );
  const mic = catalogue.episodes.find((item) => item.episode.title.startsWith('Mic'))?.episode;
  assert.equal(mic?.summary, 'Adrienne talks with Kai about independent podcasting — triumphs & trials.');
  assert.deepEqual(mic?.tags, ['indie', 'indie podcasters']);
  assert.deepEqual(catalogue.warnings, []);
});

test('transcripts labelled by initials: the title’s or the roll call’s guest who speaks as "KH:" beside the hosts’ "CT:" and "BL:"', async () => {
  const catalogue = await site(
    'initials-transcripts',
    {
      '007-as-per-kelda-hightown': { title: 'Kubernetes as per Kelda Hightown', number: 7 },
      '019-app-modernization': { title: 'App Modernization with Chris Umber and Sean Andersen', number: 19 },
      // "JH:" is whom the roll call introduces, not the author it mentions with the same initials.
      '011-guest-in-the-roll-call': {
        title: 'CI and CD in Cloud Native',
        number: 11,
        people: ['Brian Lyles', 'Nico Lane', 'Jonah Harrison'],
      },
      // "AJ:" where the host speaks as "CARLA:": a first name, not the initials of the title's Aaron Jones.
      '008-first-name-labels': { title: 'Testing with Aaron Jones', number: 8, people: ['Carla Thomsen'] },
    },
    0,
  );
  // No file has a date or audio: the site's player finds them by episode_id.
  const people = (slug: string) => catalogue.episodes.find((item) => item.episode.slug === slug)?.episode;
  assert.deepEqual(people('007-as-per-kelda-hightown')?.guests, ['Kelda Hightown']);
  assert.deepEqual(people('007-as-per-kelda-hightown')?.panel, ['Carla Thomsen', 'Brian Lyles']);
  assert.deepEqual(people('019-app-modernization')?.guests, ['Chris Umber', 'Sean Andersen']);
});
