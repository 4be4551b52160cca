/*
 * The impact preview of a candidate (POST /api/rules/preview): the verdicts that would change, in total, per gate
 * (process and the stage it leaves) and per blocking criterion, as tables and an ECharts bar chart; a figure lists
 * the example records behind it, each linked to its opportunity.
 */
import * as echarts from './echarts.js';
import { format, language, localName, t } from './i18n.js';
import { escape, opportunityLink } from './html.js';

const KINDS = ['passedToFailed', 'failedToPassed'];
let chart = null;
let preview = null;
let names = { processes: {}, stages: {} };
let drillFilter = null;

/** Stage and process names from GET /api/processes ({processes: [{key, name, stages: [{code, name}]}]}). */
export function setNames(processList) {
  names = { processes: {}, stages: {} };
  ((processList && processList.processes) || []).forEach(p => {
    names.processes[p.key] = p.name;
    (p.stages || []).forEach(s => { names.stages[p.key + '/' + s.code] = s.name; });
  });
}

function stageLabel(process, stage) {
  return localName(names.stages[process + '/' + stage], stage);
}

function processLabel(process) {
  return localName(names.processes[process], process);
}

export function current() {
  return preview;
}

export function clear() {
  preview = null;
  drillFilter = null;
  document.getElementById('impact').hidden = true;
}

export function show(answer) {
  preview = answer;
  drillFilter = null;
  const section = document.getElementById('impact');
  section.hidden = false;
  redraw();
}

export function redraw() {
  if (!preview) {
    return;
  }
  drawWindow();
  drawSummary();
  drawStages();
  drawCriteria();
  drawChart();
  drawExamples();
}

const DAY = 24 * 3600 * 1000;

function midnight(iso) {
  return new Date(iso).getTime() % DAY === 0;
}

/** Whole UTC days as dates (the last one included, as the window was asked), else the instants. */
function windowText() {
  const params = { candidate: preview.candidateVersion, active: preview.activeVersion, records: format.count(preview.recordsInWindow) };
  if (midnight(preview.from) && midnight(preview.to)) {
    const day = time => new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(time));
    return t('rules.windowDays', { ...params, from: day(preview.from), to: day(new Date(preview.to).getTime() - DAY) });
  }
  return t('rules.window', { ...params, from: format.dateTime(preview.from), to: format.dateTime(preview.to) });
}

function drawWindow() {
  document.getElementById('impact-window').textContent = windowText();
  const notice = document.getElementById('impact-notice');
  notice.hidden = !preview.notice;
  notice.textContent = preview.notice ? localName(preview.notice, '') : '';
}

function figure(value, attrs, label) {
  const text = format.count(value);
  if (!value) {
    return text;
  }
  return `<button type="button" class="figure" ${attrs} aria-label="${escape(label)}: ${text}">${text}</button>`;
}

function drawSummary() {
  const total = preview.total;
  const item = (key, value, drill) => `<div data-figure="${key}"><dt>${t('rules.' + key)}</dt><dd>${drill
    ? figure(value, `data-kind="${key}"`, t('rules.' + key)) : format.count(value)}</dd></div>`;
  document.getElementById('impact-summary').innerHTML = item('replayed', total.replayed) + item('unchanged', total.unchanged)
    + item('passedToFailed', total.passedToFailed, true) + item('failedToPassed', total.failedToPassed, true)
    + item('notReplayed', total.notReplayed);
}

function drawStages() {
  document.querySelector('#stage-table tbody').innerHTML = preview.stages.map(s => {
    const label = stageLabel(s.process, s.stage);
    const drill = kind => figure(s[kind], `data-kind="${kind}" data-process="${escape(s.process)}" data-stage="${escape(s.stage)}"`,
      `${label} · ${t('rules.' + kind)}`);
    return `<tr data-process="${escape(s.process)}" data-stage="${escape(s.stage)}">
      <th scope="row">${escape(label)} <small class="note">${escape(processLabel(s.process))}</small></th>
      <td class="num" data-figure="replayed">${format.count(s.replayed)}</td>
      <td class="num" data-figure="unchanged">${format.count(s.unchanged)}</td>
      <td class="num" data-figure="passedToFailed">${drill('passedToFailed')}</td>
      <td class="num" data-figure="failedToPassed">${drill('failedToPassed')}</td>
      <td class="num" data-figure="notReplayed">${format.count(s.notReplayed)}</td>
    </tr>`;
  }).join('') || `<tr><td colspan="6" class="note">${t('rules.noRecords')}</td></tr>`;
}

function drawCriteria() {
  document.querySelector('#criterion-table tbody').innerHTML = preview.criteria.map(c => {
    const drill = (count, kind) => figure(count, `data-criterion="${escape(c.code)}" data-change="${kind}"`,
      `${c.code} · ${t('rules.' + kind)}`);
    return `<tr data-criterion="${escape(c.code)}">
      <th scope="row"><code>${escape(c.code)}</code> ${escape(localName(c.message, ''))}</th>
      <td class="num" data-figure="newlyFailing">${drill(c.newlyFailing, 'newlyFailing')}</td>
      <td class="num" data-figure="noLongerFailing">${drill(c.noLongerFailing, 'noLongerFailing')}</td>
    </tr>`;
  }).join('') || `<tr><td colspan="3" class="note">${t('rules.noCriteria')}</td></tr>`;
}

function drawChart() {
  const element = document.getElementById('impact-chart');
  if (!chart) {
    chart = echarts.init(element, null, { renderer: 'canvas' });
    window.addEventListener('resize', () => chart.resize());
    chart.on('click', params => {
      const row = params.data && params.data.row;
      if (row && row.type === 'stage') {
        drill({ kind: KINDS[params.seriesIndex], process: row.process, stage: row.stage });
      } else if (row) {
        drill({ criterion: row.code, change: params.seriesIndex === 0 ? 'newlyFailing' : 'noLongerFailing' });
      }
    });
  }
  const rows = [
    ...preview.stages.map(s => ({ type: 'stage', label: stageLabel(s.process, s.stage), process: s.process, stage: s.stage,
      values: [s.passedToFailed, s.failedToPassed] })),
    ...preview.criteria.map(c => ({ type: 'criterion', label: c.code, code: c.code, values: [c.newlyFailing, c.noLongerFailing] }))
  ];
  element.style.height = Math.max(220, 60 + rows.length * 44) + 'px';
  chart.resize();
  element.setAttribute('aria-label', t('rules.chart') + ': ' + rows.map(r => `${r.label} ${format.count(r.values[0])} / ${format.count(r.values[1])}`).join(', '));
  const stageCount = preview.stages.length;
  chart.setOption({
    color: ['#a61b1b', '#1f7a3a'],
    legend: { top: 0, data: [t('rules.chart.worse'), t('rules.chart.better')] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category', inverse: true, data: rows.map(r => r.label),
      axisLabel: { formatter: (v, i) => (i < stageCount ? v : '◆ ' + v) }
    },
    series: [0, 1].map(i => ({
      name: i === 0 ? t('rules.chart.worse') : t('rules.chart.better'),
      type: 'bar',
      label: { show: true, position: 'right', formatter: p => (p.value ? format.count(p.value) : '') },
      data: rows.map(r => ({ value: r.values[i], row: r }))
    }))
  }, true);
}

/** Lists the example records of one figure: {kind, process?, stage?} or {criterion, change}. */
export function drill(filter) {
  drillFilter = filter;
  drawExamples();
  const section = document.getElementById('examples');
  section.scrollIntoView({ block: 'nearest' });
  section.focus();
}

export function drillAll() {
  drillFilter = null;
  drawExamples();
}

function examplesOf(filter) {
  const all = KINDS.flatMap(kind => (preview.examples[kind] || []).map(e => ({ ...e, kind })));
  if (!filter) {
    return all;
  }
  if (filter.criterion) {
    return all.filter(e => (e[filter.change] || []).includes(filter.criterion));
  }
  return all.filter(e => e.kind === filter.kind && (!filter.stage || (e.stage === filter.stage && e.process === filter.process)));
}

function heading(filter, count) {
  if (!filter) {
    return t('rules.examples', { count: format.count(count) });
  }
  if (filter.criterion) {
    return t('rules.examplesOfCriterion', { code: filter.criterion, change: t('rules.' + filter.change), count: format.count(count) });
  }
  const where = filter.stage ? stageLabel(filter.process, filter.stage) : t('rules.allStages');
  return t('rules.examplesOf', { where, change: t('rules.' + filter.kind), count: format.count(count) });
}

function verdict(v) {
  return t('rules.verdict.' + v);
}

function drawExamples() {
  const list = examplesOf(drillFilter);
  const headingElement = document.getElementById('examples-heading');
  headingElement.textContent = heading(drillFilter, list.length);
  headingElement.dataset.total = String(list.length);
  document.getElementById('examples-all').hidden = !drillFilter;
  document.getElementById('examples-note').textContent = t('rules.examplesNote', { count: format.count(preview.exampleLimit || 0) });
  document.querySelector('#examples-table tbody').innerHTML = list.map(e => `
    <tr data-code="${escape(e.opportunityCode)}" data-kind="${e.kind}" data-record="${e.recordId}">
      <td>${opportunityLink(e.opportunityCode)}</td>
      <td>${escape(stageLabel(e.process, e.stage))}</td>
      <td>${escape(verdict(e.recordedVerdict))}${e.recordedVerdict !== e.oldVerdict ? ` (${escape(verdict(e.oldVerdict))})` : ''}
        → <strong class="${e.kind}">${escape(verdict(e.newVerdict))}</strong></td>
      <td>${[...(e.newlyFailing || []).map(c => `<span class="newly">+${escape(c)}</span>`),
        ...(e.noLongerFailing || []).map(c => `<span class="gone">−${escape(c)}</span>`)].join(' ')}</td>
      <td>${format.dateTime(e.evaluatedAt)}</td>
    </tr>`).join('') || `<tr><td colspan="5" class="note">${t('rules.noExamples')}</td></tr>`;
}
