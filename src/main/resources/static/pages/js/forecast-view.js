/*
 * Draws the two forecasts of a period side by side (GET /api/forecast, method=weighted and method=historical):
 * the totals, a row per stage with each method's probability and expected amount, and the opportunities the
 * weighted forecast counts (its details), each linked to its page.
 */
import { format, localName, t } from './i18n.js';
import { escape, opportunityLink } from './html.js';

export const METHODS = ['weighted', 'historical'];

export function methodName(method) {
  return t('forecast.method.' + method);
}

function stageName(stage) {
  return localName(stage.name, stage.stage);
}

export function drawTotals(dl, forecasts) {
  dl.innerHTML = METHODS.map(m => {
    const f = forecasts[m];
    const extra = f.windowMonths ? `<small>${t('forecast.window', { months: format.count(f.windowMonths) })}</small>` : '';
    return `<div data-method="${m}"><dt>${t('forecast.total', { method: methodName(m) })}</dt>
      <dd data-value="${f.total}">${format.money(f.total)}</dd>${extra}</div>`;
  }).join('');
}

function basis(stage) {
  const b = stage.winRate;
  if (!b) {
    return '';
  }
  return `<small class="basis">${b.source === 'history' ? t('forecast.basisHistory', { won: format.count(b.won), lost: format.count(b.lost) })
      : t('forecast.basisModel')}</small>`;
}

export function drawMethodsTable(table, forecasts) {
  const { weighted, historical } = forecasts;
  const byCode = Object.fromEntries(historical.byStage.map(s => [s.stage, s]));
  table.querySelector('thead').innerHTML = `<tr>
      <th scope="col">${t('forecast.stage')}</th>
      <th scope="col" class="num">${t('forecast.opportunities')}</th>
      <th scope="col" class="num">${t('forecast.amount')}</th>
      ${METHODS.map(m => `<th scope="col" class="num method-${m}">${t('forecast.probability', { method: methodName(m) })}</th>
        <th scope="col" class="num method-${m}">${t('forecast.expected', { method: methodName(m) })}</th>`).join('')}
    </tr>`;
  table.querySelector('tbody').innerHTML = weighted.byStage.map(w => {
    const h = byCode[w.stage] || {};
    const count = format.count(w.opportunities);
    const countCell = w.opportunities
      ? `<button type="button" class="figure" data-stage="${escape(w.stage)}" aria-label="${escape(stageName(w))} · ${t('forecast.opportunities')}: ${count}">${count}</button>`
      : count;
    return `<tr data-stage="${escape(w.stage)}">
      <th scope="row">${escape(stageName(w))}</th>
      <td class="num" data-figure="opportunities" data-value="${w.opportunities}">${countCell}</td>
      <td class="num" data-figure="amount" data-value="${w.amount}">${format.money(w.amount)}</td>
      <td class="num method-weighted" data-figure="weighted-probability" data-value="${w.probability}">${format.percent(w.probability)}</td>
      <td class="num method-weighted" data-figure="weighted-expected" data-value="${w.expected}">${format.money(w.expected)}</td>
      <td class="num method-historical" data-figure="historical-probability" data-value="${h.probability ?? ''}">${format.percent(h.probability)}${basis(h)}</td>
      <td class="num method-historical" data-figure="historical-expected" data-value="${h.expected ?? ''}">${format.money(h.expected)}</td>
    </tr>`;
  }).join('');
  const opportunities = weighted.byStage.reduce((sum, s) => sum + s.opportunities, 0);
  const amount = weighted.byStage.reduce((sum, s) => sum + Number(s.amount), 0);
  table.querySelector('tfoot').innerHTML = `<tr data-stage="TOTAL">
      <th scope="row">${t('forecast.totalRow')}</th>
      <td class="num" data-figure="opportunities" data-value="${opportunities}">${opportunities
        ? `<button type="button" class="figure" data-stage="" aria-label="${escape(t('forecast.totalRow'))} · ${t('forecast.opportunities')}: ${format.count(opportunities)}">${format.count(opportunities)}</button>`
        : format.count(opportunities)}</td>
      <td class="num" data-figure="amount" data-value="${amount}">${format.money(amount)}</td>
      <td class="num method-weighted"></td>
      <td class="num method-weighted" data-figure="weighted-expected" data-value="${weighted.total}">${format.money(weighted.total)}</td>
      <td class="num method-historical"></td>
      <td class="num method-historical" data-figure="historical-expected" data-value="${historical.total}">${format.money(historical.total)}</td>
    </tr>`;
}

/** The weighted forecast's opportunities, of one stage if given (with the stage's name from the forecast). */
export function drawBehind(weighted, stage) {
  const list = (weighted.opportunities || []).filter(o => !stage || o.stage === stage);
  const names = Object.fromEntries(weighted.byStage.map(s => [s.stage, stageName(s)]));
  document.getElementById('behind-heading').textContent = stage
    ? t('forecast.behindStage', { stage: names[stage] || stage }) : t('forecast.behind');
  document.getElementById('behind-heading').dataset.count = String(list.length);
  document.getElementById('behind-all').hidden = !stage;
  document.querySelector('#behind-table tbody').innerHTML = list.length ? list.map(o => `
    <tr data-code="${escape(o.code)}">
      <td>${opportunityLink(o.code)}</td><td>${escape(o.owner)}</td><td>${escape(o.orgUnit)}</td>
      <td>${escape(names[o.stage] || o.stage)}</td>
      <td class="num" data-figure="amount" data-value="${o.amount}">${format.money(o.amount)}</td>
      <td>${escape(o.expectedCloseDate || '–')}</td>
      <td class="num" data-figure="probability" data-value="${o.probability}">${format.percent(o.probability)}</td>
      <td class="num" data-figure="expected" data-value="${o.expected}">${format.money(o.expected)}</td>
    </tr>`).join('') : `<tr><td colspan="8">${t('forecast.none')}</td></tr>`;
}
