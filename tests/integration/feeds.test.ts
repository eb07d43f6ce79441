import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import express from 'express';
import { request } from 'undici';
import { readFeeds } from '../../indexer/sources/read-feeds.ts';
import { importTranscriptOfType } from '../../src/transcript/transcript-import.ts';
import { listen, startStack } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

const { WebVTTParser } = createRequire(import.meta.url)('webvtt-parser') as {
  WebVTTParser: new () => { parse(text: string, mode: string): { cues: unknown[]; errors: unknown[] } };
};
/** Whether the JSON transcript importer in this tree keeps speakers (issue 14 adds it); the exports carry whatever it keeps. */
const importerKeepsSpeakers =
  importTranscriptOfType('x.json', '{"segments":[{"speaker":"A","startTime":0,"endTime":1,"body":"hi"}]}', 'application/json').segments[0]
    ?.speaker === 'A';
const run = promisify(execFile);
const FIXTURES = new URL('../fixtures/feeds/', import.meta.url);

// A podcast host: the feed and its linked files, served with ETag / Last-Modified (express.static), every request seen.
const site = await testdir();
const seen: { path: string; ifNoneMatch?: string }[] = [];
const app = express();
app.use((req, _res, next) => {
  seen.push({ path: req.path, ...(req.headers['if-none-match'] ? { ifNoneMatch: String(req.headers['if-none-match']) } : {}) });
  next();
});
app.use(express.static(site));
const host = await listen(app);
const fixture = async (name: string) => (await fs.readFile(new URL(name, FIXTURES), 'utf8')).replaceAll('{{HOST}}', host);
const put = async (name: string, text: string) => {
  await fs.mkdir(path.dirname(path.join(site, name)), { recursive: true });
  await fs.writeFile(path.join(site, name), text);
};
await put('show.xml', await fixture('show.xml'));
for (const name of ['rr-42.json', 'rr-42.srt', 'rr-42.vtt', 'rr-41.html', 'rr-40.txt'])
  await put(`transcripts/${name}`, await fixture(name));
await put('chapters/rr-42.json', await fixture('rr-42-chapters.json'));
// The hostile documents, each a feed of its own.
await put('not-a-feed.xml', '<!DOCTYPE html><html><body><h1>Welcome to our podcast!</h1></body></html>');
await put(
  'huge.xml',
  `<?xml version="1.0"?><rss><channel><title>Huge</title><item><title>${'A'.repeat(5 * 1024 * 1024)}</title></item></channel></rss>`,
);
await put(
  'laughs.xml',
  `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><rss><channel><title>&lol9;</title></channel></rss>`,
);
await put(
  'xxe.xml',
  `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>Leak</title><item><title>&xxe;</title></item></channel></rss>`,
);

const root = await testdir();
const episodes = path.join(root, 'episodes');
await fs.mkdir(episodes);
const hostile = ['not-a-feed.xml', 'gone.xml', 'huge.xml', 'laughs.xml', 'xxe.xml'];
await fs.writeFile(
  path.join(episodes, 'feeds.yml'),
  [`- url: ${host}/show.xml`, '  podcast: runtime-radio', ...hostile.map((name) => `- url: ${host}/${name}`)].join('\n'),
);
const stack = await startStack(episodes);
const report = await stack.index();

const search = (q: string) => stack.search(q);

test('every item of the feed is indexed, its transcripts imported without one transcription request', () => {
  assert.equal(report.indexed, 4, stack.log.join('\n'));
  assert.deepEqual(report.imported.sort(), ['runtime-radio-episodes-41', 'runtime-radio-rr-episode-0040', 'runtime-radio-rr-episode-0042']);
  assert.equal(stack.whisper.requests.length, 0);
  assert.ok(
    stack.log.some((line) => /item 5 \("Schedulers, dirty and clean \(repost\)"\) repeats the guid "rr-episode-0042"/.test(line)),
    'the repeated guid is named',
  );
  assert.ok(stack.log.some((line) => /item 4 \("Trailer"\) has no <enclosure>/.test(line)));
  // The richest transcript (JSON) was fetched; the SRT and VTT were not needed.
  assert.ok(seen.some((request) => request.path === '/transcripts/rr-42.json'));
  assert.ok(!seen.some((request) => request.path === '/transcripts/rr-42.srt'));
});

test('each hostile feed gets one line naming it, and the run goes on', () => {
  const lines = (name: string) => report.failed.filter((failure) => failure.reason.startsWith(`feed ${host}/${name}:`));
  assert.match(lines('not-a-feed.xml')[0]?.reason ?? '', /expected an RSS feed .*found <html>/);
  assert.match(lines('gone.xml')[0]?.reason ?? '', /answered HTTP 404/);
  assert.match(lines('huge.xml')[0]?.reason ?? '', /item 1: <title> holds over 1048576 characters/);
  assert.match(lines('laughs.xml')[0]?.reason ?? '', /declares its own XML entities/);
  assert.match(lines('xxe.xml')[0]?.reason ?? '', /declares its own XML entities/);
  for (const name of hostile) assert.equal(lines(name).length, 1, name);
  assert.equal(report.failed.length, hostile.length);
});

test('a phrase from the linked JSON transcript is found at the second it is said', async () => {
  const result = await search('dirty schedulers');
  const episode = result.episodes.find((found) => found.slug === 'runtime-radio-rr-episode-0042');
  assert.ok(episode, JSON.stringify(result));
  assert.equal(episode.podcast, 'runtime-radio');
  assert.equal(episode.date, '2019-07-09');
  const moment = episode.moments[0];
  assert.ok(moment && Math.abs(moment.at - 61.2) < 0.6, JSON.stringify(moment));
  assert.equal(moment.url, '/episodes/runtime-radio-rr-episode-0042?t=60');
});

test('HTML and plain-text transcripts are searchable at their times', async () => {
  const html = (await search('stop the world pause')).episodes.find((found) => found.slug === 'runtime-radio-episodes-41');
  assert.ok(html?.moments[0] && html.moments[0].start >= 130, JSON.stringify(html));
  const text = (await search('reuses the stack frame')).episodes.find((found) => found.slug === 'runtime-radio-rr-episode-0040');
  assert.ok(text?.moments[0] && text.moments[0].start === 90, JSON.stringify(text));
});

test('show notes, people and chapter titles are searchable; the episode without audio by its notes', async () => {
  assert.ok((await search('reductions')).episodes.some((found) => found.slug === 'runtime-radio-rr-episode-0042'));
  assert.ok((await search('Lukas Brandt')).episodes.some((found) => found.slug === 'runtime-radio-rr-episode-0042'));
  const chapter = (await search('kestrel')).episodes.find((found) => found.slug === 'runtime-radio-rr-episode-0042');
  assert.deepEqual(chapter?.notes, [
    { field: 'chapters', snippet: 'Dirty schedulers and the <mark>kestrel</mark>', url: '/episodes/runtime-radio-rr-episode-0042?t=60' },
  ]);
  const page = await (await fetch(`${stack.web}/search?q=kestrel`)).text();
  assert.ok(
    page.includes('<a href="/episodes/runtime-radio-rr-episode-0042?t=60">Dirty schedulers and the <mark>kestrel</mark></a>'),
    'the chapter links to its start',
  );
  assert.ok((await search('quokka')).episodes.some((found) => found.slug === 'runtime-radio-rr-trailer'));
});

test('the exports: VTT with speakers, SRT, Podcasting 2.0 JSON and chapters, cross-origin and cacheable', async () => {
  const base = `${stack.web}/episodes/runtime-radio-rr-episode-0042`;
  const vtt = await fetch(`${base}/transcript.vtt`);
  assert.equal(vtt.status, 200);
  assert.equal(vtt.headers.get('content-type'), 'text/vtt; charset=utf-8');
  assert.equal(vtt.headers.get('access-control-allow-origin'), '*');
  const etag = vtt.headers.get('etag');
  assert.ok(etag);
  const body = await vtt.text();
  const voice = (name: string) => (importerKeepsSpeakers ? `<v ${name}>` : '');
  assert.ok(body.startsWith(`WEBVTT\n\n1\n00:00:00.500 --> 00:00:04.000\n${voice('Ann Okafor')}Welcome to Runtime Radio.`), body);
  assert.ok(body.includes(`00:01:01.200 --> 00:01:06.000\n${voice('Lukas Brandt')}The dirty schedulers run the long native calls.`), body);
  assert.deepEqual(new WebVTTParser().parse(body, 'subtitles').errors, []);
  // Not fetch(): it adds Cache-Control: no-cache to a conditional request, as the Fetch standard says, which turns revalidation off.
  const again = await request(`${base}/transcript.vtt`, { headers: { 'if-none-match': etag } });
  await again.body.dump();
  assert.equal(again.statusCode, 304);
  const srt = await fetch(`${base}/transcript.srt`);
  assert.equal(srt.headers.get('content-type'), 'application/x-subrip; charset=utf-8');
  assert.ok(
    (await srt.text()).startsWith(
      `1\n00:00:00,500 --> 00:00:04,000\n${importerKeepsSpeakers ? 'Ann Okafor: ' : ''}Welcome to Runtime Radio.`,
    ),
  );
  const json = (await (await fetch(`${base}/transcript.json`)).json()) as { segments: unknown[] };
  assert.deepEqual(json.segments[2], {
    ...(importerKeepsSpeakers ? { speaker: 'Lukas Brandt' } : {}),
    startTime: 61.2,
    endTime: 66,
    body: 'The dirty schedulers run the long native calls.',
  });
  // Speakers read by podgrep's own HTML transcript reader go out as <v> too, whatever the JSON importer keeps.
  const html = await (await fetch(`${stack.web}/episodes/runtime-radio-episodes-41/transcript.vtt`)).text();
  assert.ok(html.includes('00:00:02.000 --> 00:02:10.000\n<v Ann Okafor>Every Erlang process gets its own little heap.'), html);
  assert.deepEqual(new WebVTTParser().parse(html, 'subtitles').errors, []);
  const chapters = await fetch(`${base}/chapters.json`);
  assert.equal(chapters.headers.get('content-type'), 'application/json+chapters; charset=utf-8');
  assert.deepEqual(await chapters.json(), {
    version: '1.2.0',
    chapters: [
      { startTime: 0, title: 'Welcome' },
      { startTime: 60, title: 'Dirty schedulers and the kestrel', url: 'https://www.erlang.org/doc/man/erl_nif.html' },
      { startTime: 330, title: 'Listener questions' },
    ],
  });
  // Chapters written in the show notes, when the item links none.
  const notes = (await (await fetch(`${stack.web}/episodes/runtime-radio-episodes-41/chapters.json`)).json()) as {
    chapters: { startTime: number; title: string }[];
  };
  assert.deepEqual(notes.chapters, [
    { startTime: 720, title: 'Binaries on the shared heap' },
    { startTime: 1200, title: 'Listener mail' },
  ]);
  assert.equal((await fetch(`${stack.web}/episodes/runtime-radio-rr-trailer/transcript.vtt`)).status, 404);
  assert.equal((await fetch(`${stack.web}/episodes/nope/chapters.json`)).status, 404);
  assert.equal((await fetch(`${base}/transcript.exe`)).status, 404);
});

test('npm run export writes the same files and prints the feed tags for each episode', async () => {
  const out = await testdir();
  const { stdout, stderr } = await run(
    process.execPath,
    ['indexer/commands/export-command.ts', '--out', out, '--base-url', 'https://cdn.example.com/pod/'],
    { env: stack.env, cwd: path.join(import.meta.dirname, '..', '..') },
  );
  assert.match(stderr, /Exported 3 transcript\(s\) and 2 chapter file\(s\) of 4 episode\(s\)/);
  const folder = path.join(out, 'episodes', 'runtime-radio-rr-episode-0042');
  assert.equal(
    await fs.readFile(path.join(folder, 'transcript.vtt'), 'utf8'),
    await (await fetch(`${stack.web}/episodes/runtime-radio-rr-episode-0042/transcript.vtt`)).text(),
  );
  assert.deepEqual((await fs.readdir(folder)).sort(), ['chapters.json', 'transcript.json', 'transcript.srt', 'transcript.vtt']);
  assert.ok(
    stdout.includes(
      '<!-- runtime-radio-rr-episode-0042: Schedulers, dirty and clean -->\n<podcast:transcript url="https://cdn.example.com/pod/episodes/runtime-radio-rr-episode-0042/transcript.json" type="application/json" />',
    ),
    stdout,
  );
  assert.ok(
    stdout.includes(
      '<podcast:chapters url="https://cdn.example.com/pod/episodes/runtime-radio-rr-episode-0042/chapters.json" type="application/json+chapters" />',
    ),
  );
  assert.ok(!stdout.includes('rr-trailer'), 'an episode with nothing to export gets no tags');
});

test('a second run revalidates the feed and skips every unchanged item; an item that left the feed is removed', async () => {
  const before = seen.length;
  const second = await stack.index();
  assert.equal(second.indexed, 0);
  assert.equal(second.skipped, 4);
  const feedRequest = seen.slice(before).find((request) => request.path === '/show.xml');
  assert.ok(feedRequest?.ifNoneMatch, 'the kept copy’s ETag is sent');
  assert.ok(!seen.slice(before).some((request) => request.path.startsWith('/transcripts/')), 'nothing else is fetched');
  const feed = await fixture('show.xml');
  await put('show.xml', feed.replace(/<item>\s*<title>Listener questions[\s\S]*?<\/item>/, ''));
  const third = await stack.index();
  assert.deepEqual(third.removed, ['runtime-radio-rr-episode-0040']);
  assert.equal(third.indexed, 0);
  assert.equal((await fetch(`${stack.web}/episodes/runtime-radio-rr-episode-0040`)).status, 404);
});

test('a feed that cannot be read keeps what was indexed from it', async () => {
  await fs.rm(path.join(site, 'show.xml'));
  const run = await stack.index();
  assert.ok(run.failed.some((failure) => /show\.xml: answered HTTP 404.*its episodes indexed before are kept/.test(failure.reason)));
  assert.deepEqual(run.removed, []);
  assert.equal((await fetch(`${stack.web}/episodes/runtime-radio-rr-episode-0042/transcript.vtt`)).status, 200);
});

test('feeds follow the private-address rule, and thousands of items stream through', async () => {
  const dir = await testdir();
  const refused = await readFeeds([{ url: `${host}/show.xml` }], { dir, allowPrivateUrls: false });
  assert.match(refused.failures[0]?.message ?? '', /a loopback, private or link-local address.*ALLOW_PRIVATE_URLS=1/);
  const items = Array.from(
    { length: 5000 },
    (_, i) =>
      `<item><title>Episode ${i}</title><guid>g-${i}</guid><enclosure url="/a/${i}.mp3" type="audio/mpeg"/><description><![CDATA[<p>${'words '.repeat(200)}</p>]]></description></item>`,
  );
  await put('big.xml', `<rss><channel><title>Big</title>${items.join('\n')}</channel></rss>`);
  const big = await readFeeds([{ url: `${host}/big.xml`, limit: 4000 }], { dir, allowPrivateUrls: true });
  assert.deepEqual(big.failures, []);
  assert.equal(big.episodes.length, 4000, 'limit: keeps the first (newest) items');
  assert.equal(new Set(big.episodes.map((item) => item.episode.slug)).size, 4000);
});
