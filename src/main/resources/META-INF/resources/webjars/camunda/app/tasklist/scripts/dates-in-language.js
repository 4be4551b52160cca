/*
 * oppflow: Tasklist's dates ("3 分钟前", "2026年12月2日 09:30") follow the language its labels are shown in.
 *
 * Tasklist loads the locale file of the shown language and that of the fallback language (en), and hands the
 * "dateLocales" of each file, as it arrives, to moment, which makes the last one handed over the language of
 * every date. Whichever arrives last wins: with the files cached in the browser that is always English, so a
 * Chinese page would show "a few seconds ago". Here only the shown language's file reaches moment; the fallback
 * still supplies labels. Tasklist 7.24 is the last Camunda 7 CE release, so its loader stays as it is.
 */
const angular = window.angular;

// the language Tasklist shows, chosen as Tasklist chooses it: the browser's first language if available
function shownLanguage(available, fallback) {
  const browser = window.navigator;
  const first = (Array.isArray(browser.languages) ? browser.languages[0] : browser.language) || '';
  const index = available.indexOf(first.split('-')[0].toLowerCase());
  return index > -1 ? available[index] : fallback;
}

angular.module('cam.tasklist').config(['$provide', function ($provide) {
  $provide.decorator('localeLoader', ['$delegate', 'configuration', function (load, configuration) {
    const shown = shownLanguage(configuration.getAvailableLocales(), configuration.getFallbackLocale());
    return function (options) {
      if (options && options.key !== shown) {
        return load(angular.extend({}, options, {callback: undefined}));
      }
      return load(options);
    };
  }]);
}]);
