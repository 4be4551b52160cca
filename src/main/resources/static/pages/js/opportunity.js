/*
 * The opportunity page (/opportunity?code=X): its facts, stage timeline, reassignments, gate records, gate exceptions
 * and activities, each from the API that keeps it and downloadable from it as CSV or Excel; the reassign form for
 * whom the API allows it. A code that does not exist, or that the user may not read, says so.
 */
import { localName, onLanguageChange, t } from './i18n.js';
import { start } from './layout.js';
import { api } from './session.js';
import * as view from './opportunity-view.js';
import * as timeline from './opportunity-timeline.js';
import { showReassign, wireReassign } from './opportunity-reassign.js';

/** The page's tables and the API of each. */
const EXPORTS = { stages: 'stages', reassignments: 'reassignments', gates: 'gate-records', exceptions: 'exceptions',
  activities: 'activities' };
const content = document.getElementById('content');
const form = document.getElementById('open-form');
let code = new URLSearchParams(location.search).get('code') || '';
let data = null;
let stages = {};
let processes = {};

function showMessage(key, params) {
  const message = document.getElementById('message');
  message.hidden = !key;
  message.textContent = key ? t(key, params) : '';
  message.dataset.key = key || '';
  message.dataset.params = JSON.stringify(params || {});
}

function stageLabel(process, stage) {
  return localName(stages[process + '/' + stage], stage);
}

function processLabel(process) {
  return localName(processes[process], process);
}

async function catalog() {
  try {
    const list = await api('/api/processes');
    (list.processes || []).forEach(p => {
      processes[p.key] = p.name;
      p.stages.forEach(s => { stages[p.key + '/' + s.code] = s.name; });
    });
  } catch (e) {
    // names fall back to codes
  }
}

function draw() {
  if (!data) {
    return;
  }
  const o = data.opportunity;
  document.getElementById('heading').textContent = t('opportunity.headingOf', { name: o.name || o.code, code: o.code });
  document.title = t('opportunity.titleOf', { code: o.code });
  view.drawFacts(document.getElementById('facts'), o, stageLabel, processLabel);
  timeline.drawTable(document.querySelector('#stages-table tbody'), data.stages);
  timeline.drawChart(document.getElementById('timeline-chart'), data.stages);
  view.drawReassignments(document.querySelector('#reassignments-table tbody'), data.reassignments);
  view.drawGateRecords(document.querySelector('#gates-table tbody'), data.gateRecords, stageLabel);
  view.drawExceptions(document.querySelector('#exceptions-table tbody'), data.exceptions, stageLabel, o.process);
  view.drawActivities(document.querySelector('#activities-table tbody'), data.activities, stageLabel, o.process);
  setExports(o.code);
  showReassign(o.code, data.permission, o.orgUnit);
}

/** Each table downloads through the API it comes from, as CSV or Excel. */
function setExports(opportunityCode) {
  const path = '/api/opportunities/' + encodeURIComponent(opportunityCode);
  Object.entries(EXPORTS).forEach(([table, resource]) => ['csv', 'xlsx'].forEach(format => {
    document.getElementById(`${table}-${format}`).href = `${path}/${resource}?format=${format}`;
  }));
}

function failure(error) {
  if (error && error.status === 404) {
    return ['opportunity.notFound', { code }];
  }
  if (error && error.status === 403) {
    return ['opportunity.forbidden', { code }];
  }
  return [error && error.status === 401 ? 'error.session' : 'error.load', {}];
}

/** Everything the page shows of the opportunity, and whether the user may reassign it. */
async function fetchAll(opportunityCode) {
  const path = '/api/opportunities/' + encodeURIComponent(opportunityCode);
  const [opportunity, activities, stageVisits, gateRecords, exceptions, reassignments, permission] = await Promise.all([
    api(path), api(path + '/activities'), api(path + '/stages'), api(path + '/gate-records'), api(path + '/exceptions'),
    api(path + '/reassignments'), api(path + '/reassign')]);
  return { opportunity, activities, stages: stageVisits, gateRecords, exceptions, reassignments, permission };
}

/** After a reassignment: owner, unit, history and timeline as they are now, without leaving the page's place. */
async function refresh() {
  content.setAttribute('aria-busy', 'true');
  try {
    data = await fetchAll(code);
    draw();
  } catch (error) {
    showMessage(...failure(error));
  } finally {
    content.setAttribute('aria-busy', 'false');
  }
}

async function load() {
  data = null;
  content.hidden = true;
  form.elements.code.value = code;
  if (!code) {
    showMessage('opportunity.noCode');
    document.getElementById('heading').textContent = t('opportunity.heading');
    return;
  }
  showMessage(null);
  content.setAttribute('aria-busy', 'true');
  try {
    data = await fetchAll(code);
    content.hidden = false;
    draw();
    if (location.hash) {
      document.getElementById(location.hash.slice(1))?.scrollIntoView();
    }
  } catch (error) {
    document.getElementById('heading').textContent = t('opportunity.heading');
    showMessage(...failure(error));
  } finally {
    content.setAttribute('aria-busy', 'false');
  }
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const next = form.elements.code.value.trim();
  if (next && next !== code) {
    code = next;
    history.pushState(null, '', '/opportunity?code=' + encodeURIComponent(code));
    load();
  }
});
window.addEventListener('popstate', () => {
  code = new URLSearchParams(location.search).get('code') || '';
  load();
});

await start('opportunity', 'opportunity.title');
wireReassign(refresh);
// after start's own listener, so the title names the opportunity
onLanguageChange(() => {
  draw();
  const message = document.getElementById('message');
  if (message.dataset.key) {
    showMessage(message.dataset.key, JSON.parse(message.dataset.params || '{}'));
  }
});
await catalog();
await load();
