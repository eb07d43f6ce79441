import { escapeRegExp } from './people.ts';

// The words for hosts and guests in the languages of the sites podgrep was tried on (docs/real-sites.md): GolangShow
// writes "Ведущие этого выпуска: Артём, Иван и Слава" and "## Гости", Les Cast Codeurs "## Invités". Lower case, as
// headings are compared.

/** A heading or label that lists the episode's hosts. Not "Moderation": Binärgewitter's "## Moderation" is a segment. */
export const HOST_HEADINGS = [
  'ведущие',
  'ведущие этого выпуска',
  'ведущие выпуска',
  'ведущий',
  'moderatoren',
  'animateurs',
  'animateur',
  'presentadores',
  'presentador',
  'apresentadores',
  'apresentador',
  'programledare',
];

/** A heading or label that lists the episode's guests. */
export const GUEST_HEADINGS = [
  'гости',
  'гость',
  'gäste',
  'gast',
  'invités',
  'invité',
  'invitées',
  'invitée',
  "invité de l'épisode",
  'invité de l’épisode',
  'invitados',
  'invitado',
  'convidados',
  'convidado',
  'gäster',
  'gäst',
];

/** The same as alternatives of a regular expression, longest first ("ведущие этого выпуска" before "ведущие"). */
export const HOST_WORDS = alternatives(HOST_HEADINGS);
export const GUEST_WORDS = alternatives(GUEST_HEADINGS);

/** Those as the sections of show notes they start. */
export const LOCAL_SECTIONS: Record<string, string> = Object.fromEntries([
  ...HOST_HEADINGS.map((word) => [word, 'hosts']),
  ...GUEST_HEADINGS.map((word) => [word, 'guests']),
]);

/** A line alone that starts a list of hosts: "Ведущие этого выпуска:", then the list. */
export const HOSTS_LINE = new RegExp(String.raw`^(?:${HOST_WORDS})\s*:$`, 'iu');

/**
 * "и", "und", "et", "och": what joins the last two names of a list. Not Spanish "y" nor Portuguese "e", which join
 * the two surnames of one person as often ("Santiago Ramón y Cajal").
 */
export const AND_WORDS = String.raw`(?<![\p{L}])(?:and|и|und|et|och)(?![\p{L}])`;

function alternatives(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => escapeRegExp(word).replace(/ /g, String.raw`\s+`))
    .join('|');
}
