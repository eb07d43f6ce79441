import { ANNOUNCES, escapeRegExp, firstNameThenPronoun, firstWord, NAME_PREFIX, personName, writesWord } from './people.ts';
import { nearPerson } from './same-person.ts';

/**
 * Guests a title names in shapes other than "… with Ann Lee" confirmed by the notes (people.ts): "MJS 026 Chris
 * Coyier", "057 TMTC Jamis Buck Interview", "073 TMTC Grant Ingersoll - Lucene & Solr", "FS 263: Branden Silva on
 * Storytelling", "056 TMTC - Tom Preston-Werner (Github Co-founder)", a conference talk's "Complexity is Outside the
 * Code - Jessica Kerr - JS Remote Conf 2015", and "02 ExponentJS with Charlie Cheever" over notes that say nothing.
 * "AiA 154: Angular Animations" and "Agile Roots & Andrew Shafer" have the same shapes: these are candidates, which the
 * catalogue keeps only when someone it names elsewhere has the first name (catalogue-people.ts).
 */

// "MJS 026", "MAS 009", "#1", "TMTC 23 -", "RR 300", "057 TMTC", "47": the show's code and number that start a title.
const EPISODE_CODE = /^(?:#\d{1,4}|\p{Lu}\p{L}{0,5}\s?(\d{1,4})[A-Z]?|\d{1,4}(?:\s+\p{Lu}{2,5})?)(?=[\s:–—-])\s*[:–—-]?\s*/u;
// A series named in the title beside the guest: "My JS Story", "My Angular Story".
const SERIES = /^My\s+(?:\S+\s+){0,2}?Story\b\s*[:–—-]?\s*|\s*[:–—-]?\s*My\s+(?:\S+\s+){0,2}?Story$/u;
// "Allison McMillan", "AJ O’Neal", "Kingdom-Davies", "Kent C. Dodds".
const PART = String.raw`${NAME_PREFIX}?\p{Lu}[\p{Ll}\p{M}'’]+`;
const TITLE_NAME_WORD = new RegExp(String.raw`^(?:${PART}(?:-${PART})?|\p{Lu}\.?)$`, 'u');
// "Interview with Ann Lee", "Ann Lee Interview", "… - Part 2": words about the episode, not the name.
const ABOUT = /\bInterview(?:\s+with)?\b|\b(?:Part|Pt\.?)\s*\d+\b|\bMy\s+(?:\S+\s+){0,2}?Story\b/gu;
const WITH = /\s(?:with|featuring|feat\.?|ft\.)\s/i;
const EVERY_WITH = new RegExp(WITH, 'gi');
// "James Edward Gray II": no word of the name's length.
const SUFFIX = /\s+(?:II|III|IV|Jr\.?|Sr\.?)$/;
// "Andrew Talks Arduino" is a sentence, and "Will It Scale" a question, not names.
const SAYS =
  /^(?:Talks|Discusses|Explains|Shares|Joins|Returns|Chats|Interviews|Answers|Reviews|Teaches|It|Is|Are|To|For|And|Or|Not|Your|My|Our|This|That|How|Why|What|When|Do|Does|Can|Vs)$/;
// What follows a name in a title segment: "Branden Silva on Storytelling", "Brian Douglas of BlocIO".
const AFTER_NAME = /\s(?:on|of|from|at|about)\s.*$/;

/** The names the title writes, each with whether the notes or the title's shape say it is a person of the episode. */
export function namesInTitle(title: string, notes: string): string[] {
  if (ANNOUNCES.test(title)) return [];
  const code = EPISODE_CODE.exec(title);
  // A year is no episode number ("CES 2019", "2019 in Review").
  const number = code?.[1] ?? /^\d+/.exec(code?.[0] ?? '')?.[0] ?? '';
  const rest = code && !/^(?:19|20)\d\d$/.test(number) ? title.slice(code[0].length) : title;
  const segments = rest
    .replace(/\s*\([^)]*\)/g, ' ')
    .split(/\s*(?::|\s[-–—|+]\s)\s*/)
    .map((segment) => segment.replace(SERIES, '').replace(SERIES, '').trim())
    .filter(Boolean);
  // "Talk Title - Ann Lee - JS Remote Conf 2015": the speaker is between the talk and the conference.
  const talk = segments.length >= 3 && /\bConf(?:erence)?\b.*\b(?:19|20)\d\d$/.test(segments.at(-1) ?? '');
  let text: string | undefined;
  const names = new Set<string>();
  // "TMTC 21 - Miles Forrest - Part 2": the name alone, but for the part.
  const alone = segments.filter((segment) => segment.replace(ABOUT, '').trim()).length === 1;
  segments.forEach((segment, i) => {
    // The last "with": "Working with Unix Processes with Jesse Storimer".
    const withAt = Math.max(...[...segment.matchAll(EVERY_WITH)].map((match) => match.index ?? -1), -1);
    const said = (talk && i === segments.length - 2) || /\bInterview\s+with\b/.test(segment);
    const parts = withAt >= 0 ? [segment.slice(0, withAt), segment.slice(withAt).replace(WITH, '')] : [segment];
    // After the episode's code, a name alone ("TMTC 39 - Ben Curtis") or said what of ("FS 262: Kai Davis on Drumming up
    // Business", "TMTC 35 - Joe Ferris from Thoughtbot") is the title's shape for a guest, over notes that say nothing.
    const shaped = code !== null && i === 0 && (alone || AFTER_NAME.test(segment));
    // So is a name first and its topic after ("073 TMTC Grant Ingersoll - Lucene & Solr"), where the notes say its
    // first name ("Grant and I discuss …"): "JSJ 300: Brendan Eich - Reflections" over notes that never do is a topic.
    const first = code !== null && i === 0 && segments.length > 1;
    const inNotes = () => (text ??= notes.replace(/\s+/g, ' '));
    const firstSaid = (name: string) => writesWord(inNotes(), name.split(' ')[0] ?? '');
    parts.forEach((part, j) => {
      for (const name of listedNames(part.replace(ABOUT, ' ').replace(AFTER_NAME, ''))) {
        if (said || shaped || j === 1 || (first && firstSaid(name)) || inNotes().includes(name)) names.add(name);
      }
    });
  });
  return [...names];
}

/** "Ann Lee", "Ann Lee and Bo Diaz", "Ann Lee, Bo Diaz & Cy Wu": two or three name words each, or none of them. */
function listedNames(text: string): string[] {
  const names = text
    .trim()
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    // "… with GraphQL Uri Goldshtein": the topic's word before the name is no part of it.
    .map((name) => {
      const words = name.trim().split(/\s+/);
      return (words.length === 3 && !TITLE_NAME_WORD.test(words[0] ?? '') ? words.slice(1) : words).join(' ');
    })
    .filter(Boolean);
  const isName = (name: string) => {
    // "James Edward Gray II": the suffix is no word of the name's.
    const words = name.replace(SUFFIX, '').split(/\s+/);
    return (
      words.length >= 2 &&
      words.length <= 3 &&
      words.every((word) => TITLE_NAME_WORD.test(word) && !SAYS.test(word)) &&
      /^\p{Lu}\p{Ll}/u.test(words[0] ?? '') &&
      /^\p{Lu}\p{Ll}/u.test(words.at(-1) ?? '')
    );
  };
  return names.length && names.every(isName) ? names : [];
}

/**
 * "**Special Guest:** [Dan Mayer](…)", written once, in "RR 388: RuboCop … with Bozhidar Batsov", whom the notes talk
 * with and who gives picks: the guest line was copied from another episode's notes (also RRU 016, VoV 030). A guest
 * the notes name again, who gives picks, or whom the title writes another way ("Joshua S. Ponelat", "Josh
 * Ponelat"), stays.
 */
export function copiedGuests(
  noted: readonly string[],
  fromTitle: readonly string[],
  { picks, notes, panel }: { picks: readonly { person: string }[]; notes: string; panel: readonly string[] },
): string[] {
  const gave = (name: string) => picks.some((pick) => pick.person === name || pick.person === firstWord(name));
  // "Charles:" in the picks of "… with Charles Nutter" is the panel's Charles Max Wood as likely as the title's Charles.
  const hosts = new Set(panel.map((line) => firstWord(personName(line))));
  const givesPicks = (name: string) => gave(name) && !hosts.has(firstWord(name));
  if (!fromTitle.some((name) => givesPicks(name) && !noted.some((line) => personName(line) === name))) return [];
  const copied = (name: string) => !gave(name) && !fromTitle.some((other) => nearPerson(other, name)) && notes.split(name).length === 2;
  return noted.filter((line) => copied(personName(line)));
}

/**
 * "JSJ 261 HTTP 2 with Surma", then "Surma: JavaScript modules …" in the picks: a guest known by one name. Not Dustin of
 * "with Dustin and Dylan Bruzenak" over notes that write "Dustin Bruzenak".
 */
export function withOneNameGuests(
  guests: string[],
  panel: readonly string[],
  { title, picks, notes }: { title: string; picks: readonly { person: string }[]; notes: string },
): string[] {
  const at = title.toLowerCase().lastIndexOf(' with ');
  const names = at < 0 ? [] : title.slice(at + ' with '.length).split(/\s*(?:,|&|\band\b)\s*/);
  const known = new Set([...panel, ...guests].map((name) => firstWord(personName(name))));
  const sharesLast = (name: string, i: number) =>
    (names[i + 1] ?? '')
      .split(/\s+/)
      .slice(1)
      .some((word) => notes.includes(`${name} ${word}`));
  // Not "Gui" beside Guilherme Rambo, whom the title calls so.
  const shortFor = (name: string) => [...known].some((first) => first.startsWith(name) || name.startsWith(first));
  const more = names.filter(
    (name, i) => /^\p{Lu}\p{Ll}+$/u.test(name) && !shortFor(name) && !sharesLast(name, i) && picks.some((pick) => pick.person === name),
  );
  return more.length ? [...guests, ...more] : guests;
}

/**
 * "Kubernetes as per Kelsey Hightower" over a transcript whose speakers go by their initials ("[0:12:30.1] KH: …"
 * thirty times, beside the hosts' "BL:" and "CC:"): whoever speaks under initials no host has, and whose name the title
 * or else the file writes once with those initials ("we have John Harris." before "JH:"), is a guest, whatever other
 * files of the site write in a guests field (The Podlets). Only where some host's initials are a label too, so "AJ:" on
 * a show that labels by first name is nobody's initials.
 */
export function guestsByInitials(title: string, file: string, hosts: readonly string[]): string[] {
  const hostLabels = new Set(hosts.map(initials));
  // Most files have no host's initials as a label at all: a plain search says so before any pattern runs.
  if (![...hostLabels].some((label) => label.length >= 2 && file.includes(` ${label}: `))) return [];
  const turns = new Map<string, number>();
  for (const match of file.matchAll(/(?:^|[\s\]])([A-Z]{2,3}):\s/g)) turns.set(match[1] ?? '', (turns.get(match[1] ?? '') ?? 0) + 1);
  const speaks = (label: string) => (turns.get(label) ?? 0) >= 3;
  if (![...hostLabels].some(speaks)) return [];
  const labels = [...turns.keys()].filter((label) => speaks(label) && !hostLabels.has(label));
  if (!labels.length) return [];
  const namesIn = (text: string) => [...text.matchAll(NAMES)].map((match) => match[0].replace(/['’]s$/, ''));
  const [inTitle, inFile] = [namesIn(title), namesIn(file)];
  return labels.flatMap((label) => {
    const [one, ...others] = new Set(inTitle.filter((name) => initials(name) === label));
    if (one) return others.length ? [] : [one];
    // Not under a label that starts like a host's name: "CC:" is the host Carlisia, under her former name, not "Circuit
    // City". The title's name is surer: "CM:" beside her is its Craig McLuckie.
    // Of two names with the label's initials, the one introduced: "we have John Harris", not the author Jez Humble.
    const written = [...new Set(inFile.filter((name) => initials(name) === label))];
    const introduced = (name: string) =>
      new RegExp(String.raw`\b(?:we have|joined by|I['’]m|I am|my name is|special guest,?)\s+\[?${escapeRegExp(name)}`, 'i').test(file);
    const [found, ...more] = written.length > 1 ? written.filter(introduced) : written;
    return found && !more.length && !hosts.some((host) => host.charAt(0) === label.charAt(0)) ? [found] : [];
  });
}

/** "KH" of "Kelsey Hightower". */
function initials(name: string): string {
  return personName(name)
    .split(/\s+/)
    .map((word) => word.charAt(0))
    .join('')
    .toUpperCase();
}

// A name of two or three capitalised words: "Kelsey Hightower", "John Harris".
const NAMES = /(?<![\p{L}])\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}(?![\p{L}])/gu;

// "Simeron Taak talks freelancing …", "14: James Tucker shares …": the title's subject, someone on the episode.
const TITLE_SUBJECT =
  /^(?:(?:#|Ep\.?\s*|Episode\s+)?\d+\s*[-–—:.|]\s*)?(\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}[\p{Ll}'’-]+){1,2})\s+(?:talks|chats|discusses|shares|answers|explains)\b/u;

/**
 * The person a title opens with, who talks, chats or shares in it, where the notes speak of them by first name too
 * ("Simeron shares her passion …"): "Visual Studio Code talks to …" is no one the notes call "Visual".
 */
export function titleSubject(title: string, notes: string): string[] {
  const name = TITLE_SUBJECT.exec(title.trim())?.[1];
  return name && writesWord(notes, firstWord(name)) ? [name] : [];
}

/**
 * The title opens with the guest and says what on, and the notes write the name in full and speak of a person (one of
 * PERSON_SIGNS, or a first name then "she"): "Victoria Bateman on the Industrial Revolution" over "Victoria Bateman's
 * book recommendations"; not "Docker Compose on Windows", nor "Single Table Inheritance - Rails".
 */
export function titleOpensWith(title: string, name: string, notes: string): boolean {
  const written = escapeRegExp(name);
  if (!new RegExp(String.raw`^${written}\s+(?:on|[-–—:])\s`, 'u').test(title) || !notes.includes(name)) return false;
  const words: Record<string, string> = {
    NAME: written,
    FIRST: escapeRegExp(firstWord(name)),
    LAST: escapeRegExp(name.split(' ').at(-1) ?? ''),
  };
  const signs = PERSON_SIGNS.map((sign) => sign.replace(/NAME|FIRST|LAST/g, (word) => words[word] ?? word));
  return new RegExp(signs.join('|'), 'mu').test(notes) || firstNameThenPronoun(notes, name) !== undefined;
}

/** What the notes say only of a person, by the title's NAME (its FIRST and LAST names). */
const PERSON_SIGNS = [
  // "Victoria Bateman's book", "Scott Chacon, GitHub co-founder, discusses his …"
  String.raw`NAME(?:['’]s\b|,[^.\n]{0,80}\b(?:his|her|their)\b)`,
  // "Dr Bateman"
  String.raw`\b(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+LAST\b`,
  // turns of "Jarred Sumner: …"
  String.raw`^NAME:\s`,
  // "we have Ann Lee", "joined by", "welcome", "interviews", "talk with", "spoke with"
  String.raw`\b(?:we\s+have|joined\s+by|welcome|interview(?:s|ed)?|(?:talk|chat|speak|sit\s+down)(?:s|ed|ted)?\s+(?:with|to)|spoke\s+(?:with|to))\s+NAME\b`,
  // "excited to have Ann Lee on the show"
  String.raw`\bhave\s+NAME\s+on\b`,
  // "Armond's Recommendations"
  String.raw`\bFIRST['’]s\s+(?:recommend\w*|book|reading|research|paper|lecture|career|background)\b`,
  // "Jaime Sevilla is the Director of Epoch. This is his second time"
  String.raw`NAME\s+is\s+(?:a|an|the)\s[^.]{0,200}\.\s+[^.]{0,80}\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Tt]hey|[Tt]heir)\b`,
];
