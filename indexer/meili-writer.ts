import type { Meilisearch } from 'meilisearch';
import { documentId, type EpisodeDocument, type MomentDocument } from '../src/documents.ts';
import { filterValue } from '../src/filter.ts';
import { EPISODE_SETTINGS, MOMENT_SETTINGS, type IndexNames } from '../src/index-settings.ts';
import type { DocumentWriter } from '../src/ports.ts';
import { settled } from './meili-client.ts';

/** Writes podgrep's documents; every task is awaited and a failed one is an error with Meilisearch's reason. */
export function meiliWriter(client: Meilisearch, names: IndexNames): DocumentWriter {
  const episodes = client.index<EpisodeDocument>(names.episodes);
  const moments = client.index<MomentDocument>(names.moments);
  return {
    async applySettings() {
      // Settings first: documents added to an index without its filterable attributes would be indexed twice.
      await settled(`create index ${names.episodes}`, client.createIndex(names.episodes, { primaryKey: 'id' })).catch(ignoreExists);
      await settled(`create index ${names.moments}`, client.createIndex(names.moments, { primaryKey: 'id' })).catch(ignoreExists);
      await settled(`apply settings to ${names.episodes}`, episodes.updateSettings(EPISODE_SETTINGS));
      await settled(`apply settings to ${names.moments}`, moments.updateSettings(MOMENT_SETTINGS));
    },
    async replaceEpisode(episode, documents) {
      // Moments first and the episode last: an episode document marks its moments as complete.
      const slug = filterValue(episode.slug);
      await settled(`delete the old moments of ${episode.slug}`, moments.deleteDocuments({ filter: `slug = ${slug}` }));
      if (documents.length) await settled(`add the moments of ${episode.slug}`, moments.addDocuments(documents));
      await settled(`add episode ${episode.slug}`, episodes.addDocuments([episode]));
    },
    async keepOnly(slugs) {
      const keep = new Set(slugs);
      const indexed = await episodes.getDocuments({ fields: ['slug'], limit: 100_000 });
      const gone = indexed.results.map((doc) => doc.slug).filter((slug) => !keep.has(slug));
      if (gone.length === 0) return [];
      const filter = `slug IN [${gone.map(filterValue).join(', ')}]`;
      await settled('delete moments of removed episodes', moments.deleteDocuments({ filter }));
      await settled('delete removed episodes', episodes.deleteDocuments(gone.map(documentId)));
      return gone;
    },
  };
}

function ignoreExists(error: unknown): void {
  if (!(error instanceof Error && /index_already_exists/.test(error.message))) throw error;
}
