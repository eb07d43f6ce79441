import { editDistance } from './edit-distance.ts';

/**
 * A person's name as facets show it, from a panel or guest line as show notes write it: "Charles Max Wood (twitter
 * github Teach Me To Code…)", "Charles Max Wood - host", "Host: Charles Max Wood @cmaxw" all become "Charles Max Wood",
 * so one person is one facet value. Pure, and applied where documents are built: the page shows the lines as written.
 */
export function personName(line: string): string {
  let name = NAMES.get(line);
  if (name === undefined) {
    name = nameOf(line);
    // The catalogue's steps ask for the same few thousand lines again and again: 60,000 times over 10,000 episodes.
    if (NAMES.size >= 50_000) NAMES.clear();
    NAMES.set(line, name);
  }
  return name;
}

const NAMES = new Map<string, string>();

function nameOf(line: string): string {
  let name = line
    // Zero-width spaces pasted from a CMS would make "Caleb Wells" and "Caleb Wells\u200b" two people.
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    // Links and handles are how to reach someone, not their name.
    .replace(/https?:\/\/\S+/gi, ' ')
    .replace(/(^|\s)@[\w.-]+/g, ' ')
    // Whatever is in brackets describes the person; an unclosed bracket runs to the end of the line.
    .replace(/\([^)]*\)?|\[[^\]]*\]?|\{[^}]*\}?/g, ' ')
    // So does a nickname in quotes: Robert "Uncle Bob" Martin.
    .replace(/(?<=\p{L})\s+["“][^"“”]{1,30}["”]\s+(?=\p{Lu})/gu, ' ');
  // "Host: Ada Lovelace" names the role first; "Ada Lovelace: host" names it after.
  name = name.replace(/^\s*(?:special\s+)?(?:co-?)?(?:hosts?|guests?|panel(?:ists?)?|moderators?)\s*:\s*/i, '');
  // The name is what comes before a dash, colon, bar or comma that starts a description.
  name = name.split(/\s[-–—|>]\s|[:|,;>]|\s[–—]|[–—]\s/)[0] ?? '';
  // "Spencer Carli of HandleBar Labs", "Ann Lee from Acme": where the person works; "Attorney Jared Richards": what.
  name = (name.split(/\s(?:of|from|at)\s(?=\p{Lu})/u)[0] ?? '').replace(
    /^\s*(?:Attorney|Dr\.?|Doctor|Prof\.?|Professor)\s+(?=\p{Lu})/u,
    '',
  );
  return (
    name
      // Emphasis marks go; an underscore inside a handle (`JDM_WAAAT`) is part of the name.
      .replace(/[*`"“”]+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.…-]+|[\s.…-]+$/g, '')
      .trim()
  );
}

/** Lower-case words inside a name: "Benno van Dyke", "Fernando Hamasaki de Amorim". */
export const PARTICLE = 'd[aeiu]|de[nrl]?|dos|das|van|von|ter|ten|al|bin|la|le';

/**
 * A prefix after which a name word has a second capital: "McHale", "O’Neal", "DeVries". "NanoLeaf" and "JavaScript"
 * are not names.
 */
/** Words that can start a sentence or a greeting in capitals but are no first name. */
export const NOT_FIRST: ReadonlySet<string> = new Set([
  'I',
  'A',
  'An',
  'And',
  'Also',
  'The',
  'We',
  'So',
  'Hey',
  'Hi',
  'Hello',
  'Welcome',
  'This',
  'Today',
  'Our',
  'My',
  'Not',
  'In',
  'On',
]);

export const NAME_PREFIX = "(?:Mc|Mac|O['’]|D['’]|De|Di|Du|Da|La|Le|Van|Von)";

// Words that make a list item a sentence or a product ("Follow Eric on Twitter", "Aeron Chair by Herman Miller", "A
// standing desk for $22"), never part of a name, written in lower case ("Or Weis" and "An Phan" are people); names keep
// their particles ("Fernando Hamasaki de Amorim").
const NOT_IN_NAMES = /(?:^|\s)(?:a|an|the|by|for|on|of|in|at|to|from|with|and|or|use|is|are|was|off|this|our)(?=\s|$)/;

/**
 * Whether a panel or guest list item names a person: a few words, none of them a digit, a symbol or a word of a
 * sentence. A list of people in show notes runs on into links when its section's end lost its heading: "09:27 - Office
 * Mates", "Sentry use the code devchat", "None".
 */
export function isPersonName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= 6 &&
    /^\p{Lu}/u.test(name) &&
    !/[\d@#$%&+=/\\<>!?]/.test(name) &&
    !NOT_IN_NAMES.test(name) &&
    // "Dr. Sherry Walling, Ph.D.": a degree after a comma is no second person.
    !/^(?:none|nobody|everyone|everybody|all|various|n\/?a|tba|tbd|panel|panelists?|hosts?|guests?|ph\.?\s?d|m\.?d|cpa|mba|jr|sr)\.?$/i.test(
      name,
    )
  );
}

/** "React Native" on React Native Radio (`podcast: react-native-radio`) is the show's subject, not a guest. */
export function namesShow(name: string, podcast: string | undefined): boolean {
  const words = new Set((podcast ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return name.split(/\s+/).every((word) => words.has(word.toLowerCase()));
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `text` writes `word` whole, not inside a longer word: "Meng" in "with Meng and …", not in "Menge". */
export function writesWord(text: string, word: string): boolean {
  return new RegExp(`(?<!\\p{L})${escapeRegExp(word)}(?!\\p{L})`, 'u').test(text);
}

/** "Ann" of "Ann Lee". */
export function firstWord(name: string): string {
  return name.split(' ')[0] ?? '';
}

/** The notes speaking of someone by first name: "Allison is …", "Kion didn't …", "Kion's …". */
export function byFirstName(first: string): string {
  return String.raw`(?<![\p{L}\p{N}])${escapeRegExp(first)}(?:['’]s\b|\s+\p{Ll})`;
}

/** Each person once, by their normalised name, in the order they first appear; lines that hold no name are dropped. */
export function peopleOf(lines: readonly string[]): string[] {
  return [...new Set(lines.map(personName).filter(Boolean))];
}

// "Cargo Limit with Alexander Lopatin", "An Interview with Jimmy Cuadra", "… featuring Ann Lee and Bo Diaz".
const TITLE_GUESTS = /\s(?:with|featuring|feat\.|ft\.|w\/)\s+(?:(?:our\s+)?special\s+guests?\s+|guests?\s+)?(.+)$/i;
// "… feat. Ryan Giffin", "… w/ Nifty Nei": only a guest follows, a name or a handle ("familiarcow"), not "the team".
const FEATURING = /\s(?:featuring|feat\.|ft\.|w\/)\s/i;
const FEATURED = /^(?!(?:the|a|an|our|my|friends|guests?|special)\b)[\p{L}\d][\p{L}\d'’._-]*(?:\s+[\p{Lu}\d][\p{L}\d'’._-]*){0,3}$/iu;
// Where the names stop: "… of Iconfactory", "… LIVE at Microsoft Ignite", "… - Part 2", "(Pt2)". A hyphen stops them
// only with a space before it: "Daniel Thompson-Yvetot" is one name.
const AFTER_NAMES = /\s+(?:of|from|at|live|on|about|in)\s.*$|\s+-.*$|\s*[–—:|(].*$|\s+(?:pt\.?|part)\s*\d+.*$/i;
const FULL_NAME = new RegExp(String.raw`^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|${PARTICLE})){1,4}$`, 'u');

/** "Book Club Announcement: Smalltalk Best Practice Patterns with Kent Beck" names the guest of an episode to come. */
export const ANNOUNCES = /\bannouncement\b/i;

/**
 * Guests a title names after "with" when the show notes name them too: many sites (Rustacean Station, the devchat.tv
 * shows) write a guest nowhere else. A name is two to five capitalised words written in the notes, so "Working with
 * React Native" names nobody unless the notes say "React Native", and is none of the tags; after "feat." it need not be.
 */
export function guestsFromTitle(title: string, notes: string, tags: readonly string[] = []): string[] {
  if (ANNOUNCES.test(title)) return [];
  const at = title.toLowerCase().lastIndexOf(' with ');
  const match = TITLE_GUESTS.exec(at >= 0 ? title.slice(at) : title);
  if (!match?.[1]) return [];
  // A tag written as a name ("Micah Martin", as devchat.tv tags its guests) is no technology.
  const asName = (tag: string) => /^\p{Lu}\p{Ll}+(?:\s\p{Lu}[\p{L}'’-]+)+$/u.test(tag);
  const tagWords = new Set(tags.filter((tag) => !asName(tag)).map((tag) => tag.toLowerCase().replace(/[\s_-]+/g, ' ')));
  const parts = match[1]
    .split(/\s*(?:,|&|\band\b)\s*/i)
    // "Daily.dev’s Francesco Ciulla": the name is after the possessive.
    .map((part) =>
      part
        // Ra'Shaun "Snuggs" Stovall: a nickname in quotes is no part of the name the notes write.
        .replace(/\s+["“][^"”]{1,30}["”](?=\s)/g, '')
        .replace(AFTER_NAMES, '')
        .replace(/^.*[’']s\s+/, '')
        .trim(),
    );
  // "with Dustin and Dylan Bruzenak": a first name alone shares the next name's last, if the notes write it so.
  const names = parts.map((name, i) =>
    /^\p{Lu}\p{Ll}+$/u.test(name) && /\s/.test(parts[i + 1] ?? '') ? `${name} ${parts[i + 1]?.split(/\s+/).at(-1)}` : name,
  );
  // "… with Unit Testing, GraphQL and Firebase Auth" lists topics: a product's word among them ("GraphQL", "iOS"), where
  // "swyx" or "DHH" beside "Rich Harris" is a person's.
  if (names.length > 1 && names.some((name) => /^\S*\p{Ll}\p{Lu}\S*$/u.test(name))) return [];
  // A first name confirms a guest only when every other name of the title is confirmed too: "Nginx with Igor Sysoev and
  // Andrey Alexeev" over notes that speak of Igor alone is left to the catalogue (catalogue-people.ts), which keeps both.
  // "Lodestone with Wilbur Zhang, Peter Jiang, and Kevin Huang" over notes that talk "with the Lodestone team".
  const team =
    at > 0 && new RegExp(String.raw`\bthe\s+(?:\[)?${escapeRegExp(title.slice(0, at).trim())}(?:\]\([^)]*\))?\s+team\b`, 'i').test(notes);
  const featured = at < 0 && FEATURING.test(title);
  // After "feat.", as written ("Kallisti & Ryan Giffin" is no Kallisti Giffin).
  const asFeatured = (i: number) => (featured && FEATURED.test(parts[i] ?? '') ? parts[i] : undefined);
  const written = names.map((name, i) => writtenIn(notes, name) ?? (team && FULL_NAME.test(name) ? name : asFeatured(i)));
  const called = names.map((name, i) => written[i] ?? firstNameThenPronoun(notes, name));
  return (called.every(Boolean) ? called : written).filter(
    (name): name is string => name !== undefined && !/^the\s/i.test(name) && !tagWords.has(name.toLowerCase()),
  );
}

/** The longest run of the name's first words (two at least) that is a name and is written in the notes: "Ran Reichman Co-Founder" is "Ran Reichman". */
function writtenIn(notes: string, candidate: string): string | undefined {
  const words = candidate.split(/\s+/);
  for (let count = Math.min(words.length, 5); count >= 2; count--) {
    // "Carina C Zona" in the title, "Carina C. Zona" in the notes: the notes' initial, with its full stop.
    const written = words.slice(0, count).join(' ');
    const dotted = written.replace(/(?<=\s\p{Lu})(?=\s)/gu, '.');
    const name = dotted !== written && notes.includes(dotted) ? dotted : written;
    // "Benno van" is no name: a run that ends in a particle stopped in the middle of one; "Carina C", at an initial.
    if (FULL_NAME.test(name) && /^\p{Lu}(?!\.?$)/u.test(words[count - 1] ?? '') && notes.includes(name)) {
      // "Anders Thue Pedersen" in the title, "Anders Thue Pederson" in the notes: the title's last word, a slip away.
      const next = words[count] && new RegExp(String.raw`${escapeRegExp(name)}\s+(\p{Lu}[\p{L}'’-]+)`, 'u').exec(notes)?.[1];
      const slip = next && count === words.length - 1 && editDistance(next, words[count] ?? '') <= 2;
      return slip ? candidate : name;
    }
  }
  return undefined;
}

/**
 * "… with Allison McMillan" over notes that say "Allison is a developer … She organizes": a title's guest whom the
 * notes call by first name, then "she" or "he". "with Angular Material" over "Angular is … It" is no one, and the
 * first name is someone else's when the notes write it with another last name ("Mislav Maronić" in the title, "Mislav
 * Marohnić" in the panel list: one person, whom the panel has).
 */
export function firstNameThenPronoun(notes: string, candidate: string): string | undefined {
  const words = candidate.split(/\s+/);
  const name = words.slice(0, 3).join(' ');
  const first = words[0] ?? '';
  if (words.length < 2 || !FULL_NAME.test(name) || !/^\p{Lu}\p{Ll}+$/u.test(first)) return undefined;
  const last = words.at(-1);
  const fullNames = notes.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])${first}\s+(\p{Lu}[\p{L}\p{M}'’-]*)`, 'gu'));
  if ([...fullNames].some((match) => match[1] !== last)) return undefined;
  const pronoun = new RegExp(String.raw`${byFirstName(first)}[^]{0,300}?\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im)\b`, 'u');
  return pronoun.test(notes) ? name : undefined;
}

const NO_PERSON =
  /\b(?:podcast|talks|show|radio|fm|team|staff|admin|editors?|editorial|crew|network|media|news|cloud|overflow|labs|inc|llc|ltd|studios?|group|foundation|company|blog|magazine|press|community|club|academy|university|producers?|webmaster|moderat\w*|redaktion|anonymous|contributors?|authors?|writers?|hosts?|guests?)\b/i;

/**
 * A page's authors as its hosts, where nothing else names a host: those written as a full name ("Nic Steenhout"), not
 * the show ("DevSecOps Talks", "Castálio Podcast") nor a handle (`charles-max-wood`, `diwao`).
 */
export function authorsAsHosts(authors: readonly string[], podcast: string | undefined): string[] {
  // Or first names, where two or more write the page together (DevZen's `authors: [{Иван: …}, {Светлана: …}]`).
  const together = authors.length >= 2 && authors.every((name) => /^\p{Lu}\p{Ll}+$/u.test(name));
  return authors.filter(
    (name) =>
      (together || /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u.test(name)) && !NO_PERSON.test(name) && !namesShow(name, podcast),
  );
}
