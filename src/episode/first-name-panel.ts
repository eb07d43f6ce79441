import { NOT_FIRST } from './people.ts';

/** What the opening sentence's subject does on the episode: "Philip Morgan and Reuven Lerner lead this week's podcast". */
export const VERB = String.raw`(?:discuss(?:es|ed)?|give(?:s)?|gave|walk(?:s|ed)?|explain(?:s|ed)?|demonstrate(?:s|d)?|talk(?:s|ed)?|chat(?:s|ted)?|lead|leads|led|interview(?:s|ed)?|welcome(?:s|d)?|speak(?:s)?|spoke|answer(?:s|ed)?|share(?:s|d)?|sit(?:s)?\s+down|catch(?:es)?\s+up|continue(?:s|d)?|travel|reminisce|feature(?:s|d)?|explore(?:s|d)?|tackle(?:s|d)?|debate(?:s|d)?)`;

// A panel by first names: "Join AJ, Aimee, and Joe as they discuss …", "On today's episode of the Freelancers' Show,
// Curtis, Philip, Jonathan, and Reuven discuss …", "In this episode Chris and Divya discuss …"; one name where the notes
// begin ("Chuck explains what it takes to get a remote job", "Charles is at CES 2019 and talks to …", "In this episode,
// Charles discusses …", "Rob and Jason are joined by …", "This episode is hosted by Elena and Alexey."). Who they are, the
// regulars say (speaker-names.ts).
const FIRST = String.raw`(?:\p{Lu}{1,2}\p{Ll}+|\p{Lu}{2})`;
const FIRST_LIST = String.raw`(${FIRST}(?:,\s+${FIRST})*,?\s+(?:and|&)\s+${FIRST})`;
// What two or more do together, which one product and another do not: "Joe and Adam decode the hype", "… gather round".
const TOGETHER = String.raw`(?:decode|gather|ponder|rant|kick\s+off|wrap\s+up|open\s+up)`;
// A handle is a first name too ("Ecton and ToggleBit meet for an introductory episode"), where only people could do
// what follows: "TypeScript and React recap the week" are products.
const HANDLE = String.raw`(?:${FIRST}|\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+)`;
const HANDLES = String.raw`(${HANDLE}(?:,\s+${HANDLE})*,?\s+(?:and|&)\s+${HANDLE})\s+(?:meet|discuss(?:es|ed)?|talk(?:s|ed)?|chat(?:s|ted)?)\b`;
const FIRST_NAMES = new RegExp(
  String.raw`\b[Jj]oin\s+${FIRST_LIST}\s+as\s+they\b|(?:^|\n|[.!?,]\s+|\b[Ii]n\s+(?:this|today['’]s)\s+episode\s+)${FIRST_LIST}\s+(?:${VERB}|${TOGETHER}|are\s+(?:once\s+)?(?:again\s+)?joined\s+by)\b|^(${FIRST})\s+(?:${VERB}|is\s+(?:at|back|joined|talking|chatting))\b|^[IiOo]n\s+(?:this|today['’]s)\s+episode,?\s+(${FIRST})\s+${VERB}\b|\bhosted\s+by\s+${FIRST_LIST}(?=[.,;]|$)|(?:^|\n|[.!?]\s+)${HANDLES}`,
  'u',
);

/** The panel an opening names by first names alone; who they are, the catalogue's regulars say (speaker-names.ts). */
export function firstNamesIn(start: string): string[] {
  const match = FIRST_NAMES.exec(start);
  const names = (match?.[1] ?? match?.[2] ?? match?.[3] ?? match?.[4] ?? match?.[5] ?? match?.[6] ?? '')
    .split(/,\s+(?:and\s+|&\s+)?|\s+(?:and|&)\s+/)
    .filter(Boolean);
  return names.some((name) => NOT_FIRST.has(name)) ? [] : names;
}
