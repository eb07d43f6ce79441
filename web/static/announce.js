// One polite live region for short news on every page: how many results came, whether a link was copied.
const status = document.createElement('p');
status.className = 'visually-hidden';
status.setAttribute('role', 'status');
document.body.append(status);
let clearStatus;
/** Says `text` once to screen readers, then clears it. */
export function announce(text) {
  // Emptied first, so the same words twice in a row are still read.
  status.textContent = '';
  clearTimeout(clearStatus);
  setTimeout(() => {
    status.textContent = text;
  }, 50);
  clearStatus = setTimeout(() => {
    status.textContent = '';
  }, 5000);
}
