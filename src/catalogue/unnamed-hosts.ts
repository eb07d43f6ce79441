/** A podcast most of whose episodes name no host, and how many. */
export type UnnamedHosts = { podcast: string; without: number; of: number };

/** Podcasts this small are left alone: a handful of episodes without a host says little. */
const MIN_EPISODES = 10;

/**
 * Podcasts on which half the episodes or more name no host once everything is read: their hosts are in the site's
 * templates, or only ever say "I" (Luftpost, The Audrow Nash Podcast). One line of podgrep.yml (`hosts:`) names them on
 * every episode, which the run suggests. Podcasts by how many episodes lack a host, most first.
 */
export function podcastsWithoutHosts(episodes: readonly { podcast?: string | undefined; panel: readonly string[] }[]): UnnamedHosts[] {
  const counts = new Map<string, { without: number; of: number }>();
  for (const { podcast = '', panel } of episodes) {
    const count = counts.get(podcast) ?? { without: 0, of: 0 };
    counts.set(podcast, { without: count.without + (panel.length ? 0 : 1), of: count.of + 1 });
  }
  return [...counts]
    .filter(([, { without, of }]) => of >= MIN_EPISODES && without * 2 >= of)
    .map(([podcast, count]) => ({ podcast, ...count }))
    .sort((a, b) => b.without - a.without);
}
