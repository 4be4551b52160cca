/*
 * The compliance page's filters and the page's address: the period [from, to) and the org unit, the filters the
 * compliance APIs take (they have no owner or process filter: the report breaks down by owner instead).
 */
import { periodName } from './periods.js';
import { fillFields, queryOf, readAddress, readFields } from './filter-address.js';

const PARAMS = ['from', 'to', 'orgUnit'];

export function fromAddress(search = location.search) {
  return readAddress(PARAMS, {}, search);
}

export function toAddress(filters) {
  const text = queryOf(filters, PARAMS).toString();
  return '/compliance' + (text ? '?' + text : '');
}

/** A compliance API with the filters, more parameters and optionally an export format (csv, xlsx). */
export function apiPath(path, filters, extra = {}, format) {
  const query = new URLSearchParams(extra);
  PARAMS.forEach(name => { if (filters[name]) query.set(name, filters[name]); });
  if (format) {
    query.set('format', format);
  }
  const text = query.toString();
  return path + (text ? '?' + text : '');
}

export function readForm(form) {
  return readFields(form, PARAMS);
}

export function fillForm(form, filters) {
  fillFields(form, PARAMS, filters);
  form.querySelector('#f-period').value = periodName(filters.from, filters.to);
}
