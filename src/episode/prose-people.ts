import { firstNamesIn, VERB } from './first-name-panel.ts';
import { withoutNicknames } from './listed-names.ts';
import { byFirstName, escapeRegExp, firstWord } from './people.ts';

/**
 * People named only in the summary's prose, as many devchat.tv episodes do: "This episode features panelists Ward
 * Bell, Joe Eames, and Charles Max Wood. Special Guest Gil Fink is on the podcast this week". Lists of full names (two
 * or three capitalised words each) count: right after "panelists" or "special guest", as the opening sentence's
 * subject, or whom it talks with; one-word names only where the title or a role vouches for them, and a panel by first
 * names is left to the catalogue (`firstNames`). show-notes.ts uses them only when no section or line names anyone.
 */
export type ProsePeople = {
  panel: string[];
  guests: string[];
  /** A panel by first names: "Join AJ, Aimee, and Joe as they discuss …". */
  firstNames: string[];
  /**
   * Where a name may start after a show's name ("In this episode of React Round Up Charles Max Wood interviews …"): the
   * last two and three words, on the episode if the podcast names one of them elsewhere (speaker-names.ts).
   */
  ifKnown: string[];
};

// A word of a name is capitalised; a dot only ends an initial ("Charles M. Wood"), not "Wood." ending the sentence.
const WORD = String.raw`\p{Lu}(?:\.|[\p{L}\p{M}'’-]*)`;
const NAME = String.raw`${WORD}(?:\s+${WORD}){1,2}`;
// "… Brian Hogan and I'm Charles Max Wood": the host names himself last.
const LIST = String.raw`(${NAME}(?:(?:,\s+|,?\s+and\s+(?:I['’]m\s+)?)${NAME})*)`;
// "features panelists A, B and C", "The panel for this episode of … is A, B, and C", "a panel of A, B, as well as host C".
const PANEL = new RegExp(
  String.raw`\bpanel(?:ists?)?\s+(?:for\s+[^.]{0,60}?\s+(?:is|are|includes?)\s+|(?:is|are|includes?|features?|of)\s+|[-–—:]\s+)?${LIST}`,
  'gu',
);
// "This episode of iPhreaks features A, B, and special guest C", "On today's episode of iPhreaks, A, B and special guest –
// C talk …": the panel, then the guest.
const FEATURES = new RegExp(
  String.raw`(?:\bfeatures?\s+|\bepisode\s+of\s+(?:the\s+)?\p{L}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3},\s+)${LIST},?\s+and\s+(?:our\s+)?special\s+guests?\b`,
  'gu',
);
// "On our panel we've got Dave Carmona and I'm Charles Max Wood", "a guest panelist, Sarah Dayan": in the notes' opening.
const PANEL_WE = new RegExp(String.raw`\b(?:panel\s+(?:we(?:'|’)ve\s+got|we\s+have)|[Gg]uest\s+panelists?,?)\s+${LIST}`, 'gu');
// "special guest Ann Lee", "special guest, Ann Lee"; not "… with Special Guest Clay Collins", the title of another
// episode picked or linked. GolangShow's "В гостях Максим Чечель, автор …" ("visiting us").
const GUESTS = new RegExp(String.raw`(?:(?<!\bwith\s)\b[Ss]pecial\s+[Gg]uests?,?\s+(?:[-–—]\s+)?|(?<!\p{L})[Вв]\s+гостях\s+)${LIST}`, 'gu');
// In the notes' opening only ("This week our guest is Ann Lee"): a transcript says it too, as the words were heard;
// and only a name that ends there, not one the opening's end cut short.
const OUR_GUEST = new RegExp(
  String.raw`\b(?:[Oo]ur|[Tt]oday['’]s|[Tt]his\s+week['’]s)\s+guests?\s+(?:today\s+|this\s+week\s+)?(?:is|are)\s+${LIST}(?=\s+\p{Ll}|[.,;:!?)])`,
  'gu',
);
// The opening sentence's subject: "On today's episode, Charles Max Wood, Joe Eames, and Ward Bell discuss …", "Philip
// Morgan and Reuven Lerner lead this week's podcast", "… hosted (this week) by A and B", "with your hosts A and B",
// ", host A sits down with …", ", co-hosts A and B break down …", "a discussion … between A, B, and C".
// A sentence starts after a full stop, not after an initial's ("K. Scott Allen"). "Release Notes discussed: <https://…>"
// labels a link: no sentence.
// "In this episode of the Ruby Rogues podcast Dave Kimura, Eric Berry, and Charles Max Wood discuss …": no comma after
// the show, whose name ends on a word in lower case ("podcast"), or "… of JavaScript Jabber Ann Lee" would be a name.
// The list may end on one who goes by one name: "On episode 188 of iPhreaks, Jaim Zuber and Anastasiia talk about …".
const SUBJECT_LIST = String.raw`(${NAME}(?:(?:,\s+|,?\s+and\s+(?:I['’]m\s+)?)${NAME})*(?:,?\s+and\s+\p{Lu}\p{Ll}{3,})?)`;
const SUBJECT = new RegExp(
  String.raw`(?:^|\n|(?<!(?:^|\s)\p{Lu})[.!?]\s+|,\s+|\b[Ii]n\s+(?:this|today['’]s)\s+episode\s+of\s+(?:[^,.]{0,60}?\s)?\p{Ll}+\s)${SUBJECT_LIST}\s+${VERB}\b(?!:)`,
  'gu',
);
const HOSTED = new RegExp(
  String.raw`(?:\bhosted\s+(?:this\s+week\s+|today\s+)?by|\b(?:[Yy]our|[Oo]ur|[Tt]he|as\s+well\s+as)\s+(?:co-?)?hosts?:?|(?:^|[,.;:]\s+)(?:[Hh]ost:?|[Cc]o-?hosts)|\bdiscussion\s+[^.]{0,60}?\s+between)\s+${LIST}`,
  'gu',
);

// Whom they talk with, when the title names them too: "Charles Max Wood interviews Stephen Chin", "Andrew and Jaim
// discuss Notifications with Paola Mata". A role before the names says they are people, title or not: "short interviews
// with upcoming RustConf speakers Siân Griffin, Jane Lusby, and Ashley Hauck", "first with lead RustFest organizer
// Jan-Erik Rediger".
const ROLE =
  '(?:organi[sz]er|contributor|speaker|(?:co-?)?founder|creator|author|maintainer|engineer|developer|editor|member|designer|researcher|advocate)s?';
const OBJECT = new RegExp(
  String.raw`\b(?:interview(?:s|ed)?|welcome(?:s|d)?|(?:speak(?:s)?|spoke|talk(?:s|ed)?|chat(?:s|ted)?|sit(?:s)?\s+down)\s+(?:with|to)|(?<loose>discuss(?:es|ed)?\s[^.]{1,60}?\swith|with))\s+(?<role>(?:[\p{L}\d][\p{L}\d.'’-]*\s+){0,3}?${ROLE}\s+)?${LIST}`,
  'gu',
);
// "Eddie Zaneski from Digital Ocean talks about …", "Colby Tresness, from Microsoft, joins …": someone from elsewhere,
// in the notes' opening (later, "years ago, Brendan Eich from Netscape talks about …" is history).
const FROM_ELSEWHERE = new RegExp(
  String.raw`(?:^|\n|[.!?,]\s+|\sand\s+)(${NAME}),?\s+from\s+\p{Lu}[\p{L}\d.&'’-]*(?:\s+\p{Lu}[\p{L}\d.&'’-]*){0,2},?\s+(?:talks|discusses|shares|explains|joins)\b`,
  'gu',
);
// "[Vitaly Bragilevsky](…), Developer Advocate at JetBrains …, sits down with Luca Palmieri": the guest, then the host.
const DESCRIBED = new RegExp(
  String.raw`(?:^|\n)(${NAME}),\s+[^.]{3,200}?,\s+(?:sits?\s+down|talks?|chats?|speaks?)\s+with\s+(${NAME})`,
  'u',
);
// "Mark Erhardt and Mike Schmidt are joined by Ruben Somsen": the hosts, then their guests; "we're joined by Ann Lee",
// "I speak with …", "we speak to …": the host's own guest, now (not "I spoke with her last year"). A list ends where a
// name does, not inside one ("Google Cloud's Bo Diaz"); products and companies are NOT_NAME's.
const LIST_ENDS = String.raw`(?=\s*(?:[.,;:!?()\-–—]|$)|\s+\p{Ll})`;
const JOINED_BY = new RegExp(
  String.raw`(?:^|\n|[.!?]\s+)${SUBJECT_LIST}\s+(?:is|are|were|was)\s+(?:once\s+again\s+|again\s+)?joined\s+(?:this\s+week\s+|today\s+)?by\s+${LIST}${LIST_ENDS}`,
  'gu',
);
const WE_ARE_JOINED = new RegExp(
  String.raw`\b(?:(?:[Ww]e(?:['’]re|\s+are)|I(?:['’]m|\s+am))\s+(?:again\s+)?joined\s+(?:today\s+)?by|I(?:['’]m)?\s+(?:speak|speaking|talk|talking|chat|chatting|sit\s+down|sitting\s+down)\s+with|[Ww]e\s+(?:speak|talk|chat)\s+(?:to|with))\s+${LIST}${LIST_ENDS}`,
  'gu',
);
// "about me, Rob Kendal", "I'm your host, Ann Lee", "Welcome to A11y Rules. I'm Nic Steenhout and …"; not "I'm Super Excited".
const ME = new RegExp(
  String.raw`\b(?:about|just|it['’]s)\s+me,\s+(${NAME})(?=[.,!;:)]|\s*$)|\b(?:I['’]m|[Tt]his\s+is)\s+your\s+host,?\s+(${NAME})(?=[.,!;:)]|\s*$|\s+(?:and|here)\b)|\b[Ww]elcome\s+to\b[^\n]{0,300}?[,.!?]\s+I['’]m\s+(${NAME})(?=[.,!;:)]|\s*$|\s+(?:and|here|your)\b)`,
  'gu',
);
// "This is a talk given by Uri Shaked at the recent Angular Dev Summit": a conference talk's speaker.
const TALK_BY = new RegExp(String.raw`^(?:This|It)\s+(?:is|was)\s+(?:a|the)\s+(?:recorded\s+)?talk\s+(?:given\s+)?by\s+${LIST}`, 'gu');
const SHOW_THEN_NAME =
  /\b[Ii]n\s+(?:this|today['’]s)\s+episode\s+of\s+((?:\p{Lu}[\p{L}'’.-]*\s+){3,9}?)(?:interviews|talks|discusses|speaks|chats)\b/u;
// "Allen Wyma talks with [Roel](…), creator of id3" under "id3 with Roel": one word is a name when the title ends on it.
const ONE_WORD_OBJECT = String.raw`\b(?:interview(?:s|ed)?|(?:speak(?:s)?|spoke|talk(?:s|ed)?|chat(?:s|ted)?|sit(?:s)?\s+down)\s+with)\s+`;

/**
 * The people of the notes' prose. Panelists after "panelists" anywhere; in the opening (`opening`, the notes before a
 * transcript), the subject of its first sentences when they are full names, and a guest they talk with when the
 * title names that guest as well.
 */
export function prosePeople(text: string, opening = '', title = '', file = ''): ProsePeople {
  text = withoutNicknames(text);
  const start = withoutNicknames(opening.slice(0, 800));
  const longOpening = withoutNicknames(opening.slice(0, 20_000));
  // Who discusses, interviews or talks is on the episode; who shares or answers, when the sentence says it is about the
  // episode ("On today's episode, …"): "Visual Studio Code and Azure Functions share a runtime" has the same shape.
  // "In this episode, Charles Max Wood gives …", but "This week, Visual Studio Code and GitHub Copilot give developers …".
  const aboutEpisode = (sentence: string, subject: string) =>
    /\b(?:discuss|interview|talk|chat|lead|led|welcome|speak|spoke)\w*$/.test(subject) ||
    (/\b(?:give|gave|walk|explain|demonstrat)\w*$/.test(subject)
      ? /\b(?:in\s+this|on\s+today['’]s)\s+episode\b/i.test(sentence)
      : /\b(?:episode|show|podcast|panel\w*|today|week)\b/i.test(sentence));
  const subjects = [
    ...namesIn(start.slice(0, 400), SUBJECT, aboutEpisode),
    ...[HOSTED, PANEL_WE, FEATURES].flatMap((pattern) => namesIn(start, pattern)),
  ];
  // "Yagiz Nizipli talks about Node.js" under "… with Yagiz Nizipli": the subject the title names is the guest.
  const titled = subjects.filter((name) => title.includes(name));
  const described = DESCRIBED.exec(start);
  const [guest, host] = described ? [cleanName(described[1] ?? ''), cleanName(described[2] ?? '')] : [];
  return {
    // One name alone after "panel" is too often a sentence ("the panel Discusses…"): a panel list has two at least.
    panel: [
      ...new Set([
        ...namesIn(text, PANEL, undefined, 2),
        ...subjects.filter((name) => !titled.includes(name)),
        ...(guest && host ? [host] : []),
        ...namesIn(start.slice(0, 400), JOINED_BY),
        ...[1, 2, 3].flatMap((group) => namesIn(longOpening, ME, undefined, 1, group)),
      ]),
    ],
    guests: [
      ...new Set([
        ...namesIn(text, GUESTS),
        ...titled,
        ...objectsIn(start, text, title, file),
        ...(guest && host ? [guest] : []),
        ...namesIn(start, FROM_ELSEWHERE),
        ...namesIn(start, TALK_BY),
        ...namesIn(start.slice(0, 400), JOINED_BY, undefined, 1, 2),
        ...namesIn(start.slice(0, 400), WE_ARE_JOINED),
        ...namesIn(start, OUR_GUEST),
      ]),
    ],
    firstNames: firstNamesIn(start.slice(0, 400)),
    ifKnown: afterShow(start.slice(0, 400)),
  };
}

// "special guest Performance Tech Lead at …", "… Ben Schmeckpeper Episode 12", "Amazon Web Services", "Stripe's Ann":
// a role, a word of the sentence, a company or a product. "Plus"/"Then" before a name is the sentence's.
const NOT_NAME =
  /\b(?:engineer|lead|developer|manager|architect|director|advocate|founder|ceo|cto|episode|show|podcast|services|cloud|labs|team|foundation|project|group|systems|technologies|software|party|query|code|copilot|inc|corp|network|support)\b|[’']s\b|^(?:The|This|Our|In|On|Today|Special|Guests?|Panel\w*|I['’]m)\s/i;
const CONNECTIVE = /^(?:Plus|Then|And|Also|But|So|Now|Next|Finally|Later|Meanwhile|Afterwards|Here)$/;

/** "Sam Julien Sam talks…" ends with the first name starting the next sentence. */
function cleanName(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length === 3 && words[2] === words[0]) words.pop();
  if (words.length >= 2 && CONNECTIVE.test(words[0] ?? '')) words.shift();
  const name = words.join(' ');
  return name && !NOT_NAME.test(name) ? name : undefined;
}

/**
 * Guests after "interviews", "talks with", "discuss … with", or a bare "with" ("a My Angular Story with Kion Stephen")
 * when the notes also speak of the person by first name ("Kion didn't start programming…"): "with Visual Studio Code"
 * is no one. Each must be written in the title too, unless a role names them ("with Tokio contributor Lucio Franco").
 */
function objectsIn(start: string, text: string, title: string, file: string): string[] {
  const names: string[] = [];
  // A title "… with Ann Lee" names its guests itself (people.ts), and better than a bare "with" or "discuss … with" does
  // ("discuss Getting Started with Facebook Ads with Mojca Mars" under that title).
  const titleWith = /\s(?:with|feat\.?|featuring)\s/i.test(title);
  const calledByFirst = (name: string) => new RegExp(byFirstName(firstWord(name)), 'u').test(text.replaceAll(name, ''));
  for (const match of start.matchAll(OBJECT)) {
    const { loose, role } = match.groups ?? {};
    for (const name of (match[3] ?? '').split(/,\s+and\s+|,\s+|\s+and\s+/).map(cleanName)) {
      // The title's spelling wins over a role's ("Copywriting with Joanna Wiebe" over "founder Joana Wiebe").
      const inTitle = name && title.includes(name);
      if (name && (inTitle || (role && !titleWith)) && (role || !loose || (!titleWith && calledByFirst(name)))) names.push(name);
    }
    // "… speakers Harrison Bachrach, Esteban Kuber, and Jam.": after a role, a list may end on one who goes by one name.
    const oneName = /^,?\s+and\s+(\p{Lu}[\p{Ll}\p{M}]+)(?=[.,;]|$)/u.exec(start.slice((match.index ?? 0) + match[0].length));
    if (role && !titleWith && oneName?.[1]) names.push(oneName[1]);
  }
  // "discuss Getting Started with Facebook Ads with Mojca Mars." under a title without her, who is "Mojca" after: the
  // sentence's last "with".
  const lastWith = new RegExp(String.raw`\bdiscuss\w*\s[^.]{1,80}\swith\s+(${NAME})[.,]`, 'u').exec(start)?.[1];
  if (lastWith && !names.includes(lastWith) && !title.includes(lastWith) && calledByFirst(lastWith)) names.push(lastWith);
  const word = /\swith\s+(\p{Lu}[\p{L}\p{N}]+)$/u.exec(title)?.[1];
  // Not "chat with Tokio's Carl" under "… with Tokio".
  if (word && new RegExp(String.raw`${ONE_WORD_OBJECT}${escapeRegExp(word)}(?![\p{L}\p{N}'’])`, 'u').test(start)) names.push(word);
  // "talks with Daniel, the original author of cURL" in 2021-09-03-daniel-stenberg.md: the file is named after them.
  const first = new RegExp(String.raw`${ONE_WORD_OBJECT}(\p{Lu}\p{Ll}+),`, 'u').exec(start)?.[1]?.toLowerCase();
  const last = first && new RegExp(String.raw`(?:^|[-_/\\])${first}[-_]([a-z]{2,})\.(?:md|markdown|mdx)$`).exec(file.toLowerCase())?.[1];
  // "speaks with Mozilla, …" in …-mozilla-firefox.md under a title that names Mozilla is no Mozilla Firefox.
  if (first && last && !title.toLowerCase().includes(first))
    names.push([first, last].map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(' '));
  return [...new Set(names)];
}

function afterShow(start: string): string[] {
  const words = SHOW_THEN_NAME.exec(start)?.[1]?.trim().split(/\s+/) ?? [];
  return [words.slice(-2), words.slice(-3)].filter((name) => name.length > 1 && words.length > name.length).map((name) => name.join(' '));
}

function namesIn(text: string, pattern: RegExp, inSentence = (_sentence: string, _match: string) => true, least = 1, group = 1): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    const end = text.slice(at + match[0].length).search(/[.!?](?:\s|$)/);
    const sentence = text.slice(Math.max(0, text.lastIndexOf('.', at)), end < 0 ? undefined : at + match[0].length + end);
    if (!inSentence(sentence, match[0])) continue;
    const list = (match[group] ?? '').split(/,\s+and\s+(?:I['’]m\s+)?|,\s+|\s+and\s+(?:I['’]m\s+)?/);
    if (list.length < least) continue;
    // One who goes by one name ends a list whose every other name is one: not "Chuck" of "Today Aimee and Chuck".
    const cleaned = list.map(cleanName);
    for (const name of cleaned) if (name !== undefined && (/\s/.test(name) || cleaned.every(Boolean))) names.push(name);
  }
  return [...new Set(names)];
}
