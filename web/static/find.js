// Episode page: "Search this episode" highlights every match in the transcript, counts them ("3 of 12"), and steps
// through them with next/previous (or Enter / Shift+Enter), bringing each into view and the player to its line.
// Without this file the form is a search of the whole catalogue.
const findForm = document.querySelector('form.find');
const transcript = document.querySelector('.transcript');
const findInput = findForm?.querySelector('input[type="search"]');
const MIN_FIND_CHARS = 2;

// The player bar stays in view at the top: keep what the keyboard focuses, or a link scrolls to, below it (WCAG
// 2.4.11). Its height changes as it wraps and as it gains the episode's title, so it is measured, not guessed.
const bar = document.querySelector('.episode-tools');
if (bar && 'ResizeObserver' in window) {
  new ResizeObserver(() => {
    document.documentElement.style.scrollPaddingTop = `${bar.offsetHeight + 16}px`;
  }).observe(bar);
}
const FIND_DEBOUNCE_MS = 150;

if (findForm && transcript && findInput) {
  const row = findForm.querySelector('.find-row') ?? findForm;
  findForm.querySelector('button[type="submit"]')?.setAttribute('hidden', '');
  const control = (label, symbol, step) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'find-step';
    button.textContent = symbol;
    button.title = label;
    button.setAttribute('aria-label', label);
    button.addEventListener('click', () => go(step));
    return button;
  };
  const previous = control('Previous match (Shift+Enter)', '↑', -1);
  const next = control('Next match (Enter)', '↓', 1);
  const count = document.createElement('span');
  count.className = 'find-count';
  count.setAttribute('role', 'status');
  row.append(count, previous, next);

  let hits = [];
  let at = -1;
  let searched = '';
  let debounce;

  const render = () => {
    const query = findInput.value.trim();
    previous.disabled = next.disabled = hits.length === 0;
    if (query.length < MIN_FIND_CHARS) count.textContent = '';
    else if (hits.length === 0) count.textContent = 'No matches';
    else if (at < 0) count.textContent = `${hits.length} match${hits.length === 1 ? '' : 'es'}`;
    else count.textContent = `${at + 1} of ${hits.length}`;
  };

  const highlight = () => {
    clearTimeout(debounce);
    const query = findInput.value.trim();
    if (query === searched) return;
    searched = query;
    for (const mark of transcript.querySelectorAll('mark.hit')) {
      const parent = mark.parentNode;
      mark.replaceWith(mark.textContent ?? '');
      parent?.normalize();
    }
    hits = [];
    at = -1;
    if (query.length >= MIN_FIND_CHARS) {
      // The words as typed, any run of spaces matching any run of spaces; nothing in them is a pattern.
      const escaped = query.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
      const pattern = new RegExp(escaped, 'giu');
      for (const line of transcript.querySelectorAll('.line')) hits.push(...markIn(line, pattern));
    }
    render();
  };

  const go = (step) => {
    highlight();
    if (hits.length === 0) return;
    hits[at]?.classList.remove('current');
    at = at < 0 ? (step > 0 ? 0 : hits.length - 1) : (at + step + hits.length) % hits.length;
    const hit = hits[at];
    hit.classList.add('current');
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    hit.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    const line = hit.closest('.line');
    const player = document.getElementById('player');
    const seconds = Number(line?.dataset.start);
    if (player && Number.isFinite(seconds)) {
      player.currentTime = seconds;
      history.replaceState(history.state, '', `?t=${Math.floor(seconds)}`);
    }
    render();
  };

  findInput.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(highlight, FIND_DEBOUNCE_MS);
  });
  findInput.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    go(event.shiftKey ? -1 : 1);
  });
  // A submit from elsewhere (a screen reader's "activate form"): stay on the page and go to the next match.
  findForm.addEventListener('submit', (event) => {
    event.preventDefault();
    go(1);
  });
  render();
}

/** Wraps every match of `pattern` in the line's text (not its time link) in <mark class="hit">; returns the marks. */
function markIn(line, pattern) {
  const marks = [];
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('a.time') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const text = node.data;
    const parts = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      if (!match[0]) continue;
      const mark = document.createElement('mark');
      mark.className = 'hit';
      mark.textContent = match[0];
      parts.push(text.slice(last, match.index), mark);
      marks.push(mark);
      last = match.index + match[0].length;
    }
    if (parts.length === 0) continue;
    parts.push(text.slice(last));
    node.replaceWith(...parts);
  }
  return marks;
}
