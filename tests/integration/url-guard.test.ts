import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, test } from 'node:test';
import { type AddressGuard, isPublicAddress } from '../../adapters/net/url-guard.ts';
import { audioCache } from '../../indexer/audio/audio-cache.ts';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { publishedTranscript } from '../../indexer/transcription/published-transcript.ts';
import { AudioError, EpisodeError } from '../../src/errors.ts';
import { startStack } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

test('the address classifier: loopback, private, link-local, CGNAT and their IPv6 and IPv4-mapped forms are not public', () => {
  const table: [string, boolean][] = [
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['93.184.216.34', true],
    ['172.15.255.255', true], // just below 172.16/12
    ['172.32.0.1', true], // just above
    ['100.63.255.255', true], // just below 100.64/10
    ['100.128.0.1', true], // just above
    ['169.253.255.255', true],
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['10.0.0.1', false],
    ['10.255.255.255', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false], // cloud metadata
    ['100.64.0.1', false],
    ['100.127.255.255', false],
    ['0.0.0.0', false],
    ['0.1.2.3', false],
    ['224.0.0.1', false], // multicast
    ['255.255.255.255', false],
    ['2606:4700:4700::1111', true],
    ['2001:4860:4860::8888', true],
    ['::1', false],
    ['0:0:0:0:0:0:0:1', false],
    ['::', false],
    ['fc00::1', false],
    ['fd12:3456:789a::1', false],
    ['fd00:ec2::254', false], // AWS's IPv6 metadata
    ['fe80::1', false],
    ['fe80::1%eth0', false],
    ['febf:ffff::1', false], // the top of fe80::/10
    ['fec0::1', false], // deprecated site-local
    ['ff02::1', false],
    ['[::1]', false], // as a URL writes it
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::FFFF:10.1.2.3', false],
    ['0:0:0:0:0:ffff:a9fe:a9fe', false], // 169.254.169.254
    ['::ffff:192.168.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['::127.0.0.1', false], // IPv4-compatible, deprecated
    ['64:ff9b::7f00:1', false], // NAT64 of 127.0.0.1
    ['64:ff9b::8.8.8.8', true],
    ['localhost', false], // not an address: refused, never guessed at
    ['', false],
    ['example.com', false],
  ];
  const wrong = table.filter(([address, expected]) => isPublicAddress(address) !== expected);
  assert.deepEqual(wrong, [], `misclassified: ${wrong.map(([a, e]) => `${a} should be ${e ? 'public' : 'private'}`).join(', ')}`);
});

/** A real HTTP server on loopback, counting requests. */
async function serve(handler: http.RequestListener, host = '127.0.0.1') {
  const server = http.createServer((req, res) => (state.requests++, handler(req, res)));
  const state = { requests: 0, port: 0, url: '' };
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  after(() => (server.closeAllConnections(), new Promise<void>((resolve) => server.close(() => resolve()))));
  state.port = (server.address() as AddressInfo).port;
  state.url = `http://${host}:${state.port}`;
  return state;
}

const mp3 = (res: http.ServerResponse, bytes: Uint8Array) =>
  res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': bytes.length }).end(bytes);

function rejectsWith(promise: Promise<unknown>, type: typeof AudioError | typeof EpisodeError, message: RegExp) {
  return assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof type, `not a ${type.name}: ${String(error)}`);
    assert.match(error.message, message);
    return true;
  });
}

const files = async (dir: string) => (await fs.readdir(dir).catch(() => [])).sort();

test('audio on 127.0.0.1 is refused without ALLOW_PRIVATE_URLS, before any request, and fetched with it', async () => {
  const episode = randomBytes(5_000);
  const server = await serve((_req, res) => mp3(res, episode));
  const dir = path.join(await testdir(), 'audio');
  const url = `${server.url}/ep.mp3`;
  for (const refused of [
    url,
    `http://localhost:${server.port}/ep.mp3`,
    `http://[::1]:${server.port}/ep.mp3`,
    `http://2130706433:${server.port}/ep.mp3`,
  ]) {
    await rejectsWith(
      audioCache({ dir, maxBytes: 1e6 }).fetch(refused, {}),
      AudioError,
      /^audio http:\/\/\S+\/ep\.mp3 points to .*(127\.0\.0\.1|::1)\)?, a loopback, private or link-local address, which podgrep does not fetch from unless ALLOW_PRIVATE_URLS=1 is set$/,
    );
  }
  assert.equal(server.requests, 0);
  assert.deepEqual(await files(dir), []);

  const got = await audioCache({ dir, maxBytes: 1e6, allowPrivateUrls: true }).fetch(url, {});
  assert.deepEqual(await fs.readFile(got.path), episode);
  assert.equal(server.requests, 1);
});

/**
 * The seam: `addresses` replaces the address check and the resolver, so a loopback server can play a public host.
 * Here 127.0.0.1 is "public" and every other address keeps its real class; made-up names resolve as the map says.
 */
function playPublic(names: Record<string, string[]>, log: string[] = []): AddressGuard {
  return {
    isAllowed: (address) => address === '127.0.0.1' || isPublicAddress(address),
    resolve: async (hostname) => {
      log.push(hostname);
      const addresses = names[hostname];
      if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
  };
}

test('a public name that resolves to a private address is refused; the check is on the address, not the name', async () => {
  const server = await serve((_req, res) => mp3(res, randomBytes(100)));
  const dir = path.join(await testdir(), 'audio');
  const resolved: string[] = [];
  const addresses: AddressGuard = {
    isAllowed: isPublicAddress,
    resolve: playPublic({ 'cdn.example.com': ['127.0.0.1'] }, resolved).resolve,
  };
  await rejectsWith(
    audioCache({ dir, maxBytes: 1e6, addresses }).fetch(`http://cdn.example.com:${server.port}/ep.mp3`, {}),
    AudioError,
    /^audio http:\/\/cdn\.example\.com:\d+\/ep\.mp3 points to cdn\.example\.com \(127\.0\.0\.1\), a loopback, private or link-local address/,
  );
  // https goes through the same lookup (tls.connect hands it to the socket), so the name is never resolved elsewhere.
  await rejectsWith(
    audioCache({ dir, maxBytes: 1e6, addresses }).fetch('https://cdn.example.com/ep.mp3', {}),
    AudioError,
    /^audio https:\/\/cdn\.example\.com\/ep\.mp3 points to cdn\.example\.com \(127\.0\.0\.1\), a loopback/,
  );
  assert.deepEqual(resolved, ['cdn.example.com', 'cdn.example.com']);
  assert.equal(server.requests, 0);
});

test('the connection goes to the address that was checked: a made-up name reaches the server only through the guard', async () => {
  const episode = randomBytes(1_000);
  const server = await serve((req, res) => {
    assert.equal(req.headers.host, `podcast.example:${server.port}`);
    mp3(res, episode);
  });
  const resolved: string[] = [];
  const addresses = playPublic({ 'podcast.example': ['127.0.0.1'], 'mixed.example': ['127.0.0.1', '10.0.0.7'] }, resolved);
  const cache = audioCache({ dir: path.join(await testdir(), 'audio'), maxBytes: 1e6, addresses });
  const got = await cache.fetch(`http://podcast.example:${server.port}/ep.mp3`, {});
  assert.deepEqual(await fs.readFile(got.path), episode);
  // A name whose answers mix allowed and private addresses is refused as a whole, whichever would be tried first.
  await rejectsWith(
    cache.fetch(`http://mixed.example:${server.port}/ep.mp3`, {}),
    AudioError,
    /points to mixed\.example \(10\.0\.0\.7\), a loopback, private/,
  );
  assert.deepEqual(resolved, ['podcast.example', 'mixed.example']);
  assert.equal(server.requests, 1);
});

test('a redirect from an allowed host to a private one is refused, by address or by name', async () => {
  const internal = await serve((_req, res) => mp3(res, randomBytes(100)), '127.0.0.2'); // "the LAN"
  const episode = randomBytes(2_000);
  const cdn = await serve((req, res) => {
    if (req.url === '/to-ip') return void res.writeHead(302, { location: `${internal.url}/secret.mp3` }).end();
    if (req.url === '/to-name') return void res.writeHead(301, { location: `http://intranet.example:${internal.port}/secret.mp3` }).end();
    if (req.url === '/to-metadata') return void res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/to-self') return void res.writeHead(302, { location: '/ep.mp3' }).end();
    if (req.url === '/ep.mp3') return mp3(res, episode);
    res.writeHead(404).end();
  });
  const addresses = playPublic({ 'intranet.example': ['127.0.0.2'] });
  const dir = path.join(await testdir(), 'audio');
  const cache = audioCache({ dir, maxBytes: 1e6, addresses });
  assert.deepEqual(
    await fs.readFile((await cache.fetch(`${cdn.url}/to-self`, {})).path),
    episode,
    'a redirect between allowed addresses is followed',
  );
  await rejectsWith(
    cache.fetch(`${cdn.url}/to-ip`, {}),
    AudioError,
    /^audio http:\/\/127\.0\.0\.1:\d+\/to-ip redirected to http:\/\/127\.0\.0\.2:\d+\/secret\.mp3, which points to 127\.0\.0\.2, a loopback, private or link-local address, which podgrep does not fetch from unless ALLOW_PRIVATE_URLS=1 is set$/,
  );
  await rejectsWith(
    cache.fetch(`${cdn.url}/to-name`, {}),
    AudioError,
    /redirected to http:\/\/intranet\.example:\d+\/secret\.mp3, which points to intranet\.example \(127\.0\.0\.2\)/,
  );
  await rejectsWith(
    cache.fetch(`${cdn.url}/to-metadata`, {}),
    AudioError,
    /redirected to http:\/\/169\.254\.169\.254\/latest\/meta-data\/, which points to 169\.254\.169\.254,/,
  );
  assert.equal(internal.requests, 0, 'the private host was reached');
  assert.equal(cdn.requests, 5);
});

test('transcript_url on loopback is refused without ALLOW_PRIVATE_URLS and imported with it', async () => {
  const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nwelcome to the loopback show\n';
  const server = await serve((req, res) => {
    if (req.url === '/moved.vtt') return void res.writeHead(302, { location: 'http://127.0.0.2/t.vtt' }).end();
    res.writeHead(200, { 'content-type': 'text/vtt' }).end(vtt);
  });
  const dir = await testdir({
    'ep.md': `---\ntitle: Loopback\ntranscript_url: ${server.url}/t.vtt\n---\n`,
    'moved.md': `---\ntitle: Moved\ntranscript_url: ${server.url}/moved.vtt\n---\n`,
  });
  const { episodes } = await readEpisodes(dir);
  const ep = episodes.find((item) => item.file.endsWith('ep.md'));
  const moved = episodes.find((item) => item.file.endsWith('moved.md'));
  assert.ok(ep && moved);
  await rejectsWith(
    publishedTranscript(ep),
    EpisodeError,
    /ep\.md: transcript_url http:\/\/127\.0\.0\.1:\d+\/t\.vtt points to 127\.0\.0\.1, a loopback, private or link-local address, which podgrep does not fetch from unless ALLOW_PRIVATE_URLS=1 is set$/,
  );
  assert.equal(server.requests, 0);
  const transcript = await publishedTranscript(ep, undefined, { allowPrivateUrls: true });
  assert.match(JSON.stringify(transcript), /welcome to the loopback show/);
  // A public-looking transcript host that redirects into the network.
  await rejectsWith(
    publishedTranscript(moved, undefined, { addresses: playPublic({}) }),
    EpisodeError,
    /moved\.md: transcript_url http:\/\/127\.0\.0\.1:\d+\/moved\.vtt redirected to http:\/\/127\.0\.0\.2\/t\.vtt, which points to 127\.0\.0\.2, a loopback/,
  );
});

test('a run without ALLOW_PRIVATE_URLS indexes the show notes and names each refused URL', async () => {
  const server = await serve((_req, res) => res.writeHead(500).end());
  const root = await testdir();
  const episodes = path.join(root, 'episodes');
  await fs.mkdir(episodes);
  await fs.writeFile(
    path.join(episodes, 'audio.md'),
    `---\ntitle: Private audio\naudio_url: ${server.url}/a.mp3\n---\n## Summary\nAbout lighthouses.\n`,
  );
  await fs.writeFile(path.join(episodes, 'transcript.md'), `---\ntitle: Private transcript\ntranscript_url: ${server.url}/t.vtt\n---\n`);
  const stack = await startStack(episodes, { ALLOW_PRIVATE_URLS: '0' });
  const report = await stack.index();
  assert.equal(report.indexed, 2);
  const reasons = new Map(report.failed.map((failure) => [path.basename(failure.file), failure.reason]));
  assert.equal(reasons.size, 2, [...reasons.values()].join('\n'));
  assert.match(reasons.get('audio.md') ?? '', /^audio http:\/\/127\.0\.0\.1:\d+\/a\.mp3 points to 127\.0\.0\.1, .*ALLOW_PRIVATE_URLS=1/);
  assert.match(
    reasons.get('transcript.md') ?? '',
    /transcript\.md: transcript_url http:\/\/127\.0\.0\.1:\d+\/t\.vtt points to 127\.0\.0\.1, .*ALLOW_PRIVATE_URLS=1/,
  );
  assert.equal(server.requests, 0);
});
