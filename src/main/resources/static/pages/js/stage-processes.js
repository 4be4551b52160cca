/*
 * The stage processes a page offers in its process picker (GET /api/processes, asked once per page) and the one it
 * preselects when its address names none: the API's suggestedProcess, the process most of the opportunities the
 * user sees run in. The page then sends it explicitly: no API call is left to default silently.
 */
// no texts imported: the funnel page's first call (funnel-call.js) uses this module before the page's others load
import { api } from './session.js';
import { escape } from './html.js';

let asked = null;

/** GET /api/processes: {processes: [{key, name, stages}], suggestedProcess}, asked once however often called. */
export function stageProcesses() {
  if (!asked) {
    asked = api('/api/processes');
  }
  return asked;
}

/** The process to show: {@code named} (the address's) if given, else the suggested one, else the first deployed. */
export function processToShow(list, named) {
  if (named) {
    return named;
  }
  const processes = (list && list.processes) || [];
  return (list && list.suggestedProcess) || (processes[0] && processes[0].key) || '';
}

/**
 * The picker's options, each named by {@code nameOf(process)} (i18n's localName of its name, in the page's language);
 * a {@code current} process the list lacks is offered too.
 */
export function processOptions(processes, current, nameOf) {
  const known = !current || processes.some(p => p.key === current) ? processes : [...processes, { key: current }];
  return known.map(p => `<option value="${escape(p.key)}">${escape(nameOf(p))}</option>`).join('');
}
