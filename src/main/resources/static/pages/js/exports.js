/*
 * A table's download links, drawn from a declaration: <div class="exports" data-exports="export"></div> becomes the
 * label (data-export-label, 'Export the table' by default) and the links #export-csv and #export-xlsx, after what
 * the element already holds. The page's script sets their href: its API call with format=csv|xlsx.
 */
export function drawExports(root = document) {
  root.querySelectorAll('[data-exports]').forEach(element => {
    const id = element.dataset.exports;
    element.insertAdjacentHTML('beforeend', `<span data-i18n="${element.dataset.exportLabel || 'funnel.export'}"></span>
      <a id="${id}-csv" download data-i18n="funnel.csv"></a>
      <a id="${id}-xlsx" download data-i18n="funnel.xlsx"></a>`);
  });
}
