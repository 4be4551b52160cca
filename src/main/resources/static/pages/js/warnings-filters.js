/*
 * The warnings page's filters and address: /warnings?kind=&owner=&orgUnit=, GET /api/warnings's parameters. The
 * page asks for every kind (to count each) and shows the kind chosen; the exports ask for that kind.
 */
export const PARAMS = ['kind', 'owner', 'orgUnit'];
export const KINDS = ['STALLED', 'SKIPPED_STAGE', 'REOPENED'];

function query(filters, names) {
  const q = new URLSearchParams();
  names.forEach(name => { if (filters[name]) q.set(name, filters[name]); });
  return q;
}

export function fromAddress(search = location.search) {
  const q = new URLSearchParams(search);
  const filters = Object.fromEntries(PARAMS.map(name => [name, q.get(name) || '']));
  filters.kind = KINDS.includes(filters.kind.toUpperCase()) ? filters.kind.toUpperCase() : '';
  return filters;
}

export function toAddress(filters) {
  return '/warnings?' + query(filters, PARAMS);
}

/** Every kind's warnings within the owner and org unit filters. */
export function apiPath(filters) {
  return '/api/warnings?' + query(filters, ['owner', 'orgUnit']);
}

/** The shown table as a file: the chosen kind only. */
export function exportPath(filters, format) {
  const q = query(filters, PARAMS);
  q.set('format', format);
  return '/api/warnings?' + q;
}

export function readForm(form) {
  return Object.fromEntries(PARAMS.map(name => [name, form.elements[name].value.trim()]));
}

export function fillForm(form, filters) {
  PARAMS.forEach(name => { form.elements[name].value = filters[name] || ''; });
}
