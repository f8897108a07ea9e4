// The markers on a schematic map drawn from data shipped with the console, coloured by status, with the GeoJSON.

import { read, readBlob } from './api.js';
import { t, fmt, label, sortBy, collator } from './i18n.js';
import { h, s, table, badge, download, field } from './ui.js';
import { FRAME, COAST, PHU_QUOC, BORDER, PLACES, PROVINCES, CROSSING } from './geo.js';
import { go } from './app.js';

const STATUSES = ['PLANNED', 'REPORTED', 'COMPLETED', 'DAMAGED', 'REPAIRED'];
const COLOURS = { PLANNED: '#5a6270', REPORTED: '#b35c00', COMPLETED: '#1e7b3a', DAMAGED: '#b3121b', REPAIRED: '#1f5fbf' };

export async function markersPage(params) {
  const filter = { status: params.get('status') || '', type: params.get('type') || '', side: params.get('side') || '' };
  let all = [];
  for (let page = 0; ; page++) {
    const result = await read('api/markers', { ...filter, page, size: 500 });
    all.push(...result.items);
    if (all.length >= result.total || result.items.length === 0) break;
  }
  const byId = collator().compare;
  all = all.sort((a, b) => byId(a.id, b.id));
  const select = (name, values, label) => field(`marker-${name}`, label, h('select', { name },
    h('option', { value: '' }, t('filter.any')),
    sortBy(values, value => t(`${name}.${value}`))
      .map(value => h('option', { value, selected: filter[name] === value }, t(`${name}.${value}`)))));
  const form = h('form', {
    class: 'filters', id: 'marker-filters',
    onsubmit: event => {
      event.preventDefault();
      const data = new FormData(form);
      go('markers', Object.fromEntries([...data.entries()].filter(([, v]) => v)));
    },
  },
  select('status', STATUSES, t('marker.status')),
  select('type', ['MAIN', 'SUB', 'REFERENCE'], t('marker.type')),
  select('side', ['VN', 'KH'], t('marker.responsibleSide')),
  h('div', { class: 'field' }, h('button', { type: 'submit' }, t('filter.apply'))));

  const geojson = h('button', {
    type: 'button', class: 'secondary', id: 'geojson-download',
    onclick: async () => download(await readBlob('api/markers.geojson', filter, 'application/geo+json'), 'markers.geojson'),
  }, t('markers.geojson'));

  return h('div', {},
    h('h1', {}, t('markers.title')),
    form,
    h('div', { class: 'map' },
      map(all),
      h('div', { class: 'legend', 'aria-label': t('markers.legend') },
        STATUSES.map(status => h('span', {}, h('span', { class: 'swatch', style: `background:${COLOURS[status]}` }), label('status', status))),
        h('span', {}, '○ ', t('markers.planned')), h('span', {}, '● ', t('markers.surveyed'))),
      h('p', { class: 'muted' }, t('markers.schematic'))),
    h('p', {}, geojson),
    h('h2', {}, t('markers.list', { count: fmt.number(all.length) })),
    table([
      { label: t('marker.id'), cell: m => h('a', { href: `#/markers/${encodeURIComponent(m.id)}`, translate: 'no' }, m.id) },
      { label: t('marker.type'), cell: m => label('type', m.type) },
      { label: t('marker.status'), cell: m => badge(m.status, label('status', m.status)) },
      { label: t('marker.responsibleSide'), cell: m => label('side', m.responsibleSide) },
      { label: t('marker.confirmed'), cell: m => (m.confirmedOn
        ? [fmt.date(m.confirmedOn), m.confirmingSide ? ` · ${label('side', m.confirmingSide)}` : ''] : '—') },
    ], all, t('markers.title')));
}

function map(markers) {
  const lats = [FRAME.minLat, FRAME.maxLat];
  const lons = [FRAME.minLon, FRAME.maxLon];
  for (const m of markers) {
    for (const [lat, lon] of [[m.plannedLat, m.plannedLon], [m.surveyedLat, m.surveyedLon]]) {
      if (lat != null && lon != null) { lats.push(lat); lons.push(lon); }
    }
  }
  const minLat = Math.min(...lats); const maxLat = Math.max(...lats);
  const minLon = Math.min(...lons); const maxLon = Math.max(...lons);
  const width = 800;
  const squeeze = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const scale = width / ((maxLon - minLon) * squeeze);
  const height = Math.round((maxLat - minLat) * scale);
  const x = lon => ((lon - minLon) * squeeze * scale).toFixed(1);
  const y = lat => ((maxLat - lat) * scale).toFixed(1);
  const path = points => points.map(([lat, lon], i) => `${i ? 'L' : 'M'}${x(lon)},${y(lat)}`).join(' ');

  const land = `${path(COAST)} L${x(maxLon + 5)},${y(COAST[COAST.length - 1][0])} L${x(maxLon + 5)},${y(maxLat + 5)} L${x(minLon - 5)},${y(maxLat + 5)} L${x(minLon - 5)},${y(COAST[0][0])} Z`;
  const step = niceStep(Math.max(maxLat - minLat, maxLon - minLon));
  const grid = [];
  for (let lat = Math.ceil(minLat / step) * step; lat <= maxLat; lat += step) {
    grid.push(s('line', { class: 'grid', x1: 0, x2: width, y1: y(lat), y2: y(lat) }),
      s('text', { class: 'grid-label', x: 4, y: Number(y(lat)) - 3 }, t('geo.north', { degrees: fmt.decimal(Number(lat.toFixed(2))) })));
  }
  for (let lon = Math.ceil(minLon / step) * step; lon <= maxLon; lon += step) {
    grid.push(s('line', { class: 'grid', y1: 0, y2: height, x1: x(lon), x2: x(lon) }),
      s('text', { class: 'grid-label', y: height - 4, x: Number(x(lon)) + 3 }, t('geo.east', { degrees: fmt.decimal(Number(lon.toFixed(2))) })));
  }
  const dots = markers.map(m => {
    const colour = COLOURS[m.status] || COLOURS.PLANNED;
    const text = [`${t('marker.id')} ${m.id}: ${label('status', m.status)}`, label('side', m.responsibleSide),
      m.confirmedOn ? `${t('marker.confirmed')} ${fmt.date(m.confirmedOn)}` : null].filter(Boolean).join(', ');
    const planned = m.plannedLat != null ? [m.plannedLat, m.plannedLon] : null;
    const surveyed = m.surveyedLat != null ? [m.surveyedLat, m.surveyedLon] : null;
    return s('a', { href: `#/markers/${encodeURIComponent(m.id)}`, class: 'marker', 'aria-label': text, dataset: { marker: m.id } },
      s('title', {}, text),
      planned && surveyed ? s('line', { x1: x(planned[1]), y1: y(planned[0]), x2: x(surveyed[1]), y2: y(surveyed[0]), stroke: colour }) : null,
      planned ? s('circle', { cx: x(planned[1]), cy: y(planned[0]), r: 6, fill: '#fff', stroke: colour, 'stroke-width': 2.5 }) : null,
      surveyed ? s('circle', { cx: x(surveyed[1]), cy: y(surveyed[0]), r: 4.5, fill: colour }) : null);
  });
  return s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': t('markers.map'), id: 'marker-map' },
    s('rect', { class: 'sea', x: 0, y: 0, width, height }),
    s('path', { class: 'land', d: land }),
    s('path', { class: 'land', d: `${path(PHU_QUOC)} Z` }),
    grid,
    s('path', { class: 'border', d: path(BORDER) }),
    PROVINCES.map(p => s('text', { class: 'place', x: x(p.at[1]), y: y(p.at[0]), 'font-weight': 700 },
      t(`province.${p.code}`), ' (', s('tspan', { translate: 'no' }, p.code), ')')),
    PLACES.map(p => {
      const nearRightEdge = Number(x(p.at[1])) > width - 90;
      return [s('circle', { cx: x(p.at[1]), cy: y(p.at[0]), r: 2.5, fill: '#1b1f24' }),
        s('text', { class: 'place', x: Number(x(p.at[1])) + (nearRightEdge ? -5 : 5), y: Number(y(p.at[0])) + (nearRightEdge ? -6 : 4),
          'text-anchor': nearRightEdge ? 'end' : 'start' }, t(`place.${p.key}`))];
    }),
    s('g', { class: 'crossing-mark' },
      s('rect', { class: 'crossing', x: Number(x(CROSSING.at[1])) - 5, y: Number(y(CROSSING.at[0])) - 5, width: 10, height: 10, transform: `rotate(45 ${x(CROSSING.at[1])} ${y(CROSSING.at[0])})` }),
      s('text', { class: 'place', x: Number(x(CROSSING.at[1])) - 10, y: Number(y(CROSSING.at[0])) - 12, 'text-anchor': 'end' }, `${t('place.crossing')} ◆`)),
    dots);
}

function niceStep(span) {
  for (const step of [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 45]) {
    if (span / step <= 12) return step;
  }
  return 90;
}
