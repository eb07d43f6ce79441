/**
 * A value as a Meilisearch filter literal. Quoting and escaping every value is what keeps text from a URL or a file
 * name from changing the filter expression itself (`x" OR slug != "`).
 */
export function filterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
