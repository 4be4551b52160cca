/*
 * What the check of a candidate said: a refusal's problem detail (422: each error on its file and line, or file
 * and self-test case, or file, rule and construct; 400: a bad file name) and the self-test cases that passed.
 */
import { format, half, t } from './i18n.js';
import { escape } from './html.js';

let shown = null;

/** "file:line message" with the rule, case or construct when the API names them. */
function errorText(error) {
  const where = (error.file || t('rules.wholeSet')) + (error.line ? ':' + error.line : '');
  const about = [error.rule && t('rules.inRule', { rule: error.rule }), error.case && t('rules.inCase', { name: error.case }),
    error.construct && `[${error.construct}]`].filter(Boolean).join(' ');
  return { where, about, message: half(error.message) };
}

function clearAll() {
  ['errors-heading', 'errors-detail', 'self-tests', 'uploaded'].forEach(id => { document.getElementById(id).hidden = true; });
  document.getElementById('rule-errors').innerHTML = '';
}

export function clear() {
  shown = null;
  clearAll();
}

/** A refusal: {status, problem} as api() throws it. */
export function showRefusal(error) {
  shown = { kind: 'refusal', error };
  redraw();
}

/** The self-tests of a previewed candidate ({cases, files: [{file, cases}]}), all passed. */
export function showSelfTests(selfTests) {
  shown = { kind: 'selfTests', selfTests };
  redraw();
}

/** An upload stored and activated: the version view. */
export function showUploaded(version) {
  shown = { kind: 'uploaded', version };
  redraw();
}

export function redraw() {
  clearAll();
  if (!shown) {
    return;
  }
  if (shown.kind === 'refusal') {
    drawRefusal(shown.error);
  } else if (shown.kind === 'selfTests') {
    drawSelfTests(shown.selfTests);
  } else {
    const uploaded = document.getElementById('uploaded');
    uploaded.hidden = false;
    uploaded.textContent = t('rules.uploaded', { version: shown.version.version, count: format.count(shown.version.selfTestCases) });
  }
}

function drawRefusal({ status, problem }) {
  const heading = document.getElementById('errors-heading');
  const errors = (problem && problem.errors) || [];
  const selfTestsFailed = errors.some(e => e.case);
  heading.hidden = false;
  heading.textContent = t(status === 422 ? (selfTestsFailed ? 'rules.selfTestsFailed' : 'rules.refused') : 'rules.badRequest',
    { count: format.count(errors.length) });
  const detail = document.getElementById('errors-detail');
  detail.hidden = !(problem && problem.detail);
  detail.textContent = problem && problem.detail ? half(problem.detail) : '';
  document.getElementById('rule-errors').innerHTML = errors.map(e => {
    if (e.field) {
      return `<li data-field="${escape(e.field)}">${escape(half(e.message || e.detail || ''))}</li>`;
    }
    const { where, about, message } = errorText(e);
    return `<li data-file="${escape(e.file || '')}" data-line="${e.line || ''}"${e.case ? ` data-case="${escape(e.case)}"` : ''}>
      <code class="where">${escape(where)}</code>${about ? ` <span class="about">${escape(about)}</span>` : ''}
      <span class="what">${escape(message)}</span></li>`;
  }).join('');
}

function drawSelfTests(selfTests) {
  const box = document.getElementById('self-tests');
  box.hidden = false;
  const files = selfTests.files || [];
  box.innerHTML = `<p class="success" id="self-tests-summary" data-cases="${selfTests.cases}">${escape(t('rules.selfTestsPassed',
    { count: format.count(selfTests.cases), files: format.count(files.length) }))}</p>
    <details><summary>${escape(t('rules.selfTestsList'))}</summary>
      <ul class="self-test-files">${files.map(f => `<li><code>${escape(f.file)}</code>
        <ul>${f.cases.map(c => `<li class="passed"><span aria-hidden="true">✓</span> ${escape(c)}</li>`).join('')}</ul></li>`).join('')}
      </ul></details>`;
}
