/* The texts of the heatmap page (/heatmap), in both languages. */
export default {
  'zh-CN': {
  },
  en: {
  }
};
