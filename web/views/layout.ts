import { type Html, html } from '../html.ts';

/**
 * The stylesheets in web/static/, in their cascade order: they were one file, and a later rule overriding an earlier
 * one is part of their meaning (biome.jsonc), so a page links the ones it needs in this order, never another.
 */
const STYLESHEETS = ['theme', 'base', 'home', 'filters', 'results', 'episode', 'player', 'research'] as const;
export type Stylesheet = (typeof STYLESHEETS)[number];

/** Every page has the colours, the elements and the header. */
const ALWAYS: Stylesheet[] = ['theme', 'base'];

/**
 * The page around every view: its stylesheets (theme and base, and those the view names in `styles`), deferred
 * scripts (modules are deferred and keep their names to themselves), no inline code (the CSP forbids it). `skip` is a
 * first link past the header, for keyboard users.
 */
export function layout({
  title,
  q = '',
  body,
  styles,
  skip,
}: {
  title: string;
  q?: string;
  body: Html;
  styles: Stylesheet[];
  skip?: { href: string; label: string };
}): Html {
  const sheets = STYLESHEETS.filter((sheet) => ALWAYS.includes(sheet) || styles.includes(sheet));
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${sheets.map((sheet) => html`<link rel="stylesheet" href="/static/${sheet}.css">`)}
<script src="/static/player.js" defer></script>
<script type="module" src="/static/find.js"></script>
<script type="module" src="/static/search.js"></script>
<link rel="modulepreload" href="/static/copy-link.js">
<link rel="modulepreload" href="/static/announce.js">
</head>
<body>
${skip ? html`<a class="skip-link" href="${skip.href}">${skip.label}</a>` : ''}
<header class="top">
  <a class="brand" href="/">podgrep</a>
  <form class="search" action="/search" method="get" role="search" aria-label="All episodes">
    <label for="q" class="visually-hidden">Search what was said</label>
    <input id="q" name="q" type="search" value="${q}" placeholder="Search what was said" maxlength="200" autocomplete="off" aria-keyshortcuts="/">
    <button type="submit">Search</button>
  </form>
  <nav class="site-nav" aria-label="Site"><a href="/research${q ? `?q=${encodeURIComponent(q)}` : ''}">Research</a></nav>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}
