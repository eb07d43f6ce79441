import { firstWord } from './people.ts';
import { labelsFor, laterTurns, OPENING_CHARS, openingTurns, same, turnsOf } from './speaker-labels.ts';
import { calledNames, namedAs, sameFirstName, selfNamed } from './spoken-names.ts';

/**
 * People named in the opening of a transcript pasted into the show notes, as about 270 of devchat.tv's older episodes
 * have it and nothing else names anyone: "CHUCK: This week on our panel we have Joe Eames. JOE: Hey everybody! CHUCK:
 * Aaron Frost. AARON: Hello. CHUCK: I'm Charles Max Wood from devchat.tv, and we have a special guest, Ann Lee. ANN: Hi!"
 *
 * A name counts when the person named answers: the next speaker's label is the name's first word ("Joe Eames", then
 * JOE). A name nobody answers ("Reuven Lerner. [Silence]") was not there, and a first name alone is nobody. Speakers
 * also name themselves ("I'm Charles Max Wood"), often under a nickname (CHUCK); a nickname is never matched to a name
 * by guessing: a label no turn names is left to speaker-names.ts, which knows the other episodes (`labels`), and where
 * the host says who a nickname is (`hostLabel`).
 */
export type SpokenPeople = {
  panel: string[];
  guests: string[];
  /** What the host called themself under a label that is not their first name: a person only if another episode names them. */
  hostNames: string[];
  /** The label the host spoke under when they named themself so (CHUCK): other episodes learn it (speaker-names.ts). */
  hostLabel?: string;
  /**
   * Full names the notes give without saying who they are: who gave picks ("**Charles Max Wood**"), a name run into the
   * show's ("In this episode of React Round Up Charles Max Wood interviews …"). On the episode if the podcast names them
   * elsewhere.
   */
  pickers?: string[];
  /** Speakers of the opening whom no turn names (CHUCK, AIMEE). */
  labels: string[];
  /** Who said who they are after the opening ("MOLLY: Hi. I'm Molly Smith."): on the episode beside a written list too. */
  introduced?: string[];
};

/**
 * `notedNames`: who the notes say was on but not where: a panel by first names alone, or who gave picks. A first name is
 * resolved like a speaker label; a full name is kept as a picker, on the episode if the podcast names them elsewhere.
 */
export function spokenPeople(transcript: string, notedNames: readonly string[] = []): SpokenPeople {
  const turns = openingTurns(transcript.slice(0, OPENING_CHARS));
  // One speaker is one person: the first name found for a label stands ("And Steve Schmitt." then "My name is Steve
  // Smith", a transcription slip; "Alondo Brewington" then "I should say Alondo Golden Ticket Brewington").
  const byLabel = new Map<string, { name: string; guest: boolean }>();
  const hostNames: string[] = [];
  // Who opens the show ("welcome to episode 12…", "This is the Ruby Rogues Podcast episode 254. On our panel…") is the
  // host, who introduces the others: a name the host says and its person answers. Mentioned by anyone else, or later in
  // the conversation, a name is someone talked about.
  const opens = [/\bwelcome\b/i, /\bepisode\s+(?:number\s+)?\d+|\bon (?:our|the) panel\b/i];
  const host = (opens.map((words) => turns.find((turn) => words.test(turn.text))).find(Boolean) ?? turns[0])?.label;
  // The panel is introduced first; from the first guest on ("We've got two special guests. We have Ann Lee."), the
  // people the host introduces are guests.
  let [guestsNow, severalGuests] = [false, false];
  turns.forEach((turn, i) => {
    const next = turns[i + 1];
    // The person named answers next, or after someone's "Woo!" ("Avdi Grimm. AARON: Woo! AVDI: Hello").
    // Or after the host turns to them: "Today I am talking to Bryan Cantrill." "Bryan, welcome." "BRYAN: Thanks."
    const short = next && (next.text.split(/\s+/, 4).length <= 3 || (same(next.label, turn.label) && /^\p{Lu}\p{Ll}+,/u.test(next.text)));
    const answerers = [next, short ? turns[i + 2] : undefined];
    for (const answerer of answerers) {
      if (!answerer || !same(turn.label, host) || same(answerer.label, host)) continue;
      const answered = namedAs(turn.text, answerer.label);
      if (!answered) continue;
      // "Also on our panel, we have David Brady", after the guest: the panel again.
      const said = lastSentences(turn.text, answered.at);
      // "So, those are our guests. We also have AJ O'Neal.": the guests come first, and the panel after them; so after
      // one guest ("we have guest Rogue, Nick Quaranto"), "We also have James Edward Gray". After "We have a few other
      // special guests here", "We also have Kara Erickson" is one of them.
      const own = said.split(/(?<=[.!?])\s+/).at(-1) ?? '';
      if (GUESTS_DONE.test(said) || (/\balso\s+have\b/i.test(own) && !GUEST.test(own) && !severalGuests)) guestsNow = false;
      else guestsNow = /\bpanel\b/i.test(said) && !GUEST.test(said) ? false : guestsNow || GUEST.test(said) || INTERVIEW.test(said);
      if (GUEST.test(said)) severalGuests = /\bguests\b/i.test(said);
      if (!byLabel.has(answerer.label.toUpperCase())) byLabel.set(answerer.label.toUpperCase(), { name: answered.name, guest: guestsNow });
      break;
    }
    const self = selfNamed(turn.text);
    const own = self ?? selfNamed(turn.text, 'own');
    if (own && sameFirstName(own, turn.label)) {
      // "Would our guest introduce himself?" "Hi, I'm Ann Lee…"
      const guest = !same(turn.label, host) && GUEST.test(turns[i - 1]?.text ?? '');
      if (!byLabel.has(turn.label.toUpperCase())) byLabel.set(turn.label.toUpperCase(), { name: own, guest });
    } else if (self && same(turn.label, host)) hostNames.push(self);
  });
  // A monologue without labels: "… another Teach Me to Code podcast. This is your host, Charles Max Wood".
  const soloHost = turns.length ? undefined : selfNamed(transcript.slice(0, 2000), 'host');
  if (soloHost) hostNames.push(soloHost);
  // "CHUCK: Lukas Reubbelke. JOHN: Hello. CHUCK: Oh, there we go. LUKAS: I'll let John speak for me.": a name the host
  // says alone during the roll call (from "panel" to the host's own name), whose person speaks in the opening though not
  // right after. Later, "Who gave that talk? Dan Abramov?" names someone talked about.
  // Who speaks later counts too: "we have David Brady, Jessica Kerr." and DAVID speaks after the guest's long answers.
  const later = laterTurns(
    transcript,
    turns.some((turn) => turn.label !== turn.label.toUpperCase()),
  );
  const speaking = new Set([...turns.map((turn) => turn.label), ...later.keys()].map((label) => label.toUpperCase()));
  const rollStart = turns.findIndex((turn) => same(turn.label, host) && /\bpanel\b/i.test(turn.text));
  const rollEnd = turns.findIndex((turn, i) => i >= rollStart && same(turn.label, host) && selfNamed(turn.text));
  const rollCall = rollStart < 0 ? [] : turns.slice(rollStart, rollEnd < 0 ? rollStart + 12 : rollEnd + 1);
  for (const turn of rollCall.filter((turn) => same(turn.label, host))) {
    for (const name of calledNames(turn.text)) {
      const label = labelsFor(firstWord(name)).find((other) => speaking.has(other) && !same(other, host));
      if (label && !byLabel.has(label) && ![...byLabel.values()].some((person) => person.name === name))
        byLabel.set(label, { name, guest: false });
    }
  }
  // "We're probably going to have Peter Bacon Darwin join us in a few minutes": a guest who joins later and speaks.
  for (const turn of turns.filter((turn) => same(turn.label, host))) {
    const joins = JOINS.exec(turn.text);
    // "Next week, Sarah Drasner will be joining us": another episode's guest.
    const nextWeek = joins && /\bnext\s+(?:week|time|episode|month)\b/i.test(lastSentences(turn.text, joins.index + joins[0].length));
    const name = nextWeek ? undefined : joins?.slice(1).find(Boolean);
    const first = name?.split(' ')[0] ?? '';
    const speaks = name && new RegExp(String.raw`(?<![\p{L}'’])${first}[*_\s]{0,6}:`, 'iu').test(transcript);
    if (name && speaks && !byLabel.has(first.toUpperCase())) byLabel.set(first.toUpperCase(), { name, guest: true });
  }
  // "MOLLY: Hi. I'm Molly Smith.", an hour in: someone who joins late and says who they are.
  const introduced: string[] = [];
  for (const [label, speaker] of later) {
    // In their first few turns: "If I'm Joe Developer, …" an hour in is no introduction; "Sorry, this is David Brady"
    // under DAVID is one.
    const self = speaker.turns
      .slice(0, 3)
      .map((turn) => selfNamed(turn, 'late'))
      .find((name) => name && sameFirstName(name, label));
    const name = byLabel.has(label) || same(label, host) ? undefined : self;
    if (name) byLabel.set(label, { name, guest: true });
    if (name) introduced.push(name);
  }
  const found = [...byLabel.values()];
  const panel = [...new Set(found.filter((person) => !person.guest).map((person) => person.name))];
  // Who said who they are late is a guest or a host as the catalogue knows them (`introduced`, speaker-names.ts).
  const guests = [...new Set(found.filter((person) => person.guest).map((person) => person.name))].filter(
    (name) => !panel.includes(name) && !introduced.includes(name),
  );
  const [fullNames, firstNames] = [notedNames.filter((name) => name.includes(' ')), notedNames.filter((name) => !name.includes(' '))];
  // "CHUCK: Before we get to the picks I want to thank our silver sponsors.", on an episode he is not on: a label whose
  // one turn reads a sponsor's message is a recording dropped in, not someone taking part.
  // "Chuck:" in mixed case is counted where it is written so (one of the opening's few labels), beside "CHUCK:".
  const anAd = (label: string) => {
    const written = label === label.toUpperCase() ? 0 : turnsOf(transcript, label);
    const inCapitals = later.get(label.toUpperCase());
    const first = (written ? turns.find((turn) => turn.label === label)?.text : inCapitals?.turns[0]) ?? '';
    return written + (inCapitals?.count ?? 0) === 1 && /\bsponsor/i.test(first.slice(0, 300));
  };
  const said = [...turns.map((turn) => turn.label), ...later.keys()].filter((label) => !anAd(label));
  const labels = [...new Set([...said, ...firstNames].map((label) => label.toUpperCase()))].filter((label) => !byLabel.has(label));
  const named = hostNames.filter((name) => !panel.includes(name));
  const hostLabel = named.length && host ? { hostLabel: host.toUpperCase() } : {};
  const pickers = fullNames.filter((name) => !panel.includes(name));
  const late = introduced.length ? { introduced } : {};
  return { panel, guests, hostNames: named, labels, ...hostLabel, ...(pickers.length ? { pickers } : {}), ...late };
}

const GUEST = /\bguests?\b(?! panel)/i;
// An interview's host says whom they talk to, not that they are a guest: "Today I'm talking to Tom MacWright", the
// words right before the name (not "we want to talk with you about Rails. First, Dave Kimura", the panel).
const INTERVIEW =
  /(?:\b(?:talk|speak|chat)(?:ing)?\s+(?:to|with)|\b(?:I'm|I am)\s+(?:here\s+)?(?:with|joined\s+by)|\bsitting\s+down\s+with)\s+$|\binterview(?:ing)?\b/i;
const GUESTS_DONE = /\b(?:those|these|that)(?:['’]s|\s+are|\s+were|\s+is)\s+(?:all\s+)?our\s+(?:special\s+)?guests?\b/i;
const JOINED = String.raw`(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})`;
const JOINS = new RegExp(
  // Not "Avdi Grim will be joining us as a regular panelist", who is no guest.
  String.raw`\b(?:have|has)\s+${JOINED}\s+join(?:ing)?\s+us\b|${JOINED}\s+(?:will|is going to|is)\s+(?:be\s+)?join(?:ing)?\s+us\b(?!\s+as\b)`,
  'u',
);

/** The sentence that ends at `at` and the one before it: "We've got two special guests this week. We have Ann Lee." */
function lastSentences(text: string, at: number): string {
  const ends = [...text.slice(0, at).matchAll(/[.!?]\s/g)].map((match) => (match.index ?? 0) + 1);
  return text.slice(ends.at(-2) ?? 0, at);
}

/** Whether the opening named anyone the catalogue step can use. */
export function spokenAny(spoken: SpokenPeople): boolean {
  return spoken.panel.length + spoken.guests.length + spoken.hostNames.length + spoken.labels.length + (spoken.pickers?.length ?? 0) > 0;
}

/**
 * Who a transcript says the hosts are, where the front matter names the guests (`besideGuests`): those who name
 * themselves ("I'm Nic Steenhout") and the first names the notes give ("Rob and Jason are joined by …"). Whom the host
 * introduces is the guest the field already names (by an id, often: "Robert Jolly" is `robert-jolly`), so no one is
 * taken from that.
 */
export function onlyHosts(spoken: SpokenPeople, besideGuests: boolean, notGuest: (name: string) => boolean): SpokenPeople {
  if (!besideGuests) return spoken;
  return { ...spoken, panel: [], guests: [], introduced: [], pickers: spoken.pickers?.filter(notGuest) };
}
