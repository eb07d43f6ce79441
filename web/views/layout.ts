import { type Html, html } from '../html.ts';

/**
 * The page around every view: one stylesheet, deferred scripts (modules are deferred and keep their names to
 * themselves), no inline code (the CSP forbids it). `skip` is a first link past the header, for keyboard users.
 */
export function layout({
  title,
  q = '',
  body,
  skip,
}: {
  title: string;
  q?: string;
  body: Html;
  skip?: { href: string; label: string };
}): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/static/style.css">
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
