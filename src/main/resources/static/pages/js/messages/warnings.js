/* The texts of the warnings page (/warnings), in both languages. */
export default {
  'zh-CN': {
  },
  en: {
  }
};
