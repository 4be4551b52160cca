/*
 * The rules page (/rules): the active rule set and its history (GET /api/rules); for sales-ops and administrators
 * a candidate set checked, self-tested and previewed (POST /api/rules/preview) before it is uploaded and activated
 * (POST /api/rules), and a stored version activated again (POST /api/rules/{version}/activate), each after a
 * confirmation. The preview window (from, to) is in the page's address. Every table downloads as CSV or Excel
 * (GET /api/rules?table=&format=, the preview's with its files again).
 */
import { format, half, onLanguageChange, t } from './i18n.js';
import { start } from './layout.js';
import { api } from './session.js';
import * as candidate from './rules-candidate.js';
import * as check from './rules-check.js';
import * as versions from './rules-history.js';
import * as impact from './rules-preview.js';
import * as previewExport from './rules-export.js';

const EXAMPLES = 50;
const form = document.getElementById('candidate-form');
let previewed = null;
let messageKey = null;

function showMessage(key, params) {
  messageKey = key ? { key, params } : null;
  const message = document.getElementById('message');
  message.hidden = !key;
  // an API text among the params (the refusal's detail) is kept whole and shown in the page's language
  message.textContent = key ? t(key, params && params.detail ? { ...params, detail: half(params.detail) } : params) : '';
  message.dataset.key = key || '';
}

function errorKey(error) {
  return { 401: 'error.session', 403: 'rules.forbidden' }[error && error.status] || 'error.load';
}

function windowOf(search = location.search) {
  const query = new URLSearchParams(search);
  return { from: query.get('from') || '', to: query.get('to') || '' };
}

function windowQuery(span) {
  const query = new URLSearchParams();
  ['from', 'to'].forEach(name => { if (span[name]) query.set(name, span[name]); });
  return query;
}

function readWindow() {
  return { from: form.elements.from.value, to: form.elements.to.value };
}

function fillWindow(span) {
  form.elements.from.value = span.from;
  form.elements.to.value = span.to;
}

async function loadRules() {
  const section = document.getElementById('active');
  section.setAttribute('aria-busy', 'true');
  try {
    const rules = await api('/api/rules');
    versions.set(rules);
    versions.draw();
    const active = versions.activeVersion();
    candidate.setActiveFiles(active ? active.files : []);
    document.getElementById('candidate').hidden = !rules.mayChange;
    document.getElementById('read-only').hidden = rules.mayChange;
    if (!rules.mayChange) {
      impact.clear();
    }
    drawCandidate();
  } catch (error) {
    showMessage(errorKey(error));
  } finally {
    section.setAttribute('aria-busy', 'false');
  }
}

function drawCandidate() {
  candidate.draw(document.querySelector('#candidate-table tbody'), document.getElementById('candidate-count'),
    document.getElementById('left-out'));
}

function candidateChanged() {
  check.clear();
  drawCandidate();
}

/** What is wrong before anything is sent: no files, or file names the API would refuse. */
function checkBeforeSending() {
  if (candidate.isEmpty()) {
    check.showRefusal({ status: 400, problem: { errors: [{ field: 'files', message: t('rules.chooseFiles') }] } });
    return false;
  }
  const invalid = candidate.invalidPaths();
  if (invalid.length) {
    check.showRefusal({ status: 400, problem: { errors: invalid.map(p => ({ field: 'files', message: t('rules.badPathOf', { path: p }) })) } });
    return false;
  }
  return true;
}

async function runPreview() {
  if (!checkBeforeSending()) {
    return;
  }
  const span = readWindow();
  const address = '/rules' + (windowQuery(span).toString() ? '?' + windowQuery(span) : '');
  if (address !== location.pathname + location.search) {
    history.pushState(null, '', address);
  }
  const query = windowQuery(span);
  query.set('examples', String(EXAMPLES));
  const fingerprint = candidate.fingerprint();
  const form = candidate.formData();
  const impactSection = document.getElementById('impact');
  impactSection.setAttribute('aria-busy', 'true');
  showMessage(null);
  setBusy(true);
  try {
    const answer = await api('/api/rules/preview?' + query, { method: 'POST', body: form });
    answer.exampleLimit = EXAMPLES;
    // the files and window of the preview shown, which its downloads ask for again
    previewed = { fingerprint, answer, query: query.toString(), form };
    check.showSelfTests(answer.selfTests || { cases: 0, files: [] });
    impact.show(answer);
    impactSection.focus();
  } catch (error) {
    previewed = null;
    impact.clear();
    if (error.status === 422 || error.status === 400) {
      check.showRefusal(error);
    } else {
      showMessage(errorKey(error));
    }
  } finally {
    impactSection.setAttribute('aria-busy', 'false');
    setBusy(false);
  }
}

async function downloadPreview(button) {
  button.disabled = true;
  try {
    await previewExport.download(previewed, button.dataset.table, button.dataset.format);
  } catch (error) {
    showMessage(error && error.status ? errorKey(error) : 'rules.downloadFailed');
  } finally {
    button.disabled = false;
  }
}

function setBusy(busy) {
  ['preview', 'upload'].forEach(id => { document.getElementById(id).disabled = busy; });
}

/** The confirmation dialog; resolves with 'ok', 'preview' or 'cancel'. */
function confirmStep({ heading, text, ok, offerPreview }) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-heading').textContent = heading;
  document.getElementById('confirm-text').innerHTML = text;
  document.getElementById('confirm-ok').textContent = ok;
  document.getElementById('confirm-preview').hidden = !offerPreview;
  dialog.returnValue = 'cancel';
  dialog.showModal();
  document.getElementById(offerPreview ? 'confirm-preview' : 'confirm-cancel').focus();
  return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue || 'cancel'), { once: true }));
}

function paragraph(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p.outerHTML;
}

async function upload() {
  if (!checkBeforeSending()) {
    return;
  }
  const fresh = previewed && previewed.fingerprint === candidate.fingerprint();
  const active = versions.get() && versions.get().active;
  const text = fresh
    ? paragraph(t('rules.confirmUploadText', { candidate: previewed.answer.candidateVersion, active: active || '–' }))
      + paragraph(t('rules.confirmImpact', {
        worse: format.count(previewed.answer.total.passedToFailed), better: format.count(previewed.answer.total.failedToPassed),
        replayed: format.count(previewed.answer.total.replayed) }))
    : paragraph(t('rules.confirmUnpreviewed'));
  const answer = await confirmStep({ heading: t('rules.confirmUpload'), text, ok: t('rules.confirmUploadOk'), offerPreview: !fresh });
  if (answer === 'preview') {
    await runPreview();
    return;
  }
  if (answer !== 'ok') {
    return;
  }
  setBusy(true);
  showMessage(null);
  try {
    const version = await api('/api/rules', { method: 'POST', body: candidate.formData() });
    check.showUploaded(version);
    impact.clear();
    previewed = null;
    await loadRules();
  } catch (error) {
    if (error.status === 422 || error.status === 400) {
      check.showRefusal(error);
    } else {
      showMessage(errorKey(error));
    }
    await loadRules();
  } finally {
    setBusy(false);
  }
}

async function activate(version) {
  const active = versions.get() && versions.get().active;
  const answer = await confirmStep({ heading: t('rules.confirmActivate'),
    text: paragraph(t('rules.confirmActivateText', { version, active: active || '–' })), ok: t('rules.confirmActivateOk') });
  if (answer !== 'ok') {
    return;
  }
  showMessage(null);
  try {
    await api('/api/rules/' + encodeURIComponent(version) + '/activate', { method: 'POST' });
    showMessage(null);
    await loadRules();
    document.getElementById('active-heading').focus();
  } catch (error) {
    if (error.status === 422 && !document.getElementById('candidate').hidden) {
      check.showRefusal(error);
      document.getElementById('check').scrollIntoView({ block: 'nearest' });
    } else {
      showMessage(error.status === 422 ? 'rules.activateRefused' : errorKey(error),
        { detail: (error.problem && error.problem.detail) || '' });
    }
  }
}

function wire() {
  document.getElementById('rule-folder').addEventListener('change', event => {
    const skipped = candidate.fromFolder(event.target.files);
    event.target.value = '';
    candidateChanged();
    if (skipped.length) {
      document.getElementById('left-out').hidden = false;
      document.getElementById('left-out').textContent += ' ' + t('rules.skipped', { files: skipped.join(', ') });
    }
  });
  document.getElementById('rule-files').addEventListener('change', event => {
    candidate.addFiles(event.target.files);
    event.target.value = '';
    document.getElementById('candidate-details').open = true;
    candidateChanged();
  });
  const table = document.getElementById('candidate-table');
  table.addEventListener('change', event => {
    if (event.target.matches('input.path')) {
      candidate.rename(event.target.dataset.path, event.target.value.trim());
      candidateChanged();
    }
  });
  table.addEventListener('click', event => {
    const button = event.target.closest('button.remove');
    if (button) {
      candidate.remove(button.dataset.path);
      candidateChanged();
    }
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    runPreview();
  });
  document.getElementById('upload').addEventListener('click', upload);
  document.getElementById('versions-table').addEventListener('click', event => {
    const button = event.target.closest('button.activate');
    if (button) {
      activate(button.dataset.version);
    }
  });
  document.getElementById('impact').addEventListener('click', event => {
    const button = event.target.closest('button.figure');
    if (!button) {
      return;
    }
    const d = button.dataset;
    impact.drill(d.criterion ? { criterion: d.criterion, change: d.change } : { kind: d.kind, process: d.process, stage: d.stage });
  });
  document.getElementById('examples-all').addEventListener('click', () => impact.drillAll());
  document.getElementById('impact').addEventListener('click', event => {
    const button = event.target.closest('button.download');
    if (button && previewed) {
      downloadPreview(button);
    }
  });
  window.addEventListener('popstate', () => fillWindow(windowOf()));
  onLanguageChange(() => {
    versions.draw();
    drawCandidate();
    check.redraw();
    impact.redraw();
    if (messageKey) {
      showMessage(messageKey.key, messageKey.params);
    }
  });
}

await start('rules', 'rules.title');
fillWindow(windowOf());
wire();
api('/api/processes').then(list => { impact.setNames(list); impact.redraw(); }).catch(() => {});
await loadRules();
