/*
 * Draws GET /api/forecast/backtest: each method's and naive baseline's error per past period as ECharts bars and a
 * table (forecast, actual, error %), each one's MAPE below it, the one the API says to trust and whether the methods
 * beat the baselines. A period opens its own forecast page with the same filters.
 */
import * as echarts from './echarts.js';
import { format, language, t } from './i18n.js';
import { escape } from './html.js';
import { methodName } from './forecast-view.js';

const COLORS = {
  weighted: '#0b5cad', historical: '#d9822b', 'stage-age': '#2a8a5c', 'stage-age-seasonal': '#8e44ad',
  'same-as-last-period': '#9aa0a6', 'same-period-last-year': '#5f6368'
};
let chart = null;

function errorText(value) {
  if (value == null) {
    return t('backtest.noError');
  }
  return new Intl.NumberFormat(language(), { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value) + '%';
}

function mapeText(value) {
  return value == null ? '–' : new Intl.NumberFormat(language(), { maximumFractionDigits: 2 }).format(value) + '%';
}

function methodsOf(view) {
  return view.accuracy.map(a => a.method);
}

function kindOf(view, method) {
  return (view.accuracy.find(a => a.method === method) || {}).kind || 'method';
}

/** Which methods beat every measured baseline, or that none did. */
function beatText(view) {
  const methods = view.accuracy.filter(a => a.kind === 'method' && a.beatsBaselines != null);
  if (!methods.length) {
    return '';
  }
  const beating = methods.filter(a => a.beatsBaselines).map(a => methodName(a.method));
  return ' ' + (beating.length ? t('backtest.beats', { methods: beating.join(t('backtest.listSeparator')) }) : t('backtest.beatsNone'));
}

function drawTrust(view) {
  const element = document.getElementById('trust');
  element.dataset.trust = view.trust || '';
  if (!view.trust) {
    element.textContent = t('backtest.noTrust');
    return;
  }
  const best = view.accuracy.find(a => a.method === view.trust);
  // a method that forecast what the trusted one did in every period (stage-age-seasonal falling back) is no rival
  const twin = a => a.kind === 'method' && best.kind === 'method' && view.rows.every(r => {
    const x = (r.forecasts.find(f => f.method === a.method) || {}).forecast;
    const y = (r.forecasts.find(f => f.method === best.method) || {}).forecast;
    return x == null ? y == null : y != null && Number(x) === Number(y);
  });
  const tied = view.accuracy.filter(a => a !== best && !twin(a) && a.mape != null && Number(a.mape) === Number(best.mape)).length > 0;
  const trust = tied ? t('backtest.tie')
    : t(best.kind === 'baseline' ? 'backtest.trustBaseline' : 'backtest.trust', { method: methodName(view.trust) });
  element.textContent = trust + beatText(view);
}

function drawTable(view, periodHref) {
  const methods = methodsOf(view);
  const table = document.getElementById('backtest-table');
  table.querySelector('thead').innerHTML = `<tr><th scope="col">${t('backtest.period')}</th>
      <th scope="col" class="num">${t('backtest.actual')}</th>
      ${methods.map(m => `<th scope="col" class="num ${kindOf(view, m) === 'baseline' ? 'baseline' : 'method-' + m}">${t('backtest.forecast', { method: methodName(m) })}</th>
        <th scope="col" class="num ${kindOf(view, m) === 'baseline' ? 'baseline' : 'method-' + m}">${t('backtest.error', { method: methodName(m) })}</th>`).join('')}</tr>`;
  table.querySelector('tbody').innerHTML = view.rows.map(r => `<tr data-period="${escape(r.period)}">
      <th scope="row"><a href="${escape(periodHref(r.period))}" aria-label="${escape(t('backtest.openPeriod', { period: r.period }))}">${escape(r.period)}</a></th>
      <td class="num" data-figure="actual" data-value="${r.actual}">${Number(r.actual) > 0
        ? `<button type="button" class="figure" data-period="${escape(r.period)}" aria-label="${escape(t('backtest.drillLabel', { period: r.period, amount: format.money(r.actual) }))}">${format.money(r.actual)}</button>`
        : format.money(r.actual)}</td>
      ${methods.map(m => {
        const f = r.forecasts.find(x => x.method === m) || {};
        if (f.forecast == null) {
          return `<td class="num none" data-figure="${m}-forecast" data-value="" title="${escape(t('backtest.noHistory'))}">–</td>
            <td class="num error none" data-figure="${m}-error" data-value="">${t('backtest.noHistory')}</td>`;
        }
        return `<td class="num" data-figure="${m}-forecast" data-value="${f.forecast}">${format.money(f.forecast)}</td>
          <td class="num error${f.errorPercent == null ? ' none' : ''}" data-figure="${m}-error" data-value="${f.errorPercent ?? ''}">${errorText(f.errorPercent)}</td>`;
      }).join('')}</tr>`).join('');
  table.querySelector('tfoot').innerHTML = `<tr data-period="MAPE"><th scope="row">${t('backtest.mape')}</th><td></td>
      ${view.accuracy.map(a => `<td></td><td class="num${a.method === view.trust ? ' trusted' : ''}" data-figure="${a.method}-mape" data-value="${a.mape ?? ''}"
        title="${escape(t('backtest.measured', { count: format.count(a.periodsMeasured) }))}">${mapeText(a.mape)}</td>`).join('')}</tr>`;
}

function seriesName(view, method) {
  return `${methodName(method)} · ${t('backtest.mape')} ${mapeText((view.accuracy.find(a => a.method === method) || {}).mape)}`;
}

function drawChart(view, onPeriod) {
  const element = document.getElementById('backtest-chart');
  if (!chart) {
    chart = echarts.init(element, null, { renderer: 'canvas' });
    window.addEventListener('resize', () => chart.resize());
    chart.on('click', params => onPeriod(params.name));
  }
  const methods = methodsOf(view);
  element.setAttribute('aria-label', t('backtest.chartLabel', {
    rows: view.rows.map(r => `${r.period} ${methods.map(m => `${methodName(m)} ${errorText((r.forecasts.find(f => f.method === m) || {}).errorPercent)}`).join(' / ')}`).join(', ')
  }));
  chart.setOption({
    color: methods.map(m => COLORS[m] || '#555'),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => errorText(v) },
    legend: {
      top: 0,
      data: methods.map(m => seriesName(view, m))
    },
    grid: { left: 40, right: 12, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: view.rows.map(r => r.period) },
    yAxis: { type: 'value', axisLabel: { formatter: v => `${v}%` } },
    series: methods.map(m => ({
      name: seriesName(view, m),
      type: 'bar',
      data: view.rows.map(r => {
        const f = r.forecasts.find(x => x.method === m);
        return f && f.errorPercent != null ? Number(f.errorPercent) : null;
      })
    }))
  }, true);
}

export function drawBacktest(view, periodHref, onPeriod) {
  drawTrust(view);
  drawTable(view, periodHref);
  drawChart(view, onPeriod);
}

export function clearBacktest() {
  if (chart) {
    chart.clear();
  }
  document.getElementById('trust').textContent = '';
  ['thead', 'tbody', 'tfoot'].forEach(part => { document.querySelector('#backtest-table ' + part).innerHTML = ''; });
}
