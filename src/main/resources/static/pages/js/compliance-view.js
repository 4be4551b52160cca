/*
 * Draws the compliance page's parts: the audit chain's status, the pass rates per rep and per criterion (ECharts
 * bars and tables), the violations with their evidence and the exceptions with their outcome.
 */
import * as echarts from './echarts.js';
import { format, half, localName, t } from './i18n.js';
import { escape, opportunityLink } from './html.js';

const charts = {};

/** The stage's bilingual name from GET /api/processes, its code if not modelled. */
export function stageLabel(names, process, stage) {
  return localName(names[process + '/' + stage], stage);
}

export function drawChain(section, verification) {
  const status = section.querySelector('#chain-status');
  section.dataset.valid = String(verification.valid);
  if (verification.valid) {
    status.textContent = t('compliance.chainIntact', { checked: format.count(verification.checked) });
  } else {
    const broken = verification.firstBroken || {};
    status.textContent = t(broken.id == null ? 'compliance.chainBrokenEnd' : 'compliance.chainBroken',
        { id: broken.id, seq: broken.seq, checked: format.count(verification.checked) });
    const reason = document.createElement('small');
    reason.className = 'chain-reason';
    reason.textContent = t('compliance.chainReason', { reason: half(broken.reason || '') });
    status.append(document.createElement('br'), reason);
  }
  status.dataset.checked = String(verification.checked);
  drawPending(section, verification.pending || { count: 0 });
}

/** The records committed but not sealed yet: the chain does not cover them; long unsealed is a finding. */
function drawPending(section, pending) {
  let line = section.querySelector('#chain-pending');
  if (!line) {
    line = document.createElement('p');
    line.id = 'chain-pending';
    line.className = 'chain-pending';
    section.append(line);
  }
  line.hidden = !pending.count;
  line.dataset.count = String(pending.count || 0);
  line.dataset.overdue = String(Boolean(pending.overdue));
  line.textContent = pending.count ? t(pending.overdue ? 'compliance.chainPendingOverdue' : 'compliance.chainPending',
      { count: format.count(pending.count), id: pending.oldestId, seconds: format.count(pending.oldestSeconds || 0) }) : '';
}

export function drawTotals(dl, totals) {
  const item = (key, figure, value) => `<div data-figure="${figure}"><dt>${t(key)}</dt><dd>${value}</dd></div>`;
  dl.innerHTML = item('compliance.evaluations', 'evaluations', format.count(totals.evaluations))
      + item('compliance.passRate', 'passRate', format.percent(totals.passRate))
      + item('compliance.exceptions', 'exceptions', format.count(totals.exceptions))
      + item('compliance.violations', 'violations', format.count(totals.violations));
}

function figure(value, attrs, label) {
  return value ? `<button type="button" class="figure" ${attrs} aria-label="${escape(label)}">${format.count(value)}</button>`
    : format.count(value);
}

export function drawOwnerTable(tbody, groups) {
  tbody.innerHTML = groups.length ? groups.map(g => `
    <tr data-key="${escape(g.key)}">
      <th scope="row">${escape(g.key || t('compliance.noOwner'))}</th>
      <td class="num" data-figure="evaluations">${format.count(g.evaluations)}</td>
      <td class="num" data-figure="passed">${format.count(g.passed)}</td>
      <td class="num" data-figure="failed">${format.count(g.failed)}</td>
      <td class="num" data-figure="passRate">${format.percent(g.passRate)}</td>
      <td class="num" data-figure="exceptions">${figure((g.exceptions || {}).count || 0,
        `data-list="exceptions" data-owner="${escape(g.key)}"`, `${g.key} · ${t('compliance.exceptions')}`)}</td>
      <td class="num" data-figure="violations">${figure(g.violations,
        `data-list="violations" data-owner="${escape(g.key)}"`, `${g.key} · ${t('compliance.violations')}`)}</td>
    </tr>`).join('') : `<tr><td colspan="7">${t('compliance.none')}</td></tr>`;
}

export function drawCriterionTable(tbody, groups, names) {
  tbody.innerHTML = groups.length ? groups.map(g => `
    <tr data-key="${escape(g.key)}">
      <th scope="row">${escape(g.key)}<small>${escape(localName(g.name, ''))}</small></th>
      <td>${escape(stageLabel(names, g.process, g.stage))}</td>
      <td class="num" data-figure="evaluations">${format.count(g.evaluations)}</td>
      <td class="num" data-figure="failed">${format.count(g.failed)}</td>
      <td class="num" data-figure="passRate">${format.percent(g.passRate)}</td>
      <td class="num" data-figure="exceptions">${figure((g.exceptions || {}).count || 0,
        `data-list="exceptions" data-criterion="${escape(g.key)}"`, `${g.key} · ${t('compliance.exceptions')}`)}</td>
    </tr>`).join('') : `<tr><td colspan="6">${t('compliance.none')}</td></tr>`;
}

/** A horizontal bar per group: its pass rate; a click on a bar calls onBar(key). */
export function drawRateChart(element, id, title, groups, onBar) {
  if (!charts[id]) {
    charts[id] = echarts.init(element, null, { renderer: 'canvas' });
    window.addEventListener('resize', () => charts[id].resize());
    charts[id].on('click', params => onBar(params.data.key));
  }
  const shown = groups.filter(g => g.passRate != null);
  element.setAttribute('aria-label', title + ': '
      + shown.map(g => `${g.key} ${format.percent(g.passRate)}`).join(', '));
  const height = Math.max(160, 60 + shown.length * 28);
  element.style.height = height + 'px';
  charts[id].resize();
  charts[id].setOption({
    title: { text: title, left: 0, textStyle: { fontSize: 14, fontWeight: 600 } },
    grid: { left: 8, right: 56, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: p => `${escape(p.name)}: ${format.percent(p.value)}` },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => format.percent(v) } },
    yAxis: { type: 'category', inverse: true, data: shown.map(g => g.key) },
    series: [{
      type: 'bar',
      barMaxWidth: 20,
      label: { show: true, position: 'right', formatter: p => format.percent(p.value) },
      data: shown.map(g => ({ value: g.passRate, key: g.key,
        itemStyle: { color: g.passRate >= 0.8 ? '#1b7a3a' : g.passRate >= 0.5 ? '#0b5cad' : '#a61b1b' } }))
    }]
  }, true);
}

function operationText(operation) {
  if (!operation) {
    return t('compliance.noOperation');
  }
  return t('compliance.operation', { type: operation.type, user: operation.userId || '?', at: format.dateTime(operation.at) });
}

export function drawViolations(tbody, violations, names) {
  tbody.innerHTML = violations.length ? violations.map(v => `
    <tr data-code="${escape(v.opportunityCode)}" data-interval="${v.intervalId}">
      <td>${opportunityLink(v.opportunityCode)}</td>
      <td>${escape(stageLabel(names, v.processKey, v.stage))}
        <small>${v.previousStage ? escape(t('compliance.after', { stage: stageLabel(names, v.processKey, v.previousStage) })) : ''}</small></td>
      <td>${format.dateTime(v.enteredAt)}</td>
      <td class="kind">${escape(t('compliance.kind.' + v.kind))}</td>
      <td>${escape(v.owner)}<small>${escape(v.orgUnit)}</small></td>
      <td class="evidence">${escape(localName(v.explanation, ''))}<small>${escape(operationText(v.operation))}</small></td>
    </tr>`).join('') : `<tr><td colspan="6">${t('compliance.noViolations')}</td></tr>`;
}

export function drawExceptionSummary(dl, summary) {
  const item = (key, figure, value) => `<div data-figure="${figure}"><dt>${t(key)}</dt><dd>${value}</dd></div>`;
  dl.innerHTML = item('compliance.won', 'won', format.count(summary.won))
      + item('compliance.lost', 'lost', format.count(summary.lost))
      + item('compliance.open', 'open', format.count(summary.open))
      + item('compliance.winRate', 'winRate', format.percent(summary.winRate));
}

export function drawExceptions(tbody, exceptions) {
  tbody.innerHTML = exceptions.length ? exceptions.map(e => `
    <tr data-code="${escape(e.opportunityCode)}" data-record="${e.gateRecordId}">
      <td>${opportunityLink(e.opportunityCode)}<small>${escape(e.opportunityName)}</small></td>
      <td>${escape(localName(e.stageName, e.stage))}</td>
      <td><ul class="criteria">${(e.failedCriteria || []).map(c =>
        `<li><strong>${escape(c.code)}</strong> ${escape(localName(c.message, ''))}</li>`).join('')}</ul></td>
      <td>${escape(e.requestedBy || '–')}<small>${format.dateTime(e.requestedAt)}</small><small>${escape(e.requestReason)}</small></td>
      <td>${escape(e.approvedBy)}<small>${format.dateTime(e.approvedAt)}</small><small>${escape(e.approvalReason)}</small></td>
      <td data-outcome="${escape(e.outcome)}">${escape(t('compliance.outcome.' + e.outcome))}
        <small>${e.outcome === 'OPEN' ? escape(e.currentStage) : format.dateTime(e.closedAt)}</small></td>
    </tr>`).join('') : `<tr><td colspan="6">${t('compliance.noExceptions')}</td></tr>`;
}
