/*
 * The page's message line (#message, role=alert): a text by key, with the API's problem detail where it gives one;
 * the key and detail stay on the element so the page can write it again in another language.
 */
import { t } from './i18n.js';

export function showMessage(key, problem) {
  const message = document.getElementById('message');
  const detail = (problem && problem.detail) || '';
  message.hidden = !key;
  message.textContent = key ? t(key) + (detail ? ' ' + detail : '') : '';
  message.dataset.key = key || '';
  message.dataset.detail = detail;
}

/** The message of an API error ({status, problem} from api()); {@code forbidden} the page's own text for 403. */
export function errorKey(error, forbidden = 'error.forbidden') {
  return { 400: 'error.invalid', 403: forbidden, 401: 'error.session' }[error && error.status] || 'error.load';
}
