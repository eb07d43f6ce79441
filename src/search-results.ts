/**
 * Search results, from Meilisearch's hits to the page's JSON: one module per job under `src/search/` (the API's
 * types, the hits read, ranking, facets, snippets, escaping, URLs). This file gathers what other modules import.
 */
export type { EpisodeResult, MomentResult, NoteResult, SearchResponse } from './search/api.ts';
export type { MomentHit, NotesHit, SearchAnswer } from './search/hits.ts';
export { escapeHtml } from './search/escape.ts';
export { FACET_VALUES } from './search/facets.ts';
export { searchResults } from './search/rank.ts';
export { snippet } from './search/snippets.ts';
export { episodeMeta, episodeUrl, lineAnchor, momentLink } from './search/urls.ts';
