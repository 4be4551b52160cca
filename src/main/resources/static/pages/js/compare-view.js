/*
 * Draws GET /api/funnel/compare: the summary with the weakest stage as the API names it, the ECharts bars of
 * ideal against actual conversion per stage, and the table whose figures list their stage entries (drill.js).
 */
import * as echarts from './echarts.js';
import { format, language, localName, t } from './i18n.js';
import { escape } from './html.js';

const IDEAL_COLOR = '#9aa9bd';
const ACTUAL_COLOR = '#0b5cad';
const WEAKEST_COLOR = '#c0392b';
let chart = null;

export function stageName(stage) {
  return localName(stage.name, stage.stage);
}

/** A signed share (a conversion's gap), e.g. −20%; the API's delta is actual − ideal. */
export function signedPercent(value) {
  if (value == null) {
    return '–';
  }
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' })
      .format(value);
}

function isWeakest(comparison, stage) {
  return comparison.weakestStage != null && comparison.weakestStage.stage === stage.stage;
}

export function drawSummary(dl, comparison) {
  const weakest = comparison.weakestStage;
  const weakestText = weakest
      ? `<a class="weakest-link" href="#compare-row-${escape(weakest.stage)}" data-stage="${escape(weakest.stage)}">${escape(localName(weakest.name, weakest.stage))}</a>
         <small>${t(weakest.belowTarget ? 'compare.weakestBelow' : 'compare.weakestMeets', { delta: signedPercent(weakest.delta) })}</small>`
      : t('compare.weakestNone');
  dl.innerHTML = `
    <div data-figure="targetRevenue"><dt>${t('compare.targetRevenue')}</dt><dd data-value="${comparison.targetRevenue ?? ''}">${format.money(comparison.targetRevenue)}</dd></div>
    <div data-figure="wonRevenue"><dt>${t('compare.wonRevenue')}</dt><dd data-value="${comparison.wonRevenue ?? ''}">${format.money(comparison.wonRevenue)}</dd></div>
    <div data-figure="weakestStage" class="${weakest && weakest.belowTarget ? 'weakest' : ''}"><dt>${t('compare.weakest')}</dt><dd>${weakestText}</dd></div>`;
}

/**
 * The table per stage: entered and advanced list the stage entries behind them, the actual conversion (advanced
 * over entered) its entries (drill.js, GET /api/funnel/entries); the stage's name opens the same scope in the
 * funnel page.
 */
export function drawTable(tbody, comparison, funnelHref) {
  const href = escape(funnelHref);
  tbody.innerHTML = comparison.stages.map(stage => {
    const weakest = isWeakest(comparison, stage);
    const name = stageName(stage);
    const button = (shown, figure, text, count) => (count
      ? `<button type="button" class="figure" data-stage="${escape(stage.stage)}" data-figure="${figure}" data-shown="${shown}"
          aria-label="${escape(t('compare.drillLabel', { stage: name, figure: t('compare.' + shown), value: text }))}">${escape(text)}</button>`
      : escape(text));
    const actual = format.percent(stage.actualConversion);
    return `
    <tr id="compare-row-${escape(stage.stage)}" data-stage="${escape(stage.stage)}"${weakest ? ' class="weakest"' : ''}>
      <th scope="row"><a href="${href}" data-figure-link="stage" aria-label="${escape(t('compare.openFunnel', { stage: name }))}">${escape(name)}</a>${weakest ? ` <span class="badge">${t('compare.weakestBadge')}</span>` : ''}</th>
      <td class="num" data-figure="entered" data-value="${stage.entered}">${button('entered', 'entered', format.count(stage.entered), stage.entered)}</td>
      <td class="num" data-figure="advanced" data-value="${stage.advanced}">${button('advanced', 'advanced', format.count(stage.advanced), stage.advanced)}</td>
      <td class="num" data-figure="actualConversion" data-value="${stage.actualConversion ?? ''}">${button('actual', 'entered', actual, stage.entered && stage.actualConversion != null)}</td>
      <td class="num" data-figure="targetConversion" data-value="${stage.targetConversion ?? ''}">${format.percent(stage.targetConversion)}</td>
      <td class="num delta${stage.delta != null && stage.delta < 0 ? ' below' : ''}" data-figure="delta" data-value="${stage.delta ?? ''}">${signedPercent(stage.delta)}</td>
    </tr>`;
  }).join('');
}

export function drawChart(element, comparison, onStage) {
  if (!chart) {
    chart = echarts.init(element, null, { renderer: 'canvas' });
    window.addEventListener('resize', () => chart.resize());
    chart.on('click', params => onStage(params.data.stage));
  }
  const stages = comparison.stages;
  element.setAttribute('aria-label', t('compare.chartLabel', {
    stages: stages.map(s => `${stageName(s)} ${format.percent(s.targetConversion)} / ${format.percent(s.actualConversion)}`).join(', ')
  }));
  const weakestLabel = {
    show: true, position: 'top', color: WEAKEST_COLOR, fontWeight: 'bold',
    formatter: () => t('compare.weakestBadge')
  };
  chart.setOption({
    color: [IDEAL_COLOR, ACTUAL_COLOR],
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      valueFormatter: v => format.percent(v)
    },
    legend: { top: 0, data: [t('compare.ideal'), t('compare.actual')] },
    grid: { left: 48, right: 12, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: stages.map(stageName),
      axisLabel: { interval: 0, rotate: stages.length > 5 ? 30 : 0, width: 90, overflow: 'truncate' }
    },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => format.percent(v) } },
    series: [
      {
        name: t('compare.ideal'), type: 'bar', barGap: '10%',
        data: stages.map(s => ({ value: s.targetConversion, stage: s.stage }))
      },
      {
        name: t('compare.actual'), type: 'bar',
        data: stages.map(s => (isWeakest(comparison, s)
          ? { value: s.actualConversion, stage: s.stage, itemStyle: { color: WEAKEST_COLOR }, label: weakestLabel }
          : { value: s.actualConversion, stage: s.stage }))
      }
    ]
  }, true);
}

export function clearChart() {
  if (chart) {
    chart.clear();
  }
}
