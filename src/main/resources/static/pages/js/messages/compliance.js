/* The texts of the compliance page (/compliance), in both languages. */
export default {
  'zh-CN': {
  },
  en: {
  }
};
