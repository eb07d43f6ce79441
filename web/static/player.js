// Episode page: open the player at ?t= even where media fragments are not honoured, seek on a transcript click
// without reloading, and mark the line being spoken. The page works without this file.
const player = document.getElementById('player');
if (player) {
  const start = Number(player.dataset.start);
  const seekTo = (seconds) => {
    player.currentTime = seconds;
  };
  if (player.dataset.start !== '' && Number.isFinite(start)) {
    player.addEventListener('loadedmetadata', () => {
      if (Math.abs(player.currentTime - start) > 1) seekTo(start);
    }, { once: true });
  }
  const lines = [...document.querySelectorAll('.transcript .line')];
  for (const line of lines) {
    line.querySelector('a.time')?.addEventListener('click', (event) => {
      event.preventDefault();
      const seconds = Number(line.dataset.start);
      seekTo(seconds);
      player.play().catch(() => {});
      history.replaceState(null, '', `?t=${Math.floor(seconds)}`);
    });
  }
  player.addEventListener('timeupdate', () => {
    const now = player.currentTime;
    let current;
    // Links start a second or so early (the lead-in), so the line about to be spoken already counts as current.
    for (const line of lines) if (Number(line.dataset.start) <= now + 1.5) current = line;
    for (const line of lines) line.classList.toggle('current', line === current);
  });
}
