// Episode page: open the player at ?t= even where media fragments are not honoured, seek when a transcript line is
// clicked (anywhere on it, not only its time) without reloading, and mark the line being spoken. The page works
// without this file: every line's time is a link that opens the player there.
const player = document.getElementById('player');
const lines = [...document.querySelectorAll('.transcript .line')];
// Links start a second or so early (the lead-in), so the line about to be spoken already counts as current.
const LEAD_IN = 1.5;

if (player) {
  const start = Number(player.dataset.start);
  if (player.dataset.start !== '' && Number.isFinite(start)) {
    player.addEventListener('loadedmetadata', () => {
      if (Math.abs(player.currentTime - start) > 1) player.currentTime = start;
    }, { once: true });
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

  document.querySelector('.transcript')?.addEventListener('click', (event) => {
    const line = event.target instanceof Element ? event.target.closest('.line') : null;
    if (!line || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // Another link in the line, or a click that ends a text selection, is not a request to seek.
    const link = event.target.closest('a');
    if (link && !link.classList.contains('time')) return;
    if (!link && String(window.getSelection() ?? '').length > 0) return;
    event.preventDefault();
    const seconds = Number(line.dataset.start);
    player.currentTime = seconds;
    player.play().catch(() => {});
    history.replaceState(history.state, '', `?t=${Math.floor(seconds)}`);
  });

  let current = document.querySelector('.transcript .line.current');
  player.addEventListener('timeupdate', () => {
    const now = player.currentTime;
    let spoken = null;
    for (const line of lines) if (Number(line.dataset.start) <= now + LEAD_IN) spoken = line;
    if (spoken === current) return;
    current?.classList.remove('current');
    spoken?.classList.add('current');
    current = spoken;
  });
}

// Once the title has scrolled away, the player bar (which stays in view) names the episode.
const tools = document.querySelector('.episode-tools');
const heading = document.querySelector('.episode-head h1');
if (tools && heading && 'IntersectionObserver' in window) {
  const title = document.createElement('p');
  title.className = 'tools-title';
  // The page's <h1> already says it to screen readers.
  title.setAttribute('aria-hidden', 'true');
  title.textContent = heading.textContent;
  tools.prepend(title);
  // The heading counts as gone once it is under the bar.
  const options = { rootMargin: `-${tools.offsetHeight}px 0px 0px 0px` };
  new IntersectionObserver(([entry]) => tools.classList.toggle('stuck', !entry.isIntersecting), options).observe(heading);
}

// Opened at a moment (?t=): bring its line into view, below the player bar, if it is not on screen already.
const opened = document.querySelector('.transcript .line.current');
if (opened) {
  const box = opened.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) opened.scrollIntoView({ block: 'center' });
}
