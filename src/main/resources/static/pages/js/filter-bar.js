/*
 * The filter bar the pages share, drawn from a declaration on the page's form:
 *
 *   <form id="filters" class="filters" data-i18n-label="funnel.filters" data-filter-bar="process period owner orgUnit groupBy">
 *
 * lists the filters in their order. A filter the form already holds (an element of that name, in its .field) is the
 * page's own and is moved into place; each of the others is drawn here with the ids and names every page's script
 * and test uses (f-process/process, f-period, f-from/from, f-to/to, f-owner/owner, f-orgUnit/orgUnit), then the
 * apply button (#apply). 'period' is a preset period with its [from, to) dates, kept in step here; 'planningPeriod'
 * is the planning APIs' period (2027, 2027-Q1, 2027-03) as text, named period. layout.js draws the bar before a
 * page's script runs, so the script finds its form complete.
 */
import { periodName, periodRange } from './periods.js';

const PRESETS = ['all', 'thisQuarter', 'lastQuarter', 'thisYear', 'lastYear', 'custom'];

function field(id, label, control, wide = false) {
  return `<div class="field${wide ? ' wide' : ''}"><label for="${id}" data-i18n="${label}"></label>${control}</div>`;
}

function text(name, hint) {
  return field('f-' + name, 'funnel.' + name,
    `<input type="text" id="f-${name}" name="${name}" autocomplete="off" data-i18n-placeholder="${hint}">`);
}

const FIELDS = {
  process: () => field('f-process', 'funnel.process', '<select id="f-process" name="process"></select>', true),
  period: () => field('f-period', 'funnel.period', `<select id="f-period">${PRESETS.map(p =>
      `<option value="${p}" data-i18n="funnel.period.${p}"></option>`).join('')}</select>`)
    + field('f-from', 'funnel.from', '<input type="date" id="f-from" name="from">')
    + field('f-to', 'funnel.to', '<input type="date" id="f-to" name="to">'),
  planningPeriod: () => field('f-period', 'funnel.period',
    '<input type="text" id="f-period" name="period" autocomplete="off" data-i18n-placeholder="funnel.planningPeriodHint">'),
  owner: () => text('owner', 'funnel.ownerHint'),
  orgUnit: () => text('orgUnit', 'funnel.orgUnitHint')
};

/** The preset follows the dates typed, the dates follow the preset chosen (but 'custom'). */
function keepPeriodInStep(form) {
  const preset = form.querySelector('select#f-period');
  if (!preset) {
    return;
  }
  preset.addEventListener('change', () => {
    if (preset.value !== 'custom') {
      [form.elements.from.value, form.elements.to.value] = periodRange(preset.value);
    }
  });
  ['from', 'to'].forEach(name => form.elements[name].addEventListener('change', () => {
    preset.value = periodName(form.elements.from.value, form.elements.to.value);
  }));
}

/** Draws the form's declared filters, its own ones in their place, and the apply button. */
export function drawFilterBar(form) {
  const own = name => form.elements[name] && form.elements[name].closest('.field');
  const parts = form.dataset.filterBar.split(/\s+/).filter(Boolean).map(name => {
    const mine = own(name);
    if (mine) {
      return mine;
    }
    if (!FIELDS[name]) {
      throw new Error('filter-bar: no filter ' + name);
    }
    const template = document.createElement('template');
    template.innerHTML = FIELDS[name]();
    return template.content;
  });
  const apply = document.createElement('template');
  apply.innerHTML = '<div class="field actions"><button type="submit" id="apply" data-i18n="funnel.apply"></button></div>';
  form.replaceChildren(...parts, apply.content);
  keepPeriodInStep(form);
}

export function drawFilterBars(root = document) {
  root.querySelectorAll('form[data-filter-bar]').forEach(drawFilterBar);
}
