import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePodcastNames } from '../../src/catalogue/podcast-names.ts';
import { peopleOf, personName } from '../../src/episode/people.ts';
import { EpisodeError } from '../../src/errors.ts';
import { buckets, type TimelinePoint, timelineSvg } from '../../src/search/timeline.ts';

test("people's names are read from panel lines as show notes write them", () => {
  const cases: [string, string][] = [
    ['Charles Max Wood (twitter github Teach Me To Code…)', 'Charles Max Wood'],
    ['Charles Max Wood (twitter github Teach Me To Code', 'Charles Max Wood'],
    ['Charles Max Wood - host', 'Charles Max Wood'],
    ['Charles Max Wood — Devchat.tv', 'Charles Max Wood'],
    ['Host: Charles Max Wood @cmaxw', 'Charles Max Wood'],
    ['Aimee Knight, Software Engineer at Built Technologies', 'Aimee Knight'],
    ['**AJ O’Neal** https://twitter.com/coolaj86', 'AJ O’Neal'],
    ['Jean-Luc Picard', 'Jean-Luc Picard'],
    ['  Ada   Lovelace  ', 'Ada Lovelace'],
    ['(twitter)', ''],
    ['_Ann Lee_', 'Ann Lee'],
    ['JDM_WAAAT', 'JDM_WAAAT'],
    ['Shawn Clabough > @DotNetSuperhero', 'Shawn Clabough'],
    ['Caleb Wells\u200b', 'Caleb Wells'],
    ['Robert "Uncle Bob" Martin', 'Robert Martin'],
    ['Matt “Forni” Fornaciari', 'Matt Fornaciari'],
  ];
  for (const [line, name] of cases) assert.equal(personName(line), name, line);
  assert.deepEqual(peopleOf(['Charles Max Wood', 'Charles Max Wood (twitter)', '@nobody', 'Ada']), ['Charles Max Wood', 'Ada']);
});

test('podgrep.yml: podcasts by name, other keys ignored, a wrong shape named with the file', () => {
  assert.deepEqual(
    parsePodcastNames(
      'podgrep.yml',
      'fields:\n  date: published\npodcasts:\n  js-jabber: JavaScript Jabber\n  emx: { name: " Elixir Mix " }\n',
    ),
    {
      'js-jabber': 'JavaScript Jabber',
      emx: 'Elixir Mix',
    },
  );
  assert.deepEqual(parsePodcastNames('podgrep.yml', ''), {});
  assert.deepEqual(parsePodcastNames('podgrep.yml', 'fields: {}\n'), {});
  assert.throws(
    () => parsePodcastNames('x/podgrep.yml', 'podcasts: [a, b]\n'),
    (error: unknown) => error instanceof EpisodeError && /^x\/podgrep\.yml: "podcasts" must map/.test(error.message),
  );
  assert.throws(() => parsePodcastNames('x/podgrep.yml', 'podcasts:\n  a: 3\n'), /podcasts\.a must be the podcast's name/);
  assert.throws(() => parsePodcastNames('x/podgrep.yml', 'podcasts: [\n'), /x\/podgrep\.yml: does not parse as YAML/);
});

const point = (date: string, moments: number, inNotes = false): TimelinePoint => ({
  slug: date,
  title: `<b>${date}</b>`,
  date,
  moments,
  inNotes,
});

test('the timeline groups by month, quarter or year as the range needs, gaps included', () => {
  const months = buckets([point('2024-01-05', 2), point('2024-01-20', 1, true), point('2024-04-02', 0, true)]);
  assert.equal(months.period, 'month');
  assert.deepEqual(
    months.buckets.map((b) => [b.label, b.episodes, b.moments, b.notesOnly]),
    [
      ['2024-01', 2, 3, 0],
      ['2024-02', 0, 0, 0],
      ['2024-03', 0, 0, 0],
      ['2024-04', 1, 0, 1],
    ],
  );
  const quarters = buckets([point('2019-02-01', 1), point('2024-11-30', 4)]);
  assert.equal(quarters.period, 'quarter');
  assert.deepEqual([quarters.buckets[0]?.label, quarters.buckets.at(-1)?.label, quarters.buckets.length], ['2019 Q1', '2024 Q4', 24]);
  const years = buckets([point('2005-06-01', 1), { ...point('x', 9), date: null }, point('2024-06-01', 1)]);
  assert.deepEqual([years.period, years.buckets.length, years.buckets.reduce((n, b) => n + b.episodes, 0)], ['year', 20, 2]);
});

test('the chart holds one bar per period with episodes, no links, and escapes every text', () => {
  const points = Array.from({ length: 660 }, (_, i) =>
    point(new Date(Date.UTC(2012, 0, 1) + i * 5 * 86_400_000).toISOString().slice(0, 10), i % 3),
  );
  const svg = timelineSvg(points, 'Chart: “<x>”');
  assert.ok((svg.match(/<rect /g)?.length ?? 0) <= 40, 'hundreds of episodes, tens of bars');
  assert.doesNotMatch(svg, /<a[\s>]/);
  assert.match(svg, /aria-label="Chart: “&#60;x&#62;”"/);
  assert.equal(timelineSvg([{ ...point('x', 1), date: null }], 'none'), '');
});
