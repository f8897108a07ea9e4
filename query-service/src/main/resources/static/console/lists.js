// Agreements, repatriation cases and indicators: lists with filters and paging; every aggregate's detail page with
// its state and the timeline of its facts (who recorded each, when, and what a correction changed).

import { read, statePath } from './api.js';
import { t, fmt } from './i18n.js';
import { h, table, badge, field } from './ui.js';
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

const LISTS = {
  agreements: {
    title: 'agreements.title',
    filters: [{ name: 'status', values: ['IN_FORCE', 'EXPIRED', 'TERMINATED'], label: 'agreement.status' }],
    columns: () => [
      { label: t('agreement.id'), cell: a => link('agreements', a.id) },
      { label: t('agreement.title'), cell: a => a.title },
      { label: t('agreement.parties'), cell: a => (a.parties || []).join(' – ') },
      { label: t('agreement.status'), cell: a => badge(a.status, t(`status.${a.status}`)) },
      { label: t('agreement.validity'), cell: a => `${fmt.date(a.validFrom)} – ${fmt.date(a.validTo)}` },
    ],
  },
  'repatriation-cases': {
    title: 'cases.title',
    filters: [{ name: 'season', text: true, label: 'case.season', pattern: '[0-9]{4}-[0-9]{4}', placeholder: '2013-2014' }],
    columns: () => [
      { label: t('case.id'), cell: c => link('repatriation-cases', c.id) },
      { label: t('case.season'), cell: c => c.season },
      { label: t('case.searchProvince'), cell: c => c.searchProvince },
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
      { label: t('indicator.kind'), cell: i => t(`figure.${i.kind}`) },
      { label: t('indicator.period'), cell: i => `${fmt.date(i.periodFrom)} – ${fmt.date(i.periodTo)}` },
      { label: t('indicator.value'), num: true, cell: i => value(i.kind, i.value) },
      { label: t('indicator.corrections'), num: true, cell: i => fmt.number((i.history || []).length) },
    ],
  },
};

function link(collection, id) {
  return h('a', { href: `#/${collection}/${encodeURIComponent(id)}` }, id);
}

export async function listPage(collection, params) {
  const spec = LISTS[collection];
  const page = Math.max(0, Number(params.get('page') || 0));
  const size = 20;
  const filter = Object.fromEntries(spec.filters.map(f => [f.name, params.get(f.name) || '']));
  const result = await read(`api/${collection}`, { ...filter, page, size });
  const form = h('form', {
    class: 'filters', id: `${collection}-filters`,
    onsubmit: event => {
      event.preventDefault();
      go(collection, Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v)));
    },
  },
  spec.filters.map(f => field(`filter-${f.name}`, t(f.label), f.values
    ? h('select', { name: f.name }, h('option', { value: '' }, t('filter.any')),
      f.values.map(v => h('option', { value: v, selected: filter[f.name] === v }, t(`${f.prefix || 'status'}.${v}`))))
    : h('input', { name: f.name, type: f.date ? 'date' : 'text', value: filter[f.name], pattern: f.pattern, placeholder: f.placeholder }))),
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
      h('span', {}, t('pager.page', { page: page + 1, pages })),
      h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages, onclick: () => to(page + 1) }, t('pager.next'))));
}

/** One aggregate: its state now (as the read model has it, at minPosition when given) and its timeline. */
export async function detailPage(collection, id, params) {
  const minPosition = params.get('minPosition');
  const state = await read(statePath(collection, id), { minPosition });
  const timeline = await read('api/facts', { aggregateId: id, size: 500 });
  return h('div', {},
    h('p', {}, h('a', { href: `#/${collection}` }, `← ${t(`nav.${collection === 'repatriation-cases' ? 'cases' : collection}`)}`)),
    h('h1', { id: 'detail-title' }, `${t(`kind.${collection}`)} ${id}`),
    h('section', { class: 'panel', id: 'detail-state' }, h('h2', {}, t('detail.state')), stateOf(collection, state)),
    hasRole('AUDITOR') ? h('p', {}, h('a', { href: `#/audit?aggregate=${encodeURIComponent(id)}`, id: 'audit-link' }, t('detail.audit'))) : null,
    h('section', { class: 'panel', id: 'detail-timeline' },
      h('h2', {}, t('detail.timeline')),
      h('ol', { class: 'timeline' }, timeline.items.map(fact => h('li', {},
        h('strong', {}, t(`event.${fact.eventType}`)),
        fact.businessDate ? ` · ${fmt.date(fact.businessDate)}` : '',
        fact.amount != null ? [' · ', change(collection === 'indicators' ? indicatorUnit(state.kind) : 'count', fact)] : '',
        h('div', { class: 'meta' }, t('detail.recordedBy', {
          submitter: fact.submitter || '—', unit: fact.unit || '—', province: fact.province || '—',
          at: fmt.dateTime(fact.recordedAt), position: fact.position ?? '—',
        })),
        h('details', {}, h('summary', {}, t('detail.payload')), h('pre', {}, JSON.stringify(fact.payload, null, 2))))))));
}

function kv(pairs) {
  return h('dl', { class: 'kv' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
}

export function stateOf(collection, s) {
  switch (collection) {
    case 'agreements':
      return kv([
        ['agreement.title', s.title], ['agreement.status', badge(s.status, t(`status.${s.status}`))],
        ['agreement.parties', (s.parties || []).join(' – ')], ['agreement.signedOn', fmt.date(s.signedOn)],
        ['agreement.place', s.place], ['agreement.documentRef', s.documentRef],
        ['agreement.validity', `${fmt.date(s.validFrom)} – ${fmt.date(s.validTo)}`],
        ['agreement.domains', (s.domains || []).map(d => t(`domain.${d}`)).join(', ')],
        ['agreement.signatories', (s.signatories || []).map(x => `${x.name}${x.title ? `, ${x.title}` : ''} (${x.province})`).join('; ')],
        ['agreement.terminatedOn', s.terminatedOn ? `${fmt.date(s.terminatedOn)} · ${s.terminationReason || ''}` : null],
        ['agreement.reviews', fmt.number((s.reviews || []).length)],
      ]);
    case 'repatriation-cases':
      return kv([
        ['case.season', s.season], ['case.searchProvince', s.searchProvince], ['case.searchingUnit', s.searchingUnit],
        ['case.recovered', fmt.number(s.recoveredTotal)], ['case.repatriated', fmt.number(s.repatriatedTotal)],
        ['case.remaining', fmt.number(s.remaining)], ['case.firstRecoveredOn', fmt.date(s.firstRecoveredOn)],
      ]);
    case 'markers':
      return kv([
        ['marker.type', t(`type.${s.type}`)], ['marker.status', badge(s.status, t(`status.${s.status}`))],
        ['marker.responsibleSide', t(`side.${s.responsibleSide}`)],
        ['marker.plannedPoint', s.plannedLat != null ? `${s.plannedLat}, ${s.plannedLon}` : null],
        ['marker.surveyedPoint', s.surveyedLat != null ? `${s.surveyedLat}, ${s.surveyedLon}` : null],
        ['marker.completedOn', fmt.date(s.completedOn)],
        ['marker.confirmed', s.confirmedOn ? `${fmt.date(s.confirmedOn)} · ${t(`side.${s.confirmingSide}`)}` : null],
        ['marker.damagedOn', s.damagedOn ? `${fmt.date(s.damagedOn)} · ${s.damageDescription || ''}` : null],
        ['marker.repairedOn', s.repairedOn ? `${fmt.date(s.repairedOn)} · ${s.repairDescription || ''}` : null],
      ]);
    default:
      return kv([
        ['indicator.kind', t(`figure.${s.kind}`)], ['indicator.period', `${fmt.date(s.periodFrom)} – ${fmt.date(s.periodTo)}`],
        ['indicator.value', h('span', { id: 'indicator-value' }, value(s.kind, s.value))],
        ['indicator.borderGate', s.borderGate], ['indicator.source', s.source],
        ['indicator.reportingProvince', s.reportingProvince],
        ['indicator.corrections', (s.history || []).map(c => `${value(s.kind, c.value)} → ${value(s.kind, c.correctedTo)} (${c.reason || ''})`).join('; ') || null],
      ]);
  }
}
