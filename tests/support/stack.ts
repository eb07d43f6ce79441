import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after } from 'node:test';
import express from 'express';
import { meiliClient } from '../../adapters/meili/meili-client.ts';
import { meiliSearch } from '../../adapters/meili/meili-search.ts';
import { type RunningMeili, startEmbeddedMeili } from '../../adapters/meili/meili-server.ts';
import { runIndex } from '../../indexer/commands/run-index.ts';
import type { RunReport } from '../../indexer/pipeline/run-report.ts';
import { type Config, parseConfig } from '../../src/config/config.ts';
import { indexNames } from '../../src/documents/index-settings.ts';
import type { SearchResponse } from '../../src/search/search-results.ts';
import { createApp } from '../../web/app.ts';
import { type FakeWhisper, type FakeWhisperOptions, startFakeWhisper } from './fake-whisper.ts';
import { testdir } from './testdir.ts';

/** Listens on a free loopback port; closed after the test file. */
export async function listen(app: express.Express): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  server.closeIdleConnections();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Serves a folder over HTTP the way a podcast host does: with Range requests, so players can seek. */
export function serveFiles(dir: string): Promise<string> {
  const app = express();
  app.use(express.static(dir));
  return listen(app);
}

/**
 * A real embedded Meilisearch in its own data folder, stopped when the current test (or, at the top of a file, the
 * file) ends.
 */
export async function testMeili(): Promise<RunningMeili & { dataDir: string }> {
  const dataDir = await testdir();
  const running = await startEmbeddedMeili({ dataDir, bin: undefined });
  after(() => running.stop());
  return { ...running, dataDir };
}

/** An episodes folder and an audio folder served over HTTP (with Range), as a podcast host serves them. */
export async function audioCatalogue(): Promise<{ episodes: string; audioDir: string; audioHost: string }> {
  const root = await testdir();
  const episodes = path.join(root, 'episodes');
  const audioDir = path.join(root, 'audio');
  await fs.mkdir(episodes);
  await fs.mkdir(audioDir);
  return { episodes, audioDir, audioHost: await serveFiles(audioDir) };
}

export type Stack = {
  config: Config;
  /** The environment that points podgrep's own commands (run as child processes) at this stack. */
  env: NodeJS.ProcessEnv;
  meili: RunningMeili & { dataDir: string };
  whisper: FakeWhisper;
  /** Base URL of the podgrep web app. */
  web: string;
  index(options?: { rebuild?: boolean }): Promise<RunReport>;
  /** `GET /api/search?q=` on the web app, as JSON; any status but 200 fails the test. */
  search(q: string): Promise<SearchResponse>;
  log: string[];
};

let prefixes = 0;

/**
 * The whole product on loopback: episodes in a temporary folder, a real Meilisearch, the fake transcription server
 * behind the real `openai` client, and the web app over the indexes it builds.
 */
export async function startStack(
  episodesDir: string,
  env: Record<string, string> = {},
  whisperOptions: FakeWhisperOptions = {},
): Promise<Stack> {
  const running = await testMeili();
  const whisper = await startFakeWhisper({ apiKey: 'test-key', ...whisperOptions });
  after(() => whisper.close());
  const settings: Record<string, string> = {
    EPISODES_DIR: episodesDir,
    // A folder of its own: beside the episodes it was /tmp/data for a folder made by testdir(), shared by test files
    // running at once (parse cache, transcripts, last-run.txt), and a second stack on the same episodes reused the
    // first one's transcripts.
    DATA_DIR: await testdir(),
    MEILI_INDEX_PREFIX: `test${process.pid}-${++prefixes}`,
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: whisper.url,
    // Every server in the tests is on loopback.
    ALLOW_PRIVATE_URLS: '1',
    RATE_LIMIT: '0',
    ...env,
  };
  const config = parseConfig(settings);
  const log: string[] = [];
  const names = indexNames(config.meili.indexPrefix);
  const web = await listen(
    createApp({
      search: meiliSearch(meiliClient(running), names),
      episodesDir,
      audioDirs: config.audioDirs,
      log: (line) => log.push(line),
    }),
  );
  const childEnv = { ...process.env, ...settings, MEILI_HOST: running.host, MEILI_MASTER_KEY: running.masterKey };
  return {
    config,
    env: childEnv,
    meili: running,
    whisper,
    web,
    log,
    search: async (q) => {
      const response = await fetch(`${web}/api/search?q=${encodeURIComponent(q)}`);
      assert.equal(response.status, 200, `${q}: HTTP ${response.status}`);
      return (await response.json()) as SearchResponse;
    },
    index: (options = {}) =>
      runIndex(config, running, {
        ...options,
        log: (line) => void (log.push(line), process.env.TEST_LOG && console.log(line)),
        transcriber: { backoffMs: 50 },
      }),
  };
}
