import matter from 'gray-matter';
import { EpisodeError } from '../errors.ts';

type YamlEngine = { parse(text: string): unknown };

const EXAMPLE = `podcasts:
  elixir-mix: Elixir Mix
  podgrep-demo: The podgrep demo`;

/**
 * The `podcasts:` key of `podgrep.yml` in the episodes folder: each podcast's slug (as episodes' `podcast:` field
 * writes it) and the name the page shows for it. Other keys of the file belong to other readers and are ignored.
 */
export function parsePodcastNames(fileName: string, text: string): Record<string, string> {
  let data: unknown;
  try {
    data = (matter as unknown as { engines: { yaml: YamlEngine } }).engines.yaml.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new EpisodeError(fileName, `does not parse as YAML (${reason}); expected for example:\n${EXAMPLE}`, { cause: error });
  }
  const podcasts =
    data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).podcasts : undefined;
  if (podcasts === undefined || podcasts === null) return {};
  if (typeof podcasts !== 'object' || Array.isArray(podcasts)) {
    throw new EpisodeError(fileName, `"podcasts" must map each podcast's slug to its name; expected for example:\n${EXAMPLE}`);
  }
  const names: Record<string, string> = {};
  for (const [slug, name] of Object.entries(podcasts as Record<string, unknown>)) {
    // Written `slug: { name: … }` too, so the key can carry more about a podcast later.
    const value = name !== null && typeof name === 'object' && !Array.isArray(name) ? (name as Record<string, unknown>).name : name;
    if (typeof value !== 'string' || !value.trim()) {
      throw new EpisodeError(fileName, `podcasts.${slug} must be the podcast's name as text; expected for example:\n${EXAMPLE}`);
    }
    names[slug] = value.trim();
  }
  return names;
}
