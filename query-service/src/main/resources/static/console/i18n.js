// Languages of the console (English, Vietnamese, Khmer), their texts from messages/, and formatting of numbers, money
// and dates for the chosen one, in Latin or Khmer digits.

const KEY = 'ledger.language';
const DIGITS_KEY = 'ledger.digits';

/** The languages a user can pick, in the order the picker shows them. */
export const LANGUAGES = ['en', 'vi', 'km'];

/**
 * The pseudo-locale: every catalogue text wrapped in ⟦…⟧ and every formatted number or date in ⟪…⟫, so that a test sees
 * which text on a page comes from neither the catalogue nor the data. Chosen through localStorage only.
 */
export const PSEUDO = 'qps';

/** The console's texts per language, one catalogue each under messages/. */
async function catalogue(lang) {
  const response = await fetch(new URL(`messages/${lang}.json`, import.meta.url));
  if (!response.ok) throw new Error(`The console's ${lang} texts could not be loaded (${response.status})`);
  return response.json();
}

export const MESSAGES = Object.fromEntries(
  await Promise.all(LANGUAGES.map(async lang => [lang, await catalogue(lang)])));
MESSAGES[PSEUDO] = Object.fromEntries(Object.entries(MESSAGES.en).map(([key, text]) => [key, `⟦${text}⟧`]));
const en = MESSAGES.en;

const LOCALES = { en: 'en-GB', vi: 'vi-VN', km: 'km-KH', [PSEUDO]: 'en-GB' };
let current = 'en';

export function language() {
  const stored = localStorage.getItem(KEY);
  if (stored && MESSAGES[stored]) return stored;
  const browser = (navigator.language || 'en').toLowerCase();
  return LANGUAGES.find(lang => browser.startsWith(lang)) || 'en';
}

/** The language the console shows now: the one sent as Accept-Language. */
export function chosen() {
  return current === PSEUDO ? 'en' : current;
}

export function setLanguage(lang) {
  current = MESSAGES[lang] ? lang : 'en';
  localStorage.setItem(KEY, current);
  document.documentElement.lang = chosen();
  translateStatic();
}

/** Khmer ('khmr') or Latin ('latn') digits; Khmer digits are the default in Khmer and never shown in another language. */
export function digits() {
  if (current !== 'km') return 'latn';
  return localStorage.getItem(DIGITS_KEY) === 'latn' ? 'latn' : 'khmr';
}

export function setDigits(system) {
  localStorage.setItem(DIGITS_KEY, system === 'latn' ? 'latn' : 'khmr');
}

/** Texts of the page shell marked data-i18n. */
export function translateStatic() {
  document.querySelectorAll('[data-i18n]').forEach(element => { element.textContent = t(element.dataset.i18n); });
}

/** The text of a key in the chosen language; a key no catalogue holds shows as itself and is reported. */
export function t(key, params = {}) {
  const text = MESSAGES[current][key] ?? en[key];
  if (text === undefined) {
    console.error(`No text for ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`));
}

/** The text of a key with its parameters kept as given: a node (data) stays a node, for h() to place. */
export function tx(key, params = {}) {
  return t(key, Object.fromEntries(Object.keys(params).map(name => [name, `\u0000${name}\u0000`])))
    .split('\u0000').map((part, i) => (i % 2 ? params[part] : part)).filter(part => part !== '');
}

/** Whether a catalogue holds the key. */
export function known(key) {
  return key in en;
}

/**
 * The text of an enum value (a status, a side, a kind) under its prefix, or null when there is no value: a missing value
 * never becomes a key such as side.null.
 */
export function label(prefix, value) {
  return value === null || value === undefined || value === '' ? null : t(`${prefix}.${value}`);
}

function locale() {
  return `${LOCALES[current]}-u-nu-${digits()}`;
}

/** Compares texts as the chosen language sorts them (numbers inside by their value: 314/2 before 314/10). */
export function collator() {
  return new Intl.Collator(locale(), { numeric: true });
}

/** Sorts items by the text each shows, in the chosen language's order. */
export function sortBy(items, textOf) {
  const compare = collator().compare;
  return [...items].sort((a, b) => compare(textOf(a), textOf(b)));
}

/**
 * Whether the browser's Intl holds Khmer (CLDR km) data. Chromium's bundled ICU does not: there the console writes
 * numbers and dates itself with the CLDR km patterns (grouping ',', decimal '.', 'd MMMM y', 24-hour time, '$' after
 * the amount) and Khmer month names.
 */
const INTL_HAS_KHMER = Intl.NumberFormat.supportedLocalesOf(['km-KH']).length > 0
  && Intl.DateTimeFormat.supportedLocalesOf(['km-KH']).length > 0;
const KHMER_MONTHS = ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'];
const KHMER_COMPACT = [[1e9, 'ប៊ីលាន'], [1e6, 'លាន'], [1e3, 'ពាន់']];

function khmerByHand() {
  return current === 'km' && !INTL_HAS_KHMER;
}

/** A number formatter of the chosen language and digits. */
function numbers(options = {}) {
  if (khmerByHand()) return value => inDigits(new Intl.NumberFormat('en-US', options).format(value));
  const format = new Intl.NumberFormat(locale(), options);
  return value => format.format(value);
}

function usd(value, options = {}) {
  if (khmerByHand()) return `${numbers(options)(value)}$`;
  return numbers({ style: 'currency', currency: 'USD', ...options })(value);
}

function compact(value, isUsd) {
  if (!khmerByHand()) return numbers(isUsd
    ? { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }
    : { notation: 'compact', maximumFractionDigits: 1 })(value);
  const [size, word] = KHMER_COMPACT.find(([limit]) => Math.abs(value) >= limit) || [1, ''];
  const text = `${numbers({ maximumFractionDigits: 1 })(value / size)}${word ? ` ${word}` : ''}`;
  return isUsd ? `${text}$` : text;
}

function day(date, utc) {
  const [y, m, d] = utc ? [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()]
    : [date.getFullYear(), date.getMonth(), date.getDate()];
  return `${inDigits(String(d))} ${KHMER_MONTHS[m]} ${inDigits(String(y))}`;
}

function date(value) {
  const at = new Date(`${value}T00:00:00Z`);
  if (khmerByHand()) return day(at, true);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}

function dateTime(value) {
  const at = new Date(value);
  if (khmerByHand()) {
    const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
    return `${day(at, false)} ${inDigits(time)}`;
  }
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

function formatted(text) {
  return current === PSEUDO && text !== '' ? `⟪${text}⟫` : text;
}

const KHMER_DIGITS = /[\u17E0-\u17E9]/g;

/** The text with Khmer digits (០-៩) as Latin ones (0-9): what the API takes. */
export function latinDigits(text) {
  return String(text ?? '').replace(KHMER_DIGITS, digit => String(digit.charCodeAt(0) - 0x17E0));
}

/**
 * A number as typed: Khmer or Latin digits, spaces ignored; the decimal sign is a point, or a comma where the chosen
 * language writes one (a point is then a group separator when a comma is present). Answers Latin text, '' for none.
 */
export function numberInput(text) {
  let value = latinDigits(text).replace(/[\s\u00A0\u202F]/g, '');
  const decimal = khmerByHand() ? '.'
    : new Intl.NumberFormat(locale()).formatToParts(1.5).find(part => part.type === 'decimal')?.value;
  if (decimal === ',' && value.includes(',')) value = value.replace(/\./g, '').replace(',', '.');
  return value;
}

/** Writes the digits of a text (an id, a year) in the chosen digits. */
function inDigits(text) {
  if (digits() !== 'khmr') return text;
  return text.replace(/[0-9]/g, digit => String.fromCharCode(0x17E0 + Number(digit)));
}

function duration(iso) {
  const match = /^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso || '');
  if (!match) return '';
  const [, days = 0, hours = 0, minutes = 0, seconds = 0] = match;
  const total = Math.round(Number(days) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds));
  const number = numbers();
  return Math.floor(total / 60) > 0
    ? t('duration.minutesSeconds', { minutes: number(Math.floor(total / 60)), seconds: number(total % 60) })
    : t('duration.seconds', { seconds: number(total) });
}

export const fmt = {
  number: value => (value === null || value === undefined ? '' : formatted(numbers()(value))),
  /** A whole number without grouping: a position, a year, a page number. */
  plain: value => (value === null || value === undefined ? '' : formatted(numbers({ useGrouping: false })(value))),
  /** A number as written in a coordinate: its own decimals, no grouping. */
  decimal: value => (value === null || value === undefined ? ''
    : formatted(numbers({ useGrouping: false, maximumFractionDigits: 6 })(value))),
  percent: value => formatted(khmerByHand() ? `${numbers({ maximumFractionDigits: 0 })(value * 100)}%`
    : numbers({ style: 'percent', maximumFractionDigits: 0 })(value)),
  usd: value => (value === null || value === undefined ? '' : formatted(usd(value, { maximumFractionDigits: 0 }))),
  /** Short figures for chart axes: 100 M, 1.5 K, US$100M. */
  compact: (value, isUsd) => compact(value, isUsd),
  /** A business date (YYYY-MM-DD) as that day, whatever the browser's time zone. */
  date: value => (value ? formatted(date(value)) : ''),
  dateTime: value => (value ? formatted(dateTime(value)) : ''),
  /** An ISO-8601 duration (PT1M30S) in minutes and seconds. */
  duration: value => formatted(duration(value)),
  /** Text whose digits follow the chosen digits (a season 2013-2014, a year on an axis). */
  digits: value => (value === null || value === undefined ? '' : formatted(inDigits(String(value)))),
};
