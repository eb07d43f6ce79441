import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { linesOf, momentCues } from '../../src/documents/transcript-lines.ts';
import { chaptersFromNotes, parseChaptersJson } from '../../src/episode/chapters.ts';
import { readDate as readPubDate } from '../../src/episode/dates.ts';
import { htmlToText } from '../../src/episode/html-text.ts';
import { toChaptersJson, toPodcastJson, toSrt, toVtt } from '../../src/export/transcript-files.ts';
import { feedEpisode, slugOf } from '../../src/feed/feed-episode.ts';
import { type FeedItem, feedReader } from '../../src/feed/feed-xml.ts';
import { toMoments } from '../../src/moments/moments.ts';
import { importAnyTranscript } from '../../src/transcript/text-transcript.ts';
import type { Transcript } from '../../src/transcript/transcript.ts';
import { importTranscript } from '../../src/transcript/transcript-import.ts';
import { richestFirst } from '../../src/transcript/transcript-links.ts';

const { WebVTTParser } = createRequire(import.meta.url)('webvtt-parser') as {
  WebVTTParser: new () => {
    parse(text: string, mode: string): { cues: { text: string; startTime: number }[]; errors: { message: string; line: number }[] };
  };
};

function readAll(xml: string, chunk = 7) {
  const items: FeedItem[] = [];
  const reader = feedReader((item) => items.push(item));
  // Fed in small pieces, as a download arrives: a tag or a CDATA section split across chunks must read the same.
  for (let i = 0; i < xml.length; i += chunk) reader.write(xml.slice(i, i + chunk));
  reader.close();
  return { items, channel: reader.channel };
}

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:pc="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Beam &amp; Rust Radio</title><language>EN</language><itunes:image href="/art.jpg"/>
<item>
  <title>Episode 12: NIFs</title><guid isPermaLink="false">buzz-000123</guid>
  <pubDate>Tue, 09 Jul 2019 23:30:00 -0400</pubDate>
  <enclosure url="media/12.mp3" type="audio/mpeg" length="1"/>
  <itunes:duration>54:20</itunes:duration><itunes:episode>12</itunes:episode><pc:episode display="Twelve">12</pc:episode>
  <pc:person role="host">Ann Host</pc:person><pc:person role="guest" href="https://x.example">Gus Guest</pc:person><pc:person>Default Host</pc:person>
  <pc:transcript url="t/12.srt" type="application/srt"/><pc:transcript url="t/12.json" type="application/json" language="EN"/>
  <pc:chapters url="t/12-chapters.json" type="application/json+chapters"/>
  <content:encoded><![CDATA[<p>We talk <b>NIFs</b> &amp; <a href="https://github.com/rusterlium/rustler">Rustler</a>.</p><p>(00:00) Intro<br>(12:34) Dirty schedulers</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>]]></content:encoded>
</item>
</channel></rss>`;

test('an RSS item with iTunes and Podcasting 2.0 tags becomes an episode', () => {
  const { items, channel } = readAll(FEED);
  assert.equal(items.length, 1);
  assert.equal(channel.title, 'Beam & Rust Radio');
  const episode = feedEpisode(items[0]!, { feedUrl: 'https://host.example/feeds/show.xml', podcast: undefined, channel });
  assert.equal(episode.title, 'Episode 12: NIFs');
  assert.equal(episode.podcast, 'Beam & Rust Radio');
  assert.equal(episode.date, '2019-07-09', 'the date at the publisher’s own offset');
  assert.equal(episode.durationSeconds, 3260);
  assert.equal(episode.episodeNumber, 12);
  assert.equal(episode.label, 'Twelve');
  assert.equal(episode.audioUrl, 'https://host.example/feeds/media/12.mp3', 'a relative enclosure resolves against the feed');
  assert.equal(episode.image, 'https://host.example/art.jpg');
  assert.deepEqual(episode.panel, ['Ann Host', 'Default Host']);
  assert.deepEqual(episode.guests, ['Gus Guest']);
  assert.equal(episode.transcriptUrl, 'https://host.example/feeds/t/12.json', 'JSON is the richest');
  assert.equal(episode.chaptersUrl, 'https://host.example/feeds/t/12-chapters.json');
  assert.deepEqual(episode.links, [{ label: 'Rustler', url: 'https://github.com/rusterlium/rustler' }]);
  assert.match(episode.summary, /^We talk NIFs & Rustler \.?/);
  assert.doesNotMatch(episode.summary, /alert|<|script/);
  assert.deepEqual(episode.chapters, [
    { start: 0, title: 'Intro' },
    { start: 754, title: 'Dirty schedulers' },
  ]);
  assert.equal(slugOf(episode.podcast, episode.guid), 'beam-rust-radio-buzz-000123');
});

test('slugs are stable and URL-safe whatever the guid holds', () => {
  assert.equal(slugOf('Show', 'https://example.com/?p=123'), 'show-p-123');
  const long = slugOf('Show', `tag:example.com,2019:${'x'.repeat(80)}`);
  assert.match(long, /^show-[0-9a-f]{10}$/);
  assert.equal(slugOf('Show', 'a'), slugOf('Show', 'a'));
  assert.match(slugOf('Ça va?', '<script>'), /^ca-va-script$/);
});

test('richest transcript first: JSON, VTT, SRT, HTML, text; the feed’s language before others', () => {
  const links = [
    { url: 'a.txt', type: 'text/plain' },
    { url: 'b.html', type: 'text/html' },
    { url: 'c', type: 'application/x-subrip' },
    { url: 'd.vtt' },
    { url: 'e', type: 'application/json', language: 'de' },
  ];
  assert.deepEqual(
    richestFirst(links, 'en').map((link) => link.url),
    ['d.vtt', 'c', 'b.html', 'a.txt', 'e'],
  );
});

test('hostile XML is refused with a reason, never expanded', () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>`;
  assert.throws(() => readAll(laughs, 1000), /declares its own XML entities/);
  const external = `<?xml version="1.0"?><rss><channel><title>&xxe;</title></channel></rss>`;
  assert.throws(() => readAll(external, 1000), /not well-formed XML \(1:\d+: undefined entity/);
  assert.throws(() => readAll('<html><body>Not found</body></html>'), /expected an RSS feed \(<rss><channel>…\), found <html>/);
  assert.throws(() => readAll(''), /empty, not an RSS feed/);
  const huge = `<rss><channel><item><title>${'a'.repeat(2 * 1024 * 1024)}</title></item></channel></rss>`;
  assert.throws(() => readAll(huge, 65536), /item 1: <title> holds over 1048576 characters/);
});

test('publication dates as feeds write them', () => {
  assert.equal(readPubDate('Wed, 02 Oct 2002 13:00:00 GMT'), '2002-10-02');
  assert.equal(readPubDate('2 Oct 2002 08:00:00 EST'), '2002-10-02');
  assert.equal(readPubDate('2019-07-09T10:00:00Z'), '2019-07-09');
  assert.equal(readPubDate('Mon, 31 Feb 2019 10:00:00 GMT'), undefined);
  assert.equal(readPubDate('soon'), undefined);
});

test('chapters from show notes and from the Podcasting 2.0 JSON chapters file', () => {
  assert.deepEqual(chaptersFromNotes('Topics:\n12:34 - Vacuum\n1:02:03 – Bloat\n* [1:10:00] Picks'), [
    { start: 754, title: 'Vacuum' },
    { start: 3723, title: 'Bloat' },
    { start: 4200, title: 'Picks' },
  ]);
  assert.deepEqual(chaptersFromNotes('We recorded at 10:30 on Monday.'), [], 'one time in a sentence is no chapter list');
  const json =
    '{"version":"1.2.0","chapters":[{"startTime":65.5,"title":"Two","url":"https://a.example/"},{"startTime":0,"title":"One"},{"startTime":9,"title":"Hidden","toc":false},{"title":"No start"}]}';
  assert.deepEqual(parseChaptersJson('c.json', json), [
    { start: 0, title: 'One' },
    { start: 65.5, title: 'Two', url: 'https://a.example/' },
  ]);
  assert.throws(() => parseChaptersJson('c.json', '<html>'), /c\.json: the chapters file is not JSON/);
  assert.deepEqual(JSON.parse(toChaptersJson([{ start: 0, title: 'One' }])), {
    version: '1.2.0',
    chapters: [{ startTime: 0, title: 'One' }],
  });
});

test('HTML show notes keep text and http(s) links only', () => {
  const { text, links } = htmlToText(
    '<p>Hi &amp; <a href="https://a.example/?x=1&amp;y=2">A</a> <a href="data:text/html,x">B</a></p><!-- <a href="https://hidden.example">h</a> --><style>p{}</style>',
  );
  assert.equal(text, 'Hi & A B');
  assert.deepEqual(links, [{ label: 'A', url: 'https://a.example/?x=1&y=2' }]);
});

test('HTML and plain-text transcripts: speakers and times read, text/plain VTT read as VTT', () => {
  const html =
    '<cite>Ann:</cite><time>00:00:01</time><p>Welcome to the show.</p><cite>Gus:</cite><time>00:00:05</time><p>Thanks &amp; hello.</p>';
  const fromHtml = importAnyTranscript('t.html', html, 'text/html');
  assert.deepEqual(
    fromHtml.segments.map((s) => [s.start, s.end, s.speaker, s.text]),
    [
      [1, 5, 'Ann', 'Welcome to the show.'],
      [5, 6.2, 'Gus', 'Thanks & hello.'],
    ],
  );
  const plain = importAnyTranscript(
    't.txt',
    'Ann (00:01:00): First words here.\nGus (00:01:10): Second words.',
    'text/plain; charset=utf-8',
  );
  assert.deepEqual(
    plain.segments.map((s) => [s.start, s.speaker, s.text]),
    [
      [60, 'Ann', 'First words here.'],
      [70, 'Gus', 'Second words.'],
    ],
  );
  const untimed = importAnyTranscript('t.txt', 'one two three four\n\nfive six seven eight', 'text/plain', 100);
  assert.deepEqual(
    untimed.segments.map((s) => s.start),
    [0, 50],
    'spread over the episode’s duration',
  );
  const vtt = importAnyTranscript('t', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello there', 'text/plain');
  assert.equal(vtt.segments[0]?.text, 'Hello there');
});

/** Word times as a transcription gives them: one per word, 0.2 s apart. */
function words(text: string, start: number) {
  return text
    .split(' ')
    .filter((word) => /\w/.test(word))
    .map((word, i) => ({ word: word.replace(/\W+$/, ''), start: start + i * 0.2, end: start + i * 0.2 + 0.18 }));
}

const TRANSCRIPT: Transcript = {
  duration: 100,
  language: 'en',
  segments: Array.from({ length: 40 }, (_, i) => ({
    start: i * 2.5 + 0.125,
    end: i * 2.5 + 2.333,
    text: i === 3 ? 'Is a < b && c > d? --> yes' : `Line ${i} says dirty schedulers number ${i}.`,
    words: words(i === 3 ? 'Is a < b && c > d? --> yes' : `Line ${i} says dirty schedulers number ${i}.`, i * 2.5 + 0.125),
    // Turns of five lines each, as a conversation goes.
    speaker: Math.floor(i / 5) % 2 === 0 ? 'Ann Host' : 'Gus',
  })),
};

/** Whether the transcript importer in this tree keeps speakers (the transcripts work adds it); until then, a todo. */
const importerKeepsSpeakers = importTranscript('x.vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>hi\n').segments[0]?.speaker === 'Ann';

/** Stores the transcript's moments with their cues, reads the lines back, exports, imports again: the moments both ways. */
function roundTrip(transcript: Transcript, write: (lines: ReturnType<typeof linesOf>) => string, format: string) {
  const moments = toMoments(transcript);
  const cues = momentCues(transcript.segments, moments);
  const lines = linesOf(moments.map((moment, i) => ({ ...moment, cues: cues[i] })));
  assert.deepEqual(
    lines.map((line) => line.text),
    transcript.segments.map((segment) => segment.text),
    'the stored cues give back every line',
  );
  const again = importTranscript(`x.${format}`, write(lines));
  return { moments, again, back: toMoments(again) };
}

function assertSameMoments(moments: ReturnType<typeof toMoments>, back: ReturnType<typeof toMoments>) {
  assert.equal(back.length, moments.length);
  for (const [i, moment] of moments.entries()) {
    const other = back[i]!;
    assert.ok(Math.abs(other.start - moment.start) < 0.001 && Math.abs(other.end - moment.end) < 0.001, `moment ${i} times`);
    assert.equal(other.text, moment.text, `moment ${i} text`);
    assert.equal(other.overlap, moment.overlap);
  }
}

const UNNAMED: Transcript = { ...TRANSCRIPT, segments: TRANSCRIPT.segments.map(({ speaker: _speaker, ...segment }) => segment) };

for (const [format, write] of [
  ['vtt', toVtt],
  ['srt', toSrt],
] as const) {
  test(`an exported ${format.toUpperCase()} imported again gives the same moments`, async (t) => {
    // WebVTT marks speakers with <v>, which even a reader that ignores speakers drops from the text.
    const { moments, back } = roundTrip(format === 'vtt' ? TRANSCRIPT : UNNAMED, write, format);
    assertSameMoments(moments, back);
    await t.test(
      'with the same speakers',
      { todo: importerKeepsSpeakers ? false : 'the transcript importer in this tree does not read speakers yet (issue 14 does)' },
      () => {
        const named = roundTrip(TRANSCRIPT, write, format);
        assertSameMoments(named.moments, named.back);
        assert.deepEqual(
          named.again.segments.map((segment) => segment.speaker),
          TRANSCRIPT.segments.map((segment) => segment.speaker),
        );
      },
    );
  });
}

test('an exported VTT passes the W3C WebVTT parser, speakers as <v>', () => {
  const moments = toMoments(TRANSCRIPT);
  const lines = linesOf(moments.map((moment, i) => ({ ...moment, cues: momentCues(TRANSCRIPT.segments, moments)[i] })));
  const vtt = toVtt(lines);
  const tree = new WebVTTParser().parse(vtt, 'subtitles');
  assert.deepEqual(tree.errors, []);
  assert.equal(tree.cues.length, 40);
  assert.equal(tree.cues[0]?.text, '<v Ann Host>Line 0 says dirty schedulers number 0.');
  assert.equal(tree.cues[3]?.text, '<v Ann Host>Is a &lt; b &amp;&amp; c &gt; d? --&gt; yes');
  assert.equal(tree.cues[1]?.startTime, 2.625);
});

test('the Podcasting 2.0 JSON export carries speakers and times', () => {
  const json = JSON.parse(
    toPodcastJson([
      { start: 1.5, end: 2, text: 'Hi', speaker: 'Ann' },
      { start: 2, end: 3, text: 'Yo' },
    ]),
  );
  assert.deepEqual(json, {
    version: '1.0.0',
    segments: [
      { speaker: 'Ann', startTime: 1.5, endTime: 2, body: 'Hi' },
      { startTime: 2, endTime: 3, body: 'Yo' },
    ],
  });
});

test('feeds.yml and FEEDS: every problem named at once', async () => {
  const { parseFeedList } = await import('../../src/feed/feed-list.ts');
  const { parseConfig } = await import('../../src/config/config.ts');
  assert.deepEqual(parseFeedList('feeds.yml', '- url: https://a.example/feed.xml\n  podcast: a\n  limit: 10\n- https://b.example/rss\n'), [
    { url: 'https://a.example/feed.xml', podcast: 'a', limit: 10 },
    { url: 'https://b.example/rss' },
  ]);
  assert.throws(
    () => parseFeedList('feeds.yml', '- url: ftp://x\n- url: https://ok.example/\n  limit: -1\n  color: red\n'),
    /feeds\.yml: entry 1: url "ftp:\/\/x" is not an http\(s\) URL; entry 2: limit must be a whole number.*; entry 2: unknown field "color"/,
  );
  assert.throws(() => parseFeedList('feeds.yml', 'url: https://a.example/\n'), /feeds\.yml: expected a list of feeds/);
  assert.deepEqual(parseConfig({ FEEDS: 'https://a.example/f.xml  https://b.example/g' }).feeds, [
    'https://a.example/f.xml',
    'https://b.example/g',
  ]);
  assert.throws(() => parseConfig({ FEEDS: 'feed.xml' }), /FEEDS: "feed\.xml" is not an http\(s\) URL/);
});
