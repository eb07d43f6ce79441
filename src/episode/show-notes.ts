import { sectionGuests } from './guest-section.ts';
import { HOSTS_LINE, LOCAL_SECTIONS } from './label-words.ts';
import { linkedGuests } from './linked-people.ts';
import { GUESTS, guestsIn, labelsJoined, named, namesIn, PEOPLE_LABEL, panelAndGuestsIn, withDescriptionsJoined } from './listed-names.ts';
import { itemLinks, type Line, type Link, markdownLines } from './markdown-text.ts';
import { bracketedNames, type NameRuns, nameRuns } from './name-runs.ts';
import { personName } from './people.ts';
import { type Pick, pickGivers, picksIn } from './picks.ts';
import { giverHeading, picksAfterLabel, picksOwner, picksStart, speakersIn } from './picks-headings.ts';
import { prosePeople } from './prose-people.ts';
import { SPEAKER_HEADING, type Spoke, TIMED_HEADING, unheadedTranscript, whoSpoke, withBoldSpeakers } from './speaker-turns.ts';

export type { Link } from './markdown-text.ts';
export type { Pick } from './picks.ts';

export type ShowNotes = {
  summary: string;
  panel: string[];
  guests: string[];
  links: Link[];
  picks: Pick[];
  sponsors: Link[];
  /** Text of any other section, so nothing written in the notes is unsearchable. */
  otherNotes: string;
};

type Section = { name: string; lines: Line[] };

const KNOWN_SECTIONS = ['sponsors', 'panel', 'panelists', 'hosts', 'guests', 'guest', 'summary', 'links', 'picks', 'transcript'];
const PEOPLE_SECTIONS = new Set(['panel', 'panelists', 'hosts', 'guests', 'guest']);
/** Other names shows give the same sections. */
const SECTION_ALIASES: Record<string, string> = {
  'sick picks': 'picks',
  'picks of the week': 'picks',
  'show notes': 'links',
  'special guests': 'guests',
  'special guest': 'guests',
  panelist: 'panelists',
  host: 'hosts',
  sponsor: 'sponsors',
  ...LOCAL_SECTIONS,
};

/**
 * Reads the Markdown body of an episode (markdown-text.ts parses it; HTML inside it too). Show notes in the wild are
 * written by hand: headings at any level, bold or not (`### **Panel**`), or a bold line alone (`**Picks**`); this
 * accepts all of them.
 */
export function parseShowNotes(
  markdown: string,
  title = '',
  file = '',
  /** The front matter's summary fields, read as the notes' opening when the body does not repeat them. */
  lead = '',
): ShowNotes & { nameRuns: NameRuns; transcript: string; linked: string[]; notedNames: string[]; spoke: Spoke } {
  const notes: ShowNotes = { summary: '', panel: [], guests: [], links: [], picks: [], sponsors: [], otherNotes: '' };
  const runs: NameRuns = { panel: [], guests: [] };
  const other: string[] = [];
  const summary: string[] = [];
  const transcript: string[] = [];
  // The paragraphs before a transcript, where the notes say who is on the episode.
  const opening: string[] = [];
  let pastOpening = false;
  const lines = markdownLines(withBoldSpeakers(markdown));
  for (const section of splitSections(lines)) {
    if (PEOPLE_SECTIONS.has(section.name)) section.lines = withDescriptionsJoined(section.lines);
    const items = section.lines.filter((line) => line.kind === 'item');
    pastOpening ||= section.name === 'transcript';
    if (!pastOpening) append(opening, texts(section.lines.filter((line) => line.kind === 'text')));
    switch (section.name) {
      case 'summary':
        append(summary, texts(section.lines));
        break;
      case 'panel':
      case 'panelists':
      case 'hosts': {
        // "Special Guests: Matt Nowack" under Panel names guests, not a panelist.
        append(notes.panel, texts(items.filter((item) => !GUESTS.test(item.text) && named(item))));
        // `**Panel:**` then a paragraph "Charles Max Wood" rather than a list: a line of names only, not prose; or the
        // names run on into the guest and the summary ("Ann Lee Bo Diaz Special Guest - Cy Wu In this episode…").
        const firstText = section.lines.find((other) => other.kind === 'text');
        for (const line of section.lines) {
          if (line.kind === 'item' || GUESTS.test(line.text)) continue;
          const names = namesIn(line);
          notes.panel.push(...names);
          if (!names.length && line === firstText) addRuns(runs, nameRuns(`Panel: ${line.text.slice(0, 600)}`));
        }
        append(notes.guests, section.lines.flatMap(guestsIn));
        break;
      }
      case 'guests':
      case 'guest': {
        const guests = sectionGuests(section.lines);
        append(notes.guests, guests);
        append(other, texts(section.lines.filter((line) => !guests.includes(line.text))));
        break;
      }
      case 'links':
      case 'sponsors': {
        // "**Host:** Ann Lee **Guest:** Bo Diaz" written right under the last sponsor is read as part of that item: people.
        const linked = items.filter((item) => !PEOPLE_LABEL.test(item.text));
        append(section.name === 'links' ? notes.links : notes.sponsors, linked.flatMap(itemLinks));
        for (const line of labelsJoined(section.lines)) if (PEOPLE_LABEL.test(line.text)) peopleIn(line, notes, runs);
        // "## Show Notes" then a paragraph: the notes' text, searchable like any other.
        append(other, texts(section.lines.filter((line) => line.kind === 'text' && !PEOPLE_LABEL.test(line.text))));
        break;
      }
      case 'picks':
        append(notes.picks, picksIn(section.lines));
        break;
      default:
        append(other, texts(section.lines));
        for (const line of labelsJoined(section.lines)) peopleIn(line, notes, runs);
        if (section.name === 'transcript') append(transcript, texts(section.lines));
    }
  }
  // Names only in a sentence ("features panelists Ward Bell, Joe Eames, and …") when no list or line gave any.
  const [noPanel, noGuests] = [!notes.panel.length && !runs.panel.length, !notes.guests.length && !runs.guests.length];
  let notedNames: string[] = [];
  if (noPanel || noGuests) {
    const own = lead && !lines.some((line) => line.text.includes(lead.slice(0, 40))) ? [lead] : [];
    const prose = [...own, ...summary, ...other].join('\n');
    const fromProse = prosePeople(prose, [...own, ...opening].join('\n'), title, file);
    // One who goes by one name ("Jaim Zuber and Anastasiia talk about …") where the notes have them speak ("Anastasiia
    // recommends …") or give picks: "Ward Bell and Google talk about …" names a company.
    const speaking = new Set(notes.picks.map((pick) => pick.person));
    if (fromProse.panel.some((name) => !name.includes(' '))) speakersIn(prose, speaking);
    fromProse.panel = fromProse.panel.filter((name) => name.includes(' ') || speaking.has(name));
    if (noPanel) notes.panel.push(...fromProse.panel);
    if (noPanel && !notes.panel.length) notedNames = [...fromProse.firstNames, ...fromProse.ifKnown];
    if (noGuests) notes.guests.push(...fromProse.guests);
  }
  if (!transcript.length) append(transcript, unheadedTranscript(lines));
  const spoke = whoSpoke(lines, markdown, [...notes.panel, ...runs.panel].map(personName), [...notes.guests, ...runs.guests]);
  notes.panel.push(...spoke.host);
  notes.guests.push(...spoke.guests);
  // Who gave picks, beside a list too, and first names ("Panel: Ward Alyssa Joe Charles") are the catalogue's to settle.
  const firstNames = notes.panel.length ? [] : runs.panel.filter((run) => /^(?:\p{Lu}\p{Ll}+ ){2,5}\p{Lu}\p{Ll}+$/u.test(run));
  append(notedNames, [...pickGivers(notes.picks, title), ...firstNames.flatMap((run) => run.split(' '))]);
  notes.summary = summary.join('\n');
  notes.otherNotes = other.join('\n');
  notes.guests = [...new Set(notes.guests)];
  const hosts = [...notes.panel, ...runs.panel].map(personName);
  const linked = linkedGuests(lines.find((line) => line.kind === 'text')).filter((name) => !hosts.includes(name));
  return { ...notes, nameRuns: runs, transcript: transcript.join('\n'), linked, notedNames, spoke };
}

/** "**Panel:** Ann, Bob" and "Special Guests: Cy and Di" written as lines of text rather than sections. */
function peopleIn(line: Line, notes: ShowNotes, runs: NameRuns): void {
  const [panel, guests] = panelAndGuestsIn(line);
  notes.panel.push(...panel, ...bracketedNames(line.text));
  notes.guests.push(...guests);
  // A panel whose names lost their separators: split once the catalogue's names are known (name-runs.ts).
  if (!panel.length && !guests.length) addRuns(runs, nameRuns(line.text.slice(0, 600)));
}

function addRuns(runs: NameRuns, found: NameRuns): void {
  runs.panel.push(...found.panel);
  runs.guests.push(...found.guests);
}

const PANEL_ENDS_LINE = /^(?:.*\bEpisode\s+\d+\s+)?(?:Panel(?:ists)?|Hosts?)\s*:?$/;
const endsInPanel = (text: string) => [PANEL_ENDS_LINE, HOSTS_LINE].some((label) => label.test(text.replace(/\*+/g, ' ').trim()));
const NEXT_SECTION =
  /^(?:(?:episode\s+)?summary|sponsors?|links|picks|show\s+(?:notes|topics)|topics|resources|transcript)\s*:?$|^discussions?\b(?:\s+and\s+questions)?\s*(?::|$|\d)/i;

/** "Sponsors" is read as sponsors; "Discussion 00:39 - …" and "Episode Summary" as the notes they start. */
function nextSection(text: string): string {
  const name = text.replace(/[\s:]+$/, '').toLowerCase();
  return SECTION_ALIASES[name] ?? (KNOWN_SECTIONS.includes(name) ? name : 'notes');
}

function texts(lines: Line[]): string[] {
  return lines.map((line) => line.text).filter(Boolean);
}

function splitSections(lines: Line[]): Section[] {
  const sections: Section[] = [{ name: '', lines: [] }];
  // The level of the heading that opened the picks, and who the notes said spoke (giverHeading).
  let [picksDepth, transcriptDepth] = [0, 0];
  const speakers = new Set<string>();
  for (const line of lines) {
    const heading = headingName(line);
    const current = sections.at(-1)?.name ?? '';
    // Otter.ai's export, "### Bryan Robinson  0:03" above each turn: a speaker's label in the transcript, not a section.
    // So are its chapters: "# [00:00:00] Introduction", or "## Intro" under "## Transcript", not above it. A transcript
    // ends at a section podgrep knows ("## Links").
    const chapter = TIMED_HEADING.test(line.text) || ((line.depth ?? 0) >= transcriptDepth && !KNOWN_SECTIONS.includes(heading ?? ''));
    if (current === 'transcript' && line.kind === 'heading' && (SPEAKER_HEADING.test(line.text) || chapter)) {
      sections.at(-1)?.lines.push(line);
      continue;
    }
    // "#### Chuck's Picks" opens Chuck's, under "### Picks" too.
    const owner = picksOwner(line);
    const giver =
      owner ?? (current === 'picks' && !KNOWN_SECTIONS.includes(heading ?? '') ? giverHeading(line, picksDepth, speakers) : undefined);
    const giverLine: Line | undefined = giver === undefined ? undefined : { kind: 'text', text: giver, links: [], outside: giver };
    if (owner !== undefined) sections.push({ name: 'picks', lines: [] });
    if (owner !== undefined || heading === 'picks') picksDepth = line.depth ?? 0;
    if (heading === 'transcript') transcriptDepth = line.depth ?? 0;
    if (giverLine) {
      sections.at(-1)?.lines.push(giverLine);
      continue;
    }
    // Who speaks is read before the picks: not in a transcript pasted after them, a megabyte of turns.
    if (!picksDepth && current !== 'transcript') speakersIn(line.text, speakers);
    // "Picks" run into a line that is no heading of a known section (picksStart), or starting one of picks.
    const free = !KNOWN_SECTIONS.includes(heading ?? '') && current !== 'picks' && current !== 'transcript';
    const picks = free ? picksStart(line) : undefined;
    const labelled = free && !picks ? picksAfterLabel(line) : undefined;
    if (labelled) sections.push({ name: 'picks', lines: [labelled] });
    else if (picks !== undefined) {
      // The words before a glued "Picks" are the section they end ("… Getting StartedPicks"); in a list of people, they
      // are prose ("**Notes:** This episode …Picks: Ann Lee").
      if (picks.before && PEOPLE_SECTIONS.has(current)) sections.push({ name: 'notes', lines: [line] });
      else if (picks.before) sections.at(-1)?.lines.push(line);
      sections.push({ name: 'picks', lines: picks.giver ? [{ kind: 'text', text: picks.giver, links: [], outside: picks.giver }] : [] });
    }
    // `### Host: **Aaron Frost**`: a heading that names people is also a line to read them from.
    else if (heading !== undefined) sections.push({ name: heading, lines: PEOPLE_LABEL.test(line.text) ? [line] : [] });
    // "React Native Radio | Episode 93** Panel **", then the panelists as a list: the label ends the show's header line.
    else if (line.kind === 'text' && line.text.length < 100 && endsInPanel(line.text)) sections.push({ name: 'panel', lines: [] });
    // "**In particular, we dive deep on:**" after a panel starts the topics, not more panelists.
    else if (PEOPLE_SECTIONS.has(current) && line.bold && /[:?]$|(?:\S+\s+){5}/.test(line.bold))
      sections.push({ name: line.bold.toLowerCase(), lines: [line] });
    // A paragraph of prose in a list of people ends it: what follows are topics (`- What is Sentry?`).
    else if (PEOPLE_SECTIONS.has(current) && line.text.length > 160) sections.push({ name: 'notes', lines: [line] });
    // The next section's name as a plain line ("Sponsors", "Episode Summary", "Discussion 00:39 - …" glued to the last
    // panelist) ends the list: what follows are sponsors, links and topics, not people.
    else if (PEOPLE_SECTIONS.has(current) && NEXT_SECTION.test(line.text)) sections.push({ name: nextSection(line.text), lines: [line] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections;
}

function headingName(line: Line): string | undefined {
  const text = line.kind === 'heading' ? line.text : line.bold;
  if (text === undefined) return undefined;
  const written = text.replace(/:$/, '').trim().toLowerCase();
  const name = SECTION_ALIASES[written] ?? written;
  // A bold line only starts a section when it names one; in Picks, `**Mark Ericksen:**` names a person instead.
  return line.kind === 'heading' || KNOWN_SECTIONS.includes(name) ? name : undefined;
}

/** Adds items one by one: `push(...items)` passes each as an argument, and past 100,000 of them throws. */
function append<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}
