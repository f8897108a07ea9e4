// Figures of a period, the facts behind each one, and the same figures over the years as charts.

import { read } from './api.js';
import { t, fmt } from './i18n.js';
import { h, replace, table, announce, field, data } from './ui.js';
import { eventName, province } from './lists.js';
import { lineChart } from './charts.js';
import { go } from './app.js';

export const FIGURES = [
  { key: 'REMAINS_RECOVERED', value: s => s.remainsRecovered, unit: 'count' },
  { key: 'REMAINS_REPATRIATED', value: s => s.remainsRepatriated, unit: 'count' },
  { key: 'MARKERS_COMPLETED', value: s => s.markersCompleted, unit: 'count' },
  { key: 'TRADE_TURNOVER_USD', value: s => s.tradeTurnoverUsd, unit: 'usd' },
  { key: 'EXPORTS_USD', value: s => s.exportsUsd, unit: 'usd' },
  { key: 'IMPORTS_USD', value: s => s.importsUsd, unit: 'usd' },
  { key: 'VISITORS_VN_TO_KH', value: s => s.visitors.VN_TO_KH, unit: 'persons' },
  { key: 'VISITORS_KH_TO_VN', value: s => s.visitors.KH_TO_VN, unit: 'persons' },
  { key: 'AGREEMENTS_IN_FORCE', value: s => s.agreementsInForce, unit: 'count' },
];

export function amount(unit, value) {
  if (value === null || value === undefined) return '';
  return unit === 'usd' ? fmt.usd(value) : fmt.number(value);
}

const FIRST_YEAR = 2012;

export async function figuresPage(params) {
  const lastYear = new Date().getFullYear() - 1;
  const from = params.get('from') || `${lastYear}-01-01`;
  const to = params.get('to') || `${lastYear}-12-31`;
  const selected = params.get('figure');

  const fromInput = h('input', { type: 'date', name: 'from', value: from, required: true });
  const toInput = h('input', { type: 'date', name: 'to', value: to, required: true });
  const years = h('select', { name: 'year' },
    h('option', { value: '' }, t('figures.pickYear')),
    Array.from({ length: lastYear + 2 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i).reverse()
      .map(year => h('option', { value: year }, fmt.plain(year))));
  years.addEventListener('change', () => {
    if (!years.value) return;
    fromInput.value = `${years.value}-01-01`;
    toInput.value = `${years.value}-12-31`;
  });
  const picker = h('form', {
    class: 'inline', id: 'period-form', role: 'search', 'aria-label': t('figures.period'),
    onsubmit: event => {
      event.preventDefault();
      if (fromInput.value > toInput.value) {
        toInput.setCustomValidity(t('figures.toBeforeFrom'));
        toInput.reportValidity();
        return;
      }
      toInput.setCustomValidity('');
      go('figures', { from: fromInput.value, to: toInput.value });
    },
  },
  field('period-year', t('figures.year'), years),
  field('period-from', t('figures.from'), fromInput),
  field('period-to', t('figures.to'), toInput),
  h('div', { class: 'field' }, h('button', { type: 'submit', id: 'period-show' }, t('figures.show'))));

  const statistics = await read('api/statistics', { from, to });
  const facts = h('section', { id: 'figure-facts', 'aria-live': 'polite' });
  const cards = FIGURES.map(figure => {
    const value = figure.value(statistics);
    const card = h('button', {
      type: 'button', class: 'figure', id: `figure-${figure.key}`, 'aria-pressed': String(selected === figure.key),
      onclick: () => go('figures', { from, to, figure: figure.key }),
    },
    h('span', { class: 'label' }, t(`figure.${figure.key}`)),
    h('span', { class: 'value', id: `value-${figure.key}`, dataset: { value } }, amount(figure.unit, value)),
    h('span', { class: 'hint' }, t('figures.openFacts')));
    return card;
  });
  if (selected && FIGURES.some(f => f.key === selected)) {
    await showFacts(facts, FIGURES.find(f => f.key === selected), from, to, 0);
  }

  const charts = h('section', { class: 'grid2', id: 'figure-charts' });
  yearlyCharts(charts, lastYear + 1);

  return h('div', {},
    h('h1', {}, t('figures.title')),
    picker,
    h('p', { class: 'muted', id: 'period-shown', dataset: { from, to } },
      t('figures.periodShown', { from: fmt.date(from), to: fmt.date(to) }), ' · ',
      t('figures.position', { position: fmt.number(statistics.position) })),
    h('div', { class: 'figures' }, cards),
    facts,
    h('h2', {}, t('figures.overYears')),
    h('p', { class: 'muted' }, t('figures.overYearsHelp')),
    charts);
}

async function showFacts(target, figure, from, to, page) {
  const size = 25;
  const result = await read(`api/figures/${figure.key}/facts`, { from, to, page, size });
  const columns = [
    { label: t('facts.position'), num: true, cell: f => fmt.plain(f.position) },
    { label: t('facts.date'), cell: f => fmt.date(f.businessDate) },
    { label: t('facts.event'), cell: f => eventName(f.eventType) },
    { label: t('facts.aggregate'), cell: f => h('a', { href: detailHref(f), translate: 'no' }, f.aggregateId) },
    { label: t('facts.amount'), num: true, cell: f => change(figure.unit, f) },
    { label: t('facts.submitter'), cell: f => (f.submitter ? data(f.submitter) : '—') },
    { label: t('facts.unit'), cell: f => (f.unit ? [data(f.unit), f.province ? [' (', province(f.province), ')'] : null] : '—') },
    { label: t('facts.recordedAt'), cell: f => fmt.dateTime(f.recordedAt) },
  ];
  const pages = Math.max(1, Math.ceil(result.total / size));
  replace(target,
    h('h2', { id: 'facts-title' }, t('facts.title', { figure: t(`figure.${figure.key}`) })),
    h('p', { class: 'muted' }, t('facts.count', { count: fmt.number(result.total) })),
    result.items.length ? table(columns, result.items, t('facts.title', { figure: t(`figure.${figure.key}`) }))
      : h('p', {}, t('facts.none')),
    pages > 1 ? h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'secondary', disabled: page === 0, onclick: () => showFacts(target, figure, from, to, page - 1) }, t('pager.previous')),
      h('span', {}, t('pager.page', { page: fmt.plain(page + 1), pages: fmt.plain(pages) })),
      h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages, onclick: () => showFacts(target, figure, from, to, page + 1) }, t('pager.next')))
      : null);
  announce(t('facts.count', { count: fmt.number(result.total) }));
}

/** A correction shows the value it superseded and the new one. */
export function change(unit, fact) {
  if (fact.previousAmount !== null && fact.previousAmount !== undefined) {
    return h('span', { class: 'correction' }, h('del', {}, amount(unit, fact.previousAmount)), ' → ', h('ins', {}, amount(unit, fact.amount)));
  }
  return amount(unit, fact.amount);
}

export function detailHref(fact) {
  const collection = {
    CooperationAgreement: 'agreements', RepatriationCase: 'repatriation-cases', BorderMarker: 'markers',
    CooperationIndicator: 'indicators', agreement: 'agreements', repatriation: 'repatriation-cases',
    marker: 'markers', indicator: 'indicators',
  }[fact.aggregateType] || collectionOf(fact.eventType);
  return `#/${collection}/${encodeURIComponent(fact.aggregateId)}`;
}

function collectionOf(eventType) {
  if (eventType.startsWith('Agreement')) return 'agreements';
  if (eventType.startsWith('Marker')) return 'markers';
  if (eventType.startsWith('Indicator')) return 'indicators';
  return 'repatriation-cases';
}

async function yearlyCharts(target, lastYear) {
  const years = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  let rows;
  try {
    rows = await Promise.all(years.map(year => read('api/statistics', { from: `${year}-01-01`, to: `${year}-12-31` })));
  } catch (failure) {
    replace(target, h('p', { class: 'alert' }, data(failure.message)));
    return;
  }
  const charts = [
    { id: 'chart-remains', title: t('chart.remainsMarkers'), unit: 'count',
      series: ['REMAINS_RECOVERED', 'REMAINS_REPATRIATED', 'MARKERS_COMPLETED'] },
    { id: 'chart-trade', title: t('chart.trade'), unit: 'usd', series: ['TRADE_TURNOVER_USD', 'EXPORTS_USD', 'IMPORTS_USD'] },
    { id: 'chart-visitors', title: t('chart.visitors'), unit: 'persons', series: ['VISITORS_VN_TO_KH', 'VISITORS_KH_TO_VN'] },
    { id: 'chart-agreements', title: t('chart.agreements'), unit: 'count', series: ['AGREEMENTS_IN_FORCE'] },
  ];
  replace(target, charts.map(chart => {
    const series = chart.series.map(key => ({
      label: t(`figure.${key}`), values: rows.map(FIGURES.find(f => f.key === key).value),
    }));
    const canvas = h('div', { class: 'chart', id: chart.id, role: 'img', 'aria-label': chart.title });
    const panel = h('section', { class: 'panel' },
      h('h3', {}, chart.title),
      canvas,
      h('details', {}, h('summary', {}, t('chart.table')),
        table([{ label: t('chart.year'), cell: r => fmt.plain(r.year) },
          ...series.map((s, i) => ({ label: s.label, num: true, cell: r => amount(chart.unit, r.values[i]) }))],
        years.map((year, row) => ({ year, values: series.map(s => s.values[row]) })), chart.title)));
    lineChart(canvas, years, series, value => amount(chart.unit, value), value => fmt.compact(value, chart.unit === 'usd'),
      year => fmt.plain(year));
    return panel;
  }));
}
