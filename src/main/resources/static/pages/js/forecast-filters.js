/*
 * The forecast page's filters and the page's address: /forecast?period=&process=&orgUnit=&owner=&windowMonths=
 * &periods= (so a link shows the same forecast), and the calls of GET /api/forecast and /api/forecast/backtest.
 */
export { currentQuarter } from './periods.js';
import { fillFields, queryOf, readAddress, readFields } from './filter-address.js';

const PARAMS = ['process', 'period', 'orgUnit', 'owner', 'windowMonths', 'periods'];
const SCOPE = ['period', 'process', 'orgUnit', 'owner', 'windowMonths'];

export function fromAddress(defaults, search = location.search) {
  return readAddress(PARAMS, defaults, search);
}

export function toAddress(filters) {
  return '/forecast?' + queryOf(filters, PARAMS);
}

function query(filters, extra) {
  return queryOf(filters, SCOPE, extra);
}

/** GET /api/forecast by one method; {@code details} lists the opportunities counted; or an export format. */
export function forecastPath(filters, method, { details = false, format, table } = {}) {
  return '/api/forecast?' + query(filters, { method, details: details ? 'true' : '', format, table });
}

/** GET /api/forecast/backtest of every method (and the naive baselines), optionally as csv or xlsx. */
export function backtestPath(filters, format) {
  return '/api/forecast/backtest?' + query(filters, { periods: filters.periods, method: 'all', format });
}

export function readForm(form) {
  return readFields(form, PARAMS);
}

export function fillForm(form, filters) {
  fillFields(form, PARAMS, filters);
}
