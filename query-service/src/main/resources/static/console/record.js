// Record a fact (role UNIT): a form for every write of the API. The checks here mirror the server's (shape, lengths,
// patterns, ranges, dates not after today on the border, ranges that end before they start) so that most mistakes are
// caught before sending; the server's refusal (problem+json) is shown next to the field it names. Each submission
// carries an idempotency key, kept until it succeeds, so a double click or a retry records the fact once. Numbers and
// ids may be typed in Khmer or Latin digits; the API receives Latin digits and text in Unicode NFC.

import { read, statePath, ApiError } from './api.js';
import { keep, entry as outboxEntry } from './outbox.js';
import { t, tx, fmt, label as enumLabel, sortBy, collator, latinDigits, numberInput } from './i18n.js';
import { h, replace, field, announce, newKey, data } from './ui.js';
import { stateOf, province } from './lists.js';
import { claims } from './session.js';

const ID = '[A-Za-z0-9][A-Za-z0-9./_-]{0,63}';
const PROVINCE = '(VN|KH)-[0-9A-Z]{1,6}';
const DOMAINS = ['BORDER_SECURITY', 'CRIME_PREVENTION', 'TRADE', 'TOURISM', 'ENERGY', 'HEALTH',
  'AGRICULTURE_FORESTRY_FISHERIES', 'CULTURE_AND_SPORT', 'PEOPLE_TO_PEOPLE_EXCHANGE', 'REMAINS_REPATRIATION', 'BORDER_DEMARCATION'];
const KINDS = ['TRADE_TURNOVER_USD', 'EXPORTS_USD', 'IMPORTS_USD', 'VISITORS_VN_TO_KH', 'VISITORS_KH_TO_VN'];
const GATE = 'HA_TIEN-PREK_CHAK';
const EARLIEST = '1900-01-01';
const LATEST = '9999-12-31';
/** The largest indicator value every store and JSON consumer holds exactly (2^53 - 1). */
const LARGEST_VALUE = Number.MAX_SAFE_INTEGER;
/** Control characters other than tab and line breaks: no store or consumer takes them. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Today on the border (Asia/Ho_Chi_Minh): the latest business date the server accepts. */
export function borderToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

const target = (collection) => ({ name: 'target', label: 'form.target', required: true, pattern: ID, list: collection });
const date = (name, label) => ({ name, label, type: 'date', required: true, past: true });
const text = (name, label, max, extra = {}) => ({ name, label, max, ...extra });
const lat = (name, label, required = true) => ({ name, label, type: 'number', required, min: -90, maxValue: 90, step: 'any' });
const lon = (name, label, required = true) => ({ name, label, type: 'number', required, min: -180, maxValue: 180, step: 'any' });
/** The most signatories an agreement records (the API's limit). */
export const MAX_SIGNATORIES = 50;
const after = (first, second, key) => v => (v[first] && v[second] && v[second] < v[first] ? { [second]: key } : {});

export const FORMS = [
  { id: 'sign-agreement', group: 'agreements', collection: 'agreements', path: () => '/api/agreements',
    fields: [
      text('id', 'agreement.id', 64, { pattern: ID, help: 'form.idHelp' }),
      text('title', 'agreement.title', 300, { required: true }),
      { name: 'parties', label: 'agreement.partyVN', type: 'select', options: ['VN-47'], prefix: 'province', required: true, id: 'parties-vn' },
      { name: 'parties', label: 'agreement.partyKH', type: 'select', options: ['KH-7'], prefix: 'province', required: true, id: 'parties-kh' },
      date('signedOn', 'agreement.signedOn'),
      text('place', 'agreement.place', 200),
      text('documentRef', 'agreement.documentRef', 200),
      { name: 'signatories', label: 'agreement.signatories', type: 'signatories', options: ['VN-47', 'KH-7'], initial: ['VN-47', 'KH-7'], required: true },
      { name: 'domains', label: 'agreement.domains', type: 'checks', options: DOMAINS, prefix: 'domain', required: true },
      { name: 'validFrom', label: 'agreement.validFrom', type: 'date', required: true },
      { name: 'validTo', label: 'agreement.validTo', type: 'date', required: true },
    ],
    checks: [after('validFrom', 'validTo', 'check.endsBeforeStart')],
    body: v => ({
      id: v.id, title: v.title, parties: v.parties, signedOn: v.signedOn, place: v.place, documentRef: v.documentRef,
      signatories: v.signatories.map(x => ({ name: x.name, title: x.title, province: x.province })),
      domains: v.domains, validFrom: v.validFrom, validTo: v.validTo,
    }) },
  { id: 'review-agreement', group: 'agreements', collection: 'agreements', path: v => `/api/agreements/${enc(v.target)}/reviews`,
    fields: [target('agreements'), date('reviewedOn', 'agreement.reviewedOn'),
      { name: 'periodFrom', label: 'form.periodFrom', type: 'date', required: true },
      { name: 'periodTo', label: 'form.periodTo', type: 'date', required: true },
      text('summary', 'form.summary', 4000, { required: true, type: 'textarea' })],
    checks: [after('periodFrom', 'periodTo', 'check.endsBeforeStart')],
    body: v => ({ reviewedOn: v.reviewedOn, periodFrom: v.periodFrom, periodTo: v.periodTo, summary: v.summary }) },
  { id: 'amend-agreement', group: 'agreements', collection: 'agreements', path: v => `/api/agreements/${enc(v.target)}/amendments`,
    fields: [target('agreements'), date('amendedOn', 'agreement.amendedOn'),
      text('summary', 'form.summary', 4000, { required: true, type: 'textarea' }),
      { name: 'validTo', label: 'agreement.newValidTo', type: 'date' },
      text('documentRef', 'agreement.documentRef', 200),
      { name: 'domains', label: 'agreement.newDomains', type: 'checks', options: DOMAINS, prefix: 'domain' }],
    body: v => ({ amendedOn: v.amendedOn, summary: v.summary, validTo: v.validTo, documentRef: v.documentRef,
      domains: v.domains.length ? v.domains : undefined }) },
  { id: 'terminate-agreement', group: 'agreements', collection: 'agreements', path: v => `/api/agreements/${enc(v.target)}/termination`,
    fields: [target('agreements'), date('terminatedOn', 'agreement.terminatedOn'), text('reason', 'form.reason', 4000, { required: true, type: 'textarea' })],
    body: v => ({ terminatedOn: v.terminatedOn, reason: v.reason }) },

  { id: 'open-case', group: 'cases', collection: 'repatriation-cases', path: () => '/api/repatriation-cases',
    fields: [text('id', 'case.id', 64, { pattern: ID, help: 'form.idHelp' }),
      text('season', 'case.season', 9, { required: true, pattern: '[0-9]{4}-[0-9]{4}', placeholder: 'case.seasonExample' }),
      { name: 'searchProvince', label: 'case.searchProvince', type: 'select', options: ['KH-7', 'VN-47'], prefix: 'province', required: true },
      text('searchingUnit', 'case.searchingUnit', 200, { help: 'form.unitHelp' })],
    body: v => ({ id: v.id, season: v.season, searchProvince: v.searchProvince, searchingUnit: v.searchingUnit }) },
  { id: 'record-recovery', group: 'cases', collection: 'repatriation-cases', path: v => `/api/repatriation-cases/${enc(v.target)}/recoveries`,
    fields: [target('repatriation-cases'), date('recoveredOn', 'case.recoveredOn'),
      { name: 'count', label: 'form.count', type: 'number', required: true, min: 1, integer: true },
      { name: 'site.province', label: 'case.siteProvince', type: 'select', options: ['KH-7', 'VN-47'], prefix: 'province', required: true },
      text('site.district', 'case.siteDistrict', 200), text('site.commune', 'case.siteCommune', 200),
      lat('site.lat', 'form.lat', false), lon('site.lon', 'form.lon', false)],
    checks: [v => ((v['site.lat'] === '') !== (v['site.lon'] === '') ? { 'site.lon': 'check.pointWhole' } : {})],
    body: v => ({ recoveredOn: v.recoveredOn, count: num(v.count), site: {
      province: v['site.province'], district: v['site.district'], commune: v['site.commune'],
      lat: num(v['site.lat']), lon: num(v['site.lon']) } }) },
  { id: 'record-repatriation', group: 'cases', collection: 'repatriation-cases', path: v => `/api/repatriation-cases/${enc(v.target)}/repatriations`,
    fields: [target('repatriation-cases'), date('repatriatedOn', 'case.repatriatedOn'),
      { name: 'count', label: 'form.count', type: 'number', required: true, min: 1, integer: true },
      text('borderGate', 'form.borderGate', 100, { value: GATE }), text('receivingUnit', 'case.receivingUnit', 200)],
    body: v => ({ repatriatedOn: v.repatriatedOn, count: num(v.count), borderGate: v.borderGate, receivingUnit: v.receivingUnit }) },

  { id: 'plan-marker', group: 'markers', collection: 'markers', path: () => '/api/markers',
    fields: [text('id', 'marker.id', 64, { pattern: ID, required: true, placeholder: 'marker.idExample' }),
      { name: 'type', label: 'marker.type', type: 'select', options: ['MAIN', 'SUB', 'REFERENCE'], prefix: 'type', required: true },
      lat('plannedLat', 'form.lat'), lon('plannedLon', 'form.lon'),
      { name: 'responsibleSide', label: 'marker.responsibleSide', type: 'select', options: ['VN', 'KH'], prefix: 'side', required: true }],
    body: v => ({ id: v.id, type: v.type, plannedLat: num(v.plannedLat), plannedLon: num(v.plannedLon), responsibleSide: v.responsibleSide }) },
  { id: 'report-completion', group: 'markers', collection: 'markers', path: v => `/api/markers/${enc(v.target)}/completion-reports`,
    fields: [target('markers'), date('completedOn', 'marker.completedOn'), lat('lat', 'form.lat'), lon('lon', 'form.lon')],
    body: v => ({ completedOn: v.completedOn, lat: num(v.lat), lon: num(v.lon) }) },
  { id: 'confirm-completion', group: 'markers', collection: 'markers', path: v => `/api/markers/${enc(v.target)}/confirmations`,
    fields: [target('markers'), date('confirmedOn', 'marker.confirmedOn')],
    body: v => ({ confirmedOn: v.confirmedOn }) },
  { id: 'report-damage', group: 'markers', collection: 'markers', path: v => `/api/markers/${enc(v.target)}/damage-reports`,
    fields: [target('markers'), date('damagedOn', 'marker.damagedOn'), text('description', 'form.description', 4000, { required: true, type: 'textarea' })],
    body: v => ({ damagedOn: v.damagedOn, description: v.description }) },
  { id: 'record-repair', group: 'markers', collection: 'markers', path: v => `/api/markers/${enc(v.target)}/repairs`,
    fields: [target('markers'), date('repairedOn', 'marker.repairedOn'), text('description', 'form.description', 4000, { type: 'textarea' })],
    body: v => ({ repairedOn: v.repairedOn, description: v.description }) },

  { id: 'report-indicator', group: 'indicators', collection: 'indicators', path: () => '/api/indicators',
    fields: [text('id', 'indicator.id', 64, { pattern: ID, help: 'form.idHelp' }),
      { name: 'indicator', label: 'indicator.kind', type: 'select', options: KINDS, prefix: 'figure', required: true },
      { name: 'periodFrom', label: 'form.periodFrom', type: 'date', required: true },
      date('periodTo', 'form.periodTo'),
      { name: 'value', label: 'indicator.value', type: 'number', required: true, min: 0, maxValue: LARGEST_VALUE, integer: true, help: 'form.valueHelp' },
      text('borderGate', 'form.borderGate', 100, { value: GATE }), text('source', 'indicator.source', 500)],
    checks: [after('periodFrom', 'periodTo', 'check.endsBeforeStart')],
    body: v => ({ id: v.id, indicator: v.indicator, periodFrom: v.periodFrom, periodTo: v.periodTo, value: num(v.value),
      borderGate: v.borderGate, source: v.source }) },
  { id: 'correct-indicator', group: 'indicators', collection: 'indicators', path: v => `/api/indicators/${enc(v.target)}/corrections`,
    fields: [target('indicators'), { name: 'value', label: 'form.newValue', type: 'number', required: true, min: 0, maxValue: LARGEST_VALUE, integer: true },
      text('reason', 'form.reason', 4000, { required: true, type: 'textarea' })],
    body: v => ({ value: num(v.value), reason: v.reason }) },
];

function enc(id) {
  return encodeURIComponent(id);
}

function num(value) {
  return value === '' || value === undefined ? undefined : Number(value);
}

export async function recordPage(params) {
  const chosen = FORMS.find(f => f.id === params.get('form')) || FORMS[0];
  const who = claims();
  const menu = ['agreements', 'cases', 'markers', 'indicators'].map(group => h('div', {},
    h('h2', {}, t(`nav.${group}`)),
    h('ul', {}, FORMS.filter(f => f.group === group).map(f => h('li', {},
      h('a', { href: `#/record?form=${f.id}`, id: `choose-${f.id}`, 'aria-current': f === chosen ? 'page' : null }, t(`form.${f.id}`)))))));
  return h('div', {},
    h('h1', {}, t('record.title')),
    h('p', { class: 'muted' }, tx('record.as', {
      unit: data(who.unit || who.sub), province: province(who.province) || '—', side: enumLabel('side', who.side) || '—',
    })),
    h('div', { class: 'grid2 record-layout' },
      h('nav', { class: 'panel', 'aria-label': t('record.choose') }, menu),
      h('section', { class: 'panel' }, await formView(chosen, params))));
}

async function formView(spec, params) {
  const datalists = {};
  for (const f of spec.fields.filter(f => f.list)) datalists[f.list] = await ids(f.list);
  const today = borderToday();
  const controls = spec.fields.map((f, index) => {
    const id = `f-${spec.id}-${f.id || f.name.replace(/\./g, '-')}`;
    const label = t(f.label) + (f.required ? ' *' : '');
    if (f.type === 'checks') {
      return h('fieldset', { class: 'field', dataset: { field: f.name }, id },
        h('legend', {}, label),
        h('div', { class: 'checks' }, sortBy(f.options, option => t(`${f.prefix}.${option}`)).map(option => h('label', {},
          h('input', { type: 'checkbox', name: f.name, value: option }), ' ', t(`${f.prefix}.${option}`)))),
        h('div', { class: 'error', role: 'alert' }));
    }
    if (f.type === 'signatories') return signatories(id, label, f);
    let control;
    if (f.type === 'select') {
      control = h('select', { name: f.name, required: f.required },
        f.required ? null : h('option', { value: '' }, '—'),
        (f.prefix ? sortBy(f.options, option => t(`${f.prefix}.${option}`)) : f.options)
          .map(option => h('option', { value: option }, f.prefix ? t(`${f.prefix}.${option}`) : option)));
    } else if (f.type === 'textarea') {
      control = h('textarea', { name: f.name, required: f.required, maxlength: f.max, rows: 3 });
    } else {
      const date = f.type === 'date';
      control = h('input', {
        name: f.name, type: date ? 'date' : 'text', required: f.required, maxlength: f.max, pattern: f.pattern,
        min: date ? EARLIEST : null, max: date ? (f.past ? today : LATEST) : null,
        placeholder: f.placeholder ? t(f.placeholder) : null, value: f.name === 'target' ? params.get('target') : f.value,
        list: f.list ? `ids-${f.list}` : null, autocomplete: 'off',
        inputmode: f.type === 'number' ? (f.integer ? 'numeric' : 'decimal') : null,
      });
    }
    return field(id, label, control, f.help ? t(f.help) : (f.type === 'date' && f.past ? t('form.notAfterToday', { today: fmt.date(today) }) : null));
  });
  const submit = h('button', { type: 'submit', id: 'record-submit' }, t('record.submit'));
  const result = h('div', { id: 'write-result', 'aria-live': 'polite' });
  const form = h('form', { id: `form-${spec.id}`, novalidate: true, dataset: { key: newKey() } },
    h('h2', {}, t(`form.${spec.id}`)),
    Object.entries(datalists).map(([name, values]) => h('datalist', { id: `ids-${name}` },
      [...values].sort(collator().compare).map(v => h('option', { value: v })))),
    controls,
    h('p', { class: 'muted' }, t('form.required')),
    submit,
    result);
  if (params.get('entry')) await correcting(form, spec, params.get('entry'), result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (submit.disabled) return;
    clearErrors(form);
    replace(result);
    const values = valuesOf(form, spec);
    const problems = check(spec, values, today);
    if (Object.keys(problems).length) {
      showErrors(form, problems, spec);
      announce(t('record.fixFields'));
      return;
    }
    submit.disabled = true;
    try {
      const kept = await keep({ form: spec.id, path: spec.path(values), body: clean(spec.body(values)), values,
        collection: spec.collection, target: values.target, key: form.dataset.key }, form.dataset.entry);
      form.dataset.entry = kept.seq;
      if (kept.state === 'waiting') {
        replace(result, h('div', { class: 'alert', id: 'write-queued' }, t('outbox.kept'), ' ',
          h('a', { href: '#/outbox' }, t('outbox.open'))));
        announce(t('outbox.kept'));
        return;
      }
      form.dataset.key = newKey();
      if (kept.state === 'refused') throw new ApiError(kept.status, kept.problem);
      delete form.dataset.entry;
      await showWritten(result, spec, kept.answer);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      const messages = failure.fieldMessages();
      for (const [name, message] of Object.entries(failure.problem.errors || {})) {
        if (!/\[\d+\]/.test(name)) continue;
        delete messages[name.replace(/\[\d+\]/g, '')];
        messages[name] = message;
      }
      if (messages.id && spec.fields.some(f => f.name === 'target') && !spec.fields.some(f => f.name === 'id')) {
        messages.target = messages.id;
        delete messages.id;
      }
      showErrors(form, messages, spec);
      replace(result, h('div', { class: 'alert', role: 'alert', id: 'write-refused' },
        h('strong', {}, t('record.refused', { status: failure.status })), ' ',
        failure.problem.title ? [data(failure.problem.title), ': '] : '', data(failure.problem.detail || failure.message)));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** A refused write from the outbox, back in its form with the reason, to be corrected and sent again. */
async function correcting(form, spec, seq, result) {
  const kept = await outboxEntry(seq);
  if (!kept || kept.form !== spec.id) return;
  form.dataset.entry = kept.seq;
  for (const f of spec.fields) {
    const value = kept.values[f.name];
    if (f.type === 'checks') {
      form.querySelectorAll(`[name="${f.name}"]`).forEach(box => { box.checked = value.includes(box.value); });
    } else if (f.type === 'signatories') {
      const add = form.querySelector(`[id$="-add"]`);
      while (form.querySelectorAll('.signatory').length < value.length) add.click();
      form.querySelectorAll('.signatory').forEach((row, i) => {
        for (const name of ['name', 'title', 'province']) row.querySelector(`[name="signatories.${name}"]`).value = value[i]?.[name] ?? '';
      });
    } else if (f.name === 'parties') {
      form.querySelectorAll('[name="parties"]').forEach((select, i) => { select.value = value[i] ?? select.value; });
    } else if (value !== undefined) {
      form.querySelector(`[name="${f.name}"]`).value = value;
    }
  }
  if (kept.state === 'refused') {
    replace(result, h('div', { class: 'alert', role: 'alert', id: 'write-refused' },
      h('strong', {}, t('record.refused', { status: kept.status })), ' ',
      kept.problem?.title ? [data(kept.problem.title), ': '] : '', data(kept.problem?.detail || '')));
  }
}

async function ids(collection) {
  try {
    const page = await read(`api/${collection}`, { size: 500 });
    return page.items.map(item => item.id);
  } catch {
    return [];
  }
}

/** The form's values as the API takes them: numbers and ids in Latin digits, text in NFC. */
function valuesOf(form, spec) {
  const entries = new FormData(form);
  const values = {};
  for (const f of spec.fields) {
    if (f.type === 'checks' || f.name === 'parties') {
      values[f.name] = entries.getAll(f.name).filter(Boolean);
    } else if (f.type === 'signatories') {
      values[f.name] = [...form.querySelectorAll('.signatory')].map(row => ({
        name: typed(row.querySelector('[name="signatories.name"]').value),
        title: typed(row.querySelector('[name="signatories.title"]').value),
        province: row.querySelector('[name="signatories.province"]').value,
      }));
    } else {
      const value = typed(entries.get(f.name));
      values[f.name] = f.type === 'number' ? numberInput(value) : f.pattern ? latinDigits(value) : value;
    }
  }
  return values;
}

function typed(value) {
  return (value ?? '').toString().trim().normalize('NFC');
}

/** Rows of signatories: at least one per party, up to the API's limit, each with its name, title and province. */
function signatories(id, legend, f) {
  const rows = h('div', { class: 'signatory-rows' });
  const add = h('button', { type: 'button', class: 'secondary', id: `${id}-add` }, t('agreement.addSignatory'));
  let made = 0;
  const renumber = () => {
    const all = [...rows.querySelectorAll('.signatory')];
    all.forEach((row, index) => {
      row.querySelector('.signatory-number').textContent = t('agreement.signatoryNumber', { number: fmt.plain(index + 1) });
      for (const name of ['name', 'title', 'province']) {
        row.querySelector(`[name="signatories.${name}"]`).closest('.field').dataset.field = `signatories[${index}].${name}`;
      }
      row.querySelector('.remove').disabled = all.length === 1;
    });
    add.disabled = all.length >= MAX_SIGNATORIES;
  };
  const row = provinceCode => {
    const n = made++;
    const rowId = `${id}-${n}`;
    const provinceSelect = h('select', { name: 'signatories.province', required: true },
      sortBy(f.options, option => t(`province.${option}`))
        .map(option => h('option', { value: option, selected: option === provinceCode }, t(`province.${option}`))));
    const element = h('fieldset', { class: 'signatory', id: rowId },
      h('legend', { class: 'signatory-number' }),
      field(`${rowId}-name`, `${t('agreement.signatoryName')} *`, h('input', { name: 'signatories.name', maxlength: 200, autocomplete: 'off' })),
      field(`${rowId}-title`, t('agreement.signatoryTitle'), h('input', { name: 'signatories.title', maxlength: 200, autocomplete: 'off' })),
      field(`${rowId}-province`, `${t('agreement.signatoryProvince')} *`, provinceSelect),
      h('button', {
        type: 'button', class: 'secondary remove', id: `${rowId}-remove`,
        onclick: () => {
          element.remove();
          renumber();
          announce(t('agreement.signatoryRemoved'));
          add.focus();
        },
      }, t('agreement.removeSignatory')));
    return element;
  };
  add.addEventListener('click', () => {
    const last = [...rows.querySelectorAll('[name="signatories.province"]')].pop();
    const next = row(last && last.value === f.initial[0] ? f.initial[1] : f.initial[0]);
    rows.append(next);
    renumber();
    next.querySelector('input').focus();
  });
  rows.append(...f.initial.map(row));
  renumber();
  return h('fieldset', { class: 'field signatories', dataset: { field: f.name }, id },
    h('legend', {}, legend),
    h('div', { class: 'help' }, t('agreement.signatoriesHelp', { max: fmt.plain(MAX_SIGNATORIES) })),
    rows,
    h('p', {}, add),
    h('div', { class: 'error', role: 'alert' }));
}

/** The server's shape rules, checked before sending: answers field name to message. */
export function check(spec, values, today) {
  const out = {};
  for (const f of spec.fields) {
    const value = values[f.name];
    if (out[f.name]) continue;
    if (f.type === 'signatories') {
      Object.assign(out, checkSignatories(value, values.parties || []));
      continue;
    }
    if (Array.isArray(value)) {
      if (f.required && value.length === 0) out[f.name] = t('check.required');
      continue;
    }
    if (value === '') {
      if (f.required) out[f.name] = t('check.required');
      continue;
    }
    if (f.max && [...value].length > f.max) out[f.name] = t('check.maxLength', { max: fmt.plain(f.max) });
    else if (CONTROL.test(value)) out[f.name] = t('check.control');
    else if (f.pattern && !new RegExp(`^(?:${f.pattern})$`).test(value)) out[f.name] = t('check.pattern');
    else if (f.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) out[f.name] = t('check.date');
    else if (f.type === 'date' && (value < EARLIEST || value > LATEST)) out[f.name] = t('check.dateRange', { from: fmt.date(EARLIEST), to: fmt.date(LATEST) });
    else if (f.type === 'date' && f.past && value > today) out[f.name] = t('check.future', { today: fmt.date(today) });
    else if (f.type === 'number') {
      const number = /^[-+]?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
      if (!Number.isFinite(number)) out[f.name] = t('check.number');
      else if (f.integer && !Number.isInteger(number)) out[f.name] = t('check.integer');
      else if (f.min !== undefined && number < f.min) out[f.name] = t('check.min', { min: fmt.number(f.min) });
      else if (f.maxValue !== undefined && number > f.maxValue) out[f.name] = t('check.max', { max: fmt.number(f.maxValue) });
    }
  }
  for (const rule of spec.checks || []) {
    for (const [name, key] of Object.entries(rule(values))) if (!out[name]) out[name] = t(key);
  }
  if (values.parties && new Set(values.parties).size < 2 && !out.parties) out.parties = t('check.twoParties');
  return out;
}

/** Each signatory named, within the lengths, and every party with at least one. */
function checkSignatories(rows, parties) {
  const out = {};
  rows.forEach((row, index) => {
    if (!row.name) out[`signatories[${index}].name`] = t('check.required');
    else if ([...row.name].length > 200) out[`signatories[${index}].name`] = t('check.maxLength', { max: fmt.plain(200) });
    else if (CONTROL.test(row.name)) out[`signatories[${index}].name`] = t('check.control');
    if ([...row.title].length > 200) out[`signatories[${index}].title`] = t('check.maxLength', { max: fmt.plain(200) });
    else if (CONTROL.test(row.title)) out[`signatories[${index}].title`] = t('check.control');
  });
  if (rows.length > MAX_SIGNATORIES) {
    out.signatories = t('check.maxSignatories', { max: fmt.plain(MAX_SIGNATORIES) });
  } else {
    const missing = parties.filter(party => !rows.some(row => row.province === party));
    if (missing.length) out.signatories = t('check.signatoryPerParty', { parties: missing.map(party => t(`province.${party}`)).join(', ') });
  }
  return out;
}

function clean(body) {
  if (Array.isArray(body)) return body.map(clean);
  if (body && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, clean(v)]));
  }
  return body;
}

function clearErrors(form) {
  form.querySelectorAll('.field.invalid').forEach(f => f.classList.remove('invalid'));
  form.querySelectorAll('.field .error').forEach(e => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
}

function showErrors(form, messages, spec) {
  let first = null;
  for (const [name, message] of Object.entries(messages)) {
    const fields = [...form.querySelectorAll('.field')];
    const unindexed = holderOf => (holderOf.dataset.field || '').replace(/\[\d+\]/g, '');
    const holder = fields.find(f => f.dataset.field === name) || fields.find(f => unindexed(f) === name)
      || fields.find(f => unindexed(f).startsWith(`${name}.`));
    if (!holder) continue;
    holder.classList.add('invalid');
    const error = holder.querySelector(':scope > .error') || holder.querySelector('.error');
    error.textContent = error.textContent ? `${error.textContent} ${message}` : message;
    const control = holder.querySelector('input, select, textarea');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      first = first || control;
    }
  }
  if (first) first.focus();
}

/** Read your write: the new state from the query service once it has processed the write's position. */
async function showWritten(result, spec, answer) {
  replace(result, h('div', { class: 'success', id: 'write-accepted' },
    tx('record.accepted', { id: data(answer.id), position: fmt.plain(answer.position) })));
  announce(t('record.accepted', { id: answer.id, position: fmt.plain(answer.position) }));
  try {
    const state = await read(statePath(spec.collection, answer.id), { minPosition: answer.position });
    result.append(h('section', { id: 'write-state' },
      h('h3', {}, tx('record.newState', { id: data(answer.id) })),
      stateOf(spec.collection, state),
      h('p', {}, h('a', { href: `#/${spec.collection}/${encodeURIComponent(answer.id)}?minPosition=${answer.position}` }, t('record.openDetail')))));
  } catch (failure) {
    result.append(h('p', { class: 'alert' }, t('record.notYetVisible', { position: fmt.plain(answer.position) }), ' ', data(failure.message)));
  }
}
