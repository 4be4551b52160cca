/*
 * The preset periods of the filter bars (this quarter, last year ...) as [from, to) dates in the user's calendar,
 * the form the APIs take (to exclusive).
 */
const NAMED = ['thisQuarter', 'lastQuarter', 'thisYear', 'lastYear'];

function iso(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** [from, to) of a named period, in the user's calendar. */
export function periodRange(name, today = new Date()) {
  const year = today.getFullYear();
  const quarter = Math.floor(today.getMonth() / 3);
  switch (name) {
    case 'thisQuarter': return [new Date(year, quarter * 3, 1), new Date(year, quarter * 3 + 3, 1)].map(iso);
    case 'lastQuarter': return [new Date(year, quarter * 3 - 3, 1), new Date(year, quarter * 3, 1)].map(iso);
    case 'thisYear': return [new Date(year, 0, 1), new Date(year + 1, 0, 1)].map(iso);
    case 'lastYear': return [new Date(year - 1, 0, 1), new Date(year, 0, 1)].map(iso);
    default: return ['', ''];
  }
}

/** The named period that [from, to) is, or 'custom' (or 'all' if both are empty). */
export function periodName(from, to) {
  if (!from && !to) {
    return 'all';
  }
  return NAMED.find(name => { const [f, t] = periodRange(name); return f === from && t === to; }) || 'custom';
}

/** The quarter of {@code today}, as the planning and forecast APIs name it (2027-Q1). */
export function currentQuarter(today = new Date()) {
  return `${today.getFullYear()}-Q${Math.floor(today.getMonth() / 3) + 1}`;
}
