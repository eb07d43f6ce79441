import type { Episode } from './episode.ts';
import { personName } from './people.ts';
import { REGULAR } from './regulars.ts';
import { squash } from './same-person.ts';

/**
 * On an episode whose one field of everyone names its people, with no hosts or guests field (`rolesUnsaid`), and
 * that names no guest, a panelist on no other episode of the podcast, beside one of its regulars (on REGULAR episodes or more), is the guest: sites that list everyone on an
 * episode in one field (The Ridge's `speakers: [greg-bolen, ethan-carter-edwards]`, Kodsnack's `people`) leave the
 * roles to the reader, who knows the show's hosts from its other episodes. Pure: changes `episode` on the items it moves.
 */
export function withOneOffPanelistsAsGuests<T extends { episode: Episode }>(items: T[], rolesUnsaid: (item: T) => boolean): void {
  const times = new Map<string, number>();
  const key = (episode: Episode, name: string) => `${episode.podcast ?? ''}\n${squash(personName(name))}`;
  for (const { episode } of items)
    for (const name of new Set(episode.panel.map((name) => key(episode, name)))) times.set(name, (times.get(name) ?? 0) + 1);
  for (const item of items) {
    const { panel, guests } = item.episode;
    const count = (name: string) => times.get(key(item.episode, name)) ?? 0;
    if (!rolesUnsaid(item) || guests.length || !panel.some((name) => count(name) >= REGULAR)) continue;
    const once = panel.filter((name) => count(name) === 1);
    if (once.length && once.length < panel.length)
      item.episode = { ...item.episode, panel: panel.filter((name) => count(name) !== 1), guests: once };
  }
}
