/*
 * The heatmap page's filters and address: /heatmap?process=&from=&to=&owner=&orgUnit=, the same as GET /api/funnel's
 * parameters (without slicing), so the funnel page opens on the same figures.
 */
import { periodName } from './funnel-filters.js';

export const PARAMS = ['process', 'from', 'to', 'owner', 'orgUnit'];

function query(filters) {
  const q = new URLSearchParams();
  PARAMS.forEach(name => { if (filters[name]) q.set(name, filters[name]); });
  return q;
}

/** The filters of the page's address; process '' until the default is known. */
export function fromAddress(search = location.search) {
  const q = new URLSearchParams(search);
  return Object.fromEntries(PARAMS.map(name => [name, q.get(name) || '']));
}

export function toAddress(filters) {
  return '/heatmap?' + query(filters);
}

/** The funnel page on the same filters. */
export function funnelAddress(filters) {
  return '/funnel?' + query(filters);
}

export function apiPath(filters, format) {
  const q = query(filters);
  if (format) {
    q.set('format', format);
  }
  return '/api/funnel?' + q;
}

export function readForm(form) {
  return Object.fromEntries(PARAMS.map(name => [name, form.elements[name].value.trim()]));
}

export function fillForm(form, filters) {
  PARAMS.filter(name => name !== 'process').forEach(name => { form.elements[name].value = filters[name] || ''; });
  form.querySelector('#f-period').value = periodName(filters.from, filters.to);
}
