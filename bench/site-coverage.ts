import { readEpisodes } from '../indexer/sources/read-episodes.ts';

/** `npm run bench:read -- --dir FOLDER`: what came of a real site's files, field by field, and why any failed. */
export async function siteCoverage(dir: string): Promise<string> {
  const started = performance.now();
  const catalogue = await readEpisodes(dir);
  const episodes = catalogue.episodes.map((item) => item.episode);
  const has = (pick: (episode: (typeof episodes)[number]) => unknown) => {
    const count = episodes.filter((episode) => Boolean(pick(episode))).length;
    return `${count} (${((count / Math.max(1, episodes.length)) * 100).toFixed(1)} %)`;
  };
  const files = episodes.length + catalogue.failures.length + catalogue.skipped.length;
  const lines = [
    `${dir}: ${files} files, ${episodes.length} indexed, ${catalogue.skipped.length} skipped, ${catalogue.failures.length} failed, ` +
      `${catalogue.warnings.length} warnings; with title ${has((e) => e.title)}, date ${has((e) => e.date)}, audio ${has((e) => e.audioUrl)}, ` +
      `people ${has((e) => e.panel.length + e.guests.length)}, guests ${has((e) => e.guests.length)}, label ${has((e) => e.label)}; ${Math.round(performance.now() - started)} ms`,
  ];
  for (const failure of catalogue.failures) lines.push(`  ✗ ${failure.message.split('\n')[0]}`);
  for (const warning of catalogue.warnings.slice(0, 20)) lines.push(`  ! ${warning.split('\n')[0]}`);
  return lines.join('\n');
}
