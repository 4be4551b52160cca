/*
 * What every page writes into its HTML: text escaped, a table's rows (or its one row saying it has none), and the
 * links every list shares — an opportunity to its page (/opportunity?code=), a task to Tasklist.
 */
export function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A table body's rows, {@code row(item, index)} for each item, or one row across its {@code columns} saying {@code none}. */
export function tableRows(items, row, columns, none) {
  return items.length ? items.map(row).join('') : `<tr><td colspan="${columns}">${escape(none)}</td></tr>`;
}

/** The opportunity page's address for {@code code}. */
export function opportunityHref(code) {
  return '/opportunity?code=' + encodeURIComponent(code);
}

/** A link to the opportunity's page, showing {@code text} (its code by default). */
export function opportunityLink(code, text) {
  return `<a class="opportunity-link" href="${escape(opportunityHref(code))}">${escape(text ?? code)}</a>`;
}

/** Tasklist's address of one task. */
export function taskHref(taskId) {
  return '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(taskId);
}
