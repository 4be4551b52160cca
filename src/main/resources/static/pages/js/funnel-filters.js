/*
 * The funnel page's filters and the page's address: every filter is a query parameter of /funnel (so a link
 * shows the same funnel) and, but for the shown slice, a parameter of GET /api/funnel.
 */
const API_PARAMS = ['process', 'from', 'to', 'owner', 'orgUnit', 'groupBy'];
export const SHIPPED_PROCESSES = ['project-sales-funnel', 'classic-funnel'];

function iso(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** [from, to) of a named period, in the user's calendar. */
export function periodRange(name, today = new Date()) {
  const year = today.getFullYear();
  const quarter = Math.floor(today.getMonth() / 3);
  switch (name) {
    case 'thisQuarter': return [new Date(year, quarter * 3, 1), new Date(year, quarter * 3 + 3, 1)].map(iso);
    case 'lastQuarter': return [new Date(year, quarter * 3 - 3, 1), new Date(year, quarter * 3, 1)].map(iso);
    case 'thisYear': return [new Date(year, 0, 1), new Date(year + 1, 0, 1)].map(iso);
    case 'lastYear': return [new Date(year - 1, 0, 1), new Date(year, 0, 1)].map(iso);
    default: return ['', ''];
  }
}

/** The named period that [from, to) is, or 'custom' (or 'all' if both are empty). */
export function periodName(from, to) {
  if (!from && !to) {
    return 'all';
  }
  return ['thisQuarter', 'lastQuarter', 'thisYear', 'lastYear']
      .find(name => { const [f, t] = periodRange(name); return f === from && t === to; }) || 'custom';
}

/** The filters of the page's address: {process, from, to, owner, orgUnit, groupBy, group}. */
export function fromAddress(search = location.search) {
  const query = new URLSearchParams(search);
  const filters = {};
  [...API_PARAMS, 'group'].forEach(name => { filters[name] = query.get(name) || ''; });
  if (!filters.process) {
    filters.process = SHIPPED_PROCESSES[0];
  }
  return filters;
}

export function toAddress(filters) {
  const query = new URLSearchParams();
  [...API_PARAMS, 'group'].forEach(name => { if (filters[name]) query.set(name, filters[name]); });
  return '/funnel?' + query;
}

/** GET /api/funnel with the filters, optionally as an export format (csv, xlsx). */
export function apiPath(filters, format) {
  const query = new URLSearchParams();
  API_PARAMS.forEach(name => { if (filters[name]) query.set(name, filters[name]); });
  if (format) {
    query.set('format', format);
  }
  return '/api/funnel?' + query;
}

export function readForm(form) {
  const filters = {};
  API_PARAMS.forEach(name => { filters[name] = form.elements[name].value.trim(); });
  return filters;
}

export function fillForm(form, filters) {
  API_PARAMS.forEach(name => { form.elements[name].value = filters[name] || ''; });
  form.querySelector('#f-period').value = periodName(filters.from, filters.to);
}
