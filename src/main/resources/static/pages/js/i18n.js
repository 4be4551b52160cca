/*
 * The pages' language: zh-CN or en, chosen with the switch in the header and remembered in localStorage; until
 * then zh-CN when the browser prefers Chinese, else English. Numbers and dates are formatted for it (Intl).
 */
import messages from './messages.js';

const STORAGE_KEY = 'oppflow.lang';
export const LANGUAGES = ['zh-CN', 'en'];
const listeners = [];

function preferred() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored)) {
    return stored;
  }
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current = preferred();

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!LANGUAGES.includes(lang) || lang === current) {
    return;
  }
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  translate(document);
  listeners.forEach(listener => listener(lang));
}

/** Calls {@code listener} after every change of language (to redraw what a script wrote). */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

export function t(key, params = {}) {
  const text = messages[current][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

/**
 * Fills the texts marked in the HTML: data-i18n (text), data-i18n-placeholder, data-i18n-label (aria-label),
 * and the document's lang.
 */
export function translate(root) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
}

export const format = {
  count: n => (n == null ? '–' : new Intl.NumberFormat(current).format(n)),
  percent: r => (r == null ? '–' : new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: 1 }).format(r)),
  days: d => (d == null ? '–' : new Intl.NumberFormat(current, { maximumFractionDigits: 1 }).format(d)),
  money: (amount, currency) => {
    if (amount == null) {
      return '–';
    }
    try {
      return new Intl.NumberFormat(current, { style: 'currency', currency: currency || 'CNY', maximumFractionDigits: 0 }).format(amount);
    } catch (e) {
      return new Intl.NumberFormat(current).format(amount) + ' ' + currency;
    }
  },
  dateTime: iso => (iso ? new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '–')
};

/** A bilingual name from the API ({zh, en}) in the current language. */
export function localName(message, fallback) {
  if (!message) {
    return fallback;
  }
  return (current === 'zh-CN' ? message.zh : message.en) || message.en || message.zh || fallback;
}

const SEPARATOR = ' / ';
const HAN = /\p{Script=Han}/u;
const FIELD = /^[A-Za-z_$][\w$.[\]-]*: /;

/**
 * An API text "中文 / English" (a refusal's detail or a field's message) read into its halves, as Message.parse
 * does on the server: split at the first " / " after the first Chinese character, so a value quoted before the
 * Chinese ("'2027 / Q1' 不是期间 / …") does not split it; a field named before the Chinese ("period: … / …", as a
 * problem's detail names its first field) is named in the English half too. Any other text is both halves.
 */
export function halves(text) {
  const whole = String(text ?? '');
  const han = whole.search(HAN);
  const at = han < 0 ? -1 : whole.indexOf(SEPARATOR, han);
  if (at < 0) {
    return { zh: whole, en: whole };
  }
  const zh = whole.slice(0, at);
  const en = whole.slice(at + SEPARATOR.length);
  const field = FIELD.exec(zh);
  return { zh, en: field && !en.startsWith(field[0]) ? field[0] + en : en };
}

/**
 * The half of an API text "中文 / English" in the page's language; a text without both halves as it is. Pages keep
 * the API's whole text and call this when they draw, so a change of language shows the other half.
 */
export function half(text) {
  const { zh, en } = halves(text);
  return current === 'zh-CN' ? zh : en;
}
