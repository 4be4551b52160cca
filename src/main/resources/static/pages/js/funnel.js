/*
 * The funnel page (/funnel): GET /api/funnel with the filters of the page's address, drawn as a funnel chart and a
 * table per stage; CSV and Excel of the same call; the opportunities behind a figure on request.
 */
import { localName, onLanguageChange, t } from './i18n.js';
import { start } from './layout.js';
import { errorKey, showMessage } from './message.js';
import { api } from './session.js';
import * as filtersOf from './funnel-filters.js';
import { drawChart, drawSummary, drawTable, groupLabel, stageName } from './funnel-view.js';
import { escape } from './html.js';
import { firstCall, firstFilters } from './funnel-call.js';
import { processOptions, processToShow, stageProcesses } from './stage-processes.js';
import { closeDrill, drill, redrawDrill } from './drill.js';

const form = document.getElementById('filters');
const results = document.getElementById('results');
let filters = {};
let processes = [];
let report = null;

function shownGroup() {
  return report.groups.find(g => g.key === filters.group) || report.groups[0];
}

async function loadProcesses() {
  try {
    processes = (await stageProcesses()).processes || [];
  } catch (e) {
    processes = []; // the picker offers the process shown
  }
}

function fillProcesses() {
  const select = form.elements.process;
  select.innerHTML = processOptions(processes, filters.process, p => localName(p.name, p.key));
  select.value = filters.process;
}

function draw() {
  if (!report) {
    return;
  }
  const groupSelect = document.getElementById('f-group');
  document.getElementById('group-field').hidden = report.groups.length < 2;
  groupSelect.innerHTML = report.groups.map(g => `<option value="${escape(g.key)}">${escape(groupLabel(g.key))}</option>`).join('');
  const group = shownGroup();
  if (!group) {
    showMessage('funnel.noData');
    return;
  }
  groupSelect.value = group.key;
  drawSummary(document.getElementById('summary'), group);
  drawTable(document.querySelector('#funnel-table tbody'), group);
  document.getElementById('export-csv').href = filtersOf.apiPath(filters, 'csv');
  document.getElementById('export-xlsx').href = filtersOf.apiPath(filters, 'xlsx');
  // when the figures are on screen, and then the chart, for the page benchmark (docs/benchmarks.md)
  markOnce('oppflow:figures');
  drawChart(document.getElementById('funnel-chart'), group, stage => openStage(stage, 'entered'))
      .then(() => markOnce('oppflow:chart'));
}

function markOnce(name) {
  if (!performance.getEntriesByName(name).length) {
    performance.mark(name);
  }
}

/** Shows the funnel of the filters; {@code pending}: its call, if already under way. */
async function load(pending = api(filtersOf.apiPath(filters))) {
  results.setAttribute('aria-busy', 'true');
  showMessage(null);
  closeDrill();
  try {
    report = await pending;
    draw();
  } catch (error) {
    report = null;
    showMessage(errorKey(error));
  } finally {
    results.setAttribute('aria-busy', 'false');
  }
}

function openStage(code, figure) {
  const stage = shownGroup().stages.find(s => s.stage === code);
  if (stage && stage[figure]) {
    const label = () => stageName(shownGroup().stages.find(s => s.stage === code) || stage);
    drill({ figure, stage: code, stageLabel: label, filters: { ...filters, group: shownGroup().key },
      heading: count => t('drill.heading', { stage: label(), figure: t('funnel.' + figure), count }) })
        .catch(e => showMessage(errorKey(e)));
  }
}

function wire() {
  form.addEventListener('submit', event => {
    event.preventDefault();
    filters = { ...filtersOf.readForm(form), group: '' };
    history.pushState(null, '', filtersOf.toAddress(filters));
    load();
  });
  document.getElementById('f-group').addEventListener('change', event => {
    filters = { ...filters, group: event.target.value };
    history.replaceState(null, '', filtersOf.toAddress(filters));
    closeDrill();
    draw();
  });
  results.addEventListener('click', event => {
    const button = event.target.closest('button.figure');
    if (!button) {
      return;
    }
    if (button.dataset.stage) {
      openStage(button.dataset.stage, button.dataset.figure);
    } else {
      const figure = button.dataset.figure;
      drill({ figure, filters: { ...filters, group: shownGroup().key },
        heading: count => t('drill.headingAll', { figure: t('funnel.' + figure), count }) })
          .catch(e => showMessage(errorKey(e)));
    }
  });
  window.addEventListener('popstate', async () => {
    const address = filtersOf.fromAddress();
    filters = { ...address, process: address.process || processToShow(await stageProcesses().catch(() => null), '') };
    filtersOf.fillForm(form, filters);
    fillProcesses();
    load();
  });
  onLanguageChange(() => {
    fillProcesses();
    draw();
    redrawDrill();
    const key = document.getElementById('message').dataset.key;
    if (key) {
      showMessage(key);
    }
  });
}

// the funnel is asked for first (funnel-call.js), the header beside it; the process list, which only fills the
// picker, once the figures are drawn, so that it does not compete with the funnel for the server
await start('funnel', 'funnel.title');
filters = await firstFilters;
filtersOf.fillForm(form, filters);
fillProcesses();
wire();
await load(firstCall);
await loadProcesses();
fillProcesses();
