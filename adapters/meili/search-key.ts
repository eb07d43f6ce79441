import { createHash } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import { engineCode } from './engine-errors.ts';

/**
 * The key the web server searches with: allowed to search and read podgrep's own indexes and nothing else, so a
 * leak or a bug in the page can never write, delete or reach another install's indexes. Made once with the master
 * key, under a uid derived from the index prefix, so each start finds the same key instead of piling up new ones.
 */
export async function searchOnlyKey(admin: Meilisearch, prefix: string): Promise<string> {
  const uid = uuidFrom(`podgrep-search:${prefix}`);
  try {
    return (await admin.getKey(uid)).key;
  } catch (error) {
    if (engineCode(error) !== 'api_key_not_found') throw error;
  }
  const created = await admin.createKey({
    uid,
    name: `podgrep search (${prefix})`,
    description: 'Used by the podgrep web server at request time: search and read only, podgrep indexes only.',
    actions: ['search', 'documents.get'],
    indexes: [`${prefix}-*`],
    expiresAt: null,
  });
  return created.key;
}

function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  // Shaped as a version-4 UUID, which is what Meilisearch accepts as a key uid.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
