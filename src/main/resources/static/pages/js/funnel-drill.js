/*
 * The opportunities behind a figure: GET /api/opportunities with the figure's stage and status (and the owner
 * filter). The list is today's state within what the user may see; the API has no period or org-unit filter.
 */
import { format, t } from './i18n.js';
import { api } from './session.js';
import { DRILLABLE } from './funnel-view.js';
import { escape, opportunityLink } from './html.js';

const SHOWN = 100;
let lastDrill = null;

function row(o) {
  return `<tr data-code="${escape(o.code)}">
    <td>${opportunityLink(o.code)}</td><td>${escape(o.name)}</td><td>${escape(o.customer && o.customer.name)}</td>
    <td>${escape(o.owner)}</td><td>${escape(o.orgUnit)}</td><td>${escape(o.stage)}</td>
    <td class="num">${format.money(o.amount, o.currency)}</td><td>${format.dateTime(o.updatedAt)}</td></tr>`;
}

/** Lists the opportunities of {figure} ('open', 'lost', 'won'), in {stage} if given (with its shown name). */
export async function drill({ figure, stage, stageLabel, filters }) {
  lastDrill = { figure, stage, stageLabel, filters };
  const query = new URLSearchParams({ status: DRILLABLE[figure], size: String(SHOWN) });
  if (stage) {
    query.set('stage', stage);
  }
  if (filters.owner) {
    query.set('owner', filters.owner);
  }
  const page = await api('/api/opportunities?' + query);
  render(page);
  const section = document.getElementById('drill');
  section.hidden = false;
  section.focus();
}

function render(page) {
  const { figure, stageLabel, filters } = lastDrill;
  const total = page.page ? page.page.totalElements : page.content.length;
  const params = { stage: stageLabel, figure: t('funnel.' + figure), count: format.count(total) };
  document.getElementById('drill-heading').textContent = t(stageLabel ? 'drill.heading' : 'drill.headingAll', params);
  document.getElementById('drill-heading').dataset.total = String(total);
  const notes = [];
  if (filters.from || filters.to || filters.orgUnit || filters.groupBy) {
    notes.push(t('drill.note'));
  }
  if (total > page.content.length) {
    notes.push(t('drill.shown', { shown: format.count(page.content.length), total: format.count(total) }));
  }
  document.getElementById('drill-note').textContent = notes.join(' ');
  document.querySelector('#drill-table tbody').innerHTML = page.content.length
      ? page.content.map(row).join('') : `<tr><td colspan="8">${t('drill.empty')}</td></tr>`;
  lastDrill.page = page;
}

/** Redraws the open list in the current language. */
export function redrawDrill(stageLabelOf) {
  if (lastDrill && lastDrill.page && !document.getElementById('drill').hidden) {
    if (lastDrill.stage) {
      lastDrill.stageLabel = stageLabelOf(lastDrill.stage);
    }
    render(lastDrill.page);
  }
}

export function closeDrill() {
  document.getElementById('drill').hidden = true;
  lastDrill = null;
}

