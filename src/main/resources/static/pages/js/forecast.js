/*
 * The forecast page (/forecast): the weighted, historical and stage-age forecasts of a period side by side
 * (GET /api/forecast, once per method; the weighted one with its opportunities), and the back-test of every
 * method beside the naive baselines over the periods before it (GET /api/forecast/backtest). Filters in the
 * address, exports by format=.
 */
import { localName, onLanguageChange, t } from './i18n.js';
import { start } from './layout.js';
import { errorKey, showMessage } from './message.js';
import { api } from './session.js';
import * as filtersOf from './forecast-filters.js';
import { METHODS, drawBehind, drawMethodsTable, drawTotals } from './forecast-view.js';
import { clearBacktest, drawBacktest } from './forecast-backtest.js';
import { closeDrill, drill, redrawDrill } from './drill.js';
import { processOptions, processToShow, stageProcesses } from './stage-processes.js';

const form = document.getElementById('filters');
const methodsSection = document.getElementById('methods');
let processes = [];
let defaults = {};
let filters = {};
let forecasts = null;
let backtest = null;
let behindStage = '';

async function loadProcesses() {
  try {
    const list = await stageProcesses();
    processes = list.processes || [];
    return processToShow(list, '');
  } catch (e) {
    return '';
  }
}

function fillProcesses() {
  const select = form.elements.process;
  select.innerHTML = processOptions(processes, filters.process, p => localName(p.name, p.key));
  select.value = filters.process;
}

function exports() {
  METHODS.forEach(m => ['csv', 'xlsx'].forEach(f => {
    document.getElementById(`export-${m}-${f}`).href = filtersOf.forecastPath(filters, m, { format: f });
  }));
  ['csv', 'xlsx'].forEach(f => {
    document.getElementById(`export-backtest-${f}`).href = filtersOf.backtestPath(filters, f);
    document.getElementById(`export-behind-${f}`).href = filtersOf.forecastPath(filters, 'weighted', { format: f, table: 'opportunities' });
  });
}

function periodHref(period) {
  return filtersOf.toAddress({ ...filters, period });
}

function draw() {
  exports();
  document.getElementById('methods-table').hidden = !forecasts;
  document.getElementById('behind').hidden = !forecasts;
  if (forecasts) {
    drawTotals(document.getElementById('totals'), forecasts);
    drawMethodsTable(document.getElementById('methods-table'), forecasts);
    drawBehind(forecasts.weighted, behindStage);
  } else {
    document.getElementById('totals').innerHTML = '';
  }
  document.getElementById('backtest').hidden = !backtest;
  if (backtest) {
    drawBacktest(backtest, periodHref, period => location.assign(periodHref(period)));
  } else {
    clearBacktest();
  }
}

async function load() {
  methodsSection.setAttribute('aria-busy', 'true');
  showMessage(null);
  forecasts = null;
  backtest = null;
  behindStage = '';
  closeDrill();
  const [test, ...results] = await Promise.allSettled([
    api(filtersOf.backtestPath(filters)),
    ...METHODS.map(m => api(filtersOf.forecastPath(filters, m, { details: m === 'weighted' })))]);
  const failed = [test, ...results].find(r => r.status === 'rejected');
  if (failed) {
    showMessage(errorKey(failed.reason), failed.reason.problem);
  }
  if (results.every(r => r.status === 'fulfilled')) {
    forecasts = Object.fromEntries(METHODS.map((m, i) => [m, results[i].value]));
  }
  if (test.status === 'fulfilled') {
    backtest = test.value;
  }
  draw();
  methodsSection.setAttribute('aria-busy', 'false');
  methodsSection.dataset.loaded = filtersOf.toAddress(filters);
}

/**
 * The opportunities won in a back-tested period, what its actual sums: GET /api/funnel/outcomes?status=WON over the
 * period's days with the page's process, org unit and owner (the back-test's own definition, docs/metrics.md).
 */
function openWon(period, near) {
  const row = backtest && backtest.rows.find(r => r.period === period);
  if (!row) {
    return;
  }
  drill({ figure: 'won', near,
    filters: { process: backtest.process, from: row.start, to: row.end, orgUnit: filters.orgUnit, owner: filters.owner },
    heading: count => t('backtest.drillHeading', { period, count }) })
      .catch(error => showMessage(errorKey(error), error.problem));
}

function wire() {
  form.addEventListener('submit', event => {
    event.preventDefault();
    filters = { ...filtersOf.readForm(form) };
    if (!filters.period) {
      filters.period = defaults.period;
    }
    history.pushState(null, '', filtersOf.toAddress(filters));
    load();
  });
  methodsSection.addEventListener('click', event => {
    const button = event.target.closest('button.figure');
    if (button && forecasts) {
      behindStage = button.dataset.stage;
      drawBehind(forecasts.weighted, behindStage);
      document.getElementById('behind').focus();
    }
  });
  document.getElementById('backtest').addEventListener('click', event => {
    const button = event.target.closest('button.figure[data-period]');
    if (button) {
      openWon(button.dataset.period, button);
    }
  });
  document.getElementById('behind-all').addEventListener('click', () => {
    behindStage = '';
    drawBehind(forecasts.weighted, '');
  });
  window.addEventListener('popstate', () => {
    filters = filtersOf.fromAddress(defaults);
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
      showMessage(key, { detail: document.getElementById('message').dataset.detail });
    }
  });
}

await start('forecast', 'forecast.title');
const process = await loadProcesses();
defaults = { period: filtersOf.currentQuarter(), process };
filters = filtersOf.fromAddress(defaults);
filtersOf.fillForm(form, filters);
fillProcesses();
wire();
await load();
