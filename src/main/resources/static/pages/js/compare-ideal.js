/*
 * The ideal funnel's form: GET /api/ideal-funnels/{orgUnit}/{period} fills it (the stages of the process when none
 * is planned yet), PUT saves it with the session's CSRF token. The API judges the input: a 400's problem detail is
 * shown, and each field it names is marked at its input.
 */
import { format, half, localName, t } from './i18n.js';
import { api } from './session.js';
import { escape } from './html.js';
import { idealPath } from './compare-filters.js';
import { markFieldErrors } from './message.js';

const form = document.getElementById('ideal-form');
let state = null; // {filters, stages: [{code, name}], ideal, problem, saved}

function stageInput(stage, i, value) {
  const id = `ideal-stage-${i}`;
  const label = t('ideal.stageRate', { stage: localName(stage.name, stage.code) });
  return `<div class="field" data-stage="${escape(stage.code)}">
      <label for="${id}">${escape(localName(stage.name, stage.code))}</label>
      <input type="number" id="${id}" name="stage-${escape(stage.code)}" step="any" inputmode="decimal"
             data-field="stages[${i}].targetConversion" data-stage="${escape(stage.code)}" aria-label="${escape(label)}"
             aria-describedby="${id}-error" value="${value == null ? '' : escape(value)}">
      <span id="${id}-error" class="field-error"></span>
    </div>`;
}

function draw() {
  const { stages, ideal } = state;
  const valueOf = code => {
    const target = ideal && ideal.stages.find(s => s.stage === code);
    return target ? target.targetConversion : null;
  };
  const typed = {};
  form.querySelectorAll('#ideal-stages input').forEach(input => { typed[input.dataset.stage] = input.value; });
  document.getElementById('ideal-stages').innerHTML = stages
      .map((s, i) => stageInput(s, i, s.code in typed && state.keepTyped ? typed[s.code] : valueOf(s.code))).join('');
  if (!state.keepTyped) {
    form.elements.targetRevenue.value = ideal ? ideal.targetRevenue : '';
    form.elements.averageDealSize.value = ideal ? ideal.averageDealSize : '';
  }
  drawStatus();
  drawProblem();
}

function drawStatus() {
  const { ideal, saved } = state;
  const status = document.getElementById('ideal-status');
  if (!ideal) {
    status.textContent = t('ideal.none');
  } else {
    const params = { user: ideal.updatedBy, time: format.dateTime(ideal.updatedAt) };
    status.textContent = t(saved ? 'ideal.saved' : 'ideal.updated', params);
  }
}

function drawProblem() {
  const box = document.getElementById('ideal-problem');
  const error = state.problem;
  markFieldErrors(form, error && error.problem);
  box.hidden = !error;
  if (!error) {
    box.innerHTML = '';
    return;
  }
  const problem = error.problem || {};
  const lead = error.status === 403 ? t('ideal.forbidden') : t('ideal.notSaved');
  const fields = (problem.errors || []).map(e =>
    `<li data-field="${escape(e.field)}">${escape(t('compare.problemField', { field: e.field, message: half(e.message) }))}</li>`);
  box.innerHTML = `<p><strong>${escape(lead)}</strong> <span class="problem-detail">${escape(half(problem.detail || problem.title || error.status))}</span></p>`
      + (fields.length ? `<ul>${fields.join('')}</ul>` : '');
}

function number(text) {
  return text.trim() === '' ? null : Number(text);
}

function body() {
  return {
    process: state.ideal ? state.ideal.process : state.filters.process || null,
    stages: [...form.querySelectorAll('#ideal-stages input')]
        .map(input => ({ stage: input.dataset.stage, targetConversion: number(input.value) })),
    targetRevenue: number(form.elements.targetRevenue.value),
    averageDealSize: number(form.elements.averageDealSize.value)
  };
}

/** Fills the form for the filters' unit, period and process; {@code stages} are the process's [{code, name}]. */
export async function loadIdeal(filters, stages) {
  form.hidden = !filters.orgUnit || !filters.period;
  state = { filters, stages, ideal: null, problem: null, saved: false, keepTyped: false };
  if (form.hidden) {
    return;
  }
  try {
    state.ideal = await api(idealPath(filters));
  } catch (error) {
    if (error.status !== 404) {
      state.problem = error;
    }
  }
  draw();
}

/** Saves on submit; {@code onSaved} is told the saved ideal funnel. */
export function wireIdeal(onSaved) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const save = document.getElementById('ideal-save');
    save.disabled = true;
    try {
      state.ideal = await api(idealPath(state.filters, false), {
        method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body())
      });
      state = { ...state, problem: null, saved: true, keepTyped: false };
      draw();
      onSaved(state.ideal);
    } catch (error) {
      state = { ...state, problem: error, saved: false, keepTyped: true };
      draw();
      const invalid = form.querySelector('[aria-invalid="true"]');
      (invalid || document.getElementById('ideal-problem')).focus?.();
    } finally {
      save.disabled = false;
    }
  });
}

/** Redraws in the current language, keeping what was typed. */
export function redrawIdeal() {
  if (state && !form.hidden) {
    state.keepTyped = true;
    draw();
  }
}
