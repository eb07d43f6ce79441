import matter from 'gray-matter';
import { EpisodeError } from '../errors.ts';

/** A term as the show spells it, and the other ways people say or write it. */
export type GlossaryEntry = { term: string; alternatives: string[] };

const EXAMPLE = `NIF: [native implemented function, native implemented functions]
dirty schedulers: [dirty scheduler]
Rustler:
Meilisearch: { spellings: [meili search, mailisearch] }`;

type YamlEngine = { parse(text: string): unknown };

/**
 * Reads `glossary.yml`: a mapping of terms to their synonyms and spellings. It feeds the search engine's synonyms (so
 * "NIF" finds "native implemented function" and back) and the transcription prompt (so Whisper spells "NIF", not "nif").
 */
export function parseGlossary(fileName: string, text: string): GlossaryEntry[] {
  let data: unknown;
  try {
    data = (matter as unknown as { engines: { yaml: YamlEngine } }).engines.yaml.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new EpisodeError(fileName, `the glossary does not parse as YAML (${reason}); expected for example:\n${EXAMPLE}`, {
      cause: error,
    });
  }
  if (data === null || data === undefined) return [];
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new EpisodeError(fileName, `the glossary must map each term to its synonyms; expected for example:\n${EXAMPLE}`);
  }
  return Object.entries(data as Record<string, unknown>).map(([term, value]) => ({
    term: term.trim(),
    alternatives: alternativesOf(fileName, term, value),
  }));
}

function alternativesOf(fileName: string, term: string, value: unknown): string[] {
  const list = (item: unknown): string[] | undefined =>
    item === null || item === undefined
      ? []
      : typeof item === 'string'
        ? [item]
        : Array.isArray(item) && item.every((x) => typeof x === 'string')
          ? item
          : undefined;
  const fields = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const found = fields ? [list(fields.synonyms), list(fields.spellings)] : [list(value)];
  if (found.some((x) => x === undefined) || (fields && Object.keys(fields).some((key) => key !== 'synonyms' && key !== 'spellings'))) {
    throw new EpisodeError(fileName, `${term}: expected a list of synonyms, or { synonyms: [...], spellings: [...] }`);
  }
  return found
    .flatMap((x) => x ?? [])
    .map((x) => x.trim())
    .filter((x) => x && x.toLowerCase() !== term.trim().toLowerCase());
}

/** Meilisearch synonyms: every spelling of a term leads to every other, both ways. */
export function glossarySynonyms(entries: GlossaryEntry[]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const { term, alternatives } of entries) {
    const all = [term, ...alternatives].map((word) => word.toLowerCase());
    for (const word of all) synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...all.filter((other) => other !== word)])];
  }
  for (const key of Object.keys(synonyms)) if (synonyms[key]?.length === 0) delete synonyms[key];
  return synonyms;
}

/** The terms, as the show spells them, for the transcription prompt. */
export function glossaryTerms(entries: GlossaryEntry[]): string[] {
  return entries.map((entry) => entry.term);
}
