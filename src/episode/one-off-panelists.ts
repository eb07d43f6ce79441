import type { Episode } from './episode.ts';
import { personName } from './people.ts';
import { REGULAR } from './regulars.ts';
import { squash } from './same-person.ts';

/**
 * On an episode whose one field of everyone names its people, with no hosts or guests field (`rolesUnsaid`), and that
 * names no guest, a panelist on no other episode of the podcast, beside one of its regulars (on REGULAR episodes or
 * more), is the guest: sites that list everyone on an episode in one field (The Ridge's `speakers: [greg-bolen,
 * ethan-carter-edwards]`, Kodsnack's `people`) leave the roles to the reader, who knows the show's hosts from its other
 * episodes. Pure: changes `episode` on the items it moves.
 */
export function withOneOffPanelistsAsGuests<T extends { episode: Episode }>(items: T[], rolesUnsaid: (item: T) => boolean): void {
  const times = panelTimes(items);
  for (const item of items) {
    const { panel, guests } = item.episode;
    const count = (name: string) => times.get(personKey(item.episode, name)) ?? 0;
    if (!rolesUnsaid(item) || guests.length || !panel.some((name) => count(name) >= REGULAR)) continue;
    const once = panel.filter((name) => count(name) === 1);
    if (once.length && once.length < panel.length)
      item.episode = { ...item.episode, panel: panel.filter((name) => count(name) !== 1), guests: once };
  }
}

/**
 * A guest only by speaking after someone else first (`guessed`), who is on the podcast's panel of REGULAR episodes or
 * more, is a host: Patoarchitekci's two hosts take turns to open the show, and the second to speak is no guest.
 */
export function withRegularsAsHosts<T extends { episode: Episode }>(items: T[], guessed: (item: T) => readonly string[]): void {
  const times = panelTimes(items);
  for (const item of items) {
    const key = (name: string) => personKey(item.episode, name);
    const regular = new Set(
      guessed(item)
        .filter((name) => (times.get(key(name)) ?? 0) >= REGULAR)
        .map(key),
    );
    const { panel, guests } = item.episode;
    if (regular.size)
      item.episode = {
        ...item.episode,
        panel: [...panel, ...guests.filter((name) => regular.has(key(name)))],
        guests: guests.filter((name) => !regular.has(key(name))),
      };
  }
}

/** On how many episodes of its podcast each person is on the panel, by podcast and name. */
function panelTimes(items: readonly { episode: Episode }[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const { episode } of items) {
    const names = new Set(episode.panel.map((name) => personKey(episode, name)));
    for (const name of names) times.set(name, (times.get(name) ?? 0) + 1);
  }
  return times;
}

/** A person of a podcast, however the name is written ("Łukasz Kałużny", "ŁUKASZ KAŁUŻNY"). */
function personKey(episode: Episode, name: string): string {
  return `${episode.podcast ?? ''}\n${squash(personName(name))}`;
}
