/*
 * The pages' filters in their address and their API calls: every filter a query parameter of the page (so a link
 * shows the same figures) and of the API it asks; empty filters are left out. Each <page>-filters.js names its
 * parameters and paths; the reading and writing is here.
 */

/** The query of the non-empty {@code names} of {@code filters}, then of {@code extra} ({format: 'csv'} ...). */
export function queryOf(filters, names, extra = {}) {
  const query = new URLSearchParams();
  names.forEach(name => { if (filters[name]) query.set(name, filters[name]); });
  Object.entries(extra).forEach(([name, value]) => { if (value) query.set(name, value); });
  return query;
}

/** The filters {@code names} of the page's address, each '' (or its default) where the address has none. */
export function readAddress(names, defaults = {}, search = location.search) {
  const query = new URLSearchParams(search);
  return Object.fromEntries(names.map(name => [name, query.get(name) || defaults[name] || '']));
}

/** The filters {@code names} as the form's fields hold them. */
export function readFields(form, names) {
  return Object.fromEntries(names.map(name => [name, form.elements[name].value.trim()]));
}

/** Writes the filters {@code names} into the form's fields. */
export function fillFields(form, names, filters) {
  names.forEach(name => { form.elements[name].value = filters[name] || ''; });
}
