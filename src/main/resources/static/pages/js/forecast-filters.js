/*
 * The forecast page's filters and the page's address: /forecast?period=&process=&orgUnit=&owner=&windowMonths=
 * &periods= (so a link shows the same forecast), and the calls of GET /api/forecast and /api/forecast/backtest.
 */
const PARAMS = ['process', 'period', 'orgUnit', 'owner', 'windowMonths', 'periods'];
const SCOPE = ['period', 'process', 'orgUnit', 'owner', 'windowMonths'];

/** The quarter of {@code today}, as the forecast API names it (2027-Q1). */
export function currentQuarter(today = new Date()) {
  return `${today.getFullYear()}-Q${Math.floor(today.getMonth() / 3) + 1}`;
}

export function fromAddress(defaults, search = location.search) {
  const query = new URLSearchParams(search);
  const filters = {};
  PARAMS.forEach(name => { filters[name] = query.get(name) || defaults[name] || ''; });
  return filters;
}

export function toAddress(filters) {
  const query = new URLSearchParams();
  PARAMS.forEach(name => { if (filters[name]) query.set(name, filters[name]); });
  return '/forecast?' + query;
}

function query(filters, extra) {
  const q = new URLSearchParams();
  SCOPE.forEach(name => { if (filters[name]) q.set(name, filters[name]); });
  Object.entries(extra).forEach(([name, value]) => { if (value) q.set(name, value); });
  return q;
}

/** GET /api/forecast by one method; {@code details} lists the opportunities counted; or an export format. */
export function forecastPath(filters, method, { details = false, format } = {}) {
  return '/api/forecast?' + query(filters, { method, details: details ? 'true' : '', format });
}

/** GET /api/forecast/backtest of both methods, optionally as csv or xlsx. */
export function backtestPath(filters, format) {
  return '/api/forecast/backtest?' + query(filters, { periods: filters.periods, method: 'both', format });
}

export function readForm(form) {
  const filters = {};
  PARAMS.forEach(name => { filters[name] = form.elements[name].value.trim(); });
  return filters;
}

export function fillForm(form, filters) {
  PARAMS.forEach(name => { form.elements[name].value = filters[name] || ''; });
}
