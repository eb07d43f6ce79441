/**
 * Publication dates as podcast sites write them, read as the publisher's own calendar date (`YYYY-MM-DD`): the date
 * printed on their page, not the UTC one, so `2013-08-12T19:05:39-07:00` is the 12th. Plain functions with no I/O, so
 * episode files and feed items share them.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;

// Every pattern is anchored and free of nested quantifiers, so reading a value costs time linear in its length.
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:$|[T\s])/;
// "26.10.2015 15:00", as German and most European sites write it: with dots the day comes first, never the month.
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:$|[,\s])/;
// "July 15th, 2021", "Jul 15 2021", "Thursday, July 15, 2021 10:00"
const MONTH_FIRST = new RegExp(String.raw`^(?:[a-z]+,?\s+)?${MONTH}\s+${DAY},?\s+(\d{4})\b`, 'i');
// RFC 2822 "Thu, 15 Jul 2021 10:00:00 -0700", "15 July 2021"
const DAY_FIRST = new RegExp(String.raw`^(?:[a-z]+,?\s+)?${DAY}\s+${MONTH},?\s+(\d{4})\b`, 'i');
// Japanese, Chinese and Korean sites: "2020年11月27日（金）", "2020년 11월 27일"; what follows (the weekday) is not read.
const CJK = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;

/** Epoch numbers this large are milliseconds; as seconds they would be past the year 5000. */
const MS_FROM = 1e11;

/** A date, or undefined when the value is not one podgrep can read. */
export function readDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    // TOML datetimes keep their offset in toISOString(), so their calendar date is the publisher's.
    return Number.isNaN(value.getTime()) ? undefined : readDate(value.toISOString());
  }
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  if (/^\d{9,14}(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const iso = ISO.exec(text) ?? SLASHED.exec(text) ?? CJK.exec(text);
  if (iso) return calendar(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = DOTTED.exec(text);
  if (dotted) return calendar(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) return calendar(Number(monthFirst[3]), monthIndex(monthFirst[1]), Number(monthFirst[2]));
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return calendar(Number(dayFirst[3]), monthIndex(dayFirst[2]), Number(dayFirst[1]));
  return undefined;
}

function monthIndex(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
}

/** Epoch seconds or milliseconds (told apart by size); a number too small to be either is not a date. */
function fromEpoch(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 1e8 || value >= 1e14) return undefined;
  const date = new Date(value >= MS_FROM ? value : value * 1000);
  return date.toISOString().slice(0, 10);
}

function calendar(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The date a file's name starts with, as Jekyll names its posts (`_posts/2022-07-27-newsletter-recap.md`) and Hugo reads
 * with `:filename`: a site that writes no date field dates its episodes this way. A Hugo bundle's folder counts
 * (`2022-07-27-recap/index.md`).
 */
export function dateInFileName(filePath: string): string | undefined {
  const parts = filePath.split(/[\\/]/);
  const name = /^(?:index|_index)\.[a-z]+$/i.test(parts.at(-1) ?? '') ? parts.at(-2) : parts.at(-1);
  const date = /^(\d{4}-\d{2}-\d{2})(?=[-_.\s])/.exec(name ?? '')?.[1];
  return date ? readDate(date) : undefined;
}

/** Where the front matter has no date: the one a Jekyll post's file name starts with, or one alone atop the body. */
export function dateOutsideFields(filePath: string, body: string): string | undefined {
  return dateInFileName(filePath) ?? dateAtTop(body);
}

/**
 * A date written alone at the top of the body, where the front matter has none: Docusaurus sites put it under their
 * MDX imports ("_Saturday, 2nd December 2023_"). Only the first line of text, and only one that is a date and nothing
 * else, in words ("2nd December 2023", "December 2, 2023", a weekday before) or ISO.
 */
function dateAtTop(body: string): string | undefined {
  for (const line of body.split('\n', 40)) {
    const text = line.trim();
    if (!text || /^import\s/.test(text)) continue;
    const bare = text.replace(/^[*_]+|[*_]+$/g, '').trim();
    return DATE_ALONE.test(bare) ? readDate(bare) : undefined;
  }
  return undefined;
}

const DATE_ALONE =
  /^(?:\p{L}+,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+\p{L}+|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}$|^\d{4}-\d{2}-\d{2}$/u;
