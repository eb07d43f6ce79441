/**
 * Search results, from Meilisearch's hits to the page's JSON: one module per job under `src/search/` (the API's
 * types, the hits read, ranking, facets, snippets, escaping, URLs, the meta line). This file gathers what other modules import.
 */
export type { EpisodeResult, MomentResult, NoteResult, SearchResponse } from './api.ts';
export { escapeHtml } from './escape.ts';
export { FACET_VALUES } from './facets.ts';
export type { MomentHit, NotesHit, SearchAnswer } from './hits.ts';
export { episodeMeta } from './meta-line.ts';
export { searchResults } from './rank.ts';
export { snippet } from './snippets.ts';
export { episodeUrl, lineAnchor, momentLink } from './urls.ts';
