/**
 * A person's name as facets show it, from a panel or guest line as show notes write it: "Charles Max Wood (twitter
 * github Teach Me To Code…)", "Charles Max Wood - host", "Host: Charles Max Wood @cmaxw" all become "Charles Max Wood",
 * so one person is one facet value. Pure, and applied where documents are built: the page shows the lines as written.
 */
export function personName(line: string): string {
  let name = line
    // Links and handles are how to reach someone, not their name.
    .replace(/https?:\/\/\S+/gi, ' ')
    .replace(/(^|\s)@[\w.-]+/g, ' ')
    // Whatever is in brackets describes the person; an unclosed bracket runs to the end of the line.
    .replace(/\([^)]*\)?|\[[^\]]*\]?|\{[^}]*\}?/g, ' ');
  // "Host: Ada Lovelace" names the role first; "Ada Lovelace: host" names it after.
  name = name.replace(/^\s*(?:special\s+)?(?:co-?)?(?:hosts?|guests?|panel(?:ists?)?|moderators?)\s*:\s*/i, '');
  // The name is what comes before a dash, colon, bar or comma that starts a description.
  name = name.split(/\s[-–—|]\s|[:|,;]|\s[–—]|[–—]\s/)[0] ?? '';
  return name.replace(/[*_`"“”]+/g, ' ').replace(/\s+/g, ' ').replace(/^[\s.…-]+|[\s.…-]+$/g, '').trim();
}

/** Each person once, by their normalised name, in the order they first appear; lines that hold no name are dropped. */
export function peopleOf(lines: readonly string[]): string[] {
  return [...new Set(lines.map(personName).filter(Boolean))];
}
