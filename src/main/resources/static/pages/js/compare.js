/*
 * The compare page (/compare): the actual funnel of an org unit and period against its ideal funnel
 * (GET /api/funnel/compare, the weakest stage marked as the API names it), the ideal funnel's form for managers
 * (GET/PUT /api/ideal-funnels/{orgUnit}/{period}) and the reverse targets per rep (GET /api/funnel/targets).
 */
import { localName, onLanguageChange, t } from './i18n.js';
import { start } from './layout.js';
import { errorKey, showMessage } from './message.js';
import { api } from './session.js';
import * as filtersOf from './compare-filters.js';
import { clearChart, drawChart, drawSummary, drawTable, stageName } from './compare-view.js';
import { loadIdeal, redrawIdeal, wireIdeal } from './compare-ideal.js';
import { loadTargets, redrawTargets } from './compare-targets.js';
import { closeDrill, drill, redrawDrill } from './drill.js';
import { processOptions, processToShow, stageProcesses } from './stage-processes.js';

const form = document.getElementById('filters');
const section = document.getElementById('comparison');
let processes = [];
let defaults = {};
let filters = {};
let comparison = null;
let note = null; // {key, params} of the note shown instead of a comparison

async function loadProcesses() {
  try {
    const list = await stageProcesses();
    processes = list.processes || [];
    return processToShow(list, '');
  } catch (e) {
    return '';
  }
}

async function ownOrgUnit(user) {
  try {
    return (await api('/api/org-units/members/' + encodeURIComponent(user))).orgUnit;
  } catch (e) {
    return 'HQ';
  }
}

function fillProcesses() {
  const select = form.elements.process;
  select.innerHTML = processOptions(processes, filters.process, p => localName(p.name, p.key));
  select.value = filters.process;
}

function stagesOfProcess() {
  const process = processes.find(p => p.key === filters.process);
  return process ? process.stages.map(s => ({ code: s.code, name: s.name })) : [];
}

function drawNote() {
  const element = document.getElementById('compare-note');
  element.hidden = !note;
  element.textContent = note ? t(note.key, note.params) : '';
}

function draw() {
  drawNote();
  document.querySelector('.compare-layout').hidden = !comparison;
  document.getElementById('summary').hidden = !comparison;
  document.getElementById('export-csv').href = filtersOf.comparePath(filters, 'csv');
  document.getElementById('export-xlsx').href = filtersOf.comparePath(filters, 'xlsx');
  if (!comparison) {
    clearChart();
    return;
  }
  const funnel = filtersOf.funnelHref(filters);
  drawSummary(document.getElementById('summary'), comparison);
  drawTable(document.querySelector('#compare-table tbody'), comparison, funnel);
  drawChart(document.getElementById('compare-chart'), comparison, stage => openStage(stage, 'entered', 'entered', section));
}

/**
 * The stage entries behind a stage's figure, for the page's process, org unit and period: what GET /api/funnel/compare
 * counted ({figure} entered or advanced; the actual conversion lists the entries it divides).
 */
function openStage(code, figure, shown, near) {
  const stage = comparison && comparison.stages.find(s => s.stage === code);
  if (!stage || !stage.entered) {
    return;
  }
  const [from, to] = filtersOf.periodRange(filters.period);
  const label = () => stageName(stage);
  drill({ figure, stage: code, stageLabel: label, near,
    filters: { process: comparison.process || filters.process, orgUnit: filters.orgUnit, from, to },
    heading: count => t('compare.drillHeading', { stage: label(), figure: t('compare.' + shown), period: filters.period, count }) })
      .catch(error => showMessage(errorKey(error), error.problem));
}

async function loadComparison() {
  section.setAttribute('aria-busy', 'true');
  comparison = null;
  note = null;
  try {
    comparison = await api(filtersOf.comparePath(filters));
  } catch (error) {
    if (error.status === 404) {
      note = { key: 'compare.noIdeal', params: { orgUnit: filters.orgUnit, period: filters.period, process: filters.process } };
    } else {
      showMessage(errorKey(error), error.problem);
    }
  } finally {
    draw();
    section.setAttribute('aria-busy', 'false');
  }
}

async function load() {
  showMessage(null);
  closeDrill();
  if (!filters.orgUnit || !filters.period) {
    showMessage(!filters.orgUnit ? 'compare.orgUnitNeeded' : 'error.invalid');
    return;
  }
  await Promise.all([loadComparison(), loadIdeal(filters, stagesOfProcess()), loadTargets(filters)]);
  section.dataset.loaded = filtersOf.toAddress(filters);
}

function wire() {
  form.addEventListener('submit', event => {
    event.preventDefault();
    filters = { ...defaults, ...filtersOf.readForm(form) };
    history.pushState(null, '', filtersOf.toAddress(filters));
    load();
  });
  wireIdeal(() => Promise.all([loadComparison(), loadTargets(filters)]));
  section.addEventListener('click', event => {
    const button = event.target.closest('button.figure');
    if (button) {
      openStage(button.dataset.stage, button.dataset.figure, button.dataset.shown, button);
    }
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
    redrawIdeal();
    redrawTargets();
    redrawDrill();
    const key = document.getElementById('message').dataset.key;
    if (key) {
      showMessage(key, { detail: document.getElementById('message').dataset.detail });
    }
  });
}

const user = await start('compare', 'compare.title');
const [process, orgUnit] = await Promise.all([loadProcesses(), ownOrgUnit(user.user)]);
defaults = { process, orgUnit, period: filtersOf.currentQuarter() };
filters = filtersOf.fromAddress(defaults);
filtersOf.fillForm(form, filters);
fillProcesses();
wire();
await load();
