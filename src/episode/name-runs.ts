import { firstWord, isPersonName, namesShow, PARTICLE, personName, writesWord } from './people.ts';

/**
 * Panels written as one run of names. Show notes converted from old blogs lost their list markup, so a line reads
 * "Panel: Ward Bell Alyssa Nicoll Charles Max Wood Special Guests: Aaron Frost In this episode…" or
 * "Panel Charles Max Wood (twitter github blog) Eric Davis (twitter github blog) Discussion…". Where each name is
 * followed by brackets the names are exact; a bare run is split by the names the rest of the catalogue writes apart
 * (nameRuns below, then splitNameRun once every file is read).
 */
export type NameRuns = { panel: string[]; guests: string[] };

// "Special Guest: Ann Lee", and with a dash: "Special Guest – Ann Lee".
const LABEL = /\b(panel(?:ists?)?|co-?hosts?|hosts?|moderators?|(?:special\s+)?guests?)\s*(?::|[-–—](?=\s))/gi;
const WORD = new RegExp(String.raw`^(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|\p{Lu}\.|${PARTICLE})$`, 'u');
/** Words that start the sentence after a run of names ("… Charles Max Wood In this episode"), or say there is nobody. */
const NOT_NAMES = new Set(['in', 'on', 'this', 'today', 'the', 'we', 'welcome', 'joined', 'episode', 'none', 'n/a', 'tba']);
const JOINS = new Set([',', 'and', '&']);
const BARE_PANEL = /\b(Panel(?:ists)?)(?=\s+\p{Lu})/gu;
const EPISODE_HEADER = /\bepisode\s+\d+[\W_]*$/i;
const DESCRIBES = /^(?:of|from|at|with|on|for)$/;
const HOSTS_BEFORE = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:,?\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,7}$/u;
// A job ends a name ("Ryan Salva Project Manager at …").
const JOB =
  /^(?:Director|Manager|Engineer|Developer|Architect|(?:Co-?)?[Ff]ounder|CEO|CTO|VP|Head|Senior|Principal|Product|Project|Program|Software|Staff|Evangelist|President)$/;
/** What a list of panelists does next in a sentence: "… and Reuven Lerner lead the discussion". */
const LIST_DOES =
  /^(?:lead|led|discuss(?:ed)?|talk(?:ed)?|chat(?:ted)?|explore(?:d)?|tackle(?:d)?|debate(?:d)?|share(?:d)?|dive|welcome(?:d)?|interview(?:ed)?|answer(?:ed)?|are|were|join(?:ed)?)$/;
/** Section names that end a run: the list after the panel ("Discussion", "Picks") lost its line breaks too. */
const SECTION_WORDS = /^(?:discussions?|questions|picks|links|notes|summary|sponsors?|show|transcript|topics)$/i;

/** The runs of names after "Panel:", "Host:", "Special Guest:" labels in one line of show notes. */
export function nameRuns(written: string): NameRuns {
  const runs: NameRuns = { panel: [], guests: [] };
  if (!/panel|host|moderator|guest/i.test(written)) return runs;
  // Bold that did not close around a space ("Special Guest**: Ann Lee", "Episode 46** **Panel **") is left as asterisks.
  // A space lost before the label glues it to the last name: "Peter PiekarczykSpecial Guest: …"; a WordPress shortcode
  // left before the label ("[smart_track_player url=…] Panel: …") is no text.
  const text = written
    .replace(/^\s*\[[a-z_]+\s[^\]]*\]\s*/, '')
    // The next sentence or a time glued to the last name: "Vladimir NovickIn today’s episode", "Charles Max Wood1:50".
    .replace(/(?<=\p{Ll})(?=\d|(?:In|Today|This|The)\s)/gu, ' ')
    .replace(/\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, ' ')
    .replace(/(?<=\p{Ll})(?=Special\s+Guest)/gu, ' ');
  // "Panel Nader Dabit …" without its colon counts when "Panel" is capitalised and a name follows: prose says "the panel".
  // Only the first: later in the line a bare "Panel" is a topic's ("42:46 - Social Media Panel Activity Levels").
  const bare = [...text.matchAll(BARE_PANEL)].slice(0, 1);
  const labels = [...text.matchAll(LABEL), ...bare].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  // Only a line that starts with a label lists people: "12:26 - Guest: Conventional Commits." is a guest speaking.
  // Or with names before a guest label, whose "Panel:" was lost: "Charles Max Wood Guest: Austin McDaniel This week…";
  // or after the show's own header, "React Native Radio | Episode 43 Panel …".
  const before = text.slice(0, labels[0]?.index ?? 0).trim();
  const names = HOSTS_BEFORE.test(before) && /guest/i.test(labels[0]?.[1] ?? '');
  if (!labels[0] || (before && !names && !EPISODE_HEADER.test(before))) return runs;
  if (names) runs.panel.push(before);
  labels.forEach((label, i) => {
    const start = (label.index ?? 0) + label[0].length;
    const end = labels[i + 1]?.index ?? text.length;
    const words: string[] = [];
    const tokens = text.slice(start, end).split(/\s+/).filter(Boolean);
    // "Special Guest: Microsoft Team: Keith Ballinger and …": the guests' team is a label of its own.
    const team = tokens.slice(0, 3).findIndex((token) => /^(?:Team|Group|Company):$/.test(token));
    if (team >= 0 && tokens.slice(0, team).every((token) => /^\p{Lu}/u.test(token))) tokens.splice(0, team + 1);
    // "Guests: Adam Wolff; Director of Engineering at Facebook, and Ryan Salva Project Manager at MicroSoft": a job
    // ends a name, and what describes the person runs to the next "and" or comma ("Ann Lee, CTO at Acme, Bo Diaz").
    // `sinceJoin`: the words of the name so far; `placed`: where each word of `words` is among the tokens.
    let [at, job, sinceJoin] = [0, false, 0];
    const placed: number[] = [];
    for (; at < tokens.length; at++) {
      const token = (tokens[at] ?? '').replace(/;$/, ',');
      if (job && token.toLowerCase() !== 'and') {
        job = !token.endsWith(',');
        continue;
      }
      job = JOB.test(token.replace(/,$/, '')) && sinceJoin !== 1;
      if (job) continue;
      // "Special Guest: MobX with Michel Weststrate": the topic, then whom.
      if (token === 'with' && words.length === 1 && WORD.test(tokens[at + 1] ?? '')) {
        words.pop();
        placed.pop();
        sinceJoin = 0;
        continue;
      }
      // "Guests: Michael Gilmore: Options in …": a colon ends the name, which the title must name too (withNameRuns), as
      // "Meteor Project: Apollo" is no one.
      if (/^[^:]+:$/.test(token) && WORD.test(token.slice(0, -1)) && !SECTION_WORDS.test(token.slice(0, -1))) {
        words.push(token);
        placed.push(at++);
        break;
      }
      if (
        !JOINS.has(token.toLowerCase()) &&
        (!WORD.test(token.replace(/,$/, '')) || NOT_NAMES.has(token.toLowerCase()) || SECTION_WORDS.test(token))
      )
        break;
      words.push(token);
      placed.push(at);
      sinceJoin = JOINS.has(token.toLowerCase()) || token.endsWith(',') ? 0 : sinceJoin + 1;
    }
    while (words.length && JOINS.has(words.at(-1)?.toLowerCase() ?? '')) {
      words.pop();
      placed.pop();
    }
    // The run stopped at a word of a sentence: its last capitalised word ("In", "Kai's") began that sentence.
    const stoppedInSentence = !job && at < tokens.length && labels[i + 1]?.index !== start + text.slice(start, end).trimEnd().length;
    // "Sacha Greif of State of JS": what follows a name describes the person.
    const next = tokens[(placed.at(-1) ?? -1) + 1] ?? '';
    // A link after the last name ("Bonnie Eisenman https://…") is no sentence, nor is what follows a comma ("Jon Daton,
    // creator of …").
    const described = DESCRIBES.test(next) || /^https?:/.test(next) || /,$/.test(words.at(-1) ?? '');
    // "Panelists Philip Morgan, Jonathan Stark, and Reuven Lerner lead the discussion": two words after a list's last
    // join, before what the list does, are its last name, whole; not "… and AJ Our guest today talks".
    const lastOfList = sinceJoin === 2 && LIST_DOES.test(next) && words.some((word) => JOINS.has(word.toLowerCase()) || word.endsWith(','));
    if (stoppedInSentence && words.length && /^\p{Ll}/u.test(next) && !described && !lastOfList) words.pop();
    const run = words.join(' ').replace(/,$/, '').trim();
    if (run) (/guest/i.test(label[1] ?? '') ? runs.guests : runs.panel).push(run);
  });
  return runs;
}

/** "Panel Ann Lee (twitter github) Bo Diaz (blog) Discussion …": each name before its brackets. */
export function bracketedNames(text: string): string[] {
  const start = /^(?:panel(?:ists?)?|hosts?)\s+(?=\p{Lu})/iu.exec(text);
  if (!start) return [];
  const names: string[] = [];
  // "E. Scott Sweeney, CPA (email …)": a title after a comma is no part of the name.
  const pattern =
    /\s*((?:\p{Lu}[\p{L}\p{M}'’.-]*\s+){1,4}?\p{Lu}[\p{L}\p{M}'’.-]*)(?:,\s*\p{Lu}[\p{Lu}.]{1,5})?\s*((?:\([^()]{0,200}\)\s*)+)/uy;
  pattern.lastIndex = start[0].length;
  for (let match = pattern.exec(text); match && !SECTION_WORDS.test(match[1]?.split(/\s/)[0] ?? ''); match = pattern.exec(text))
    names.push((match[1] ?? '').trim());
  return names;
}

/**
 * A run of names split into people: the longest names the catalogue knows first ("Charles Max Wood"), runs
 * separated by commas or "and" apart, and what is left in pairs ("Kai Davis Jonathan Stark") or whole when it is
 * three words ("Kent C Dodds"; "Shoutem Tomislav Tenodi" is Tomislav Tenodi where the title writes him so). A single
 * unknown word ("Ward") is dropped: a first name alone is nobody's facet.
 */
export function splitNameRun(run: string, known: ReadonlySet<string>, title = ''): string[] {
  const names: string[] = [];
  // "Ann Lee, Bo Diaz and Cy Wu" lists people; "Ann Lee, Sales Force, React Native" describes one: without an "and",
  // what follows a comma is a person only when the catalogue knows the name or the title writes it.
  const described = run.includes(',') && !/&|\band\b/.test(run);
  for (const [i, part] of run.split(/\s*(?:,|&|\band\b)\s*/).entries()) {
    if (described && i > 0 && !known.has(part) && !title.includes(part)) continue;
    const words = part.split(/\s+/).filter(Boolean);
    let pending: string[] = [];
    const flush = () => {
      // "Eric Elliott", though Elliott is the first name of someone else the catalogue knows: the title writes it.
      if (pending.length >= 2 && pending.length <= 3 && title.includes(pending.join(' '))) names.push(pending.join(' '));
      // One first name left after full names is the start of a name the run lost, not someone of that first name.
      else if (pending.length > 1 && pending.every((word) => byFirstWord(word, known).length > 0 && !/\.$/.test(word))) {
        // "Ward Alyssa Joe Charles": first names of people the catalogue knows, each its one known full name.
        for (const word of pending) {
          const found = byFirstWord(word, known);
          if (found.length === 1 && found[0]) names.push(found[0]);
        }
      }
      // "Special Guest: Shoutem Tomislav Tenodi" under "… featuring Tomislav Tenodi": the company, then the name.
      else if (pending.length === 3 && title.includes(pending.slice(1).join(' '))) names.push(pending.slice(1).join(' '));
      else if (pending.length === 3) names.push(pending.join(' '));
      else {
        for (let i = 0; i + 1 < pending.length; i += 2) {
          // "Reuven L.": a first name and an initial is the one known name they begin.
          const initial = /^(\p{Lu})\.?$/u.exec(pending[i + 1] ?? '')?.[1];
          const found = initial ? byFirstWord(pending[i] ?? '', known).filter((name) => name.split(' ')[1]?.startsWith(initial)) : [];
          names.push(found.length === 1 && found[0] ? found[0] : `${pending[i]} ${pending[i + 1]}`);
        }
      }
      pending = [];
    };
    for (let i = 0; i < words.length; ) {
      let length = Math.min(5, words.length - i);
      while (length >= 2 && !known.has(words.slice(i, i + length).join(' '))) length--;
      if (length >= 2) {
        flush();
        names.push(words.slice(i, i + length).join(' '));
        i += length;
      } else pending.push(words[i++] ?? '');
    }
    flush();
  }
  return [...new Set(names)];
}

function byFirstWord(word: string, known: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const name of known) if (name.startsWith(`${word} `)) found.push(name);
  return found;
}

/** The episode with the people its runs of names hold, split by the names `known` from the whole catalogue. */
export function withNameRuns<E extends Named>(episode: E, runs: NameRuns, known: ReadonlySet<string>): E {
  const split = (run: string) =>
    splitNameRun(run.replace(/:$/, ''), known, episode.title)
      .map((name, _, names) => withoutNextFirst(withoutShow(name, episode.podcast), names))
      .filter((name) => !namesShow(name, episode.podcast) && (!run.endsWith(':') || episode.title.includes(name)));
  const panel = runs.panel.flatMap(split);
  const guests = runs.guests.flatMap((run) => titled(split(run), run, episode.title, known)).filter((name) => !panel.includes(name));
  if (!panel.length && !guests.length) return episode;
  return { ...episode, panel: [...new Set([...episode.panel, ...panel])], guests: [...new Set([...episode.guests, ...guests])] };
}

type Named = { title: string; podcast?: string | undefined; panel: string[]; guests: string[] };

/**
 * "Guests: Ben Hseih React Native File System": a bare run of guests' names runs on into the topic. When the title names
 * some of them, the others are people only if the catalogue knows them or the title has their first name ("Design+Code
 * with Meng and Marcos Griselli").
 */
function titled(names: string[], run: string, title: string, known: ReadonlySet<string>): string[] {
  if (names.length < 2 || /,|&|\band\b/.test(run) || !names.some((name) => title.includes(name))) return names;
  return names.filter((name) => title.includes(name) || known.has(name) || writesWord(title, firstWord(name)));
}

/** "Paul Spears and John Baur Paul …": the last word is the first of the next sentence ("Paul and John talk …"). */
function withoutNextFirst(name: string, names: readonly string[]): string {
  const words = name.split(' ');
  const next = words.length === 3 && names.some((other) => other !== name && other.split(' ')[0] === words[2]);
  return next ? words.slice(0, 2).join(' ') : name;
}

/** "Marc-André Cournoyer Ruby", when the sentence after the name began "Ruby Rogues speaks with…" on Ruby Rogues. */
function withoutShow(name: string, podcast: string | undefined): string {
  const words = name.split(' ');
  const last = words.at(-1) ?? '';
  return words.length > 2 && namesShow(last, podcast) ? words.slice(0, -1).join(' ') : name;
}

/** Every name the catalogue writes in a field, a list or a Panel line of its own, but its `slips`: what a run is split by. */
export function knownNames(episodes: Iterable<{ panel: string[]; guests: string[] }>, slips: ReadonlySet<string>): Set<string> {
  const known = new Set<string>();
  for (const episode of episodes)
    for (const name of [...episode.panel, ...episode.guests])
      if (name.includes(' ') && isPersonName(personName(name)) && !slips.has(personName(name))) known.add(name);
  return known;
}
