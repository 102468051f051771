// What the administration pages (users, audit log, capabilities) share: their style sheet and the message with a
// retry button shown when a list cannot be loaded.
import { el } from '/dom.js';

const CSS_URL = new URL('./admin.css', import.meta.url).href;

export function loadCss() {
  if (!document.querySelector(`link[href="${CSS_URL}"]`)) {
    document.head.append(el('link', { rel: 'stylesheet', href: CSS_URL }));
  }
}

/** The message that a list cannot be loaded, with a button that loads the page again. */
export function unreachable(ctx, id, message, retryLabel) {
  const retry = el('button', { type: 'button', id }, retryLabel);
  retry.addEventListener('click', () => ctx.retry());
  return [el('p', { class: 'form-error', role: 'alert' }, message), retry];
}
