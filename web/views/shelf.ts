import type { EpisodeSummary } from '../../src/documents/documents.ts';
import { episodeUrl } from '../../src/search/search-results.ts';
import { type Html, html } from '../html.ts';
import { type Names, namedMeta } from './facets.ts';

/** What the pages offer when there are no results to show: example queries, the newest episodes, podcasts' names. */
export type Shelf = { examples: string[]; recent: EpisodeSummary[]; podcastNames: Names };

export const EMPTY_SHELF: Shelf = { examples: [], recent: [], podcastNames: {} };

/** Episodes listed on the home page and under "Nothing found". */
export const RECENT_EPISODES = 5;

/** The home page: what podgrep is, queries to try, and the newest episodes. */
export function home(shelf: Shelf): Html {
  return html`<section class="intro">
  <h1>Search what was said</h1>
  <p>Every episode’s transcript and show notes. Results open the player at the moment the words are spoken.</p>
  ${examples(shelf, 'Try')}
</section>
${recent(shelf, 'Newest episodes')}`;
}

/** Under "Nothing found": the same ways in, so the listener has somewhere to go. */
export function suggestions(shelf: Shelf): Html {
  return html`${examples(shelf, 'Try instead')}${recent(shelf, 'Or browse the newest episodes')}`;
}

function examples({ examples }: Shelf, lead: string): Html {
  if (examples.length === 0) return html``;
  return html`<p class="examples">${lead}: ${examples.map(
    (q, i) => html`${i ? ' · ' : ''}<a href="${`/search?${new URLSearchParams({ q })}`}">${q}</a>`,
  )}</p>`;
}

function recent({ recent, podcastNames }: Shelf, heading: string): Html {
  if (recent.length === 0) return html``;
  return html`<section class="recent" aria-labelledby="recent-heading">
  <h2 id="recent-heading">${heading}</h2>
  <ul>${recent.map(
    (episode) =>
      html`<li><a href="${episodeUrl(episode.slug)}">${episode.title}</a> <span class="meta">${namedMeta(episode, podcastNames)}</span></li>`,
  )}</ul>
</section>`;
}
