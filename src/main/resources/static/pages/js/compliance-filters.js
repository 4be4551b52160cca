/*
 * The compliance page's filters and the page's address: the period [from, to) and the org unit, the filters the
 * compliance APIs take (they have no owner or process filter: the report breaks down by owner instead).
 */
import { periodName, periodRange } from './funnel-filters.js';

const PARAMS = ['from', 'to', 'orgUnit'];

export { periodName, periodRange };

export function fromAddress(search = location.search) {
  const query = new URLSearchParams(search);
  const filters = {};
  PARAMS.forEach(name => { filters[name] = query.get(name) || ''; });
  return filters;
}

export function toAddress(filters) {
  const query = new URLSearchParams();
  PARAMS.forEach(name => { if (filters[name]) query.set(name, filters[name]); });
  const text = query.toString();
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
  const filters = {};
  PARAMS.forEach(name => { filters[name] = form.elements[name].value.trim(); });
  return filters;
}

export function fillForm(form, filters) {
  PARAMS.forEach(name => { form.elements[name].value = filters[name] || ''; });
  form.querySelector('#f-period').value = periodName(filters.from, filters.to);
}
