/*
 * The compare page's filters and the page's address: /compare?process=&orgUnit=&period=&revenue=&basis= (so a
 * link shows the same comparison and targets), the API calls they make and the funnel page's address of a period.
 */
export { currentQuarter } from './periods.js';
import { fillFields, queryOf, readAddress, readFields } from './filter-address.js';

const PARAMS = ['process', 'orgUnit', 'period', 'revenue', 'basis'];

function iso(year, month) {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** [from, to) of a planning period (2027, 2027-Q1, 2027-03), or ['', ''] if it is none. */
export function periodRange(period) {
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(period || '');
  if (!m) {
    return ['', ''];
  }
  const year = Number(m[1]);
  if (m[2]) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    return [iso(year, first), first + 3 > 12 ? iso(year + 1, 1) : iso(year, first + 3)];
  }
  if (m[3]) {
    const month = Number(m[3]);
    return [iso(year, month), month === 12 ? iso(year + 1, 1) : iso(year, month + 1)];
  }
  return [iso(year, 1), iso(year + 1, 1)];
}

/** The filters of the page's address; the org unit and period fall back to {@code defaults}. */
export function fromAddress(defaults, search = location.search) {
  return readAddress(PARAMS, defaults, search);
}

export function toAddress(filters) {
  return '/compare?' + queryOf(filters, PARAMS);
}

function query(filters, names, format) {
  return queryOf(filters, names, { format });
}

/** GET /api/funnel/compare, optionally as csv or xlsx. */
export function comparePath(filters, format) {
  return '/api/funnel/compare?' + query(filters, ['orgUnit', 'period', 'process'], format);
}

/** GET /api/funnel/targets, optionally as csv or xlsx. */
export function targetsPath(filters, format) {
  return '/api/funnel/targets?' + query(filters, ['orgUnit', 'period', 'process', 'revenue', 'basis'], format);
}

/** /api/ideal-funnels/{orgUnit}/{period}: the org unit keeps its slashes, each segment encoded. */
export function idealPath(filters, withProcess = true) {
  const unit = filters.orgUnit.split('/').map(encodeURIComponent).join('/');
  const path = `/api/ideal-funnels/${unit}/${encodeURIComponent(filters.period)}`;
  return withProcess && filters.process ? path + '?process=' + encodeURIComponent(filters.process) : path;
}

/** The funnel page with the same process, org unit and period (and an owner, if given). */
export function funnelHref(filters, owner) {
  const [from, to] = periodRange(filters.period);
  const q = new URLSearchParams();
  if (filters.process) q.set('process', filters.process);
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  if (owner) q.set('owner', owner);
  if (filters.orgUnit) q.set('orgUnit', filters.orgUnit);
  return '/funnel?' + q;
}

export function readForm(form) {
  const filters = readFields(form, PARAMS);
  if (filters.basis === 'ideal') {
    filters.basis = ''; // the API's default, kept out of the address
  }
  return filters;
}

export function fillForm(form, filters) {
  fillFields(form, PARAMS, filters);
  form.elements.basis.value = filters.basis || 'ideal';
}
