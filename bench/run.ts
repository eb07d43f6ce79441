import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedMeili } from '../adapters/meili/meili-server.ts';
import { analyseAudio, encodePiece, UPLOAD_BITS_PER_SECOND } from '../indexer/audio/transcode.ts';
import { maxPieceSeconds, planPieces } from '../src/audio/audio-pieces.ts';
import { indexNames } from '../src/documents/index-settings.ts';
import { speak } from '../tests/support/tone-speech.ts';
import { benchEnv, writeCatalogue } from './catalogue.ts';
import { diskBytes, engineCpu, engineMemory } from './engine-size.ts';
import { type Run, rawImport, timed } from './indexing.ts';
import { searchLatency } from './latency.ts';
import { readBenchmark } from './read-episodes.ts';
import { type Built, report } from './report.ts';
import { writeSections } from './sections.ts';

const USAGE = `Usage: npm run bench -- [--episodes N] [--minutes M] [--out FILE] [--keep DIR | --reuse DIR]
  --keep DIR   build the catalogue and its index in DIR and leave them there (DIR must be empty or absent)
  --reuse DIR  measure search against the index an earlier --keep run built in DIR; its indexing numbers are reported`;

/**
 * `npm run bench`: podgrep against Meilisearch itself, on this machine, in one run. See BENCHMARKS.md for the method.
 * Building 10,000 hour-long episodes takes ~15 minutes here, so a built index can be kept and measured again.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      episodes: { type: 'string' },
      minutes: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'string' },
      reuse: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if (values.keep && values.reuse) throw new Error(`--keep and --reuse exclude each other\n${USAGE}`);
  const root = path.resolve(values.reuse ?? values.keep ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'podgrep-bench-'))));
  const stateFile = path.join(root, 'bench-built.json');
  const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  let built: Built | undefined;
  if (values.reuse) {
    built = JSON.parse(
      await fs.readFile(stateFile, 'utf8').catch(() => {
        throw new Error(`${stateFile} is missing: --reuse takes a folder an earlier \`npm run bench -- --keep DIR\` finished`);
      }),
    ) as Built;
    if (values.episodes && Number(values.episodes) !== built.EPISODES)
      throw new Error(`${root} holds ${built.EPISODES} episodes, not ${values.episodes}`);
  } else if (values.keep && (await fs.readdir(root).catch(() => [])).length) {
    throw new Error(`--keep ${root}: the folder is not empty (to measure an index built there, use --reuse)`);
  }
  const EPISODES = built?.EPISODES ?? Number(values.episodes ?? 1000);
  const MINUTES = built?.MINUTES ?? Number(values.minutes ?? 60);
  const episodesDir = path.join(root, 'episodes');
  const dbPath = path.join(root, 'data', 'meilisearch', 'data.ms');

  try {
    const meili = await startEmbeddedMeili({ dataDir: path.join(root, 'data'), bin: undefined });
    const auth = { authorization: `Bearer ${meili.masterKey}`, 'accept-encoding': 'identity' };
    const env = { ...benchEnv(root, meili, 'bench') };
    const names = indexNames('bench');
    try {
      if (!built) {
        log(`Writing ${EPISODES} episodes of ${MINUTES} min to ${episodesDir}`);
        const catalogueStarted = performance.now();
        const { cues } = await writeCatalogue({ dir: episodesDir, episodes: EPISODES, minutes: MINUTES });
        log(`  written in ${((performance.now() - catalogueStarted) / 1000).toFixed(0)} s`);
        log('1/5 podgrep indexes the catalogue');
        const cpu = () => engineCpu(dbPath);
        const engineBefore = await cpu();
        const indexing = await timed(env, ['indexer/commands/index-command.ts']);
        const engineCpuSeconds = (await cpu()) - engineBefore;
        const stats = await indexStats(meili.host, auth);
        log(
          `  ${indexing.seconds.toFixed(0)} s (CPU: podgrep ${indexing.cpuSeconds.toFixed(0)} s, Meilisearch ${engineCpuSeconds.toFixed(0)} s)`,
        );
        log('2/5 the same documents as a raw NDJSON import');
        const raw = await rawImport(meili.host, auth, episodesDir, log, cpu);
        log(`  ${raw.seconds.toFixed(0)} s (CPU: Meilisearch ${raw.engineCpuSeconds.toFixed(0)} s)`);
        built = {
          EPISODES,
          MINUTES,
          cues,
          ...stats,
          indexing: { ...strip(indexing), engineCpuSeconds },
          raw,
          on: new Date().toISOString().slice(0, 10),
        };
        if (values.keep) await fs.writeFile(stateFile, JSON.stringify(built, null, 2));
      } else {
        log(`Reusing the index of ${EPISODES} episodes built in ${root} on ${built.on}`);
      }
      log('3/5 a no-op run over the unchanged catalogue');
      const noop = await timed(env, ['indexer/commands/index-command.ts']);

      log('4/5 search: interleaved, the plain, distinct and federated searches against /api/search');
      const search = await searchLatency(meili.host, auth, meili.masterKey, env, names, log);
      const engine = { diskBytes: await diskBytes(dbPath), memory: await engineMemory(dbPath) };

      log('5/5 transcription transport for a 128 kbps source');
      const transport = await uploadRatio(root);

      log('and reading 10,000 episode files, cold and from the parse cache (a no-op run)');
      const reading = await readBenchmark(10_000, log);

      const version = ((await (await fetch(`${meili.host}/version`, { headers: auth })).json()) as { pkgVersion: string }).pkgVersion;
      const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
      const markdown = report({
        ...built,
        command,
        reused: Boolean(values.reuse),
        noop: strip(noop),
        search,
        engine,
        transport,
        version,
        load: os.loadavg(),
      });
      console.log(`\n${markdown}\n${reading}`);
      await writeSections(values.out ?? 'BENCHMARKS.md', `${markdown}\n${reading}`);
      log(`Written to ${values.out ?? 'BENCHMARKS.md'}`);
    } finally {
      await meili.stop();
    }
  } finally {
    if (!values.keep && !values.reuse) await fs.rm(root, { recursive: true, force: true });
  }
}

const strip = ({ seconds, maxRssMb, cpuSeconds }: Run) => ({ seconds, maxRssMb, cpuSeconds });

async function indexStats(host: string, headers: Record<string, string>) {
  const stats = (await (await fetch(`${host}/stats`, { headers })).json()) as { indexes: Record<string, { numberOfDocuments: number }> };
  const documents = Object.entries(stats.indexes).reduce((sum, [uid, s]) => sum + (uid.startsWith('bench-') ? s.numberOfDocuments : 0), 0);
  return { documents, moments: stats.indexes['bench-moments']?.numberOfDocuments ?? 0 };
}

async function uploadRatio(root: string) {
  const dir = await fs.mkdtemp(path.join(root, 'transport-'));
  try {
    const source = path.join(dir, 'source.mp3');
    const lines = Array.from({ length: 200 }, (_, i) => ({ text: `line ${i} of a ten minute benchmark episode about schedulers` }));
    await speak(lines, source, { bitrate: '128k', channels: 2, sampleRate: 44100, minDuration: 600 });
    const { duration, silences } = await analyseAudio('ffmpeg', source, path.join(dir, 'source.wav'));
    let uploaded = 0;
    const pieces = planPieces(duration, silences, maxPieceSeconds(25_000_000, UPLOAD_BITS_PER_SECOND));
    for (const piece of pieces) uploaded += (await encodePiece('ffmpeg', path.join(dir, 'source.wav'), piece)).length;
    return { sourceBytes: (await fs.stat(source)).size, uploaded, seconds: duration };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
