/*
 * oppflow's Welcome app configuration (the page behind /camunda/app/: its login and the user's profile); it
 * replaces Camunda's app/welcome/scripts/config.js, which sets nothing. Options:
 * https://docs.camunda.org/manual/7.24/webapps/welcome/configuration/
 */
export default {
  // as in Tasklist: the first language of the browser's list if locales/ has it, else English; zh.json is
  // oppflow's own Simplified Chinese, en.json Camunda's
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
