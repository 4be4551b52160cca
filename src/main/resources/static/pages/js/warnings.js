/*
 * The warnings page (/warnings): GET /api/warnings within the owner and org-unit filters of the page's address,
 * counted per kind (each count shows only its kind), listed with a link to the opportunity and to its task in
 * Tasklist; CSV and Excel of the same call.
 */
import { onLanguageChange } from './i18n.js';
import { start } from './layout.js';
import { errorKey, showMessage } from './message.js';
import { api } from './session.js';
import * as filtersOf from './warnings-filters.js';
import { drawCounts, drawTable } from './warnings-view.js';

const form = document.getElementById('filters');
const results = document.getElementById('results');
let filters = filtersOf.fromAddress();
let warnings = [];

function draw() {
  drawCounts(document.getElementById('counts'), warnings, filters.kind);
  drawTable(document.querySelector('#warnings-table tbody'), document.getElementById('warnings-caption'),
      warnings.filter(w => !filters.kind || w.kind === filters.kind));
  document.getElementById('export-csv').href = filtersOf.exportPath(filters, 'csv');
  document.getElementById('export-xlsx').href = filtersOf.exportPath(filters, 'xlsx');
}

async function load() {
  results.setAttribute('aria-busy', 'true');
  showMessage(null);
  try {
    warnings = (await api(filtersOf.apiPath(filters))).warnings;
    draw();
  } catch (error) {
    warnings = [];
    draw();
    showMessage(errorKey(error));
  } finally {
    results.setAttribute('aria-busy', 'false');
  }
}

function chooseKind(kind) {
  filters = { ...filters, kind };
  form.elements.kind.value = kind;
  history.pushState(null, '', filtersOf.toAddress(filters));
  draw();
}

function wire() {
  form.addEventListener('submit', event => {
    event.preventDefault();
    const before = filters;
    filters = filtersOf.readForm(form);
    history.pushState(null, '', filtersOf.toAddress(filters));
    if (before.owner === filters.owner && before.orgUnit === filters.orgUnit) {
      draw();
    } else {
      load();
    }
  });
  form.elements.kind.addEventListener('change', event => chooseKind(event.target.value));
  document.getElementById('counts').addEventListener('click', event => {
    const button = event.target.closest('button.kind-filter');
    if (button) {
      chooseKind(button.dataset.kind);
    }
  });
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

await start('warnings', 'warnings.title');
filtersOf.fillForm(form, filters);
wire();
await load();
