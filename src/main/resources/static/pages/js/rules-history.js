/*
 * The rule sets on record (GET /api/rules): the active version, every version with who stored it and its
 * activations, and the audit trail of rule changes. Sales-ops and administrators may activate a stored version
 * again (roll back or forward); the button is only a convenience, the API decides.
 */
import { format, half, t } from './i18n.js';
import { escape } from './html.js';

let rules = null;

export function set(answer) {
  rules = answer;
}

export function get() {
  return rules;
}

export function activeVersion() {
  return rules && rules.versions.find(v => v.version === rules.active);
}

function lastActivation(v) {
  const last = (v.activations || [])[v.activations.length - 1];
  return last ? t('rules.activatedBy', { by: last.by, at: format.dateTime(last.at), count: format.count(v.activations.length) }) : '–';
}

function source(s) {
  return t('rules.source.' + s) === 'rules.source.' + s ? s : t('rules.source.' + s);
}

export function draw() {
  if (!rules) {
    return;
  }
  const active = activeVersion();
  const summary = document.getElementById('active-summary');
  summary.dataset.version = rules.active || '';
  const item = (key, value, id) => `<div${id ? ` id="${id}"` : ''}><dt>${t(key)}</dt><dd>${value}</dd></div>`;
  summary.innerHTML = active
    ? item('rules.version', `<code>${escape(active.version)}</code>`, 'active-version')
      + item('rules.source', escape(source(active.source)))
      + item('rules.createdBy', escape(active.createdBy)) + item('rules.createdAt', format.dateTime(active.createdAt))
      + item('rules.fileCount', format.count(active.files.length)) + item('rules.selfTestCases', format.count(active.selfTestCases))
      + item('rules.lastActivation', escape(lastActivation(active)))
    : item('rules.version', t('rules.noActive'));
  drawVersions();
  drawEvents();
}

function drawVersions() {
  document.querySelector('#versions-table tbody').innerHTML = rules.versions.map(v => `
    <tr data-version="${escape(v.version)}"${v.active ? ' class="active-row"' : ''}>
      <th scope="row"><code>${escape(v.version)}</code>${v.active ? ` <span class="badge">${t('rules.isActive')}</span>` : ''}</th>
      <td>${escape(source(v.source))}</td>
      <td>${escape(v.createdBy)}</td>
      <td>${format.dateTime(v.createdAt)}</td>
      <td class="num"><span title="${escape(v.files.join('\n'))}">${format.count(v.files.length)}</span></td>
      <td class="num">${format.count(v.selfTestCases)}</td>
      <td>${escape(lastActivation(v))}</td>
      <td>${rules.mayChange && !v.active ? `<button type="button" class="secondary activate" data-version="${escape(v.version)}"
        aria-label="${escape(t('rules.activateVersion', { version: v.version }))}">${t('rules.activate')}</button>` : ''}</td>
    </tr>`).join('') || `<tr><td colspan="8" class="note">${t('rules.noVersions')}</td></tr>`;
}

function drawEvents() {
  document.querySelector('#events-table tbody').innerHTML = rules.events.map(e => `
    <tr data-kind="${escape(e.kind)}">
      <td>${format.dateTime(e.at)}</td>
      <td><span class="event ${escape(e.kind.toLowerCase())}">${escape(t('rules.event.' + e.kind))}</span></td>
      <td><code>${escape(e.version)}</code></td>
      <td>${escape(e.by)}</td>
      <td class="detail">${escape(half(e.detail || ''))}</td>
    </tr>`).join('') || `<tr><td colspan="5" class="note">${t('rules.noEvents')}</td></tr>`;
}
