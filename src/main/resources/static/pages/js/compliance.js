/*
 * The compliance page (/compliance): the audit chain's status (GET /api/audit/verify), the pass rates per rep and
 * per criterion (GET /api/compliance/report), the violations with their evidence (GET /api/compliance/violations)
 * and the exceptions with their outcome (GET /api/compliance/exceptions), all with the period and org unit of the
 * page's address; each table as CSV or Excel through the same call; each opportunity links to its page.
 */
import { format, onLanguageChange, t } from './i18n.js';
import { start } from './layout.js';
import { errorKey as keyOf, showMessage } from './message.js';
import { api } from './session.js';
import * as filtersOf from './compliance-filters.js';
import * as view from './compliance-view.js';

const form = document.getElementById('filters');
const results = document.getElementById('results');
let filters = filtersOf.fromAddress();
let data = null;
let names = {};
/** What the lists are narrowed to after a click on a figure: {list, owner | criterion}, or null. */
let focus = null;

const errorKey = error => keyOf(error, 'compliance.forbidden');

async function stageNames() {
  try {
    const list = await api('/api/processes');
    const found = {};
    (list.processes || []).forEach(p => p.stages.forEach(s => { found[p.key + '/' + s.code] = s.name; }));
    return found;
  } catch (e) {
    return {};
  }
}

function links(prefix, path, extra) {
  document.getElementById(prefix + '-csv').href = filtersOf.apiPath(path, filters, extra, 'csv');
  document.getElementById(prefix + '-xlsx').href = filtersOf.apiPath(path, filters, extra, 'xlsx');
}

function focused(list, rows) {
  if (!focus || focus.list !== list) {
    return rows;
  }
  if (focus.owner !== undefined) {
    return rows.filter(r => r.owner === focus.owner);
  }
  return rows.filter(r => (r.failedCriteria || []).some(c => c.code === focus.criterion));
}

function heading(list, shown, total) {
  const element = document.getElementById(list + '-heading');
  const params = { count: format.count(total), shown: format.count(shown), who: focus ? focus.owner ?? focus.criterion : '' };
  element.textContent = t(focus && focus.list === list ? 'compliance.' + list + 'Of' : 'compliance.' + list + 'Heading', params);
  element.dataset.count = String(shown);
  document.getElementById(list + '-all').hidden = !(focus && focus.list === list);
}

function draw() {
  if (!data) {
    return;
  }
  view.drawChain(document.getElementById('chain'), data.chain);
  view.drawTotals(document.getElementById('totals'), data.owners.totals);
  view.drawOwnerTable(document.querySelector('#owner-table tbody'), data.owners.groups);
  view.drawCriterionTable(document.querySelector('#criterion-table tbody'), data.criteria.groups, names);
  view.drawRateChart(document.getElementById('owner-chart'), 'owner', t('compliance.chartOwner'), data.owners.groups,
      key => narrow({ list: 'violations', owner: key }));
  view.drawRateChart(document.getElementById('criterion-chart'), 'criterion', t('compliance.chartCriterion'),
      data.criteria.groups, key => narrow({ list: 'exceptions', criterion: key }));
  const violations = focused('violations', data.violations.violations);
  view.drawViolations(document.querySelector('#violations-table tbody'), violations, names);
  heading('violations', violations.length, data.violations.count);
  const exceptions = focused('exceptions', data.exceptions.exceptions);
  view.drawExceptionSummary(document.getElementById('exception-summary'), data.exceptions.summary);
  view.drawExceptions(document.querySelector('#exceptions-table tbody'), exceptions);
  heading('exceptions', exceptions.length, data.exceptions.summary.count);
  links('owner', '/api/compliance/report', { groupBy: 'owner' });
  links('criterion', '/api/compliance/report', { groupBy: 'criterion' });
  links('violations', '/api/compliance/violations', {});
  links('exceptions', '/api/compliance/exceptions', {});
}

function narrow(next) {
  focus = next;
  draw();
  document.getElementById(next.list).focus();
}

async function load() {
  results.setAttribute('aria-busy', 'true');
  showMessage(null);
  focus = null;
  try {
    const [chain, owners, criteria, violations, exceptions] = await Promise.all([
      api('/api/audit/verify'),
      api(filtersOf.apiPath('/api/compliance/report', filters, { groupBy: 'owner' })),
      api(filtersOf.apiPath('/api/compliance/report', filters, { groupBy: 'criterion' })),
      api(filtersOf.apiPath('/api/compliance/violations', filters)),
      api(filtersOf.apiPath('/api/compliance/exceptions', filters))]);
    data = { chain, owners, criteria, violations, exceptions };
    results.hidden = false;
    draw();
  } catch (error) {
    data = null;
    results.hidden = true;
    showMessage(errorKey(error));
  } finally {
    results.setAttribute('aria-busy', 'false');
  }
}

function wire() {
  form.addEventListener('submit', event => {
    event.preventDefault();
    filters = filtersOf.readForm(form);
    history.pushState(null, '', filtersOf.toAddress(filters));
    load();
  });
  results.addEventListener('click', event => {
    const button = event.target.closest('button.figure');
    if (button) {
      narrow(button.dataset.owner !== undefined
        ? { list: button.dataset.list, owner: button.dataset.owner }
        : { list: button.dataset.list, criterion: button.dataset.criterion });
    }
  });
  ['violations', 'exceptions'].forEach(list => document.getElementById(list + '-all').addEventListener('click', () => {
    focus = null;
    draw();
  }));
  window.addEventListener('popstate', () => {
    filters = filtersOf.fromAddress();
    filtersOf.fillForm(form, filters);
    load();
  });
  onLanguageChange(() => {
    draw();
    const key = document.getElementById('message').dataset.key;
    if (key) {
      showMessage(key);
    }
  });
}

await start('compliance', 'compliance.title');
filtersOf.fillForm(form, filters);
names = await stageNames();
wire();
await load();
