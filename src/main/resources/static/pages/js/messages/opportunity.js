/* The texts of the opportunity page (/opportunity), in both languages. */
export default {
  'zh-CN': {
  },
  en: {
  }
};
