// Episode page: open the player at ?t= even where media fragments are not honoured, seek when a transcript line is
// clicked (anywhere on it, not only its time) without reloading, mark the line being spoken, and keep it in view while
// playing. The page works without this file: every line's time is a link that opens the player there, and a moment
// link scrolls to its line by its anchor.
const player = document.getElementById('player');
const lines = [...document.querySelectorAll('.transcript .line')];
const starts = lines.map((line) => Number(line.dataset.start));
// Links start a second or so early (the lead-in), so the line about to be spoken already counts as current.
const LEAD_IN = 1.5;
// The listener scrolled (or searched, or selected) this recently: the transcript stays where they put it.
const FOLLOW_PAUSE_MS = 6000;
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const bar = document.querySelector('.episode-tools');

/** The address with `t` set (the query and other parameters kept), without a fragment: what a reload opens. */
function addressAt(seconds) {
  const url = new URL(location.href);
  url.searchParams.set('t', String(Math.floor(seconds)));
  return url.pathname + url.search;
}

/** Whether the line is on screen below the player bar: some of it, or (`whole`) all of it. */
function inView(line, whole = false) {
  const box = line.getBoundingClientRect();
  const top = bar ? bar.getBoundingClientRect().bottom : 0;
  return whole ? box.top >= top && box.bottom <= window.innerHeight : box.bottom > top && box.top < window.innerHeight;
}

/** The last line that starts by `seconds` (plus the lead-in): a binary search, as long transcripts have thousands. */
function lineAt(seconds) {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= seconds + LEAD_IN) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found < 0 ? null : lines[found];
}

if (player) {
  const start = Number(player.dataset.start);
  if (player.dataset.start !== '' && Number.isFinite(start)) {
    player.addEventListener(
      'loadedmetadata',
      () => {
        if (Math.abs(player.currentTime - start) > 1) player.currentTime = start;
      },
      { once: true },
    );
  }

  // A clip link (?t=120,150) stops at its end, once: pressing play again goes on through the episode. Seeking away
  // from the clip (a click on another line) lets it go too.
  let clipEnd = player.dataset.end ? Number(player.dataset.end) : NaN;
  const stopAtEnd = () => {
    if (!Number.isFinite(clipEnd)) return;
    if (player.currentTime >= clipEnd) {
      player.pause();
      player.currentTime = clipEnd;
      clipEnd = NaN;
    } else if (!player.paused) {
      // timeupdate fires only every quarter second or so; a timer lands the stop on the second itself.
      clearTimeout(stopAtEnd.timer);
      stopAtEnd.timer = setTimeout(stopAtEnd, Math.max(10, ((clipEnd - player.currentTime) * 1000) / (player.playbackRate || 1)));
    }
  };
  player.addEventListener('timeupdate', stopAtEnd);
  player.addEventListener('play', stopAtEnd);
  player.addEventListener('seeked', () => {
    if (Number.isFinite(clipEnd) && (player.currentTime > clipEnd || player.currentTime < start - 1)) clipEnd = NaN;
  });

  const seek = (seconds) => {
    player.currentTime = seconds;
    player.play().catch(() => {});
  };

  document.querySelector('.transcript')?.addEventListener('click', (event) => {
    const line = event.target instanceof Element ? event.target.closest('.line') : null;
    if (!line || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // Another link in the line, or a click that ends a text selection, is not a request to seek.
    const link = event.target.closest('a');
    if (link && !link.classList.contains('time')) return;
    if (!link && String(window.getSelection() ?? '').length > 0) return;
    event.preventDefault();
    const seconds = Number(line.dataset.start);
    seek(seconds);
    history.replaceState(history.state, '', addressAt(seconds));
  });

  // Following playback. Scrolls the page makes itself are told apart from the listener's: theirs pause following.
  let current = document.querySelector('.transcript .line.current');
  let listenerScrolledAt = -Infinity;
  let ownScroll = false;
  let ownScrollTimer;
  const scrollToLine = (line) => {
    ownScroll = true;
    clearTimeout(ownScrollTimer);
    // `scrollend` says when a smooth scroll is done; the timer covers a scroll that had nowhere to go.
    ownScrollTimer = setTimeout(() => (ownScroll = false), 1000);
    line.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
  };
  window.addEventListener('scrollend', () => {
    clearTimeout(ownScrollTimer);
    ownScroll = false;
  });
  const listenerActed = () => {
    listenerScrolledAt = performance.now();
    ownScroll = false;
  };
  for (const type of ['wheel', 'touchmove']) window.addEventListener(type, listenerActed, { passive: true });
  window.addEventListener('keydown', (event) => {
    // Keys in the player, a field or on a button are for them (seeking, typing, pressing), not for the page.
    if (event.target instanceof Element && event.target.closest('input, textarea, select, button, audio')) return;
    if (/^(Arrow|Page|Home|End)/.test(event.key) || event.key === ' ' || event.key === 'Tab') listenerActed();
  });
  document.addEventListener('selectionchange', () => {
    if (String(window.getSelection() ?? '').length > 0) listenerActed();
  });

  // "Back to now playing", at the bottom of the screen, while the spoken line is out of view. It is fixed in place,
  // so showing it moves nothing on the page; it sits in the player bar's tab order, not after every line.
  const back = document.createElement('button');
  back.type = 'button';
  back.className = 'back-to-now';
  back.hidden = true;
  (bar ?? document.body).append(back);
  const updateBack = () => {
    const away = Boolean(current) && !player.paused && !inView(current);
    if (away) {
      const above = current.getBoundingClientRect().bottom <= (bar ? bar.getBoundingClientRect().bottom : 0);
      back.textContent = `${above ? '↑' : '↓'} Back to now playing`;
    }
    if (back.hidden === away) back.hidden = !away;
  };
  back.addEventListener('click', () => {
    if (!current) return;
    listenerScrolledAt = -Infinity;
    scrollToLine(current);
    // Keyboard and screen reader users go with it: focus moves to the line's time, as the button goes away.
    current.querySelector('a.time')?.focus({ preventScroll: true });
    back.hidden = true;
  });
  window.addEventListener(
    'scroll',
    () => {
      if (!ownScroll) listenerScrolledAt = performance.now();
      updateBack();
    },
    { passive: true },
  );

  const follow = () => {
    const spoken = lineAt(player.currentTime);
    if (spoken !== current) {
      current?.classList.remove('current');
      current?.removeAttribute('aria-current');
      spoken?.classList.add('current');
      spoken?.setAttribute('aria-current', 'true');
      current = spoken;
      const free = performance.now() - listenerScrolledAt > FOLLOW_PAUSE_MS;
      if (spoken && !player.paused && free && !inView(spoken, true)) scrollToLine(spoken);
    }
    updateBack();
  };
  player.addEventListener('timeupdate', follow);
  player.addEventListener('seeked', follow);
  player.addEventListener('play', follow);
  player.addEventListener('pause', updateBack);

  // "▶ Play from 1:16": the page was opened at a moment; one press plays it from the lead-in, data-start (the player
  // alone needs finding first).
  const playFrom = document.querySelector('.play-from');
  if (playFrom) {
    playFrom.hidden = false;
    playFrom.addEventListener('click', () => {
      const seconds = Number(playFrom.dataset.start);
      if (Number.isFinite(seconds)) seek(seconds);
      const line = lineAt(seconds);
      if (line && !inView(line)) scrollToLine(line);
    });
  }
}

// Once the title has scrolled away, the player bar (which stays in view) names the episode.
const heading = document.querySelector('.episode-head h1');
if (bar && heading && 'IntersectionObserver' in window) {
  const title = document.createElement('p');
  title.className = 'tools-title';
  // The page's <h1> already says it to screen readers.
  title.setAttribute('aria-hidden', 'true');
  title.textContent = heading.textContent;
  bar.prepend(title);
  // The heading counts as gone once it is under the bar.
  const options = { rootMargin: `-${bar.offsetHeight}px 0px 0px 0px` };
  new IntersectionObserver(([entry]) => bar.classList.toggle('stuck', !entry.isIntersecting), options).observe(heading);
}

// Opened at a moment (?t=): bring its line into view, below the player bar, if the link's anchor has not already.
const opened = document.querySelector('.transcript .line.current');
if (opened) {
  const box = opened.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) opened.scrollIntoView({ block: 'center' });
}
