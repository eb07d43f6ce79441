import { personName } from './people.ts';
import { REGULAR } from './regulars.ts';
import { squash } from './same-person.ts';

/**
 * The host of an episode whose notes name no panel (a solo episode, or an interview that names only its guest), by the
 * account its files live under: TeachMeToCode's "This week I go into hiring developers" links its download at
 * `traffic.libsyn.com/charlesmaxwood/…`, its screencasts their code at `github.com/charlesmaxwood/…`. An account that
 * spells out the name of someone on the panels of REGULAR episodes or more is that person's; a link's other words
 * ("github.com/rails/rails", a file named after a guest) are not. So is a tag that names them on an episode that names
 * no one, as devchat.tv tags its people: the bonus episode reading "The MaxCoders Guide … by Charles Max Wood" under the
 * tag "Charles Max Wood". (A guest tagged so, whose notes never name them, and who hosts elsewhere, would be taken for
 * the host: none of devchat.tv's 3,129 episodes is.)
 */
type Named = { panel: string[]; guests: string[]; tags: string[] };

/** The accounts the notes link into (`traffic.libsyn.com/charlesmaxwood/…`, `…/charles-max-wood/…` give `charlesmaxwood`). */
export function accountsIn(markdown: string): { accounts?: string[] } {
  const accounts = new Set<string>();
  for (const match of markdown.matchAll(/\bhttps?:\/\/[^/\s()<>"']+\/(?:media\/)?([\w.-]{4,60})\//gi)) accounts.add(squash(match[1] ?? ''));
  return accounts.size ? { accounts: [...accounts] } : {};
}

/** `accountsOf`: the accounts of an item's notes (accountsIn). Pure: changes `episode` on each item it finds a host for. */
export function withHostsOfSolo<T extends { episode: Named }>(items: T[], accountsOf: (item: T) => readonly string[] | undefined): void {
  const panels = new Map<string, { name: string; count: number }>();
  for (const { episode } of items)
    for (const name of new Set(episode.panel.map(personName).filter((name) => name.includes(' ')))) {
      const held = panels.get(squash(name));
      panels.set(squash(name), { name: held?.name ?? name, count: (held?.count ?? 0) + 1 });
    }
  const hostOf = (account: string) => {
    const host = panels.get(account);
    return host && host.count >= REGULAR ? host.name : undefined;
  };
  for (const item of items) {
    const { episode } = item;
    if (episode.panel.length) continue;
    const tagged = episode.guests.length ? [] : episode.tags.map(squash);
    const host = [...(accountsOf(item) ?? []), ...tagged].map(hostOf).find(Boolean);
    if (host && !episode.guests.includes(host)) item.episode = { ...episode, panel: [host] };
  }
}
