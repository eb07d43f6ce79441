import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadRequestError, SearchEngineError } from '../../src/errors.ts';
import type { SearchBackend } from '../../src/ports.ts';
import { createApp } from '../../web/app.ts';
import { emptySearch } from '../support/fake-search.ts';
import { listen } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

/** A search engine whose every read fails with `error`, through the same port the real one fills. */
function failing(error: Error): SearchBackend {
  const fail = async () => {
    throw error;
  };
  return { ...emptySearch(), search: fail, timeline: fail, episode: fail, transcript: fail, health: fail };
}

async function app(error: Error) {
  const logged: string[] = [];
  const base = await listen(createApp({ search: failing(error), episodesDir: await testdir(), log: (line) => logged.push(line) }));
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  };
  return { get, logged };
}

test('the engine away: JSON for the API, the page with its message otherwise, text for the exports — 503 each', async () => {
  const { get } = await app(new SearchEngineError('The search engine is not answering; try again in a moment.'));
  const api = await get('/api/search?q=nif');
  assert.equal(api.status, 503);
  assert.deepEqual(JSON.parse(api.body), { error: 'The search engine is not answering; try again in a moment.' });
  const page = await get('/search?q=nif');
  assert.equal(page.status, 503);
  assert.match(page.type, /html/);
  assert.match(page.body, /The search engine is not answering/);
  assert.match(page.body, /value="nif"/, 'the search page keeps the query, so the listener can try again');
  const research = await get('/research?q=nif');
  assert.equal(research.status, 503);
  assert.match(research.body, /The search engine is not answering/);
  const episode = await get('/episodes/some-episode');
  assert.equal(episode.status, 503);
  assert.match(episode.body, /<h1>Something went wrong<\/h1>/);
  const vtt = await get('/episodes/some-episode/transcript.vtt');
  assert.equal(vtt.status, 503);
  assert.match(vtt.type, /text\/plain/);
  const health = await get('/healthz');
  assert.equal(health.status, 503);
  assert.equal(JSON.parse(health.body).searchEngine, 'unreachable');
});

test('a bad request is a 400 with its own message', async () => {
  const { get } = await app(new BadRequestError('page must be a whole number from 1 to 100'));
  const api = await get('/api/search?q=nif');
  assert.equal(api.status, 400);
  assert.deepEqual(JSON.parse(api.body), { error: 'page must be a whole number from 1 to 100' });
});

test('a bug is logged with its stack and shown as "something went wrong", never as the stack', async () => {
  const { get, logged } = await app(new TypeError('secret internals at /srv/podgrep/src/x.ts'));
  for (const path of ['/api/search?q=nif', '/search?q=nif', '/episodes/x', '/episodes/x/chapters.json']) {
    const answer = await get(path);
    assert.equal(answer.status, 500, path);
    assert.match(answer.body, /Something went wrong on our side/, path);
    assert.doesNotMatch(answer.body, /secret internals|\/srv\/podgrep/, path);
  }
  assert.ok(
    logged.some((line) => line.includes('TypeError: secret internals')),
    'the stack goes to the log',
  );
});
