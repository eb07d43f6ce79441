import { createHash } from 'node:crypto';

/** Longest slug kept whole, in UTF-8 bytes; a longer one is cut and given a hash of the whole, so ids stay unique. */
export const MAX_SLUG_BYTES = 96;

/**
 * A URL-safe slug for any text: letters (of any script) and digits kept, lowercased, in Unicode NFC; everything else
 * (spaces, `?`, `’`, `×`, slashes) becomes a single `-`. The same text always gives the same slug, so links stay put
 * across runs. Undefined when nothing usable is left.
 */
export function slugify(text: string): string | undefined {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_]+/gu, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .normalize('NFC');
  return slug ? shorten(slug) : undefined;
}

/**
 * The slug of a file inside the episodes folder, from its path: `interviews/0001.md` → `interviews-0001`; a Hugo page
 * bundle's `index.md` is named by its folder (`042-name/index.md` → `042-name`). A `slug:` field (`name`) names the
 * file within its folder, as Hugo reads it: `coder-radio/0580.md` with `slug: "580"` is `coder-radio-580`, so two shows
 * of one network that both give their episode 580 that slug stay two episodes.
 */
export function slugFromPath(relativePath: string, name?: string): string | undefined {
  const parts = relativePath.split(/[\\/]/).filter(Boolean);
  const last = (parts.pop() ?? '').replace(/\.(md|markdown|mdx)$/i, '');
  const bundle = last.toLowerCase() === 'index' && parts.length > 0;
  if (name !== undefined) {
    if (bundle) parts.pop();
    parts.push(name);
  } else if (!bundle) parts.push(last);
  return slugify(parts.join('/'));
}

function shorten(slug: string): string {
  const bytes = Buffer.byteLength(slug, 'utf8');
  if (bytes <= MAX_SLUG_BYTES) return slug;
  const hash = createHash('sha256').update(slug).digest('hex').slice(0, 12);
  let head = '';
  let used = 0;
  // Cut on whole characters, leaving room for `-` and the hash.
  for (const char of slug) {
    used += Buffer.byteLength(char, 'utf8');
    if (used > MAX_SLUG_BYTES - 13) break;
    head += char;
  }
  return `${head.replace(/[-_]+$/, '')}-${hash}`;
}

/** A `slug:` field's value, when it makes a slug at all (`slug: "580"`, `slug: 580`). */
export function readSlugField(value: unknown): string | undefined {
  return (typeof value === 'string' || typeof value === 'number') && slugify(String(value)) ? String(value) : undefined;
}
