import { LEAD_IN_SECONDS } from '../time.ts';

export function episodeUrl(slug: string, seconds?: number): string {
  const base = `/episodes/${encodeURIComponent(slug)}`;
  return seconds === undefined ? base : `${base}?t=${Math.max(0, Math.floor(seconds))}`;
}

/** The id of a transcript line on the episode page, by the second it starts: `t-75`. */
export function lineAnchor(seconds: number): string {
  return `t-${Math.max(0, Math.floor(seconds))}`;
}

/**
 * A moment's link as the pages give it (`/episodes/x?t=75` → `/episodes/x?t=75&at=76&q=rustler#t-75`). `t` is where
 * the player starts, the lead-in before the words; `at`, the second the result shows for them ("▶ 1:16"), so the episode
 * page's "Play from" names the time the listener chose (`t` alone cannot say: a line's or a chapter's link starts at
 * its own second, with no lead-in). The query goes along so the episode page marks its words, and the fragment names
 * the line at `t`, so the browser scrolls there without JavaScript. The API's `url` stays the plain link: other tools
 * rely on it.
 */
export function momentLink(url: string, q?: string, at?: number): string {
  const t = new URL(url, 'http://podgrep.invalid').searchParams.get('t');
  const plain = t !== null && /^\d+$/.test(t);
  const params = new URLSearchParams({
    ...(plain && at !== undefined ? { at: String(Math.max(0, Math.floor(at))) } : {}),
    ...(q ? { q } : {}),
  });
  // Appended, not rebuilt: the link's own parameters stay exactly as they were written (a clip's `20,24`).
  const withParams = params.size ? `${url}${url.includes('?') ? '&' : '?'}${params}` : url;
  return plain ? `${withParams}#${lineAnchor(Number(t))}` : withParams;
}

/**
 * The second a moment link names (`at`) for the page opened at `t`, when it is one the link can honestly name: from
 * `t` to the lead-in after it. Anything else (a hand-edited `at=999`) is ignored, so "Play from" never names a time
 * further from where it plays than the lead-in.
 */
export function chosenSecond(at: string | undefined, t: number | undefined): number | undefined {
  if (at === undefined || t === undefined || !/^\d{1,6}$/.test(at)) return undefined;
  const second = Number(at);
  return second >= t && second <= t + Math.ceil(LEAD_IN_SECONDS) ? second : undefined;
}
