import type { SearchResponse } from '../../src/search/search-results.ts';
import { type Html, html } from '../html.ts';
import { type Names, namedMeta } from './facets.ts';
import { layout } from './layout.ts';
import { searchUrl } from './search-url.ts';

/** Words of a slug a search can use: "emx-059-using-rust" → "emx 059 using rust". */
export function slugWords(slug: string): string {
  return slug
    .replace(/[-_.+~\s]+/g, ' ')
    .trim()
    .slice(0, 200);
}

/**
 * A page that is not there. For an episode that is not (a mistyped or old link), the episodes its slug's words find,
 * since the link was most likely meant for one of them.
 */
export function notFoundPage(message: string, lookAlike?: { q: string; results?: SearchResponse; names?: Names }): Html {
  const found = lookAlike?.results?.episodes.slice(0, 5) ?? [];
  const body = html`<section class="not-found">
  <h1>Not found</h1>
  <p class="error">${message}</p>
  ${
    found.length
      ? html`<h2>Episodes with these words</h2>
  <ul class="look-alike">${found.map((episode) => html`<li><a href="${episode.url}">${episode.title}</a>${episode.podcast || episode.date ? html` <span class="meta">${namedMeta(episode, lookAlike?.names ?? {})}</span>` : ''}</li>`)}</ul>`
      : ''
  }
  <p>${lookAlike?.q ? html`<a href="${searchUrl({ q: lookAlike.q, filters: {}, sort: 'relevance' })}">Search for “${lookAlike.q}”</a> · ` : ''}<a href="/">Search all episodes</a> · <a href="/research">Research a topic</a></p>
</section>`;
  return layout({ title: 'Not found — podgrep', body, styles: ['home'] });
}

/** A page that failed on our side, or because the search engine is away. */
export function errorPage(message: string): Html {
  return layout({
    title: 'Something went wrong — podgrep',
    styles: ['home'],
    body: html`<section class="not-found"><h1>Something went wrong</h1><p class="error" role="alert">${message}</p><p><a href="/">Back to the search</a></p></section>`,
  });
}
