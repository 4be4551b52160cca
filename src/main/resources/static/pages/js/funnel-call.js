/*
 * The funnel page's first call of GET /api/funnel, started as soon as this small module has loaded: funnel.html
 * runs it before the page's main module, whose many imports (texts of every page, the drill list, the filter bar)
 * would otherwise hold the call back. The main module draws what it answers.
 */
import { api } from './session.js';
import { apiPath, fromAddress } from './funnel-filters.js';

export const firstCall = api(apiPath(fromAddress()));
firstCall.catch(() => {}); // the page's load() shows the error
