// "Copy link" and "Copy clip link" on every moment of the results and research pages: added here because copying needs
// JavaScript (without it the play link is still there to copy by hand). search.js adds them to results it swaps in.
import { announce } from './announce.js';

const COPIED_MS = 2000;

/** Gives each moment under `root` its buttons; one listener (below) serves them all. The clip link plays the whole
 * moment and stops at its end. */
export function addCopyButtons(root) {
  for (const moment of root.querySelectorAll('li.moment')) {
    const play = moment.querySelector('a.play');
    if (!play || moment.querySelector('button.copy-link')) continue;
    const at = play.textContent.match(/\d+(?::\d\d){1,2}/)?.[0] ?? '';
    const buttons = [['Copy link', play.getAttribute('href'), `Copy link to this moment${at ? ` at ${at}` : ''}`]];
    if (play.dataset.clip)
      buttons.push(['Copy clip link', play.dataset.clip, `Copy clip link: plays this moment as a clip${at ? ` from ${at}` : ''}`]);
    for (const [label, href, description] of buttons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy-link';
      button.textContent = label;
      button.dataset.label = label;
      button.dataset.href = href ?? '';
      button.setAttribute('aria-label', description);
      moment.append(button);
    }
  }
}
addCopyButtons(document);

const resetTimers = new WeakMap();
document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button.copy-link') : null;
  if (!button?.dataset.href) return;
  const url = new URL(button.dataset.href, location.href).href;
  const copied = await copy(url, button);
  const at = button.getAttribute('aria-label')?.match(/\d+(?::\d\d){1,2}/)?.[0];
  button.textContent = copied ? 'Copied ✓' : 'Copy failed';
  button.classList.toggle('copied', copied);
  const what = button.dataset.label === 'Copy clip link' ? 'Clip link' : 'Link';
  announce(copied ? `${what} to the moment${at ? ` at ${at}` : ''} copied` : `Could not copy the link: ${url}`);
  clearTimeout(resetTimers.get(button));
  resetTimers.set(
    button,
    setTimeout(() => {
      button.textContent = button.dataset.label ?? 'Copy link';
      button.classList.remove('copied');
    }, COPIED_MS),
  );
});

async function copy(text, returnFocusTo) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API outside secure contexts (http:// on another machine): the older command still works there.
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'visually-hidden';
    document.body.append(field);
    field.select();
    let done = false;
    try {
      done = document.execCommand('copy');
    } catch {
      done = false;
    }
    field.remove();
    returnFocusTo.focus();
    return done;
  }
}
