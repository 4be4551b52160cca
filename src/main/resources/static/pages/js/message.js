/*
 * The page's message line (#message, role=alert): a text by key, with the API's problem detail where it gives one
 * (its half in the page's language); the key and the whole detail stay on the element so the page can write it
 * again in another language. And a form's fields marked with what the API's problem detail says of each.
 */
import { half, t } from './i18n.js';

export function showMessage(key, problem) {
  const message = document.getElementById('message');
  const detail = (problem && problem.detail) || '';
  message.hidden = !key;
  message.textContent = key ? t(key) + (detail ? ' ' + half(detail) : '') : '';
  message.dataset.key = key || '';
  message.dataset.detail = detail;
}

/** The message of an API error ({status, problem} from api()); {@code forbidden} the page's own text for 403. */
export function errorKey(error, forbidden = 'error.forbidden') {
  return { 400: 'error.invalid', 403: forbidden, 401: 'error.session' }[error && error.status] || 'error.load';
}

/**
 * Marks each input of {@code form} that the problem detail ({errors: [{field, message}]}) names — the input whose
 * data-field is the field: aria-invalid, and the message in the first element its aria-describedby names — after
 * clearing the marks of before; each message in the page's language (the page calls it again on a change of language).
 * Answers the errors it marked a field for.
 */
export function markFieldErrors(form, problem) {
  form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach(el => { el.textContent = ''; });
  return ((problem && problem.errors) || []).filter(e => {
    const input = form.querySelector(`[data-field="${CSS.escape(e.field)}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      document.getElementById(input.getAttribute('aria-describedby').split(' ')[0]).textContent = half(e.message);
    }
    return input;
  });
}
