/*
 * The funnel page's first call of GET /api/funnel, started as soon as this small module has loaded: funnel.html
 * runs it before the page's main module, whose many imports (texts of every page, the drill list, the filter bar)
 * would otherwise hold the call back. An address that names no process asks GET /api/processes first and shows the
 * process it suggests, as the other pages do. The main module draws what it answers.
 */
import { api } from './session.js';
import { apiPath, fromAddress } from './funnel-filters.js';
import { processToShow, stageProcesses } from './stage-processes.js';

const address = fromAddress();

/** The filters of the first call: the address's, with the suggested process where it names none. */
export const firstFilters = address.process ? Promise.resolve(address)
  : stageProcesses().then(list => ({ ...address, process: processToShow(list, '') }), () => address);
export const firstCall = firstFilters.then(filters => api(apiPath(filters)));
firstCall.catch(() => {}); // the page's load() shows the error
