/*
 * The process heatmap (/heatmap): the deployed BPMN of a stage process (GET /api/processes/{key}/diagram) drawn by
 * bpmn-js, each stage marked with GET /api/funnel's entries, conversion and median dwell and coloured by that
 * median against the stage's dwell limit (GET /api/processes); the same figures in a table; a stage lists its open
 * opportunities.
 */
import { format, localName, onLanguageChange, t } from './i18n.js';
import { start } from './layout.js';
import { errorKey, showMessage } from './message.js';
import { api } from './session.js';
import * as filtersOf from './heatmap-filters.js';
import { drawLegend, drawOverlays, drawTable, fitBadges, stageName, stagesWithHeat } from './heatmap-view.js';
import { escape, opportunityLink } from './html.js';

const SHOWN = 100;
const form = document.getElementById('filters');
const results = document.getElementById('results');
let filters = filtersOf.fromAddress();
let processes = [];
let stages = [];
let viewer = null;
let shownDiagram = null;
let drilled = null;

function fillProcesses() {
  const select = form.elements.process;
  select.innerHTML = processes.map(p => `<option value="${escape(p.key)}">${escape(localName(p.name, p.key))}</option>`).join('');
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

function drillRow(o) {
  return `<tr data-code="${escape(o.code)}">
    <td>${opportunityLink(o.code)}</td><td>${escape(o.name)}</td><td>${escape(o.customer && o.customer.name)}</td>
    <td>${escape(o.owner)}</td><td>${escape(o.orgUnit)}</td>
    <td class="num">${format.money(o.amount, o.currency)}</td><td>${format.dateTime(o.updatedAt)}</td></tr>`;
}

function renderDrill() {
  const stage = stages.find(s => s.code === drilled.stage) || { code: drilled.stage };
  const page = drilled.page;
  const total = page.page ? page.page.totalElements : page.content.length;
  const heading = document.getElementById('drill-heading');
  heading.textContent = t('heatmap.drill', { stage: stageName(stage), count: format.count(total) });
  heading.dataset.total = String(total);
  const notes = [];
  if (filters.from || filters.to || filters.orgUnit) {
    notes.push(t('drill.note'));
  }
  if (total > page.content.length) {
    notes.push(t('drill.shown', { shown: format.count(page.content.length), total: format.count(total) }));
  }
  document.getElementById('drill-note').textContent = notes.join(' ');
  document.getElementById('drill-funnel').href = filtersOf.funnelAddress(filters);
  document.querySelector('#drill-table tbody').innerHTML = page.content.length
    ? page.content.map(drillRow).join('') : `<tr><td colspan="7">${t('drill.empty')}</td></tr>`;
}

/** The open opportunities of a stage: today's state (GET /api/opportunities has no period or org-unit filter). */
async function openStage(code) {
  try {
    const query = new URLSearchParams({ stage: code, status: 'OPEN', size: String(SHOWN) });
    if (filters.owner) {
      query.set('owner', filters.owner);
    }
    drilled = { stage: code, page: await api('/api/opportunities?' + query) };
    renderDrill();
    const section = document.getElementById('drill');
    section.hidden = false;
    section.dataset.stage = code;
    section.focus();
  } catch (error) {
    showMessage(errorKey(error));
  }
}

function closeDrill() {
  document.getElementById('drill').hidden = true;
  drilled = null;
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
      openStage(button.dataset.stage);
    }
  });
  document.getElementById('drill-close').addEventListener('click', closeDrill);
  window.addEventListener('popstate', () => {
    filters = { ...filtersOf.fromAddress(), process: filtersOf.fromAddress().process || filters.process };
    filtersOf.fillForm(form, filters);
    form.elements.process.value = filters.process;
    load();
  });
  onLanguageChange(() => {
    fillProcesses();
    draw();
    if (drilled) {
      renderDrill();
    }
    const key = document.getElementById('message').dataset.key;
    if (key) {
      showMessage(key);
    }
  });
}

await start('heatmap', 'heatmap.title');
try {
  const list = await api('/api/processes');
  processes = list.processes;
  if (!processes.some(p => p.key === filters.process)) {
    filters.process = list.defaultProcess || (processes[0] && processes[0].key) || '';
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
