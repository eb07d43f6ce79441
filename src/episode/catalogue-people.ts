import { withHostsOfSolo } from './account-host.ts';
import type { Episode, EpisodeFileResult } from './episode.ts';
import { knownNames, withNameRuns } from './name-runs.ts';
import { slipsOf, withCatalogueSpellings } from './name-spellings.ts';
import { withOneOffPanelistsAsGuests, withRegularsAsHosts } from './one-off-panelists.ts';
import { escapeRegExp, firstNameThenPronoun, firstWord, isPersonName, personName } from './people.ts';
import { type PeopleIds, withHosts, withPeopleNames } from './person-ids.ts';
import { firstName, initialFirst, sameOnEpisode, samePerson } from './same-person.ts';
import { speakers, withSpokenPeople } from './speaker-names.ts';
import { titleOpensWith } from './title-people.ts';

/** What reading one file left for the whole catalogue to settle: names that only other episodes can confirm or split. */
export type PeopleClues = Pick<
  Extract<EpisodeFileResult, { episode: Episode }>,
  | 'nameRuns'
  | 'titleGuests'
  | 'titleNames'
  | 'guestField'
  | 'hostField'
  | 'rolesUnsaid'
  | 'guessedGuests'
  | 'writtenNames'
  | 'spoken'
  | 'accounts'
>;

/** The site's people: ids from its person files, and hosts from podgrep.yml (`hosts:`), by podcast. */
export type SitePeople = { ids: PeopleIds; hosts: Record<string, string[]> };

/**
 * The people of every episode once every file is read, in this order: ids turned into the names their person files
 * give; the podcast's hosts for an episode that names none; a title's guests, on a site that keeps no guests field
 * (episode.ts); runs of names split by the names other episodes write apart (name-runs.ts); people a pasted
 * transcript's opening names (transcript-people.ts, speaker-names.ts), checked against all of the above; and last, a
 * guest the title names by itself beside the episode's code (people.ts); then each person under the catalogue's spelling
 * (name-spellings.ts). Pure: changes `episode` on each item.
 */
export function withCataloguePeople<T extends { episode: Episode; file: string }>(
  items: T[],
  cluesOf: (item: T) => PeopleClues | undefined,
  site: SitePeople,
  warn: (message: string) => void,
): void {
  const hasHosts = Object.keys(site.hosts).length > 0;
  for (const item of items) {
    const clues = cluesOf(item);
    item.episode = withPeopleNames(item.episode, site.ids, (message) => warn(`${item.file}: ${message}`), clues?.writtenNames);
    if (hasHosts) item.episode = withHosts(item.episode, site.hosts);
  }
  // "Get Movin' With Framer Motion" names a library: a title's guest counts only where no file has a guests field.
  const titleGuests = !items.some((item) => cluesOf(item)?.guestField);
  const runGuests = (item: T) => Boolean(cluesOf(item)?.nameRuns?.guests.length);
  if (titleGuests) for (const item of items) if (!runGuests(item)) item.episode = withTitleGuests(item.episode, cluesOf(item));
  const withRuns = items.filter((item) => cluesOf(item)?.nameRuns);
  if (withRuns.length) {
    // Not "Jaim Uber", which would make "Jaim" in "Panel: Gui Jaim Erica Andrew" two people (name-spellings.ts).
    const episodes = items.map((item) => item.episode);
    const known = knownNames(episodes, slipsOf(episodes));
    for (const item of withRuns) {
      const runs = cluesOf(item)?.nameRuns;
      if (runs) item.episode = withNameRuns(item.episode, runs, known);
      // The run's guests were all panelists: the title's guest, then.
      if (titleGuests && runGuests(item) && !item.episode.guests.length) item.episode = withTitleGuests(item.episode, cluesOf(item));
    }
  }
  const withSpoken = items.filter((item) => cluesOf(item)?.spoken);
  if (withSpoken.length) {
    const openings = withSpoken.flatMap((item) => {
      const spoken = cluesOf(item)?.spoken;
      return spoken ? [{ podcast: item.episode.podcast, spoken, guests: item.episode.guests }] : [];
    });
    const known = speakers(
      items.map((item) => withSpokenNames(item.episode, cluesOf(item))),
      openings,
    );
    for (const item of withSpoken) {
      const spoken = cluesOf(item)?.spoken;
      if (spoken) item.episode = withSpokenPeople(item.episode, spoken, known);
    }
    // A show that names its hosts by first name alone: an episode whose notes name nobody else has those the notes speak
    // of ("David asks Andrew …", "- Andrew's bank nightmare"), not a "David Bowie".
    for (const item of items) {
      const regulars = known.firstNameRegulars.get(item.episode.podcast ?? '');
      // What the episode found ("Andrew talks about …", a guest taken for a panelist) may leave one out ("David picking …").
      if (!regulars?.size || cluesOf(item)?.hostField) continue;
      const notes = `${item.episode.summary}\n${item.episode.otherNotes}`;
      const present = new Set([...item.episode.panel, ...item.episode.guests].map(firstName));
      // Whether the notes speak of the regular, in their own spelling ("JMAC:" is the notes' "JMac"). "Will the new loader
      // …?" asks; "Will is …" speaks of him. Not where the notes talk with someone else of that first name ("with
      // physicist Sean Carroll … Sean's new book"); a link "Robb Lewis on Twitter" may well be the host himself.
      const speaksOf = (name: string): string | undefined => {
        const word = firstWord(name);
        const first =
          escapeRegExp(word.charAt(0)) + [...word.slice(1)].map((letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`).join('');
        const other = new RegExp(String.raw`\bwith\s+(?:\p{Ll}+\s+){0,2}${first}\s+(\p{Lu}[\p{L}'’-]*)`, 'gu');
        if ([...notes.matchAll(other)].some((match) => !name.endsWith(` ${match[1]}`))) return undefined;
        const spoken = new RegExp(
          String.raw`(?<![\p{L}])${first}(?![\p{L}])(?!\s+(?:\p{Lu}|(?:the|a|an|this|that|it|we|you|they|there)\b))`,
          'u',
        ).exec(notes)?.[0];
        // Not a transcript's "CHUCK:" for Chuck.
        return spoken && (name.includes(' ') || (spoken.length > 2 && spoken === spoken.toUpperCase()) ? name : spoken);
      };
      const named = [...regulars].flatMap(([label, name]) => (present.has(label) ? [] : (speaksOf(name) ?? [])));
      // A first name a label gave ("Jmac" of "JMAC:") as the notes spell it.
      const panel = item.episode.panel.map((name) => (name.includes(' ') ? name : (speaksOf(name) ?? name)));
      if (named.length || panel.some((name, i) => name !== item.episode.panel[i]))
        item.episode = { ...item.episode, panel: [...panel, ...named] };
    }
  }
  // A site's guests field says who is a guest, and who is a host as well (ADO's "2015 in review" has its hosts as both).
  if (!items.some((item) => cluesOf(item)?.guestField)) {
    withTitleNames(items, cluesOf, runGuests, withSpoken);
    // Notes write "### Panel - Alex Russell - AJ O’Neal …" above "we have a special guest … Alex Russell": a guest, then.
    for (const item of items) {
      const { panel, guests } = item.episode;
      const notGuest = (name: string) => !guests.some((guest) => sameOnEpisode(guest, name));
      // Under the fuller of the two names: "E. Scott Sweeney, CPA" in the list, "Scott Sweeney" in the roll call.
      const fuller = (guest: string) => panel.map(personName).find((name) => initialFirst(name, guest)) ?? guest;
      if (!panel.every(notGuest)) item.episode = { ...item.episode, panel: panel.filter(notGuest), guests: guests.map(fuller) };
    }
  }
  withHostsOfSolo(items, (item) => cluesOf(item)?.accounts);
  withOneOffPanelistsAsGuests(items, (item) => Boolean(cluesOf(item)?.rolesUnsaid));
  withRegularsAsHosts(items, (item) => cluesOf(item)?.guessedGuests ?? []);
  withCatalogueSpellings(items);
}

/**
 * "MJS 026 Chris Coyier" names its guest; "AiA 154: Angular Animations" has the same shape. A title's name counts when
 * the catalogue's people have that first name (no one is called Angular), on a site with no guests field.
 */
function withTitleNames<T extends { episode: Episode }>(
  items: T[],
  cluesOf: (item: T) => PeopleClues | undefined,
  runGuests: (item: T) => boolean,
  withSpoken: T[],
): void {
  const firstNames = firstNamesOf(items.map((item) => item.episode));
  // Or of someone who answered a roll call and is one of the catalogue's people ("Jamis" answered in RR 268).
  const people = new Set(items.flatMap((item) => [...item.episode.panel, ...item.episode.guests]));
  for (const item of withSpoken)
    for (const name of [...(cluesOf(item)?.spoken?.panel ?? []), ...(cluesOf(item)?.spoken?.guests ?? [])])
      if (people.has(name)) firstNames.add(firstWord(name));
  for (const item of items) {
    // "Getting Started with Facebook Ads": of a name whose first name nobody has, the notes write the last word in lower
    // case ("ads", "open source") when it is no one's name.
    const notAName = (runGuests(item) ? [] : (cluesOf(item)?.titleGuests ?? [])).filter(
      (name) => !firstNames.has(firstWord(name)) && writtenLowerCase(name.split(' ').at(-1) ?? '', item.episode),
    );
    if (notAName.length) item.episode = { ...item.episode, guests: item.episode.guests.filter((name) => !notAName.includes(name)) };
    const { panel, guests } = item.episode;
    // "JSJ 391 - Grant Funding" over notes that write "funding": a topic, though two people are called Grant.
    const titleNames = (cluesOf(item)?.titleNames ?? []).filter((name) => !writtenLowerCase(name.split(' ').at(-1) ?? '', item.episode));
    const known = titleNames.filter((name) => firstNames.has(firstWord(name)));
    // Called by first name counts where every other name of the title counts too: not Ivan without Pavel.
    const labels = cluesOf(item)?.spoken?.labels ?? [];
    const called = titleNames.filter((name) => !known.includes(name) && calledByFirstName(name, item.episode, labels));
    const each = titleNames.every((name) => known.includes(name) || called.includes(name));
    const names = titleNames.filter(
      (name) => (known.includes(name) || (each && called.includes(name))) && !panel.some((other) => samePerson(other, name)),
    );
    // "… with Justin Gordon and Rob Wise" over notes that name Justin alone: the title's guests, all of them.
    const fromTitle = guests.every((guest) => titleNames.some((name) => samePerson(name, guest)));
    const withAt = item.episode.title.toLowerCase().lastIndexOf(' with ');
    const withWhom = guests.length && withAt >= 0 ? item.episode.title.slice(withAt) : '';
    const more = names.filter(
      (name) => ![...guests, ...panel].some((other) => sameOnEpisode(other, name)) && (!guests.length || withWhom.includes(name)),
    );
    if (more.length && fromTitle) item.episode = { ...item.episode, guests: [...guests, ...more] };
  }
}

/**
 * First names of the catalogue's people: of two people or more ("Charlie": Charlie Cheever, Charlie Nutter), or of one
 * that two episodes name ("Jamis": Jamis Buck). "Facebook Ads", one episode's mistake, gives none.
 */
function firstNamesOf(episodes: Episode[]): Set<string> {
  const people = new Map<string, Map<string, number>>();
  for (const episode of episodes) {
    const names = new Set([...episode.panel, ...episode.guests].map(personName).filter((name) => name.includes(' ') && isPersonName(name)));
    for (const name of names) {
      const first = people.get(firstWord(name)) ?? new Map<string, number>();
      people.set(firstWord(name), first.set(name, (first.get(name) ?? 0) + 1));
    }
  }
  const named = (names: Map<string, number>) => names.size >= 2 || [...names.values()].some((count) => count >= 2);
  return new Set([...people].filter(([, names]) => named(names)).map(([first]) => first));
}

// What only someone does in a line of notes about them: "Docker uses layers", "Rails works" are products.
const OPINES = String.raw`(?:likes|loves|hates|prefers|thinks|believes|feels|argues)`;

/**
 * "TMTC 27 - Geoffrey Grosenbach" over notes that say "Resources that Geoffrey mentioned …; he recommends": the notes
 * speak of the title's name by its first word alone, then "he" or "she" (people.ts), and never write its last word
 * alone: "JSJ 410: Ember Octane" over "Ember is … Octane brings … he" is a product, as is "AiA 154: Angular Animations"
 * over "… animations". Or the first name gives picks or speaks ("FS 263: Branden Silva on …", then "Branden: [a
 * book](…)"; "… with Justin Gordon and Rob Wise", then "ROB:"), or the full name gives picks ("MRS 020: My Ruby Story -
 * Ruberto Paulo").
 */
function calledByFirstName(name: string, episode: Episode, labels: readonly string[]): boolean {
  const notes = `${episode.summary}\n${episode.otherNotes}`;
  const last = name.split(' ').at(-1) ?? '';
  const lastAlone = new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(last)}(?![\p{L}\p{N}])`, 'iu').test(notes.replaceAll(name, ''));
  const topic = /^\S+ing\s|(?:^|\s)(?:The|Your|Our|My|A|An)(?:\s|$)/.test(name);
  const first = firstWord(name);
  const speaks = episode.picks.some((pick) => pick.person === first || pick.person === name) || labels.includes(first.toUpperCase());
  // A talk's speaker between its title and its conference: "Developing Hybrid Mobile Apps - Rahat Khanna - JS Remote
  // Conf 2015".
  const talk = new RegExp(String.raw`\s[-–—]\s${escapeRegExp(name)}\s[-–—]\s[^-–—]*\bConf(?:erence)?\b[^-–—]*\b(?:19|20)\d\d$`, 'u');
  if (!topic && talk.test(episode.title)) return true;
  // "Victoria Bateman on the Industrial Revolution" (title-people.ts), not "Grant Funding" over notes that say "funding".
  if (!topic && titleOpensWith(episode.title, name, notes) && !writtenLowerCase(last, episode)) return true;
  // "RC 8 - Interview with Pratik Naik" over "In this interview with Pratik, we discuss …".
  const interviewed =
    /\bInterview\s+with\b/i.test(episode.title) && new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(first)}(?![\p{L}])`, 'u').test(notes);
  // "Jorge likes Cucumber's Given-When-Then" beside "Evan likes …", under "Acceptance Testing with Evan Light and Jorge Dias".
  const subject = new RegExp(String.raw`(?:^|[.!?]\s+)${escapeRegExp(first)}\s+${OPINES}\b`, 'mu').test(notes);
  // The host's own words: "Grant and I discuss …", "Today I am joined by Karl Wright, …".
  const host = new RegExp(
    String.raw`(?<![\p{L}])${escapeRegExp(first)} and I (?:talk|discuss|chat)|\bI(?: am|['’]m) joined by ${escapeRegExp(name)}\b`,
    'u',
  ).test(notes);
  return !topic && !lastAlone && (speaks || interviewed || subject || host || firstNameThenPronoun(notes, name) !== undefined);
}

function writtenLowerCase(word: string, episode: Episode): boolean {
  // Not in an address: "blog@lichter.io", "lichter.io", "/lichter", "@philip_kiely" ("open-source" is a word, though).
  const lower = new RegExp(`(?<![\\p{L}./@_])${escapeRegExp(word.toLowerCase())}(?![\\p{L}])`, 'u');
  return word !== word.toLowerCase() && lower.test(`${episode.summary}\n${episode.otherNotes}`);
}

function withTitleGuests(episode: Episode, clues: PeopleClues | undefined): Episode {
  const names = clues?.titleGuests ?? [];
  return names.length ? { ...episode, guests: [...new Set([...episode.guests, ...names])] } : episode;
}

/** The people a transcript confirmed by their answer count as named, like those of a Panel list. */
function withSpokenNames(episode: Episode, clues: PeopleClues | undefined): Episode {
  const spoken = clues?.spoken;
  return spoken ? { ...episode, panel: [...episode.panel, ...spoken.panel], guests: [...episode.guests, ...spoken.guests] } : episode;
}
