/*
 * The heatmap page's filters and address: /heatmap?process=&from=&to=&owner=&orgUnit=, the same as GET /api/funnel's
 * parameters (without slicing), so the funnel page opens on the same figures.
 */
import { periodName } from './periods.js';
import { fillFields, queryOf, readAddress, readFields } from './filter-address.js';

export const PARAMS = ['process', 'from', 'to', 'owner', 'orgUnit'];

function query(filters) {
  return queryOf(filters, PARAMS);
}

/** The filters of the page's address; process '' until the default is known. */
export function fromAddress(search = location.search) {
  return readAddress(PARAMS, {}, search);
}

export function toAddress(filters) {
  return '/heatmap?' + query(filters);
}

/** The funnel page on the same filters. */
export function funnelAddress(filters) {
  return '/funnel?' + query(filters);
}

export function apiPath(filters, format) {
  return '/api/funnel?' + queryOf(filters, PARAMS, { format });
}

export function readForm(form) {
  return readFields(form, PARAMS);
}

export function fillForm(form, filters) {
  fillFields(form, PARAMS.filter(name => name !== 'process'), filters);
  form.querySelector('#f-period').value = periodName(filters.from, filters.to);
}
