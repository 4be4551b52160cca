/*
 * The opportunities behind a figure. A stage's figure lists its stage entries through GET /api/funnel/entries with
 * the page's filters and slice, so the list holds as many as the figure; the won / lost / open totals list today's
 * opportunities of that status through GET /api/opportunities (owner filter only).
 */
import { format, t } from './i18n.js';
import { api } from './session.js';
import { TOTAL_STATUS } from './funnel-view.js';
import { escape, opportunityLink } from './html.js';

const SHOWN = 100;
const ENTRY_PARAMS = ['process', 'from', 'to', 'owner', 'orgUnit', 'groupBy'];
let lastDrill = null;

const COLUMNS = {
  entries: ['code', 'name', 'customer', 'owner', 'orgUnit', 'enteredAt', 'leftAt', 'currentStage', 'amount'],
  opportunities: ['code', 'name', 'customer', 'owner', 'orgUnit', 'stage', 'amount', 'updated']
};

function cells(o, kind) {
  const common = `<td>${opportunityLink(o.code)}</td><td>${escape(o.name)}</td>
    <td>${escape(kind === 'entries' ? o.customer : o.customer && o.customer.name)}</td>
    <td>${escape(o.owner)}</td><td>${escape(o.orgUnit)}</td>`;
  if (kind === 'entries') {
    const left = o.leftAt ? `${format.dateTime(o.leftAt)} · ${escape(t('drill.outcome.' + (o.outcome || 'LEFT')))}` : '–';
    return common + `<td>${format.dateTime(o.enteredAt)}</td><td>${left}</td>
      <td>${escape(o.currentStage)} · ${escape(t('drill.status.' + o.status))}</td>
      <td class="num">${format.money(o.amount, o.currency)}</td>`;
  }
  return common + `<td>${escape(o.stage)}</td><td class="num">${format.money(o.amount, o.currency)}</td>
    <td>${format.dateTime(o.updatedAt)}</td>`;
}

/** GET /api/funnel/entries of a stage's figure with the page's filters and shown slice (as an export if given). */
export function entriesPath(filters, stage, figure, exportFormat) {
  const query = new URLSearchParams({ stage, figure });
  ENTRY_PARAMS.forEach(name => { if (filters[name]) query.set(name, filters[name]); });
  if (filters.groupBy) {
    query.set('group', filters.group);
  }
  query.set(exportFormat ? 'format' : 'size', exportFormat || String(SHOWN));
  return '/api/funnel/entries?' + query;
}

/**
 * Lists the opportunities behind {figure}: of a stage ('entered', 'advanced', 'lost', 'open', with the stage's
 * shown name), or a total ('won', 'lost', 'open') without a stage. {filters.group} is the slice shown.
 */
export async function drill({ figure, stage, stageLabel, filters }) {
  let page;
  if (stage) {
    const entries = await api(entriesPath(filters, stage, figure));
    page = { kind: 'entries', content: entries.content, total: entries.total };
  } else {
    const query = new URLSearchParams({ status: TOTAL_STATUS[figure], size: String(SHOWN) });
    if (filters.owner) {
      query.set('owner', filters.owner);
    }
    const list = await api('/api/opportunities?' + query);
    page = { kind: 'opportunities', content: list.content, total: list.page ? list.page.totalElements : list.content.length };
  }
  lastDrill = { figure, stage, stageLabel, filters, page };
  render();
  const section = document.getElementById('drill');
  section.dataset.figure = figure;
  section.hidden = false;
  section.focus();
}

function render() {
  const { figure, stage, stageLabel, filters, page } = lastDrill;
  const params = { stage: stageLabel, figure: t('funnel.' + figure), count: format.count(page.total) };
  const heading = document.getElementById('drill-heading');
  heading.textContent = t(stage ? 'drill.heading' : 'drill.headingAll', params);
  heading.dataset.total = String(page.total);
  const notes = [];
  if (!stage && (filters.from || filters.to || filters.orgUnit || filters.groupBy)) {
    notes.push(t('drill.note'));
  }
  if (page.total > page.content.length) {
    notes.push(t('drill.shown', { shown: format.count(page.content.length), total: format.count(page.total) }));
  }
  document.getElementById('drill-note').textContent = notes.join(' ');
  const exports = document.getElementById('drill-exports');
  exports.hidden = !stage;
  if (stage) {
    document.getElementById('drill-csv').href = entriesPath(filters, stage, figure, 'csv');
    document.getElementById('drill-xlsx').href = entriesPath(filters, stage, figure, 'xlsx');
  }
  const columns = COLUMNS[page.kind];
  document.querySelector('#drill-table thead tr').innerHTML = columns
      .map(c => `<th scope="col"${c === 'amount' ? ' class="num"' : ''}>${escape(t('drill.' + c))}</th>`).join('');
  document.querySelector('#drill-table tbody').innerHTML = page.content.length
      ? page.content.map(o => `<tr data-code="${escape(o.code)}">${cells(o, page.kind)}</tr>`).join('')
      : `<tr><td colspan="${columns.length}">${t('drill.empty')}</td></tr>`;
}

/** Redraws the open list in the current language. */
export function redrawDrill(stageLabelOf) {
  if (lastDrill && !document.getElementById('drill').hidden) {
    if (lastDrill.stage) {
      lastDrill.stageLabel = stageLabelOf(lastDrill.stage);
    }
    render();
  }
}

export function closeDrill() {
  document.getElementById('drill').hidden = true;
  lastDrill = null;
}
