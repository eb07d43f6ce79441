import fs from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { meiliClient } from '../adapters/meili/meili-client.ts';
import { meiliSearch } from '../adapters/meili/meili-search.ts';
import { startEmbeddedMeili } from '../adapters/meili/meili-server.ts';
import { runIndex } from '../indexer/commands/run-index.ts';
import { parseConfig } from '../src/config/config.ts';
import { indexNames } from '../src/documents/index-settings.ts';
import { createApp } from '../web/app.ts';
import { writeCatalogue } from './catalogue.ts';
import { writeSections } from './sections.ts';

/**
 * `npm run bench:episode`: the episode page of one long synthetic episode (a cue every 5 s, bench/catalogue.ts), read
 * whole, opened from a result (`&q=`, whose marks cost one more search of the episode's moments) and for the word said
 * most (every moment highlighted). The first answer of each is a warm-up and not counted. Prints the median and slowest of ROUNDS answers and the page's size, raw and gzipped.
 */
const { values } = parseArgs({ options: { minutes: { type: 'string', default: '60' }, rounds: { type: 'string', default: '60' } } });
const minutes = Number(values.minutes);
const rounds = Number(values.rounds);
const root = await fs.mkdtemp(path.join(os.tmpdir(), 'podgrep-bench-episode-'));
const episodesDir = path.join(root, 'episodes');
const { cues } = await writeCatalogue({ dir: episodesDir, episodes: 1, minutes });
const config = parseConfig({
  EPISODES_DIR: episodesDir,
  DATA_DIR: path.join(root, 'data'),
  MEILI_INDEX_PREFIX: 'bench-episode',
  RATE_LIMIT: '0',
});
const engine = await startEmbeddedMeili({ dataDir: path.join(root, 'data'), bin: undefined });
let server: Server | undefined;
try {
  await runIndex(config, engine, { log: () => {} });
  const app = createApp({ search: meiliSearch(meiliClient(engine), indexNames('bench-episode')), episodesDir, log: () => {} });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const web = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  console.log(`one episode of ${minutes} min, ${cues} cues; ${rounds} requests each`);
  const rows: string[] = [];
  for (const [name, query] of [
    ['whole page', ''],
    ['from a result', `?t=600&q=${encodeURIComponent('erlang cluster')}`],
    ['"the" marked throughout', '?t=600&q=the'],
  ] as const) {
    const times: number[] = [];
    let body = '';
    for (let i = 0; i <= rounds; i++) {
      const started = performance.now();
      const response = await fetch(`${web}/episodes/ep-00001${query}`);
      body = await response.text();
      if (i > 0) times.push(performance.now() - started);
    }
    const marks = body.match(/<mark>/g)?.length ?? 0;
    const lines = body.match(/<p class="line/g)?.length ?? 0;
    const p50 = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(1);
    const max = Math.max(...times).toFixed(1);
    const kb = (Buffer.byteLength(body) / 1024).toFixed(0);
    const gz = (gzipSync(body).length / 1024).toFixed(0);
    console.log(`${name.padEnd(24)} p50 ${p50} ms, max ${max} ms; ${lines} lines, ${marks} marks; ${kb} KB, ${gz} KB gzipped`);
    rows.push(`| ${name} | \`${query || '(none)'}\` | ${p50} | ${max} | ${lines} | ${marks} | ${kb} | ${gz} |`);
  }
  await writeSections(
    new URL('../BENCHMARKS.md', import.meta.url).pathname,
    [
      `## Episode page — ${minutes} min`,
      '',
      `\`npm run bench:episode -- --minutes ${minutes}\`, ${new Date().toISOString().slice(0, 10)}: one synthetic episode of ${cues} cues (a cue every 5 s), its page`,
      `requested ${rounds} times in a row over loopback (the first answer not counted). \`&q=\` adds one search of the`,
      "episode's moments, highlighted, for the marks (src/search/transcript-marks.ts).",
      '',
      '| page | query | p50 ms | max ms | lines | marks | KB | KB gzipped |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n'),
  );
} finally {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await engine.stop();
  await fs.rm(root, { recursive: true, force: true });
}
