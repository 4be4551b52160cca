/*
 * The opportunity page's reassign form: shown only when GET /api/opportunities/{code}/reassign says the user may
 * (OpportunityReassignments decides, not this page); POST …/reassign sends the new owner, the org unit if given and
 * the reason with the session's CSRF token. The API judges the input: a refusal's problem detail is shown, each
 * field it names beside its input.
 */
import { t } from './i18n.js';
import { api } from './session.js';
import { escape } from './html.js';
import { markFieldErrors } from './message.js';

const form = document.getElementById('reassign-form');
let state = { code: null, problem: null, done: null };

/**
 * Offers the form for the opportunity {@code code} if {@code permission} ({opportunityCode, allowed}) allows it, its
 * texts in the page's language (the page calls it on every redraw).
 */
export function showReassign(code, permission) {
  if (code !== state.code) {
    form.reset();
    state = { code, problem: null, done: null };
  }
  form.hidden = !(permission && permission.allowed);
  draw();
}

function drawProblem() {
  const box = document.getElementById('reassign-problem');
  const error = state.problem;
  const problem = (error && error.problem) || {};
  const marked = markFieldErrors(form, problem);
  box.hidden = !error;
  if (!error) {
    box.textContent = '';
    return;
  }
  box.innerHTML = marked.length ? escape(t('opportunity.reassign.checkFields'))
    : `<strong>${escape(t('opportunity.reassign.refused'))}</strong> <span class="problem-detail">${
      escape(problem.detail || problem.title || error.status)}</span>`;
}

function draw() {
  drawProblem();
  const done = document.getElementById('reassign-done');
  done.hidden = !state.done;
  done.textContent = state.done ? t('opportunity.reassign.done', { owner: state.done.toOwner, orgUnit: state.done.toOrgUnit }) : '';
}

/** Reassigns on submit; {@code onReassigned} is told the recorded reassignment and refreshes what it changed. */
export function wireReassign(onReassigned) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const button = document.getElementById('reassign-submit');
    const orgUnit = form.elements.orgUnit.value.trim();
    const body = { owner: form.elements.owner.value.trim(), orgUnit: orgUnit || null, reason: form.elements.reason.value };
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const recorded = await api('/api/opportunities/' + encodeURIComponent(state.code) + '/reassign', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      form.reset();
      state = { ...state, problem: null, done: recorded };
      await onReassigned(recorded);
    } catch (error) {
      state = { ...state, problem: error, done: null };
    } finally {
      button.disabled = false;
      form.setAttribute('aria-busy', 'false');
      draw();
    }
  });
}
