// Every page: search as you type on the header box (no reload; the URL and Back stay right), "/" to focus the box, and
// arrow keys into the results. Each page works without this file: the form submits, play links open.
import { announce } from './announce.js';
import { addCopyButtons } from './copy-link.js';

const box = document.getElementById('q');
const MIN_CHARS = 2;
const DEBOUNCE_MS = 250;
// A query left alone this long is finished: the next one gets its own history entry, so Back returns to it.
const SETTLE_MS = 1000;

// "/" focuses the search box, unless the key is being typed into a field.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented || !box) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select'))) return;
  event.preventDefault();
  box.focus();
  box.select();
});

// The keyboard's way into the results: ↓ from the search box to the first result, ↓ and ↑ between the results' links
// (↑ from the first goes back to the box), Enter follows the link as usual.
const resultLinks = () => [...document.querySelectorAll('#result-list .episode h2 a, #result-list a.play')];
document.addEventListener('keydown', (event) => {
  if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const links = resultLinks();
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement);
  if (document.activeElement === box) {
    if (event.key !== 'ArrowDown') return;
    event.preventDefault();
    links[0].focus();
  } else if (at >= 0) {
    event.preventDefault();
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) box?.focus();
    else links[Math.min(next, links.length - 1)].focus();
  }
});

// "Skip to results", where results arrived after the page loaded (typed on the home page).
function addSkipLink() {
  const existing = document.querySelector('.skip-link');
  if (!document.getElementById('result-list')) return existing?.remove();
  if (existing) return;
  const skip = document.createElement('a');
  skip.className = 'skip-link';
  skip.href = '#result-list';
  skip.textContent = 'Skip to results';
  document.body.prepend(skip);
}

// Search as you type, where the page has results to replace (the home and search pages).
const form = box?.form;
if (box && form && document.getElementById('results')) {
  let debounce;
  let settle;
  let controller;
  // Whether the current history entry was pushed by this burst of typing: later results replace it, until a pause.
  let typing = false;
  // The search (path and query string) whose results are on the page.
  let shown = location.pathname + location.search;
  // The #results region is polite-live on the server's page; here the short summary is announced instead of the
  // whole list being read out at every keystroke.
  document.getElementById('results')?.setAttribute('aria-live', 'off');

  /** The current search's URL with `q` replaced: filters and sort are kept, the page number is not. */
  const searchUrl = (q) => {
    const url = new URL(location.pathname === '/search' ? location.href : '/search', location.origin);
    url.hash = '';
    url.searchParams.set('q', q);
    url.searchParams.delete('page');
    url.searchParams.delete('fragment');
    return url;
  };

  /** Shows the results of `url`; `how` is 'typed' (a history entry is pushed or replaced) or 'popped' (none). */
  const load = async (url, how) => {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const results = document.getElementById('results');
    if (!results) return;
    results.setAttribute('aria-busy', 'true');
    try {
      const fragment = new URL(url);
      fragment.searchParams.set('fragment', '1');
      const response = await fetch(fragment, { signal, headers: { accept: 'text/html' } });
      const text = await response.text();
      if (signal.aborted) return;
      const fresh = new DOMParser().parseFromString(text, 'text/html').getElementById('results');
      if (!fresh) throw new Error(`HTTP ${response.status} without results`);
      results.replaceChildren(...fresh.childNodes);
      addCopyButtons(results);
      addSkipLink();
      const path = url.pathname + url.search;
      if (how === 'typed') {
        // Decided here, not when the request left: an earlier request that was cut short pushed nothing.
        if (typing) history.replaceState(null, '', path);
        else history.pushState(null, '', path);
        typing = true;
      }
      shown = location.pathname + location.search;
      const q = url.searchParams.get('q')?.trim() ?? '';
      document.title = q ? `${q} — podgrep` : 'podgrep — search what was said';
      const summary = results.querySelector('.count, .empty, .error');
      if (summary) announce(summary.textContent.trim());
    } catch (error) {
      if (signal.aborted) return;
      const message = document.createElement('p');
      message.className = 'error';
      message.setAttribute('role', 'alert');
      message.textContent = 'The search did not answer. Check your connection, or press Enter to try again.';
      results.replaceChildren(message);
      console.error('podgrep: search as you type failed', error);
    } finally {
      if (controller.signal === signal) results.setAttribute('aria-busy', 'false');
    }
  };

  box.addEventListener('input', () => {
    clearTimeout(debounce);
    clearTimeout(settle);
    settle = setTimeout(() => {
      typing = false;
    }, SETTLE_MS);
    const q = box.value.trim();
    // An emptied box is a fresh start: the home page again, and its address, not the last results.
    const url = q === '' ? new URL('/', location.origin) : searchUrl(q);
    if ((q !== '' && q.length < MIN_CHARS) || url.pathname + url.search === shown) {
      controller?.abort();
      document.getElementById('results')?.setAttribute('aria-busy', 'false');
      return;
    }
    debounce = setTimeout(() => void load(url, 'typed'), DEBOUNCE_MS);
  });

  // Enter submits the form as usual; it carries the filters and sort on screen, as typing does.
  form.addEventListener('submit', () => {
    clearTimeout(debounce);
    controller?.abort();
    for (const carried of form.querySelectorAll('input[data-carried]')) carried.remove();
    if (location.pathname !== '/search') return;
    for (const [name, value] of new URLSearchParams(location.search)) {
      if (name === 'q' || name === 'page' || name === 'fragment') continue;
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      input.dataset.carried = '';
      form.append(input);
    }
  });

  // Back and Forward: show the results of the entry's URL (the first entry is a page the server rendered).
  window.addEventListener('popstate', () => {
    const here = location.pathname + location.search;
    if (here === shown) return;
    clearTimeout(debounce);
    typing = false;
    const url = new URL(location.pathname === '/search' ? location.href : '/search', location.origin);
    url.hash = '';
    box.value = url.searchParams.get('q') ?? '';
    void load(url, 'popped');
  });
}
