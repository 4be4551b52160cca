/*
 * The list of the opportunities behind a figure, shared by every page: a stage's figure (entered, advanced, lost,
 * open) lists its stage entries through GET /api/funnel/entries, a won / lost / open total its opportunities
 * through GET /api/funnel/outcomes, each with the page's filters and shown slice, so the list holds as many as the
 * figure. The list downloads as CSV or Excel through the same call; each code opens its opportunity page.
 * A page without a <section id="drill"> of its own gets one, placed after the section of the figure drilled.
 */
import { format, localName, t, translate } from './i18n.js';
import { api } from './session.js';
import { escape, opportunityLink } from './html.js';

const SHOWN = 100;
const SCOPE = ['process', 'from', 'to', 'owner', 'orgUnit', 'region', 'projectType', 'customerType', 'groupBy'];
/** The totals of a funnel group and the status GET /api/funnel/outcomes lists for each. */
export const TOTAL_STATUS = { open: 'OPEN', lost: 'LOST', won: 'WON' };
let lastDrill = null;
/** Stage code → its name ({zh, en}) in every deployed stage process, from GET /api/processes, asked once. */
let stageNames = null;

function loadStageNames() {
  if (!stageNames) {
    stageNames = api('/api/processes').then(list => {
      const byCode = {};
      (list.processes || []).forEach(p => (p.stages || []).forEach(s => { byCode[s.code] = s.name; }));
      return byCode;
    }).catch(() => ({})); // without names the list shows the codes
  }
  return stageNames;
}

/** The names loaded by the last drill, for the rows drawn (and drawn again on a language change). */
let names = {};

function stageName(code) {
  return code ? localName(names[code], code) : '–';
}

const COLUMNS = {
  entries: ['code', 'name', 'customer', 'owner', 'orgUnit', 'enteredAt', 'leftAt', 'currentStage', 'amount'],
  outcomes: ['code', 'name', 'customer', 'owner', 'orgUnit', 'stage', 'amount', 'closedAt'],
  open: ['code', 'name', 'customer', 'owner', 'orgUnit', 'stage', 'amount', 'createdAt']
};

function cells(o, kind) {
  const common = `<td>${opportunityLink(o.code)}</td><td>${escape(o.name)}</td><td>${escape(o.customer)}</td>
    <td>${escape(o.owner)}</td><td>${escape(o.orgUnit)}</td>`;
  if (kind === 'entries') {
    const left = o.leftAt ? `${format.dateTime(o.leftAt)} · ${escape(t('drill.outcome.' + (o.outcome || 'LEFT')))}` : '–';
    return common + `<td>${format.dateTime(o.enteredAt)}</td><td>${left}</td>
      <td>${escape(stageName(o.currentStage))} · ${escape(t('drill.status.' + o.status))}</td>
      <td class="num">${format.money(o.amount, o.currency)}</td>`;
  }
  return common + `<td>${escape(stageName(o.stage))}</td><td class="num">${format.money(o.amount, o.currency)}</td>
    <td>${format.dateTime(kind === 'open' ? o.createdAt : o.closedAt)}</td>`;
}

function scope(filters, extra, exportFormat) {
  const query = new URLSearchParams(extra);
  SCOPE.forEach(name => { if (filters[name]) query.set(name, filters[name]); });
  if (filters.groupBy) {
    query.set('group', filters.group ?? '');
  }
  query.set(exportFormat ? 'format' : 'size', exportFormat || String(SHOWN));
  return query;
}

/** GET /api/funnel/entries of a stage's figure with the filters and shown slice {filters.group} (an export if given). */
export function entriesPath(filters, stage, figure, exportFormat) {
  return '/api/funnel/entries?' + scope(filters, { stage, figure }, exportFormat);
}

/** GET /api/funnel/outcomes of a total (status WON, LOST or OPEN) with the filters and shown slice. */
export function outcomesPath(filters, status, exportFormat) {
  return '/api/funnel/outcomes?' + scope(filters, { status }, exportFormat);
}

function section() {
  let element = document.getElementById('drill');
  if (!element) {
    element = document.createElement('section');
    element.id = 'drill';
    element.dataset.created = 'true';
    element.className = 'drill';
    element.hidden = true;
    element.tabIndex = -1;
    element.setAttribute('aria-labelledby', 'drill-heading');
    element.innerHTML = `<div class="drill-head"><h2 id="drill-heading"></h2>
        <button type="button" id="drill-close" class="secondary" data-i18n="drill.close"></button></div>
      <p id="drill-note" class="note"></p>
      <div id="drill-exports" class="exports"><span data-i18n="drill.export"></span>
        <a id="drill-csv" download data-i18n="drill.csv"></a> <a id="drill-xlsx" download data-i18n="drill.xlsx"></a></div>
      <div class="table-wrap"><table id="drill-table"><thead><tr></tr></thead><tbody></tbody></table></div>`;
    (document.getElementById('main') || document.body).append(element);
    translate(element);
  }
  if (!element.dataset.wired) {
    element.dataset.wired = 'true';
    element.querySelector('#drill-close').addEventListener('click', closeDrill);
  }
  return element;
}

/**
 * Lists the opportunities behind a figure: of a stage ({stage} with {figure} 'entered', 'advanced', 'lost' or
 * 'open'), or a total ({figure} 'won', 'lost' or 'open', no stage). {filters} are the API's (process, from, to,
 * owner, orgUnit, …, groupBy with the shown slice in group). {stageLabel} and {heading} are functions, called again
 * when the language changes: the stage's shown name, and a heading of the page's own given the count shown.
 * {near}: the element drilled, after whose section a page without its own list section shows it.
 */
export async function drill({ figure, stage, stageLabel, filters, heading, note, near }) {
  const kind = stage ? 'entries' : (figure === 'open' ? 'open' : 'outcomes');
  const [page, known] = await Promise.all([
    api(stage ? entriesPath(filters, stage, figure) : outcomesPath(filters, TOTAL_STATUS[figure])), loadStageNames()]);
  names = known;
  lastDrill = { kind, figure, stage, stageLabel, filters, heading, note, page };
  const element = section();
  const around = near && near.closest('section');
  if (around && around !== element && element.dataset.created) {
    around.after(element);
  }
  render();
  element.dataset.figure = figure;
  element.dataset.stage = stage || '';
  element.hidden = false;
  element.focus();
  return page;
}

function render() {
  const { kind, figure, stage, stageLabel, filters, heading, note, page } = lastDrill;
  const count = format.count(page.total);
  const figureName = t('drill.figure.' + figure);
  const title = document.getElementById('drill-heading');
  title.textContent = heading ? heading(count)
    : t(stage ? 'drill.heading' : 'drill.headingAll', { stage: stageLabel ? stageLabel() : stage, figure: figureName, count });
  title.dataset.total = String(page.total);
  const notes = note ? [note()] : [];
  if (kind !== 'entries' && page.amount != null) {
    notes.push(t('drill.amountTotal', { amount: format.money(page.amount, page.content[0] && page.content[0].currency) }));
  }
  if (page.total > page.content.length) {
    notes.push(t('drill.shown', { shown: format.count(page.content.length), total: count }));
  }
  const noteElement = document.getElementById('drill-note');
  noteElement.textContent = notes.filter(Boolean).join(' ');
  noteElement.dataset.amount = page.amount ?? '';
  const exports = document.getElementById('drill-exports');
  if (exports) {
    exports.hidden = false;
    const path = f => (stage ? entriesPath(filters, stage, figure, f) : outcomesPath(filters, TOTAL_STATUS[figure], f));
    document.getElementById('drill-csv').href = path('csv');
    document.getElementById('drill-xlsx').href = path('xlsx');
  }
  const columns = COLUMNS[kind];
  document.querySelector('#drill-table thead tr').innerHTML = columns
      .map(c => `<th scope="col"${c === 'amount' ? ' class="num"' : ''}>${escape(t('drill.' + c))}</th>`).join('');
  document.querySelector('#drill-table tbody').innerHTML = page.content.length
      ? page.content.map(o => `<tr data-code="${escape(o.code)}">${cells(o, kind)}</tr>`).join('')
      : `<tr><td colspan="${columns.length}">${t('drill.empty')}</td></tr>`;
}

/** Redraws the open list in the current language. */
export function redrawDrill() {
  const element = document.getElementById('drill');
  if (lastDrill && element && !element.hidden) {
    render();
  }
}

export function closeDrill() {
  const element = document.getElementById('drill');
  if (element) {
    element.hidden = true;
  }
  lastDrill = null;
}
