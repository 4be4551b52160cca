/*
 * The warnings page's filters and address: /warnings?kind=&owner=&orgUnit=, GET /api/warnings's parameters. The
 * page asks for every kind (to count each) and shows the kind chosen; the exports ask for that kind.
 */
import { fillFields, queryOf, readAddress, readFields } from './filter-address.js';

export const PARAMS = ['kind', 'owner', 'orgUnit'];
export const KINDS = ['STALLED', 'SKIPPED_STAGE', 'REOPENED'];

function query(filters, names) {
  return queryOf(filters, names);
}

export function fromAddress(search = location.search) {
  const filters = readAddress(PARAMS, {}, search);
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
  return readFields(form, PARAMS);
}

export function fillForm(form, filters) {
  fillFields(form, PARAMS, filters);
}
