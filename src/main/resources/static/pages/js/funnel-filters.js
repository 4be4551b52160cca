/*
 * The funnel page's filters and the page's address: every filter is a query parameter of /funnel (so a link
 * shows the same funnel) and, but for the shown slice, a parameter of GET /api/funnel.
 */
import { periodName, periodRange } from './periods.js';
import { fillFields, queryOf, readAddress, readFields } from './filter-address.js';

export { periodName, periodRange };

const API_PARAMS = ['process', 'from', 'to', 'owner', 'orgUnit', 'groupBy'];

/** The filters of the page's address: {process, from, to, owner, orgUnit, groupBy, group}; process '' if it names none. */
export function fromAddress(search = location.search) {
  return readAddress([...API_PARAMS, 'group'], {}, search);
}

export function toAddress(filters) {
  return '/funnel?' + queryOf(filters, [...API_PARAMS, 'group']);
}

/** GET /api/funnel with the filters, optionally as an export format (csv, xlsx). */
export function apiPath(filters, format) {
  return '/api/funnel?' + queryOf(filters, API_PARAMS, { format });
}

export function readForm(form) {
  return readFields(form, API_PARAMS);
}

export function fillForm(form, filters) {
  fillFields(form, API_PARAMS, filters);
  form.querySelector('#f-period').value = periodName(filters.from, filters.to);
}
