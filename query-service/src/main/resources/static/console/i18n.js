// Languages of the console (English, Vietnamese), their texts from messages/, and formatting of numbers, money and
// dates for the chosen one.

const KEY = 'ledger.language';

/** The console's texts per language, one catalogue each under messages/ (a key missing in one falls back to English). */
async function catalogue(lang) {
  const response = await fetch(new URL(`messages/${lang}.json`, import.meta.url));
  if (!response.ok) throw new Error(`The console's ${lang} texts could not be loaded (${response.status})`);
  return response.json();
}

export const MESSAGES = Object.fromEntries(
  await Promise.all(['en', 'vi'].map(async lang => [lang, await catalogue(lang)])));
const en = MESSAGES.en;

const LOCALES = { en: 'en-GB', vi: 'vi-VN' };
let current = 'en';

export function language() {
  const stored = localStorage.getItem(KEY);
  if (stored && MESSAGES[stored]) return stored;
  return (navigator.language || 'en').toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export function setLanguage(lang) {
  current = MESSAGES[lang] ? lang : 'en';
  localStorage.setItem(KEY, current);
  document.documentElement.lang = current;
  translateStatic();
}

/** Texts of the page shell marked data-i18n. */
export function translateStatic() {
  document.querySelectorAll('[data-i18n]').forEach(element => { element.textContent = t(element.dataset.i18n); });
}

export function t(key, params = {}) {
  const text = MESSAGES[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`));
}

function locale() {
  return LOCALES[current];
}

export const fmt = {
  number: value => (value === null || value === undefined ? '' : new Intl.NumberFormat(locale()).format(value)),
  usd: value => (value === null || value === undefined ? ''
    : new Intl.NumberFormat(locale(), { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value)),
  /** Short figures for chart axes: 100 M, 1.5 K, US$100M. */
  compact: (value, usd) => new Intl.NumberFormat(locale(), usd
    ? { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }
    : { notation: 'compact', maximumFractionDigits: 1 }).format(value),
  /** A business date (YYYY-MM-DD) as that day, whatever the browser's time zone. */
  date: value => (value ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`)) : ''),
  dateTime: value => (value ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : ''),
};
