// Agreements, repatriation cases and indicators: lists with filters and paging; every aggregate's detail page with
// its state and the timeline of its facts (who recorded each, when, and what a correction changed).

import { read, statePath } from './api.js';
import { t, tx, fmt, label, known, sortBy, latinDigits } from './i18n.js';
import { h, table, badge, field, data } from './ui.js';
import { hasRole } from './session.js';
import { change } from './figures.js';
import { go } from './app.js';

const INDICATOR_KINDS = ['TRADE_TURNOVER_USD', 'EXPORTS_USD', 'IMPORTS_USD', 'VISITORS_VN_TO_KH', 'VISITORS_KH_TO_VN'];

export function indicatorUnit(kind) {
  return kind && kind.endsWith('_USD') ? 'usd' : 'persons';
}

function value(kind, amount) {
  return indicatorUnit(kind) === 'usd' ? fmt.usd(amount) : fmt.number(amount);
}

/** A province by its name in the chosen language (Kampot, ខេត្តកំពត), its code when the catalogue has no name for it. */
export function province(code) {
  if (!code) return null;
  return known(`province.${code}`) ? t(`province.${code}`) : data(code);
}

function parties(codes) {
  return (codes || []).flatMap((code, i) => (i ? [' – ', province(code)] : [province(code)]));
}

function period(from, to) {
  return `${fmt.date(from)} – ${fmt.date(to)}`;
}

const LISTS = {
  agreements: {
    title: 'agreements.title',
    filters: [{ name: 'status', values: ['IN_FORCE', 'EXPIRED', 'TERMINATED'], label: 'agreement.status' }],
    columns: () => [
      { label: t('agreement.id'), cell: a => link('agreements', a.id) },
      { label: t('agreement.title'), cell: a => data(a.title) },
      { label: t('agreement.parties'), cell: a => parties(a.parties) },
      { label: t('agreement.status'), cell: a => badge(a.status, label('status', a.status)) },
      { label: t('agreement.validity'), cell: a => period(a.validFrom, a.validTo) },
    ],
  },
  'repatriation-cases': {
    title: 'cases.title',
    filters: [{ name: 'season', text: true, label: 'case.season', pattern: '[0-9០-៩]{4}-[0-9០-៩]{4}', placeholder: 'case.seasonExample' }],
    columns: () => [
      { label: t('case.id'), cell: c => link('repatriation-cases', c.id) },
      { label: t('case.season'), cell: c => data(c.season) },
      { label: t('case.searchProvince'), cell: c => province(c.searchProvince) },
      { label: t('case.recovered'), num: true, cell: c => fmt.number(c.recoveredTotal) },
      { label: t('case.repatriated'), num: true, cell: c => fmt.number(c.repatriatedTotal) },
    ],
  },
  indicators: {
    title: 'indicators.title',
    filters: [
      { name: 'kind', values: INDICATOR_KINDS, label: 'indicator.kind', prefix: 'figure' },
      { name: 'from', date: true, label: 'figures.from' },
      { name: 'to', date: true, label: 'figures.to' },
    ],
    columns: () => [
      { label: t('indicator.id'), cell: i => link('indicators', i.id) },
      { label: t('indicator.kind'), cell: i => label('figure', i.kind) },
      { label: t('indicator.period'), cell: i => period(i.periodFrom, i.periodTo) },
      { label: t('indicator.value'), num: true, cell: i => value(i.kind, i.value) },
      { label: t('indicator.corrections'), num: true, cell: i => fmt.number((i.history || []).length) },
    ],
  },
};

function link(collection, id) {
  return h('a', { href: `#/${collection}/${encodeURIComponent(id)}`, translate: 'no' }, id);
}

export async function listPage(collection, params) {
  const spec = LISTS[collection];
  const page = Math.max(0, Number(params.get('page') || 0));
  const size = 20;
  const filter = Object.fromEntries(spec.filters.map(f => [f.name, latinDigits(params.get(f.name) || '')]));
  const result = await read(`api/${collection}`, { ...filter, page, size });
  const form = h('form', {
    class: 'filters', id: `${collection}-filters`,
    onsubmit: event => {
      event.preventDefault();
      go(collection, Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, latinDigits(v)]).filter(([, v]) => v)));
    },
  },
  spec.filters.map(f => field(`filter-${f.name}`, t(f.label), f.values
    ? h('select', { name: f.name }, h('option', { value: '' }, t('filter.any')),
      sortBy(f.values, v => t(`${f.prefix || 'status'}.${v}`))
        .map(v => h('option', { value: v, selected: filter[f.name] === v }, t(`${f.prefix || 'status'}.${v}`))))
    : h('input', {
      name: f.name, type: f.date ? 'date' : 'text', value: filter[f.name], pattern: f.pattern,
      placeholder: f.placeholder ? t(f.placeholder) : null, inputmode: f.pattern ? 'numeric' : null,
    }))),
  h('div', { class: 'field' }, h('button', { type: 'submit' }, t('filter.apply'))));
  const pages = Math.max(1, Math.ceil(result.total / size));
  const to = p => go(collection, { ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)), page: p });
  return h('div', {},
    h('h1', {}, t(spec.title)),
    form,
    h('p', { class: 'muted' }, t('list.total', { count: fmt.number(result.total) })),
    result.items.length ? table(spec.columns(), result.items, t(spec.title)) : h('p', {}, t('list.empty')),
    h('nav', { class: 'pager', 'aria-label': t('pager.label') },
      h('button', { type: 'button', class: 'secondary', disabled: page === 0, onclick: () => to(page - 1) }, t('pager.previous')),
      h('span', {}, t('pager.page', { page: fmt.plain(page + 1), pages: fmt.plain(pages) })),
      h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages, onclick: () => to(page + 1) }, t('pager.next'))));
}

/** One aggregate: its state now (as the read model has it, at minPosition when given) and its timeline. */
export async function detailPage(collection, id, params) {
  const minPosition = params.get('minPosition');
  const state = await read(statePath(collection, id), { minPosition });
  const timeline = await read('api/facts', { aggregateId: id, size: 500 });
  return h('div', {},
    h('p', {}, h('a', { href: `#/${collection}` }, `← ${t(`nav.${collection === 'repatriation-cases' ? 'cases' : collection}`)}`)),
    h('h1', { id: 'detail-title' }, t(`kind.${collection}`), ' ', data(id)),
    h('section', { class: 'panel', id: 'detail-state' }, h('h2', {}, t('detail.state')), stateOf(collection, state)),
    hasRole('AUDITOR') ? h('p', {}, h('a', { href: `#/audit?aggregate=${encodeURIComponent(id)}`, id: 'audit-link' }, t('detail.audit'))) : null,
    h('section', { class: 'panel', id: 'detail-timeline' },
      h('h2', {}, t('detail.timeline')),
      h('ol', { class: 'timeline' }, timeline.items.map(fact => h('li', {},
        h('strong', {}, eventName(fact.eventType)),
        fact.businessDate ? ` · ${fmt.date(fact.businessDate)}` : '',
        fact.amount != null ? [' · ', change(collection === 'indicators' ? indicatorUnit(state.kind) : 'count', fact)] : '',
        h('div', { class: 'meta' }, recordedBy(fact.submitter, fact.unit, fact.province, fact.recordedAt, fact.position)),
        h('details', {}, h('summary', {}, t('detail.payload')), h('pre', { translate: 'no' }, JSON.stringify(fact.payload, null, 2))))))));
}

/** An event type by its name in the chosen language; a type this console does not know shows as recorded. */
export function eventName(type) {
  return known(`event.${type}`) ? t(`event.${type}`) : data(type);
}

/** Who recorded a fact, when, and at which position. */
export function recordedBy(submitter, unit, provinceCode, at, position) {
  return tx('detail.recordedBy', {
    submitter: submitter ? data(submitter) : '—', unit: unit ? data(unit) : '—',
    province: provinceCode ? province(provinceCode) : '—', at: fmt.dateTime(at), position: position != null ? fmt.plain(position) : '—',
  });
}

function kv(pairs) {
  return h('dl', { class: 'kv' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
}

function signatory(x) {
  return [data(x.name), x.title ? [', ', data(x.title)] : null, ' (', province(x.province), ')'];
}

function joined(items, separator) {
  return items.flatMap((item, i) => (i ? [separator, item] : [item]));
}

function point(lat, lon) {
  return lat != null && lon != null ? `${fmt.decimal(lat)}, ${fmt.decimal(lon)}` : null;
}

/** A date and the data recorded with it (a reason, a description). */
function dated(date, text) {
  return date ? [fmt.date(date), text ? [' · ', data(text)] : null] : null;
}

function confirmed(date, side) {
  return date ? [fmt.date(date), side ? ` · ${label('side', side)}` : null] : null;
}

export function stateOf(collection, s) {
  switch (collection) {
    case 'agreements':
      return kv([
        ['agreement.title', s.title ? data(s.title) : null], ['agreement.status', badge(s.status, label('status', s.status))],
        ['agreement.parties', parties(s.parties)], ['agreement.signedOn', fmt.date(s.signedOn)],
        ['agreement.place', s.place ? data(s.place) : null], ['agreement.documentRef', s.documentRef ? data(s.documentRef) : null],
        ['agreement.validity', period(s.validFrom, s.validTo)],
        ['agreement.domains', sortBy((s.domains || []).map(d => label('domain', d)), d => d).join(', ')],
        ['agreement.signatories', (s.signatories || []).length ? h('span', { id: 'detail-signatories' }, joined((s.signatories || []).map(signatory), '; ')) : null],
        ['agreement.terminatedOn', dated(s.terminatedOn, s.terminationReason)],
        ['agreement.reviews', fmt.number((s.reviews || []).length)],
      ]);
    case 'repatriation-cases':
      return kv([
        ['case.season', s.season ? data(s.season) : null], ['case.searchProvince', province(s.searchProvince)],
        ['case.searchingUnit', s.searchingUnit ? data(s.searchingUnit) : null],
        ['case.recovered', fmt.number(s.recoveredTotal)], ['case.repatriated', fmt.number(s.repatriatedTotal)],
        ['case.remaining', fmt.number(s.remaining)], ['case.firstRecoveredOn', fmt.date(s.firstRecoveredOn)],
      ]);
    case 'markers':
      return kv([
        ['marker.type', label('type', s.type)], ['marker.status', badge(s.status, label('status', s.status))],
        ['marker.responsibleSide', label('side', s.responsibleSide)],
        ['marker.plannedPoint', point(s.plannedLat, s.plannedLon)],
        ['marker.surveyedPoint', point(s.surveyedLat, s.surveyedLon)],
        ['marker.completedOn', fmt.date(s.completedOn)],
        ['marker.confirmed', confirmed(s.confirmedOn, s.confirmingSide)],
        ['marker.damagedOn', dated(s.damagedOn, s.damageDescription)],
        ['marker.repairedOn', dated(s.repairedOn, s.repairDescription)],
      ]);
    default:
      return kv([
        ['indicator.kind', label('figure', s.kind)], ['indicator.period', period(s.periodFrom, s.periodTo)],
        ['indicator.value', h('span', { id: 'indicator-value' }, value(s.kind, s.value))],
        ['indicator.borderGate', s.borderGate ? data(s.borderGate) : null], ['indicator.source', s.source ? data(s.source) : null],
        ['indicator.reportingProvince', province(s.reportingProvince)],
        ['indicator.corrections', (s.history || []).length ? joined((s.history || []).map(c => [
          value(s.kind, c.value), ' → ', value(s.kind, c.correctedTo), c.reason ? [' (', data(c.reason), ')'] : null]), '; ') : null],
      ]);
  }
}
