/* The texts of the forecast page (/forecast), in both languages. */
export default {
  'zh-CN': {
  },
  en: {
  }
};
