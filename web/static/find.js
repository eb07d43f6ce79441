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
      const escaped = query
        .split(/\s+/)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+');
      const pattern = new RegExp(escaped, 'giu');
      for (const line of transcript.querySelectorAll('.line')) hits.push(...markIn(line, pattern));
    }
    render();
  };

  const go = (step) => {
    highlight();
    if (hits.length === 0) return;
    for (const piece of hits[at] ?? []) piece.classList.remove('current');
    at = at < 0 ? (step > 0 ? 0 : hits.length - 1) : (at + step + hits.length) % hits.length;
    const hit = hits[at];
    for (const piece of hit) piece.classList.add('current');
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    hit[0].scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    const line = hit[0].closest('.line');
    const player = document.getElementById('player');
    const seconds = Number(line?.dataset.start);
    if (player && Number.isFinite(seconds)) {
      player.currentTime = seconds;
      // The address opens here on a reload; the search that led to the page (`q`) stays in it.
      const url = new URL(location.href);
      url.searchParams.set('t', String(Math.floor(seconds)));
      history.replaceState(history.state, '', url.pathname + url.search);
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

/**
 * Wraps every match of `pattern` in the line's text (not its time link) in <mark class="hit">; returns each match's
 * marks. A match may cross the words the page marked for the search that led here, so the line's text is matched as
 * one string and each match wrapped piece by piece, one <mark> per text node it spans.
 */
function markIn(line, pattern) {
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('a.time') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  let text = '';
  while (walker.nextNode()) {
    nodes.push({ node: walker.currentNode, from: text.length });
    text += walker.currentNode.data;
  }
  const matches = [...text.matchAll(pattern)].filter((match) => match[0]).map((match) => [match.index, match.index + match[0].length]);
  const hits = matches.map(() => []);
  // From the last node back, so splitting a node never moves the offsets of those still to do.
  for (let n = nodes.length - 1; n >= 0; n--) {
    const { node, from } = nodes[n];
    const to = from + node.data.length;
    for (let m = matches.length - 1; m >= 0; m--) {
      const [start, end] = matches[m];
      if (end <= from || start >= to) continue;
      const piece = node.splitText(Math.max(start, from) - from);
      piece.splitText(Math.min(end, to) - Math.max(start, from));
      const mark = document.createElement('mark');
      mark.className = 'hit';
      piece.replaceWith(mark);
      mark.append(piece);
      hits[m].unshift(mark);
    }
  }
  return hits.filter((pieces) => pieces.length);
}
