import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readEpisodes } from '../indexer/sources/read-episodes.ts';

/**
 * `npm run bench:read`: what reading the episode folder adds to a run that has nothing else to do. Writes N episode
 * files shaped like the shipped sample (YAML front matter, sections, ~4 KB of notes, a third in sub-folders, a
 * README), reads them three times and prints the median. Issue 10's bound: a few seconds at 10,000 files.
 */
const { values } = parseArgs({ options: { episodes: { type: 'string', default: '10000' }, dir: { type: 'string', multiple: true } } });
const count = Number(values.episodes);

// `--dir FOLDER` (repeatable): try real episode folders instead, and say what came of their files.
if (values.dir?.length) {
  for (const dir of values.dir) {
    const started = performance.now();
    const catalogue = await readEpisodes(dir);
    const episodes = catalogue.episodes.map((item) => item.episode);
    const has = (pick: (episode: (typeof episodes)[number]) => unknown) => episodes.filter((episode) => Boolean(pick(episode))).length;
    const files = episodes.length + catalogue.failures.length + catalogue.skipped.length;
    console.log(
      `${dir}: ${files} files, ${episodes.length} indexed, ${catalogue.skipped.length} skipped, ${catalogue.failures.length} failed, ` +
        `${catalogue.warnings.length} warnings; with title ${has((e) => e.title)}, date ${has((e) => e.date)}, audio ${has((e) => e.audioUrl)}, ` +
        `people ${has((e) => e.panel.length + e.guests.length)}, label ${has((e) => e.label)}; ${Math.round(performance.now() - started)} ms`,
    );
    for (const failure of catalogue.failures) console.log(`  ✗ ${failure.message.split('\n')[0]}`);
  }
  process.exit(0);
}
const sample = await fs.readFile(new URL('../episodes/emx-059-using-rust-to-scale-elixir.md', import.meta.url), 'utf8');
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'podgrep-bench-read-'));
try {
  for (const folder of ['interviews', 'releases']) await fs.mkdir(path.join(dir, folder));
  await fs.writeFile(path.join(dir, 'README.md'), '# Episodes\n');
  for (let i = 0; i < count; i++) {
    const folder = i % 3 === 0 ? 'interviews' : i % 3 === 1 ? 'releases' : '';
    const text = sample.replace(/^title: [\s\S]*?\ndate:/m, `title: Episode ${i}\ndate:`).replace(/episode_number: \d+/, `episode_number: ${i}`);
    await fs.writeFile(path.join(dir, folder, `episode-${String(i).padStart(5, '0')}.md`), text);
  }
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const catalogue = await readEpisodes(dir);
    times.push(performance.now() - started);
    if (catalogue.episodes.length !== count) throw new Error(`read ${catalogue.episodes.length} of ${count} episodes`);
  }
  times.sort((a, b) => a - b);
  const median = times[1] ?? 0;
  console.log(`readEpisodes, ${count} episode files (${(sample.length / 1024).toFixed(1)} KB each): median ${(median / 1000).toFixed(2)} s of 3 runs (${times.map((t) => (t / 1000).toFixed(2)).join(', ')}), ${(median / count).toFixed(3)} ms per file`);
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
