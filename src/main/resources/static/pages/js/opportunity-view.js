/*
 * Draws what the opportunity page shows besides its timeline: the facts (GET /api/opportunities/{code}), its
 * reassignments, every gate record with its verdict and criteria, the gate exceptions and the logged activities.
 */
import { format, localName, t } from './i18n.js';
import { escape, tableRows } from './html.js';

const dash = '–';

function enumText(prefix, value) {
  return value == null ? dash : t(prefix + value);
}

function yesNo(value) {
  return value == null ? dash : t(value ? 'opportunity.yes' : 'opportunity.no');
}

function dateOnly(iso) {
  return iso ? new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'medium' })
    .format(new Date(iso + 'T00:00:00')) : dash;
}

export function statusText(o) {
  if (o.status === 'LOST' && o.lost) {
    const reason = t('opportunity.loss.' + o.lost.reason);
    return t('opportunity.status.LOST') + ' · ' + (o.lost.competitor ? `${reason} (${o.lost.competitor})` : reason);
  }
  return t('opportunity.status.' + o.status);
}

export function drawFacts(dl, o, stageLabel, processLabel) {
  const budget = o.budget && o.budget.amount != null
    ? `${format.money(o.budget.amount, o.budget.currency)} · ${enumText('opportunity.budget.', o.budget.status)}`
    : enumText('opportunity.budget.', o.budget && o.budget.status);
  const facts = [
    ['code', escape(o.code)],
    ['name', escape(o.name || dash)],
    ['customer', escape((o.customer && o.customer.name) || dash)],
    ['status', escape(statusText(o))],
    ['stage', escape(o.status === 'OPEN' ? stageLabel(o.process, o.stage) : (o.stage ? stageLabel(o.process, o.stage) : dash))],
    ['process', escape(processLabel(o.process))],
    ['owner', escape(o.owner)],
    ['orgUnit', escape(o.orgUnit)],
    ['region', escape(o.region || dash)],
    ['amount', format.money(o.amount, o.currency)],
    ['expectedCloseDate', dateOnly(o.expectedCloseDate)],
    ['customerType', enumText('opportunity.customerType.', o.customerType)],
    ['projectType', enumText('opportunity.projectType.', o.projectType)],
    ['needConfirmed', yesNo(o.needConfirmed)],
    ['budget', escape(budget)],
    ['vendorStatus', enumText('opportunity.vendorStatus.', o.vendorStatus)],
    ['contractSigned', yesNo(o.contract && o.contract.signed)],
    ['createdAt', format.dateTime(o.createdAt)],
    ['updatedAt', format.dateTime(o.updatedAt)],
    ['closedAt', format.dateTime(o.closedAt)]
  ];
  dl.innerHTML = facts.map(([key, value]) =>
    `<div data-fact="${key}"><dt>${t('opportunity.fact.' + key)}</dt><dd>${value}</dd></div>`).join('');
}

function criteriaList(record) {
  const failures = record.failures || [];
  const warnings = record.warnings || [];
  if (!failures.length && !warnings.length) {
    return `<span class="all-met">${t('opportunity.allMet')}</span>`;
  }
  const item = (c, mark, key) => `<li data-criterion="${escape(c.code)}" data-result="${key}">${mark} <strong>${escape(c.code)}</strong>
    ${escape(localName(c.message, ''))} <small>${t('opportunity.criterion.' + key)}</small></li>`;
  return `<ul class="criteria">${failures.map(c => item(c, '✗', c.blocking ? 'failed' : 'warning')).join('')}${
    warnings.map(c => item(c, '⚠', 'warning')).join('')}</ul>`;
}

export function drawGateRecords(tbody, records, stageLabel) {
  tbody.innerHTML = tableRows(records, r => `
    <tr id="gate-${r.id}" data-record="${r.id}" data-verdict="${r.verdict}">
      <td class="num">${r.id}</td>
      <td>${escape(stageLabel(r.process, r.stage))}</td>
      <td class="verdict verdict-${r.verdict}">${t('opportunity.verdict.' + r.verdict)}</td>
      <td>${criteriaList(r)}</td>
      <td><code>${escape(r.rulesVersion)}</code></td>
      <td>${escape(r.requestedBy)}${r.approvedBy ? `<small>${escape(t('opportunity.approvedBy', { who: r.approvedBy }))}</small>
        <small>${escape(r.overrideReason)}</small>` : ''}</td>
      <td>${format.dateTime(r.evaluatedAt)}</td>
    </tr>`, 7, t('opportunity.noGateRecords'));
}

export function drawExceptions(tbody, exceptions, stageLabel, process) {
  tbody.innerHTML = tableRows(exceptions, e => `
    <tr data-exception="${e.id}" data-status="${e.status}">
      <td class="num">${e.id}</td>
      <td>${escape(stageLabel(process, e.stage))}</td>
      <td class="verdict">${t('opportunity.exception.' + e.status)}</td>
      <td><ul class="criteria">${(e.failures || []).map(c =>
        `<li><strong>${escape(c.code)}</strong> ${escape(localName(c.message, ''))}</li>`).join('')}</ul>
        <small><a href="#gate-${e.failedGateRecordId}">${t('opportunity.failedRecord', { id: e.failedGateRecordId })}</a></small></td>
      <td>${escape(e.requestedBy)}<small>${format.dateTime(e.requestedAt)}</small><small>${escape(e.requestReason)}</small></td>
      <td>${e.decidedBy ? `${escape(e.decidedBy)}<small>${format.dateTime(e.decidedAt)}</small><small>${escape(e.decisionReason)}</small>`
        : t('opportunity.undecided')}</td>
    </tr>`, 6, t('opportunity.noExceptions'));
}

export function drawActivities(tbody, activities, stageLabel, process) {
  tbody.innerHTML = tableRows(activities, a => `
    <tr data-activity="${a.id}">
      <td>${dateOnly(a.date)}</td>
      <td>${t('opportunity.activity.' + a.type)}</td>
      <td>${escape(a.contact || dash)}${a.decisionMaker ? `<small>${t('opportunity.decisionMaker')}</small>` : ''}</td>
      <td>${escape(a.stage ? stageLabel(process, a.stage) : dash)}</td>
      <td>${escape(a.note || '')}</td>
      <td>${escape(a.recordedBy)}<small>${format.dateTime(a.recordedAt)}</small></td>
    </tr>`, 6, t('opportunity.noActivities'));
}

export function drawReassignments(tbody, reassignments) {
  tbody.innerHTML = tableRows(reassignments, r => `
    <tr data-reassignment="${r.id}">
      <td class="num">${r.id}</td>
      <td>${escape(r.fromOwner)}<small>${escape(r.fromOrgUnit)}</small></td>
      <td>${escape(r.toOwner)}<small>${escape(r.toOrgUnit)}</small></td>
      <td>${escape(r.reason)}${r.batchId ? `<small>${t('opportunity.bulkReassignment')}</small>` : ''}</td>
      <td>${escape(r.reassignedBy)}<small>${format.dateTime(r.reassignedAt)}</small></td>
    </tr>`, 5, t('opportunity.noReassignments'));
}
