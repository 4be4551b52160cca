/*
 * Draws the forecasts of a period side by side (GET /api/forecast, method=weighted, historical, stage-age and
 * stage-age-seasonal): the totals, a row per stage with each method's probability and expected amount (the stage-age
 * methods: by days in stage, and their run rates, the seasonal one with the starts it learned from), and the
 * opportunities the weighted forecast counts (its details), each linked to its page.
 */
import { format, localName, t } from './i18n.js';
import { escape, opportunityLink } from './html.js';

export const METHODS = ['weighted', 'historical', 'stage-age', 'stage-age-seasonal'];

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

/** Stage-age: the chance of each age group of the stage, e.g. "0–29 d 50% · 90–179 d 33.3%". */
function ages(stage) {
  if (!stage.byAge || !stage.byAge.length) {
    return '';
  }
  return `<small class="basis">${stage.byAge.map(a => escape(t('forecast.age', { age: a.age, count: format.count(a.opportunities) }))
      + ' ' + format.percent(a.probability)).join(' · ')}</small>`;
}

function basis(stage) {
  const b = stage.winRate;
  if (!b) {
    return ages(stage);
  }
  return `<small class="basis">${b.source === 'history' ? t('forecast.basisHistory', { won: format.count(b.won), lost: format.count(b.lost) })
      : t('forecast.basisModel')}</small>`;
}

function stageCells(m, s) {
  return `<td class="num method-${m}" data-figure="${m}-probability" data-value="${s.probability ?? ''}">${format.percent(s.probability)}${basis(s)}</td>
      <td class="num method-${m}" data-figure="${m}-expected" data-value="${s.expected ?? ''}">${format.money(s.expected)}</td>`;
}

/** Which past starts a stage-age run rate is the mean of: the same season's, or all of them (and whether it fell back). */
function runRateBasis(f) {
  const b = f.runRateBasis;
  if (!b || b.fellBack == null) {
    return '';
  }
  const text = b.fellBack ? t('forecast.runRateFellBack', { snapshots: format.count(b.starts.length) })
    : t('forecast.runRateSeason', { starts: b.starts.join(t('backtest.listSeparator')) });
  return `<small class="basis">${escape(text)}</small>`;
}

function runRateCells(m, f) {
  if (f.runRate == null) {
    return `<td class="num method-${m}"></td><td class="num method-${m}"></td>`;
  }
  return `<td class="num method-${m}" data-figure="${m}-run-rate-basis">${runRateBasis(f)}</td>
      <td class="num method-${m}" data-figure="${m}-expected" data-value="${f.runRate}">${format.money(f.runRate)}</td>`;
}

export function drawMethodsTable(table, forecasts) {
  const { weighted } = forecasts;
  const others = METHODS.filter(m => m !== 'weighted');
  const byCode = Object.fromEntries(others.map(m => [m, Object.fromEntries(forecasts[m].byStage.map(s => [s.stage, s]))]));
  table.querySelector('thead').innerHTML = `<tr>
      <th scope="col">${t('forecast.stage')}</th>
      <th scope="col" class="num">${t('forecast.opportunities')}</th>
      <th scope="col" class="num">${t('forecast.amount')}</th>
      ${METHODS.map(m => `<th scope="col" class="num method-${m}">${t('forecast.probability', { method: methodName(m) })}</th>
        <th scope="col" class="num method-${m}">${t('forecast.expected', { method: methodName(m) })}</th>`).join('')}
    </tr>`;
  table.querySelector('tbody').innerHTML = weighted.byStage.map(w => {
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
      ${others.map(m => stageCells(m, byCode[m][w.stage] || {})).join('')}
    </tr>`;
  }).join('');
  const opportunities = weighted.byStage.reduce((sum, s) => sum + s.opportunities, 0);
  const amount = weighted.byStage.reduce((sum, s) => sum + Number(s.amount), 0);
  const stageAge = forecasts['stage-age'];
  table.querySelector('tfoot').innerHTML = `<tr data-stage="RUN_RATE">
      <th scope="row" title="${escape(t('forecast.runRateHint', { snapshots: format.count(stageAge.snapshots ?? 0) }))}">${t('forecast.runRate')}</th>
      <td colspan="2"></td>
      ${METHODS.map(m => runRateCells(m, forecasts[m])).join('')}
    </tr><tr data-stage="TOTAL">
      <th scope="row">${t('forecast.totalRow')}</th>
      <td class="num" data-figure="opportunities" data-value="${opportunities}">${opportunities
        ? `<button type="button" class="figure" data-stage="" aria-label="${escape(t('forecast.totalRow'))} · ${t('forecast.opportunities')}: ${format.count(opportunities)}">${format.count(opportunities)}</button>`
        : format.count(opportunities)}</td>
      <td class="num" data-figure="amount" data-value="${amount}">${format.money(amount)}</td>
      <td class="num method-weighted"></td>
      <td class="num method-weighted" data-figure="weighted-expected" data-value="${weighted.total}">${format.money(weighted.total)}</td>
      ${others.map(m => `<td class="num method-${m}"></td>
      <td class="num method-${m}" data-figure="${m}-expected" data-value="${forecasts[m].total}">${format.money(forecasts[m].total)}</td>`).join('')}
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
