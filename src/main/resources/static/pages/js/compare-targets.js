/*
 * Reverse targets: GET /api/funnel/targets, the opportunities that must enter each stage to reach the revenue
 * target, overall and per rep (one column each; a rep's heading opens the rep's funnel for the same scope).
 */
import { format, half, localName, t } from './i18n.js';
import { api } from './session.js';
import { escape } from './html.js';
import { funnelHref, targetsPath } from './compare-filters.js';

let shown = null; // {filters, targets, error}

function drawSummary(targets) {
  const basis = targets.basis === 'measured' ? t('targets.measuredOver', { period: targets.measuredOver })
      : t('compare.basis.ideal');
  const item = (figure, key, value, raw) =>
    `<div data-figure="${figure}"><dt>${t(key)}</dt><dd data-value="${escape(raw ?? '')}">${escape(value)}</dd></div>`;
  document.getElementById('targets-summary').innerHTML = item('revenue', 'targets.revenue', format.money(targets.revenue), targets.revenue)
      + item('averageDealSize', 'targets.dealSize', format.money(targets.averageDealSize), targets.averageDealSize)
      + item('dealsToWin', 'targets.dealsToWin', format.count(targets.dealsToWin), targets.dealsToWin)
      + item('basis', 'targets.basis', basis, targets.basis);
}

function drawTable(filters, targets) {
  const reps = targets.perRep || [];
  document.querySelector('#targets-table thead tr').innerHTML = `<th scope="col">${t('compare.stage')}</th>
      <th scope="col" class="num">${t('targets.conversion')}</th>
      <th scope="col" class="num" data-owner="">${t('targets.all')}</th>`
      + reps.map(r => `<th scope="col" class="num" data-owner="${escape(r.owner)}"><a href="${escape(funnelHref(filters, r.owner))}"
          aria-label="${escape(t('targets.repLink', { owner: r.owner }))}">${escape(t('targets.repDeals', { owner: r.owner, deals: format.count(r.dealsToWin) }))}</a></th>`).join('');
  document.querySelector('#targets-table tbody').innerHTML = targets.stages.map((s, i) => `
    <tr data-stage="${escape(s.stage)}">
      <th scope="row">${escape(localName(s.name, s.stage))}</th>
      <td class="num" data-figure="conversion" data-value="${s.conversion}">${format.percent(s.conversion)}</td>
      <td class="num" data-figure="needed" data-owner="" data-value="${s.needed}">${format.count(s.needed)}</td>
      ${reps.map(r => `<td class="num" data-figure="needed" data-owner="${escape(r.owner)}" data-value="${r.stages[i].needed}">${format.count(r.stages[i].needed)}</td>`).join('')}
    </tr>`).join('')
      + (reps.length ? '' : `<tr><td colspan="3" class="note">${t('targets.noReps')}</td></tr>`);
}

function drawProblem(error) {
  const box = document.getElementById('targets-problem');
  box.hidden = !error;
  if (!error) {
    return;
  }
  const problem = error.problem || {};
  const fields = (problem.errors || []).map(e => `<li data-field="${escape(e.field)}">${escape(t('compare.problemField', { field: e.field, message: half(e.message) }))}</li>`);
  box.innerHTML = `<p><strong>${t('targets.failed')}</strong> <span class="problem-detail">${escape(half(problem.detail || problem.title || error.status))}</span></p>`
      + (fields.length ? `<ul>${fields.join('')}</ul>` : '');
}

function draw() {
  const { filters, targets, error } = shown;
  drawProblem(error);
  document.getElementById('targets-summary').hidden = !targets;
  document.getElementById('targets-table').hidden = !targets;
  if (targets) {
    drawSummary(targets);
    drawTable(filters, targets);
  }
  document.getElementById('targets-csv').href = targetsPath(filters, 'csv');
  document.getElementById('targets-xlsx').href = targetsPath(filters, 'xlsx');
}

export async function loadTargets(filters) {
  shown = { filters, targets: null, error: null };
  try {
    shown.targets = await api(targetsPath(filters));
  } catch (error) {
    shown.error = error;
  }
  draw();
}

export function redrawTargets() {
  if (shown) {
    draw();
  }
}
