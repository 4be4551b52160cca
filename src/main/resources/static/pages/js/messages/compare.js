/* The texts of the compare page (/compare), in both languages. */
export default {
  'zh-CN': {
  },
  en: {
  }
};
