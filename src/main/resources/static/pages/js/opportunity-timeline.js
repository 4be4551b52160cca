/*
 * The opportunity's stage timeline (GET /api/opportunities/{code}/stages): a table of every stage it was in,
 * entered and left when and how, and the same as ECharts bars along time, one row per visit.
 */
import * as echarts from './echarts.js';
import { format, localName, t } from './i18n.js';
import { escape, tableRows } from './html.js';

const DAY = 86_400_000;
const COLORS = { GATE_PASSED: '#1b7a3a', EXCEPTION: '#c98a00', ADVANCED: '#5b6573', LOST: '#a61b1b', MOVED: '#a61b1b',
  IN_STAGE: '#0b5cad' };
let chart = null;

function days(visit, now) {
  const end = visit.leftAt ? new Date(visit.leftAt) : now;
  return (end - new Date(visit.enteredAt)) / DAY;
}

function entryNote(visit) {
  return visit.entry === 'FIRST' || visit.entry === 'NEXT' ? '' : `<small>${t('opportunity.entry.' + visit.entry)}</small>`;
}

export function drawTable(tbody, visits, now = new Date()) {
  tbody.innerHTML = tableRows(visits, (v, i) => `
    <tr data-stage="${escape(v.stage)}" data-how="${v.how}" data-entry="${v.entry}">
      <td class="num">${i + 1}</td>
      <th scope="row">${escape(localName(v.name, v.stage))}${(v.reassignments || []).map(r =>
        `<small data-reassigned-to="${escape(r.toOwner)}">${escape(t('opportunity.handedTo', { from: r.fromOwner, to: r.toOwner }))}</small>`)
        .join('')}</th>
      <td>${format.dateTime(v.enteredAt)}${entryNote(v)}</td>
      <td>${v.leftAt ? format.dateTime(v.leftAt) : '–'}</td>
      <td class="verdict how-${v.how}">${t('opportunity.how.' + v.how)}${v.source === 'IMPORT' ? `<small>${t('opportunity.imported')}</small>` : ''}</td>
      <td data-by="${escape(v.by || '')}">${escape(v.by || '–')}${v.how === 'EXCEPTION' && v.requestedBy
        ? `<small>${escape(t('opportunity.askedBy', { who: v.requestedBy }))}</small>` : ''}${v.how === 'MOVED' && v.by
        ? `<small>${t('opportunity.movedBy')}</small>` : ''}</td>
      <td class="num">${format.days(days(v, now))}</td>
      <td>${(v.gateRecordIds || []).map(id => `<a href="#gate-${id}"${id === v.gateRecordId ? ' class="allowing"' : ''}>#${id}</a>`)
        .join(' ') || '–'}</td>
    </tr>`, 8, t('opportunity.noStages'));
}

/** Dates on the time axis as fine as the timeline is long: seconds for minutes, days for months. */
function axisFormat(span) {
  if (span < 3_600_000) {
    return { timeStyle: 'medium' };
  }
  return span < 3 * DAY ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'medium' };
}

/** One bar per visit from its entry to its exit (or now), coloured by how it was left. */
export function drawChart(element, visits, now = new Date()) {
  element.hidden = !visits.length;
  if (!visits.length) {
    return;
  }
  if (!chart) {
    chart = echarts.init(element, null, { renderer: 'canvas' });
    window.addEventListener('resize', () => chart.resize());
  }
  const start = Math.min(...visits.map(v => new Date(v.enteredAt).getTime()));
  const rows = visits.map((v, i) => `${i + 1}. ${localName(v.name, v.stage)}`);
  element.style.height = Math.max(160, 50 + visits.length * 30) + 'px';
  chart.resize();
  element.setAttribute('aria-label', t('opportunity.chart') + ': ' + visits.map((v, i) =>
    `${rows[i]} ${t('opportunity.how.' + v.how)}, ${format.days(days(v, now))} ${t('opportunity.days')}`).join('; '));
  const end = Math.max(...visits.map(v => (v.leftAt ? new Date(v.leftAt) : now).getTime()));
  const dateOf = ms => new Intl.DateTimeFormat(document.documentElement.lang, axisFormat(end - start)).format(new Date(start + ms));
  chart.setOption({
    grid: { left: 8, right: 48, top: 12, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: p => p.seriesIndex === 1 ? `${escape(rows[p.dataIndex])}<br>`
      + `${escape(t('opportunity.how.' + visits[p.dataIndex].how))} · ${format.days(p.value / DAY)} ${escape(t('opportunity.days'))}` : '' },
    xAxis: { type: 'value', min: 0, axisLabel: { formatter: dateOf, hideOverlap: true } },
    yAxis: { type: 'category', inverse: true, data: rows },
    series: [
      { type: 'bar', stack: 'time', silent: true, itemStyle: { color: 'transparent' },
        data: visits.map(v => new Date(v.enteredAt).getTime() - start) },
      { type: 'bar', stack: 'time', barMaxWidth: 18,
        data: visits.map(v => ({ value: Math.max((v.leftAt ? new Date(v.leftAt) : now).getTime() - new Date(v.enteredAt).getTime(), 1),
          itemStyle: { color: COLORS[v.how] || '#0b5cad' } })) }
    ]
  }, true);
}
