/**
 * A feed's `pubDate` as the `YYYY-MM-DD` calendar date episodes carry, or undefined. RSS says RFC 2822
 * ("Tue, 09 Jul 2019 10:00:00 -0400"); feeds also write ISO 8601, drop the weekday, or name the zone (GMT, EST).
 * The date is the one at the publisher's own offset, so an episode out at 23:00 in New York is not dated the next day.
 */
export function readPubDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const rfc = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2,4})\b/.exec(text);
  if (!rfc) {
    const parsed = new Date(text);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
  }
  const month = MONTHS.indexOf(rfc[2]!.slice(0, 3).toLowerCase()) + 1;
  let year = Number(rfc[3]);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  return month ? validDate(year, month, Number(rfc[1])) : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function validDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900 || year > 2200) return undefined;
  return date.toISOString().slice(0, 10);
}
