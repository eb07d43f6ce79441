export function episodeUrl(slug: string, seconds?: number): string {
  const base = `/episodes/${encodeURIComponent(slug)}`;
  return seconds === undefined ? base : `${base}?t=${Math.max(0, Math.floor(seconds))}`;
}

/** The id of a transcript line on the episode page, by the second it starts: `t-75`. */
export function lineAnchor(seconds: number): string {
  return `t-${Math.max(0, Math.floor(seconds))}`;
}

/**
 * A moment's link as the pages give it (`/episodes/x?t=75` → `/episodes/x?t=75&q=rustler#t-75`): the query goes
 * along so the episode page marks its words, and the fragment names the line at `t`, so the browser scrolls there
 * without JavaScript. The API's `url` stays the plain link: other tools rely on it.
 */
export function momentLink(url: string, q?: string): string {
  const t = new URL(url, 'http://podgrep.invalid').searchParams.get('t');
  // Appended, not rebuilt: the link's own parameters stay exactly as they were written (a clip's `20,24`).
  const withQuery = q ? `${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams({ q })}` : url;
  return t && /^\d+$/.test(t) ? `${withQuery}#${lineAnchor(Number(t))}` : withQuery;
}
