import { escapeHtml } from '../src/search/search-results.ts';

/** Markup that is already safe. Made only by `html` itself and by `trusted`, so every opt-out is greppable. */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Value = string | number | boolean | null | undefined | Html | Value[];

/**
 * Every interpolated value is escaped unless it is Html; arrays are joined. Transcripts and show notes are untrusted
 * text, so there is no other way to put text into a page.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Opt-out for markup made elsewhere that is already safe, such as snippets from search-results.ts (escaped, only <mark> added). */
export function trusted(markup: string): Html {
  return new Html(markup);
}
