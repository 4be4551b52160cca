/* Draws one slice of a funnel report: the ECharts funnel of entries per stage and the table of figures. */
import { format, localName, t } from './i18n.js';
import { escape } from './html.js';

/** A stage's figures, each listed by GET /api/funnel/entries (the stage entries it counts). */
export const STAGE_FIGURES = ['entered', 'advanced', 'lost', 'open'];

let chart = null;

export function stageName(stage) {
  return localName(stage.name, stage.stage);
}

export function groupLabel(key) {
  if (key === 'all') {
    return t('funnel.group.all');
  }
  return key === '' ? t('funnel.group.empty') : key;
}

function figureCell(stage, figure) {
  const value = format.count(stage[figure]);
  if (!stage[figure]) {
    return `<td class="num" data-figure="${figure}">${value}</td>`;
  }
  return `<td class="num" data-figure="${figure}"><button type="button" class="figure" data-stage="${stage.stage}"
      data-figure="${figure}" aria-label="${escape(stageName(stage))} · ${t('funnel.' + figure)}: ${value}">${value}</button></td>`;
}

export function drawTable(tbody, group) {
  tbody.innerHTML = group.stages.map(stage => `
    <tr data-stage="${stage.stage}">
      <th scope="row">${escape(stageName(stage))}</th>
      ${STAGE_FIGURES.map(figure => figureCell(stage, figure)).join('')}
      <td class="num" data-figure="conversionRate">${format.percent(stage.conversionRate)}</td>
      <td class="num" data-figure="medianDwellDays">${format.days(stage.medianDwellDays)}</td>
      <td class="num" data-figure="p90DwellDays">${format.days(stage.p90DwellDays)}</td>
    </tr>`).join('');
}

export function drawSummary(dl, group) {
  const item = (key, figure, value, drill) => `<div data-figure="${figure}"><dt>${t(key)}</dt><dd>${drill && group[figure]
      ? `<button type="button" class="figure" data-figure="${figure}" aria-label="${t(key)}: ${value}">${value}</button>` : value}</dd></div>`;
  dl.innerHTML = item('funnel.won', 'won', format.count(group.won), true)
      + item('funnel.lost', 'lost', format.count(group.lost), true)
      + item('funnel.open', 'open', format.count(group.open), true)
      + item('funnel.winRate', 'winRate', format.percent(group.winRate), false);
}

/**
 * Draws the chart once ECharts has loaded: imported here, not at the top, so that the page's figures need not
 * wait for the library (the page links it as a modulepreload, so it loads beside the figures).
 */
export async function drawChart(element, group, onStage) {
  const echarts = await import('./echarts.js');
  if (!chart) {
    chart = echarts.init(element, null, { renderer: 'canvas' });
    window.addEventListener('resize', () => chart.resize());
    chart.on('click', params => onStage(params.data.stage));
  }
  element.setAttribute('aria-label', t('funnel.chart', { group: groupLabel(group.key) }) + ': '
      + group.stages.map(s => `${stageName(s)} ${format.count(s.entered)}`).join(', '));
  chart.setOption({
    color: ['#0b3d7a', '#0b4f9c', '#0b5cad', '#1668b8', '#2274c2', '#2f7fcb', '#3b88d2'],
    tooltip: { trigger: 'item', formatter: p => `${escape(p.name)}: ${format.count(p.value)}` },
    series: [{
      type: 'funnel',
      sort: 'none',
      top: 16,
      bottom: 16,
      left: '5%',
      width: '90%',
      // wide enough for a stage's name even where few entered: the number, not the width, is the figure
      minSize: '30%',
      gap: 2,
      // the number inside; the stage's name is in the tooltip and beside it in the table (too long for narrow bars)
      label: { show: true, position: 'inside', color: '#fff', textBorderWidth: 0, formatter: p => format.count(p.value) },
      data: group.stages.map(s => ({ name: stageName(s), value: s.entered, stage: s.stage }))
    }]
  }, true);
}
