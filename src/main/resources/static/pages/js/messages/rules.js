/* The texts of the rules page (/rules), in both languages. */
export default {
  'zh-CN': {
  },
  en: {
  }
};
