// Lists and other loads of the pages that may fail: what the page shows when a list cannot be loaded, in words that
// fit a list (nothing was typed, so nothing is "kept", unlike a form), and a "Try again" button that loads just that
// list again. One implementation for every page; its texts are the shell's (i18n.js: list*, retry).
import { el, clear } from './dom.js';

/**
 * The message for a load that failed (`answer` as api.get answers it: status 0 when the server cannot be reached) in
 * a box with the id `id`, and a button `${id}-retry` that calls `retry()`.
 */
export function loadFailure(t, answer, id, retry) {
  let key = 'listFailed';
  if (answer.status === 0) key = 'listUnreachable';
  else if (answer.status === 403) key = 'listForbidden';
  const button = el('button', { type: 'button', class: 'secondary', id: `${id}-retry` }, t('retry'));
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = t('loading');
    retry();
  });
  return el('div', { class: 'form-error load-failure', role: 'alert', id }, el('p', {}, t(key)), button);
}

/**
 * Loads a list into `box`: `load()` answers an API answer (`{ status, ok, body }`); when `accept(answer)` (default:
 * answer.ok) the box is emptied and `show(answer)` fills it, otherwise the box shows {@link loadFailure} whose button
 * runs the load again, for this box only. `isCurrent()` (the page context's) stops drawing once the user moved on.
 * Answers the last answer.
 */
export async function loadList(box, { t, id, load, show, accept = (a) => a.ok, isCurrent = () => true }) {
  const attempt = async (again) => {
    const answer = await load();
    if (!isCurrent()) return answer;
    clear(box);
    if (accept(answer)) {
      await show(answer);
      if (again) {
        if (!box.hasAttribute('tabindex')) box.setAttribute('tabindex', '-1');
        box.focus();
      }
    } else {
      const failure = loadFailure(t, answer, id, () => attempt(true));
      box.append(failure);
      if (again) failure.querySelector('button').focus();
    }
    return answer;
  };
  return attempt(false);
}
