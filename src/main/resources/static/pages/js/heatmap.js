/*
 * The process heatmap (/heatmap): the deployed BPMN of a stage process (GET /api/processes/{key}/diagram) drawn by
 * bpmn-js, each stage marked with GET /api/funnel's entries, conversion and median dwell and coloured by that
 * median against the stage's dwell limit (GET /api/processes); the same figures in a table; a stage lists its
 * entries in the period (GET /api/funnel/entries, the shared list of drill.js).
 */
import { localName, onLanguageChange, t } from './i18n.js';
import { start } from './layout.js';
import { errorKey, showMessage } from './message.js';
import { api } from './session.js';
import * as filtersOf from './heatmap-filters.js';
import { drawLegend, drawOverlays, drawTable, fitBadges, stageName, stagesWithHeat } from './heatmap-view.js';
import { closeDrill, drill, redrawDrill } from './drill.js';
import { processOptions, processToShow, stageProcesses } from './stage-processes.js';

const form = document.getElementById('filters');
const results = document.getElementById('results');
let filters = filtersOf.fromAddress();
let processes = [];
let stages = [];
let viewer = null;
let shownDiagram = null;

function fillProcesses() {
  const select = form.elements.process;
  select.innerHTML = processOptions(processes, '', p => localName(p.name, p.key));
  select.value = filters.process;
}

function theViewer() {
  if (!viewer) {
    viewer = new window.BpmnJS({ container: document.getElementById('diagram') });
    viewer.get('eventBus').on('canvas.viewbox.changed', () => fitBadges(viewer));
    viewer.get('eventBus').on('element.click', event => {
      const id = event.element && event.element.id;
      if (id && id.startsWith('Stage_')) {
        openStage(id.substring('Stage_'.length));
      }
    });
    window.addEventListener('resize', fitDiagram);
  }
  return viewer;
}

async function showDiagram(key) {
  if (shownDiagram === key) {
    return;
  }
  const response = await fetch('/api/processes/' + encodeURIComponent(key) + '/diagram',
      { headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/xml' } });
  if (!response.ok) {
    throw { status: response.status, diagram: true };
  }
  await theViewer().importXML(await response.text());
  shownDiagram = key;
  fitDiagram();
}

/** The whole diagram across the page's width, the box as high as that makes it (the stages are a long row). */
function fitDiagram() {
  if (!viewer || !shownDiagram) {
    return;
  }
  const canvas = viewer.get('canvas');
  const element = document.getElementById('diagram');
  canvas.resized();
  canvas.zoom('fit-viewport');
  const inner = canvas.viewbox().inner;
  const height = Math.min(420, Math.max(140, Math.ceil(inner.height * element.clientWidth / inner.width) + 48));
  element.style.height = height + 'px';
  canvas.resized();
  canvas.zoom('fit-viewport', 'auto');
}

function draw() {
  drawLegend(document.getElementById('legend'));
  drawTable(document.querySelector('#heatmap-table tbody'), stages);
  if (viewer && shownDiagram) {
    drawOverlays(viewer, stages);
    document.getElementById('diagram').dataset.process = shownDiagram;
  }
  document.getElementById('export-csv').href = filtersOf.apiPath(filters, 'csv');
  document.getElementById('export-xlsx').href = filtersOf.apiPath(filters, 'xlsx');
  document.getElementById('to-funnel').href = filtersOf.funnelAddress(filters);
}

async function load() {
  results.setAttribute('aria-busy', 'true');
  showMessage(null);
  closeDrill();
  const process = processes.find(p => p.key === filters.process);
  try {
    const [report] = await Promise.all([api(filtersOf.apiPath(filters)),
      showDiagram(filters.process).catch(e => { showMessage('heatmap.noDiagram'); shownDiagram = null; if (viewer) viewer.clear(); })]);
    const group = report.groups.find(g => g.key === 'all') || report.groups[0];
    stages = stagesWithHeat(process, group);
    draw();
  } catch (error) {
    stages = [];
    showMessage(errorKey(error));
  } finally {
    results.setAttribute('aria-busy', 'false');
  }
}

/**
 * The stage entries behind a stage's figure ('entered' from its box or badge, 'entered' or 'open' from its row):
 * GET /api/funnel/entries with the page's filters, as many as the figure (the shared list of drill.js).
 */
function openStage(code, figure = 'entered', near) {
  const label = () => stageName(stages.find(s => s.code === code) || { code });
  drill({ figure, stage: code, stageLabel: label, near, filters: { ...filters },
    heading: count => t(figure === 'open' ? 'heatmap.drillOpen' : 'heatmap.drill', { stage: label(), count }) })
      .then(() => { document.getElementById('drill-funnel').href = filtersOf.funnelAddress(filters); })
      .catch(error => showMessage(errorKey(error)));
}

function wire() {
  form.addEventListener('submit', event => {
    event.preventDefault();
    filters = filtersOf.readForm(form);
    history.pushState(null, '', filtersOf.toAddress(filters));
    load();
  });
  document.getElementById('main').addEventListener('click', event => {
    const button = event.target.closest('button.heat-badge, #heatmap-table button.figure');
    if (button) {
      openStage(button.dataset.stage, button.dataset.figure || 'entered', button);
    }
  });
  window.addEventListener('popstate', () => {
    filters = { ...filtersOf.fromAddress(), process: filtersOf.fromAddress().process || filters.process };
    filtersOf.fillForm(form, filters);
    form.elements.process.value = filters.process;
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

await start('heatmap', 'heatmap.title');
try {
  const list = await stageProcesses();
  processes = list.processes;
  if (!processes.some(p => p.key === filters.process)) {
    filters.process = processToShow(list, '');
  }
} catch (error) {
  showMessage(errorKey(error));
}
filtersOf.fillForm(form, filters);
fillProcesses();
wire();
if (processes.length) {
  await load();
}
