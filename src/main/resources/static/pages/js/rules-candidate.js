/*
 * The candidate rule set the page sends: the whole set, as POST /api/rules and /api/rules/preview take it, one
 * multipart part "files" per file whose file name is its path below rules/ (projectsales/discover.drl). A folder
 * picked whole keeps its paths; a single file gets the path of the active version's file of that name when only
 * one has it, and its path can be edited.
 */
import { format, t } from './i18n.js';
import { escape } from './html.js';

const SUFFIXES = ['.drl', '.drl.csv', '.drl.xlsx', '.cases.yaml'];
const PATH = /^([A-Za-z0-9_-]+\/)*[A-Za-z0-9_.-]+$/;

/** path → File of the candidate, in the order picked. */
let files = new Map();
let activeFiles = [];

export function accepted(path) {
  return PATH.test(path) && !path.includes('..') && SUFFIXES.some(s => path.endsWith(s));
}

/** The files of the active version, to name single files and to show what a candidate leaves out. */
export function setActiveFiles(paths) {
  activeFiles = paths || [];
}

export function isEmpty() {
  return files.size === 0;
}

/** A picked folder replaces the candidate: its accepted files, by their path below the folder picked. */
export function fromFolder(fileList) {
  files = new Map();
  const skipped = [];
  [...fileList].forEach(file => {
    const path = (file.webkitRelativePath || file.name).split('/').slice(1).join('/') || file.name;
    if (accepted(path)) {
      files.set(path, file);
    } else if (!path.split('/').some(part => part.startsWith('.'))) {
      skipped.push(path);
    }
  });
  return skipped;
}

/** Single files are added to the candidate or replace its file of the same path. */
export function addFiles(fileList) {
  [...fileList].forEach(file => files.set(guessPath(file.name), file));
}

function guessPath(name) {
  const known = activeFiles.filter(p => p === name || p.endsWith('/' + name));
  return known.length === 1 ? known[0] : name;
}

export function rename(from, to) {
  const file = files.get(from);
  if (!file || from === to || !to) {
    return;
  }
  // a file renamed to the path of another replaces it
  const renamed = new Map();
  files.forEach((f, p) => {
    if (p !== to) {
      renamed.set(p === from ? to : p, f);
    }
  });
  files = renamed;
}

export function remove(path) {
  files.delete(path);
}

/** The paths that are not accepted rule file names (the API would answer 400). */
export function invalidPaths() {
  return [...files.keys()].filter(p => !accepted(p));
}

/** The multipart body: one part "files" per file, its path as the file name. */
export function formData() {
  const body = new FormData();
  files.forEach((file, path) => body.append('files', file, path));
  return body;
}

/** A key of the candidate's content as picked (paths, sizes, dates), to tell whether a preview is of it. */
export function fingerprint() {
  return [...files.entries()].map(([p, f]) => `${p}:${f.size}:${f.lastModified}`).sort().join('|');
}

export function draw(tbody, count, leftOut) {
  const paths = [...files.keys()].sort();
  tbody.innerHTML = paths.map((path, i) => {
    const file = files.get(path);
    const known = activeFiles.includes(path);
    const invalid = !accepted(path);
    const namesakes = path.includes('/') ? [] : activeFiles.filter(p => p.endsWith('/' + path));
    return `<tr data-path="${escape(path)}"${invalid ? ' class="invalid"' : ''}>
      <td><label class="visually-hidden" for="path-${i}">${t('rules.pathOf', { name: escape(file.name) })}</label>
        <input type="text" id="path-${i}" class="path" value="${escape(path)}" data-path="${escape(path)}"
          ${invalid ? `aria-invalid="true" title="${escape(t('rules.badPath'))}"` : ''}></td>
      <td>${namesakes.length > 1 ? `<span class="ambiguous">${escape(t('rules.ambiguous', { files: namesakes.join(', ') }))}</span>`
        : t(known ? 'rules.inActive' : 'rules.newFile')}</td>
      <td class="num">${format.count(file.size)}</td>
      <td><button type="button" class="secondary remove" data-path="${escape(path)}"
        aria-label="${escape(t('rules.removeFile', { path }))}">${t('rules.remove')}</button></td>
    </tr>`;
  }).join('') || `<tr><td colspan="4" class="note">${t('rules.noFiles')}</td></tr>`;
  count.textContent = paths.length ? t('rules.fileTotal', { count: format.count(paths.length) }) : '';
  const missing = activeFiles.filter(p => !files.has(p));
  leftOut.hidden = !paths.length || !missing.length;
  leftOut.textContent = missing.length ? t('rules.leftOut', { count: format.count(missing.length), files: missing.join(', ') }) : '';
}
