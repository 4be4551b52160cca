/* Draws the warnings: the count of each kind (a button that shows only that kind) and the table. */
import { format, localName, t } from './i18n.js';
import { escape, opportunityLink, taskHref } from './html.js';
import { KINDS } from './warnings-filters.js';

export function drawCounts(ul, warnings, chosen) {
  const count = kind => warnings.filter(w => !kind || w.kind === kind).length;
  const item = (kind, label) => `<li><button type="button" class="kind-filter" data-kind="${kind}" aria-pressed="${kind === chosen}"
      aria-label="${escape(t('warnings.countLabel', { kind: label, count: format.count(count(kind)) }))}">${escape(label)}<span
      class="count" data-count="${count(kind)}">${format.count(count(kind))}</span></button></li>`;
  ul.innerHTML = item('', t('warnings.countAll')) + KINDS.map(k => item(k, t('warnings.kind.' + k))).join('');
}

function taskCell(w) {
  if (!w.taskId) {
    return `<td class="note">${t('warnings.noTask')}</td>`;
  }
  return `<td><a class="task-link" href="${escape(taskHref(w.taskId))}" data-task="${escape(w.taskId)}"
      aria-label="${escape(t('warnings.openTaskLabel', { code: w.opportunity }))}">${t('warnings.openTask')}</a></td>`;
}

export function drawTable(tbody, caption, shown) {
  caption.textContent = t('warnings.caption', { count: format.count(shown.length) });
  caption.dataset.count = String(shown.length);
  tbody.innerHTML = shown.length ? shown.map(w => `
    <tr data-code="${escape(w.opportunity)}" data-kind="${w.kind}" data-stage="${escape(w.stage)}">
      <td><span class="kind kind-${w.kind}">${t('warnings.kind.' + w.kind)}</span></td>
      <td>${opportunityLink(w.opportunity)}</td>
      <td class="stage">${escape(localName(w.stageName, w.stage))}</td>
      <td class="message-text">${escape(localName(w.message, ''))}</td>
      <td class="when">${format.dateTime(w.at)}</td>
      <td class="num">${w.daysInStage == null ? '–' : format.count(w.daysInStage)}</td>
      <td>${escape(w.owner)}</td>
      <td class="unit">${escape(w.orgUnit)}</td>
      ${taskCell(w)}
    </tr>`).join('') : `<tr><td colspan="9">${t('warnings.empty')}</td></tr>`;
}
