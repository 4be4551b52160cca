/*
 * The impact preview's tables as CSV or Excel: the preview is a POST of the candidate's files, so a download asks
 * POST /api/rules/preview again with the files, window and examples of the preview shown, plus format= and table=
 * (stages, criteria, examples), and saves the answer under the name the API gives it.
 */
import { session } from './session.js';

function fileName(response, fallback) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) {
    return decodeURIComponent(utf8[1]);
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Downloads one table of the preview {query, form} in {format}; an error answer is thrown as {status}. */
export async function download(preview, table, format) {
  const query = new URLSearchParams(preview.query);
  query.set('table', table);
  query.set('format', format);
  const response = await fetch('/api/rules/preview?' + query, {
    method: 'POST',
    body: preview.form,
    headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': (await session()).csrfToken }
  });
  if (!response.ok) {
    throw { status: response.status };
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(response, `rule-preview-${table}.${format}`);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
