import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readEpisodes } from '../indexer/sources/read-episodes.ts';
import { writeSections } from './sections.ts';
import { siteCoverage } from './site-coverage.ts';

/**
 * What reading the episode folder adds to a run: N episode files shaped like the shipped sample (YAML front matter,
 * sections, ~4 KB of notes, a third in sub-folders, a README), read cold (no cache: every file parsed) and warm (the
 * parse cache in DATA_DIR from the cold run, every file unchanged: what a no-op run pays). Issue 10's bound: a few
 * seconds at 10,000 files. `npm run bench` writes its section; `npm run bench:read` runs it alone.
 */
export async function readBenchmark(count: number, log: (line: string) => void = () => {}): Promise<string> {
  const sample = await fs.readFile(new URL('../episodes/emx-059-using-rust-to-scale-elixir.md', import.meta.url), 'utf8');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'podgrep-bench-read-'));
  try {
    const episodesDir = path.join(dir, 'episodes');
    for (const folder of ['interviews', 'releases']) await fs.mkdir(path.join(episodesDir, folder), { recursive: true });
    await fs.writeFile(path.join(episodesDir, 'README.md'), '# Episodes\n');
    for (let i = 0; i < count; i++) {
      const folder = i % 3 === 0 ? 'interviews' : i % 3 === 1 ? 'releases' : '';
      const text = sample
        .replace(/^title: [\s\S]*?\ndate:/m, `title: Episode ${i}\ndate:`)
        .replace(/episode_number: \d+/, `episode_number: ${i}`);
      await fs.writeFile(path.join(episodesDir, folder, `episode-${String(i).padStart(5, '0')}.md`), text);
    }
    const cacheFile = path.join(dir, 'data', 'cache', 'episode-files.v8');
    const run = async (cached: boolean) => {
      const started = performance.now();
      const catalogue = await readEpisodes(episodesDir, cached ? { cacheFile } : {});
      if (catalogue.episodes.length !== count) throw new Error(`read ${catalogue.episodes.length} of ${count} episodes`);
      return (performance.now() - started) / 1000;
    };
    const cold: number[] = [];
    const warm: number[] = [];
    for (let round = 0; round < 3; round++) {
      cold.push(await run(false));
      await fs.rm(path.dirname(cacheFile), { recursive: true, force: true });
      const first = await run(true); // writes the cache: a first run after a change
      warm.push(await run(true));
      log(`  round ${round + 1}: cold ${cold.at(-1)?.toFixed(2)} s, first cached ${first.toFixed(2)} s, warm ${warm.at(-1)?.toFixed(2)} s`);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
    const cacheBytes = (await fs.stat(cacheFile)).size;
    const load = os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ');
    return `## Reading episode files — ${count.toLocaleString('en')} files

Measured by \`npm run bench\` (or alone: \`npm run bench:read -- --episodes ${count}\`) on ${new Date().toISOString().slice(0, 10)}: \`readEpisodes\` over
${count.toLocaleString('en')} files shaped like the shipped sample (${(sample.length / 1024).toFixed(1)} KB: YAML front matter, Panel, Summary, Links and Picks sections), a third in each of two
sub-folders. Median of 3 rounds; load average at the end ${load} (1 / 5 / 15 min).

| read | seconds | per file |
| --- | --- | --- |
| cold: no cache, every file parsed | ${median(cold).toFixed(2)} | ${((median(cold) / count) * 1000).toFixed(3)} ms |
| **warm: no-op run, every file unchanged** (read, hashed, parse cache in \`DATA_DIR/cache\`) | **${median(warm).toFixed(2)}** | ${((median(warm) / count) * 1000).toFixed(3)} ms |

The cache file is ${(cacheBytes / 1024 / 1024).toFixed(1)} MB. A file whose bytes changed is parsed again; a change to podgrep's \`src/\`, its dependencies or
\`podgrep.yml\`'s fields drops the whole cache (\`indexer/sources/episode-cache.ts\`).
`;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { episodes: { type: 'string', default: '10000' }, dir: { type: 'string', multiple: true }, out: { type: 'string' } },
  });
  // `--dir FOLDER` (repeatable): try real episode folders instead, and say what came of their files.
  if (values.dir?.length) {
    for (const dir of values.dir) console.log(await siteCoverage(dir));
  } else {
    const markdown = await readBenchmark(Number(values.episodes), console.log);
    console.log(markdown);
    if (values.out) await writeSections(values.out, markdown);
  }
}
