/*
 * The opportunity page's reassign form: shown only when GET /api/opportunities/{code}/reassign says the user may
 * (OpportunityReassignments decides, not this page); POST …/reassign sends the new owner, the org unit if given and
 * the reason with the session's CSRF token. The API judges the input: a refusal's problem detail is shown, each
 * field it names beside its input. The owner field offers the API's candidates (a datalist: "name (org unit)" beside
 * each user name, and typing any other user name still works, as for users past the listed 200); once the field
 * names a candidate, the org unit hint says where the opportunity goes if no unit is given.
 */
import { half, t } from './i18n.js';
import { api } from './session.js';
import { escape } from './html.js';
import { markFieldErrors } from './message.js';

const form = document.getElementById('reassign-form');
let state = { code: null, problem: null, done: null, candidates: [], truncated: false, orgUnit: null };

/**
 * Offers the form for the opportunity {@code code} (in {@code orgUnit}) if {@code permission} ({opportunityCode,
 * allowed, candidates, candidatesTruncated}) allows it, its texts in the page's language (the page calls it on every
 * redraw).
 */
export function showReassign(code, permission, orgUnit) {
  if (code !== state.code) {
    form.reset();
    state = { ...state, code, problem: null, done: null };
  }
  const allowed = Boolean(permission && permission.allowed);
  state = { ...state, orgUnit, candidates: allowed ? permission.candidates || [] : [],
    truncated: allowed && Boolean(permission.candidatesTruncated) };
  form.hidden = !allowed;
  draw();
}

function drawCandidates() {
  document.getElementById('reassign-owner-candidates').innerHTML = state.candidates.map(c =>
    `<option value="${escape(c.userId)}" label="${escape(t('opportunity.reassign.candidate',
      { name: c.name, orgUnit: c.orgUnit }))}"></option>`).join('');
  const more = document.getElementById('reassign-owner-more');
  more.hidden = !state.truncated;
  more.textContent = state.truncated ? t('opportunity.reassign.moreCandidates', { count: state.candidates.length }) : '';
}

/**
 * Once the owner field names a candidate: who it is, and where the opportunity goes with no unit given; else how
 * many there are to pick from, and the general rule.
 */
function drawUnitHint() {
  const chosen = state.candidates.find(c => c.userId === form.elements.owner.value.trim());
  document.getElementById('reassign-owner-hint').textContent = chosen
    ? t('opportunity.reassign.candidate', { name: chosen.name, orgUnit: chosen.orgUnit })
    : state.candidates.length ? t('opportunity.reassign.ownerHint', { count: state.candidates.length }) : '';
  const hint = document.getElementById('reassign-orgUnit-hint');
  form.elements.orgUnit.placeholder = chosen ? chosen.defaultOrgUnit : '';
  hint.dataset.orgUnit = chosen ? chosen.defaultOrgUnit : '';
  hint.textContent = !chosen ? t('opportunity.reassign.orgUnitHint')
    : t(chosen.defaultOrgUnit === state.orgUnit ? 'opportunity.reassign.staysHint' : 'opportunity.reassign.movesHint',
      { orgUnit: chosen.defaultOrgUnit, name: chosen.name });
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
      escape(half(problem.detail || problem.title || error.status))}</span>`;
}

function draw() {
  drawProblem();
  drawCandidates();
  drawUnitHint();
  const done = document.getElementById('reassign-done');
  done.hidden = !state.done;
  done.textContent = state.done ? t('opportunity.reassign.done', { owner: state.done.toOwner, orgUnit: state.done.toOrgUnit }) : '';
}

/** Reassigns on submit; {@code onReassigned} is told the recorded reassignment and refreshes what it changed. */
export function wireReassign(onReassigned) {
  form.elements.owner.addEventListener('input', drawUnitHint);
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
