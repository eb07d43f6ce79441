import { EpisodeError } from '../errors.ts';
import { accountsIn } from './account-host.ts';
import { type Chapter, chaptersFromNotes } from './chapters.ts';
import { dateOutsideFields, readDate } from './dates.ts';
import { looksLikeDuration, readDuration } from './durations.ts';
import { aliasesWith, type FieldName, fieldKey, fieldsOf, MAYBE_OTHER, pageNotEpisode, writesField } from './episode-fields.ts';
import { fieldReader, notesOf, readAll, textsOf } from './field-reader.ts';
import { namesWrittenAsNames, readFlag, readNumber, readPeople, readPicks, readTags, readText, unique } from './field-values.ts';
import { EXAMPLE, readFrontMatter } from './front-matter.ts';
import { audioInFields, audioInNotes, isAudioPath, readAudio, readTranscripts, type TranscriptLink } from './link-fields.ts';
import { openingHeading, plainText } from './markdown-text.ts';
import type { NameRuns } from './name-runs.ts';
import { authorsAsHosts, firstWord, guestsFromTitle, namesShow, personName } from './people.ts';
import { guestsHeard, peopleOfFields } from './people-field.ts';
import { nearPerson, oneSpellingEach, sameFirstAndLast, samePerson } from './same-person.ts';
import { parseShowNotes, type ShowNotes } from './show-notes.ts';
import { readSlugField, slugFromPath } from './slug.ts';
import { copiedGuests, guestsByInitials, namesInTitle, titleSubject, withOneNameGuests } from './title-people.ts';
import { onlyHosts, type SpokenPeople, spokenAny, spokenPeople } from './transcript-people.ts';

export { readDuration } from './durations.ts';

export type { TranscriptLink } from './link-fields.ts';

/** One episode as podgrep understands it: front matter plus the show notes found in its Markdown body. */
export type Episode = ShowNotes & {
  /** From the file's path inside the episodes folder (or a `slug` field); unique within a catalogue, used in URLs. */
  slug: string;
  title: string;
  podcast: string | undefined;
  /** The publisher's calendar date, `YYYY-MM-DD`. */
  date: string | undefined;
  episodeNumber: number | undefined;
  /** An episode "number" that is not one (`Bonus`, `036A`, `JSJ 391`): shown and searchable as written. */
  label: string | undefined;
  durationSeconds: number | undefined;
  /** As written: an http(s) URL or a path relative to the episode file. */
  audioUrl: string | undefined;
  /** Every transcript the publisher links to; published-transcript.ts picks the richest. */
  transcripts: TranscriptLink[];
  /** The richest of `transcripts`, as feed items name it (feed-episode.ts); episode files leave it to `transcripts`. */
  transcriptUrl?: string | undefined;
  tags: string[];
  /** From `podcast:chapters`, or from timestamped lines in the show notes such as `(12:34) Topic`. */
  chapters?: Chapter[];
};

export type ParseOptions = {
  /** The file's path inside the episodes folder, which its slug comes from (slug.ts); by default, the file name. */
  path?: string;
  /** The site's own field names (podgrep.yml `fields:`), tried before the built-in ones. */
  fields?: Partial<Record<FieldName, string | string[]>>;
  /** Joined to an audio file name that is not a URL (podgrep.yml `audio_prefix:`), as Hugo's media prefix is. */
  audioPrefix?: string;
  /** A value that cannot be read: the episode is indexed without it. */
  warn?: (message: string) => void;
};

/**
 * What reading an episode file gave: an episode, or a file that is plainly not one (and why). Guests its title names
 * are kept apart: they count only in a catalogue where no file has a guests field (read-episodes.ts), since a site
 * that has one writes every guest there, and "Get Movin' With Framer Motion" names a library.
 */
export type EpisodeFileResult =
  | {
      episode: Episode;
      nameRuns?: NameRuns;
      /** People a transcript pasted into the notes introduces (transcript-people.ts), when no field names anyone. */
      spoken?: SpokenPeople;
      titleGuests?: string[];
      /** Guests the title names in other shapes ("MJS 026 Chris Coyier"), if the catalogue knows their first names (title-people.ts). */
      titleNames?: string[];
      /** The front matter names guests, or hosts (then no first name from other episodes joins them), or only everyone;
       * `guessedGuests` are guests only for speaking after a transcript's first speaker (speaker-turns.ts). */
      guestField?: true;
      hostField?: true;
      rolesUnsaid?: true;
      guessedGuests?: string[];
      writtenNames?: string[];
      /** The accounts its notes link into, where a solo episode's host may be found (account-host.ts). */
      accounts?: string[];
      /** Fields the file writes, whether or not they could be read: a date that does not parse is still a date. */
      writes: Written;
    }
  | { skipped: string };

/** What a file writes that only episodes have (site-pages.ts tells pages by it); `noAudioField`: its audio, if any, is a
 * player in the notes, which pages have too. */
export type Written = { date: boolean; audioNumberOrTranscript: boolean; noAudioField?: boolean };

/**
 * Parses the text of an episode file. Never touches the disk: `fileName` only names the episode and its messages.
 * Throws EpisodeError naming the file when it cannot be used at all (front matter that does not parse, no title and
 * no text); a value that cannot be read is a warning, and the episode is kept without it.
 */
export function parseEpisode(fileName: string, text: string, options: ParseOptions = {}): Episode {
  const result = parseEpisodeFile(fileName, text, options);
  if ('skipped' in result)
    throw new EpisodeError(fileName, `title is missing or empty (${result.skipped}); expected for example:\n${EXAMPLE}`);
  const { episode, titleGuests = [], guestField } = result;
  return guestField ? episode : { ...episode, guests: unique([...episode.guests, ...titleGuests]) };
}

export function parseEpisodeFile(fileName: string, text: string, options: ParseOptions = {}): EpisodeFileResult {
  const front = readFrontMatter(fileName, text, options.warn);
  if (front.format === 'none') return { skipped: 'no front matter' };
  const fields = fieldsOf(front.data);
  const aliases = aliasesWith(options.fields);
  const warn = (message: string) => options.warn?.(`${fileName}: ${message}`);
  const field = fieldReader(fields, aliases, warn);

  // `draft: false` is a value read, not one missing: Hugo writes it on every episode. Pages: episode-fields.ts.
  if (field('draft', readFlag) || fields.get('published')?.[1] === false) return { skipped: 'a draft' };
  const page = pageNotEpisode(fields);
  if (page) return { skipped: page };
  // Notes from the front matter too (notesOf); mozaic.fm keeps its title in the body's `# heading`.
  const body = notesOf(front.content, fields, aliases);
  const titleField = field('title', readText) ?? openingHeading(body);
  const description = field('summary', (value) => (typeof value === 'string' ? plainText(value) || undefined : undefined));
  // Every summary field is read as the notes' opening for who is on (breadcrumbs.fm's `summary: "Elias and Sean discuss
  // …"`; Trust Revolution's `summary:` names its host where its `description:` names no one).
  const leads = textsOf(aliases.summary, fields).map(plainText).join('\n');
  const { nameRuns, transcript, linked, notedNames, spoke, ...notes } = parseShowNotes(body, titleField, fileName, leads);
  const speakers = [...spoke.host, ...spoke.guests];
  const fieldPicks = field('picks', readPicks) ?? [];
  notes.picks.push(...fieldPicks);
  const number = field('number', readNumber);
  const namedGuests = () => [...notes.guests, ...guestsFromTitle(titleField ?? '', body)];
  const [hostsField, guestsField, everyone] = (['hosts', 'guests', 'people'] as const).map((name) => field(name, readPeople));
  const { hosts, guests } = peopleOfFields(hostsField, guestsField, everyone, namedGuests, notes.panel);
  const ownSlug = field('slug', readSlugField);
  const slug = slugFromPath(options.path ?? fileName.replace(/^.*[\\/]/, ''), ownSlug) ?? 'episode';
  let title = titleField;
  if (!title) {
    const hasText = Boolean(notes.summary || notes.otherNotes || notes.links.length || description);
    if (!hasText)
      throw new EpisodeError(fileName, `title is missing or empty, and there is no text to index; expected for example:\n${EXAMPLE}`);
    title = fileName.replace(/^.*[\\/]/, '').replace(/\.(md|markdown|mdx)$/i, '');
    warn(`title is missing; the episode is titled "${title}" after its file`);
  }
  const tags = readAll(aliases.tags, fields, readTags, warn);
  const podcast = field('podcast', (value) => (isAudioPath(value) ? undefined : readText(value)));
  // The front matter's people win over the notes' (Syntax's "Guest: [Infinite Red](…)"); "Ruby Rogues" in "Chuck talks
  // with Ruby Rogues listeners" is the show; a guest is no panelist, though the notes have them talk or speak first.
  const notGuest = (name: string) => !guests.some((guest) => sameFirstAndLast(guest, name));
  const notesPanel = hosts.length ? [] : notes.panel.filter((name) => !namesShow(personName(name), podcast) && notGuest(name));
  // Beside a guests field, who else speaks in the transcript is a host (Bendy Bodies' "[07:08] **Dr. Linda Bluestein:**");
  // beside a hosts field, a guest, the first to speak too (IRL's `host: Veronica`).
  const isGuestToo = (name: string) => guests.some((guest) => nearPerson(guest, name) || firstWord(personName(guest)) === firstWord(name));
  const speaking = hosts.length || !guests.length ? [] : speakers.filter((name) => !isGuestToo(name));
  const named = unique([...hosts, ...notesPanel, ...speaking]);
  const runs = { panel: hosts.length ? [] : nameRuns.panel, guests: guests.length ? [] : nameRuns.guests };
  const isHost = (name: string) => hosts.some((host) => personName(host) === personName(name));
  const heard = guests.length ? [] : guestsHeard(notes.guests, speakers, hostsField);
  const notesGuests = heard.filter((name) => !namesShow(personName(name), podcast) && !isHost(name));
  // `participants: [Andrey, Henrik]` beside "we chat with Henrik Høegh": the guest the notes name in full.
  const inFull = (host: string) => !host.includes(' ') && notesGuests.some((guest) => firstWord(personName(guest)) === host);
  // Who gave the picks kept in the front matter is on the episode: a host, unless the notes call them a guest.
  const givers = unique(fieldPicks.map((pick) => pick.person)).filter((name) => notGuest(name) && !notesGuests.includes(name));
  const panel = unique([
    ...(named.length
      ? named.filter((host) => !inFull(host))
      : authorsAsHosts(field('authors', readPeople) ?? [], podcast).filter(notGuest)),
    ...givers.filter((giver) => !named.some((host) => samePerson(host, giver))),
  ]);
  // A title, the weakest place a guest is written, counts when nothing else names one, or names them all and more ("our
  // special guests Nathan Doctor, I can't remember who else"), or a run of guests names only panelists (catalogue-people).
  const subject = titleSubject(title, `${description}\n${body}`);
  const inTitle = guests.length ? [] : [...guestsFromTitle(title, body, tags), ...subject];
  const fromTitle = inTitle.filter((name) => !panel.includes(name) && !namesShow(name, podcast));
  const copied = copiedGuests(notesGuests, fromTitle, { picks: notes.picks, notes: body, panel });
  const noted = notesGuests.filter((name) => !copied.includes(name));
  const allNoted = copied.length > 0 || (noted.length > 0 && noted.every((name) => fromTitle.includes(personName(name))));
  const titleGuests = noted.length ? [] : fromTitle;
  const byInitials = guests.length || noted.length ? [] : guestsByInitials(title, text, panel);
  // "Special Guest: Meteor Project: Apollo … with Tom Coleman": a run that ends at a colon names no one the title doesn't.
  const firmGuests = [...guests, ...noted, ...runs.guests.filter((name) => !name.endsWith(':')), ...titleGuests];
  // The weakest place a guest is written (linked-people.ts): counted where every guest named elsewhere is linked too.
  const linkedGuests = firmGuests.every((name) => linked.includes(name)) ? linked.filter((name) => !panel.includes(name)) : [];
  const titleNames = firmGuests.length > titleGuests.length ? [] : namesInTitle(title, body).filter((name) => !namesShow(name, podcast));
  const audio =
    field('audio', (value, alias) => readAudio(value, MAYBE_OTHER.has(fieldKey(alias)), options.audioPrefix)) ?? audioInFields(front.data);
  // A transcript's roll call counts where the front matter names nobody; beside a guests field, who the hosts are.
  const spoken = hosts.length ? undefined : onlyHosts(spokenPeople(transcript, notedNames), guests.length > 0, notGuest);
  const writes = (name: FieldName) => writesField(aliases[name], fields);
  // `guest: { name: bdougie }` is a name, though it looks like an id: no person file is missing for it (person-ids.ts).
  const writtenNames = [...aliases.hosts, ...aliases.guests, ...aliases.people].flatMap((alias) =>
    namesWrittenAsNames(fields.get(fieldKey(alias))?.[1]),
  );
  return {
    episode: {
      slug,
      title,
      podcast,
      date:
        field('date', (value, alias) => (fieldKey(alias) === 'published' && typeof value === 'boolean' ? undefined : readDate(value))) ??
        dateOutsideFields(options.path ?? fileName, body),
      episodeNumber: typeof number === 'number' ? number : undefined,
      label: typeof number === 'string' ? number : undefined,
      durationSeconds: field('duration', (value, alias) =>
        fieldKey(alias) === 'length' && !looksLikeDuration(value) ? undefined : readDuration(value),
      ),
      audioUrl: audio ?? audioInNotes(body),
      transcripts: field('transcripts', readTranscripts) ?? [],
      tags,
      ...notes,
      summary: notes.summary || description || '',
      panel,
      guests: withOneNameGuests(
        oneSpellingEach(
          unique([...guests, ...noted, ...linkedGuests, ...(allNoted ? fromTitle : []), ...byInitials]),
          text,
          fromTitle,
          guests,
        ),
        panel,
        {
          title,
          picks: notes.picks,
          notes: body,
        },
      ),
      // Timestamped lines are found in the Markdown as written; their titles are shown and searched as text.
      chapters: chaptersFromNotes(body)
        .map((chapter) => ({ ...chapter, title: plainText(chapter.title).replace(/\s+/g, ' ') }))
        .filter((chapter) => chapter.title),
    },
    ...(runs.panel.length || runs.guests.length ? { nameRuns: runs } : {}),
    ...(titleGuests.length ? { titleGuests } : {}),
    ...(titleNames.length ? { titleNames } : {}),
    ...(spoken && spokenAny(spoken) ? { spoken } : {}),
    ...(aliases.guests.some((alias) => fields.has(fieldKey(alias))) ? { guestField: true as const } : {}),
    ...(hosts.length ? { hostField: true as const } : {}),
    ...(everyone?.length && !hostsField?.length && !guestsField?.length ? { rolesUnsaid: true as const } : {}),
    ...(spoke.guests.length ? { guessedGuests: spoke.guests } : {}),
    ...(writtenNames.length ? { writtenNames } : {}),
    ...(panel.length ? {} : accountsIn(body)),
    writes: {
      date: writes('date'),
      audioNumberOrTranscript: writes('audio') || writes('number') || writes('transcripts'),
      noAudioField: !audio,
    },
  };
}

/** Whether the episode's audio lives next to the episode file rather than on the web. */
export function isLocalAudio(audioUrl: string): boolean {
  return !/^https?:\/\//i.test(audioUrl);
}
