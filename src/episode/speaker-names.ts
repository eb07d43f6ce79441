import { firstNamesOnly, nearName, sharedFirstNames, slipOf } from './first-names.ts';
import { personName, writesWord } from './people.ts';
import { daysOf, firstNameRegulars, networkRegulars, nicknamesOf, ofTheTime, type PodcastPerson, REGULAR } from './regulars.ts';
import { calls, firstName, nearPerson, samePerson, squash } from './same-person.ts';
import { labelsAnsweredBy } from './speaker-labels.ts';
import type { SpokenPeople } from './transcript-people.ts';

/**
 * What the rest of the catalogue says about the people a transcript's opening names (transcript-people.ts): how their
 * names are spelt, and who a speaker label nobody named stands for.
 */
export type Speakers = {
  /** Names by their letters alone (`charlesmaxwood`), as most episodes spell them. */
  spellings: ReadonlyMap<string, string>;
  /** How many episodes write each spelling. */
  times: ReadonlyMap<string, number>;
  /** The first names of the catalogue's people, upper-cased, as they write them ("AJ", "Patrick"). */
  firstNames: ReadonlyMap<string, string>;
  /** By podcast, then by upper-cased first name: everyone of that first name, with the days the podcast names them. */
  regulars: ReadonlyMap<string, ReadonlyMap<string, readonly PodcastPerson[]>>;
  /** By podcast: everyone on REGULAR episodes of it or more, whose first names a label alone may be a slip for. */
  everyRegular: ReadonlyMap<string, readonly string[]>;
  /** By upper-cased first name: a regular of two podcasts at least, the network's one regular of that first name. */
  networkRegulars: ReadonlyMap<string, readonly PodcastPerson[]>;
  /** By podcast, then by label: the host a nickname stands for ("CHUCK": Charles Max Wood), learnt from other episodes. */
  nicknames: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The same learnt across the network's podcasts: for a podcast where the host never says it. */
  networkNicknames: ReadonlyMap<string, string>;
  /** By podcast: the people its episodes name, by their letters alone. */
  members: ReadonlyMap<string, ReadonlySet<string>>;
  /** The network's hosts, by their letters alone: on the panel of this many episodes (REGULAR) of any podcast. */
  hosts: ReadonlySet<string>;
  /** Everyone on the panel of an episode at least, by their letters alone. */
  panelists: ReadonlySet<string>;
  /**
   * By podcast: first names its notes or labels give on REGULAR episodes or more, which no name in the catalogue has
   * ("Andrew & David discuss …" on a show that never writes their last names), upper-cased, as written.
   */
  firstNameRegulars: ReadonlyMap<string, ReadonlyMap<string, string>>;
};

type Named = { podcast?: string | undefined; date?: string | undefined; panel: string[]; guests: string[] };

/**
 * The catalogue's speakers. `openings`: the transcripts' openings, where a host says who a nickname is ("CHUCK: … I'm
 * Charles Max Wood"); a label stands for that name when the podcast's hosts say so three times at least, and no other.
 */
export function speakers(
  episodes: Iterable<Named>,
  openings: Iterable<{ podcast?: string | undefined; spoken: SpokenPeople; guests?: readonly string[] }> = [],
): Speakers {
  const counts = new Map<string, number>();
  const panelCounts = new Map<string, number>();
  const [byPodcast, hostsInFull] = [new Map<string, Map<string, string[]>>(), [] as [string, string][]];
  for (const episode of episodes) {
    for (const name of new Set(episode.panel.map((line) => squash(personName(line)))))
      panelCounts.set(name, (panelCounts.get(name) ?? 0) + 1);
    const names = new Set([...episode.panel, ...episode.guests].map(personName).filter((name) => name.includes(' ')));
    for (const name of episode.panel.map(personName)) if (name.includes(' ')) hostsInFull.push([episode.podcast ?? '', name]);
    const podcast = byPodcast.get(episode.podcast ?? '') ?? new Map<string, string[]>();
    byPodcast.set(episode.podcast ?? '', podcast);
    for (const name of names) {
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const dates = podcast.get(name) ?? [];
      podcast.set(name, dates);
      dates.push(episode.date ?? '');
    }
  }
  // Of two spellings ("Charles Max Wood", "Charles Maxwood"), the one more episodes write.
  const spellings = new Map<string, string>();
  for (const [name, count] of counts) {
    const held = spellings.get(squash(name));
    if (held === undefined || count > (counts.get(held) ?? 0)) spellings.set(squash(name), name);
  }
  const regulars = new Map<string, Map<string, PodcastPerson[]>>();
  const ofNetwork: { name: string; dates: string[]; podcast: string }[] = [];
  for (const [podcast, names] of byPodcast) {
    const people = new Map<string, string[]>();
    for (const [name, dates] of names) {
      const spelt = spellings.get(squash(name)) ?? name;
      people.set(spelt, (people.get(spelt) ?? []).concat(dates));
    }
    // Everyone of each first name, with the days the podcast names them: who a label stands for depends on the day.
    const first = new Map<string, PodcastPerson[]>();
    for (const [key, named] of Map.groupBy(people, ([name]) => firstName(name)))
      first.set(
        key,
        named.map(([name, dates]) => ({ ...daysOf(dates), name, episodes: dates.length })),
      );
    regulars.set(podcast, first);
    for (const [name, dates] of people) if (dates.length >= REGULAR) ofNetwork.push({ name, dates, podcast });
  }
  const said = new Map<string, Map<string, string[]>>();
  for (const { podcast, spoken } of openings) {
    if (!spoken.hostLabel) continue;
    const labels = said.get(podcast ?? '') ?? new Map<string, string[]>();
    said.set(podcast ?? '', labels);
    const names = labels.get(spoken.hostLabel) ?? [];
    labels.set(spoken.hostLabel, names);
    names.push(...spoken.hostNames.map((name) => spellings.get(squash(name)) ?? name));
  }
  const nicknames = new Map([...said].map(([podcast, labels]) => [podcast, nicknamesOf(labels)]));
  // "CHUCK" on a podcast where he never said who he is (a live Q&A), when he said so on the network's other podcasts.
  const network = new Map<string, string[]>();
  for (const labels of said.values()) for (const [label, names] of labels) network.set(label, (network.get(label) ?? []).concat(names));
  const members = new Map([...byPodcast].map(([podcast, names]) => [podcast, new Set([...names.keys()].map(squash))]));
  const hosts = new Set([...panelCounts].filter(([, count]) => count >= REGULAR).map(([name]) => name));
  return {
    spellings,
    times: counts,
    firstNames: sharedFirstNames([...spellings.values()]),
    regulars,
    everyRegular: new Map(
      [...regulars].map(([podcast, first]) => [
        podcast,
        [...first.values()].flat().flatMap((person) => (person.episodes >= REGULAR ? [person.name] : [])),
      ]),
    ),
    networkRegulars: networkRegulars(ofNetwork),
    nicknames,
    networkNicknames: nicknamesOf(network),
    members,
    hosts,
    panelists: new Set(panelCounts.keys()),
    firstNameRegulars: firstNameRegulars(openings, hostsInFull),
  };
}

/**
 * The episode with the people its transcript's opening names, where nothing else in its file names a panel (or guests);
 * beside a hand-written panel, only the catalogue's known people the roll call adds. A name the host gave themself
 * under a nickname counts when another episode names that person; who gave picks, when another episode of the podcast
 * does or they host on the network (not "Robert C. Martin", whose book a pick is). A speaker whose label no turn
 * explained ("AIMEE:") is the podcast's regular of that first name at the episode's date (`ofTheTime`), or the
 * network's, unless someone the episode names answers to it (a guest "Aimee Lee" is not the regular "Aimee Knight").
 * "CHUCK" is never guessed to be "Charles": it is Charles Max Wood only where the host said so in other episodes of the
 * podcast or, where the podcast names him or he hosts on the network, of the network's other podcasts (`nicknames`),
 * and not beside a "Charles Lantz" the episode names.
 * Someone who said who they are late in the transcript is a guest, or on the panel if they host on the network.
 */
export function withSpokenPeople<E extends Named & { title: string; picks?: { person: string }[]; summary?: string; otherNotes?: string }>(
  episode: E,
  spoken: SpokenPeople,
  known: Speakers,
): E {
  const spelt = (name: string) => known.spellings.get(squash(name)) ?? name;
  const named = [...episode.panel, ...episode.guests];
  const added: string[] = [];
  const add = (name: string) => {
    const fresh = ![...named, ...added].some((other) => samePerson(other, name));
    if (fresh) added.push(name);
    return fresh;
  };
  const panel: string[] = [];
  const regulars = known.regulars.get(episode.podcast ?? '');
  // The labels whoever gave picks answers to (`calls`), read once: a label is then a lookup, not a pass over the picks.
  const givers = new Set(
    (episode.picks ?? []).flatMap((pick) => {
      const first = firstName(pick.person);
      return [first, first.split('-')[0] ?? first].flatMap(labelsAnsweredBy);
    }),
  );
  const gave = (label: string) => givers.has(label.toUpperCase());
  const regularOf = (label: string) => {
    const network = known.networkNicknames.get(label);
    const nickname = known.nicknames.get(episode.podcast ?? '')?.get(label) ?? (network && member(network) ? network : undefined);
    // A first name no episode of the podcast gives anyone is the network's regular of it.
    const elsewhere = regulars?.has(label) ? undefined : known.networkRegulars.get(label);
    // A label a letter off a regular ("ERIKA:") that gave picks too; not one off someone named ("AVID:" by Avdi Grimm).
    const theirs = [...named, ...added].some((name) => nearName(firstName(name), label, true));
    const slip = () =>
      theirs || !gave(label) ? undefined : slipOf(label, regulars, known.firstNames, (people) => ofTheTime(people, episode.date));
    return ofTheTime(regulars?.get(label) ?? elsewhere, episode.date) ?? nickname ?? slip();
  };
  // "Rod Schimdt" in the roll call is the list's Rod Schmidt.
  const written = new Set(named.map(personName));
  const listed = (name: string) => written.has(personName(name)) || [...named, ...added].some((other) => nearPerson(other, name));
  // Who gave picks is of the podcast, or a host of the network (Charles Max Wood on My JavaScript Story).
  const member = (name: string) =>
    known.members.get(episode.podcast ?? '')?.has(squash(spelt(name))) || known.hosts.has(squash(spelt(name)));
  // "**Charles Max Woods**" giving picks is the podcast's Charles Max Wood, a slip of the pen away.
  const asMember = (name: string) => {
    if (member(name)) return name;
    const near = [...(known.members.get(episode.podcast ?? '') ?? [])].map((key) => known.spellings.get(key) ?? key);
    return near.find((other) => firstName(other) === firstName(name) && nearPerson(other, name)) ?? name;
  };
  // Beside the title's guest, a roll call's other guest the catalogue knows: "a special guest crew member, Ward Bell"
  // ("Jack Danger" is the title's Jack Danger Canty); on the panel if they host on the network (Ward Bell), not if they
  // were a guest before (Isaac Schlueter, twice a guest of JavaScript Jabber).
  const shortened = (name: string) => named.some((other) => other.startsWith(name) || name.startsWith(other));
  const alsoKnown = (name: string) => (known.times.get(spelt(name)) ?? 0) >= 2 && !listed(spelt(name)) && !shortened(spelt(name));
  const also = episode.guests.length ? spoken.guests.filter(alsoKnown).map(spelt).filter(add) : [];
  const host = (name: string) => known.hosts.has(squash(name));
  const guests = episode.guests.length ? also.filter((name) => !host(name)) : spoken.guests.map(spelt).filter(add);
  for (const name of also) if (host(name)) panel.push(name);
  // Someone the title names ("MAS 009 Roy Sivan: My Angular Story") is the episode's guest, however the host put it.
  const place = (name: string) => (writesWord(episode.title, name) && !episode.guests.length ? guests : panel).push(spelt(name));
  if (!episode.panel.length) {
    for (const name of spoken.panel) if (add(spelt(name))) place(name);
    for (const name of spoken.hostNames) if (known.spellings.has(squash(name)) && add(spelt(name))) panel.push(spelt(name));
    for (const name of (spoken.pickers ?? []).map(asMember)) if (member(name) && add(spelt(name))) place(name);
  } else {
    // A hand-written list that left out someone the roll call names and who answered ("Jaim Zuber." "Hey everybody."):
    // added when other episodes name that person too, so a misheard name is not.
    for (const name of [...spoken.panel, ...spoken.hostNames])
      if (known.spellings.has(squash(name)) && !listed(spelt(name)) && add(spelt(name))) place(name);
    for (const name of (spoken.pickers ?? []).map(asMember)) if (member(name) && !listed(spelt(name)) && add(spelt(name))) place(name);
  }
  // Labels and who gave picks by first name; beside a written list, only who gave picks ("(Shai)"): a stray "EVAN:"
  // before the roll call, or "CHUCK and JIM:", is no one the list left out.
  for (const label of spoken.labels.filter((label) => !episode.panel.length || gave(label))) {
    const regular = regularOf(label);
    // "AIMEE" is not the regular Aimee Knight when someone the episode names is called Aimee.
    // Nor the regular Lukas Ruebbelke when the list wrote "Lucas Reubbelke".
    // Nor Charles Max Wood, for "CHUCK", beside a Charles Lantz the episode names.
    const namesThem = (name: string) =>
      calls(name, label) || (regular !== undefined && (nearPerson(name, regular) || firstName(name) === firstName(regular)));
    if (regular && ![...named, ...added].some(namesThem) && add(regular)) panel.push(regular);
  }
  // "We just had Katrina join us." (RR 200) and KATRINA gave picks: the podcast's one Katrina, a regular before; "Ciro"
  // who gave picks, its one Ciro, a guest before whom the notes name ("… with Ciro Nunes"), not a guest of another
  // episode whose first name is all the notes give ("Jamie" over the guest's own links). Not "RAM:" beside Parashuram.
  const notes = `${episode.summary ?? ''}\n${episode.otherNotes ?? ''}`;
  for (const label of spoken.labels.filter(gave)) {
    const [one, ...others] = regulars?.get(label) ?? [];
    const taken = (them: string) => calls(them, label) || squash(them).includes(label.toLowerCase()) || nearPerson(them, one?.name ?? '');
    const sure = one && (one.episodes >= REGULAR || writesWord(notes, one.name.split(' ').at(-1) ?? ''));
    if (one && sure && !others.length && ![...named, ...added].some(taken) && add(one.name))
      (known.panelists.has(squash(one.name)) ? panel : guests).push(one.name);
  }
  // Not beside a written list: "(Jamie)" over picks pasted from the episode before.
  const alone =
    episode.panel.length || !spoken.labels.length
      ? []
      : firstNamesOnly(
          spoken,
          [...named, ...added, ...panel, ...guests],
          known.everyRegular.get(episode.podcast ?? '') ?? [],
          episode.title,
          new Map([...known.firstNames, ...(known.firstNameRegulars.get(episode.podcast ?? '') ?? [])]),
          regularOf,
        );
  for (const first of alone) if (add(first)) panel.push(first);
  // Who said who they are, late: beside a written list too, as no one else's slip.
  for (const name of spoken.introduced ?? [])
    if (!listed(spelt(name)) && add(spelt(name))) (host(spelt(name)) ? panel : guests).push(spelt(name));
  if (!panel.length && !guests.length) return episode;
  return { ...episode, panel: [...episode.panel, ...panel], guests: [...episode.guests, ...guests] };
}
