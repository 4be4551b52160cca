/*
 * oppflow's Tasklist configuration; it replaces Camunda's app/tasklist/scripts/config.js (the webapps' documented
 * place for it), which configures only the keyboard shortcuts kept below. Options:
 * https://docs.camunda.org/manual/7.24/webapps/tasklist/configuration/
 */
export default {
  // Tasklist speaks the first language of the browser's list when it has a file for it in locales/, else English:
  // zh.json is oppflow's own Simplified Chinese, en.json Camunda's. German (Camunda's de.json) is left out: our
  // forms and filters speak Chinese and English only.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },

  // ES modules under app/tasklist/, loaded before Tasklist starts
  customScripts: [
    // after Complete, a rep who asked for a gate exception is told where it went and where to follow it
    'scripts/exception-requests',
    // dates in the language of the labels, not in whichever locale file arrived last
    'scripts/dates-in-language',
    // a refused Complete is said in both languages, naming the fields the form's own check refused
    'scripts/form-refusals',
    // after signing in, back to the oppflow page (/funnel ...) that sent the browser here
    'scripts/return-to-page'
  ],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
