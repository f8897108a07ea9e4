// Audit (role AUDITOR): the event stream with filters, one aggregate's history, its state as of a date, the store's
// verification with the last seal's chain hash to copy, and the NDJSON export.

import { audit, ApiError } from './api.js';
import { t, tx, fmt, known, sortBy, latinDigits } from './i18n.js';
import { h, replace, table, field, download, announce, data } from './ui.js';
import { eventName, recordedBy } from './lists.js';

const TYPES = ['AgreementSigned', 'AgreementReviewed', 'AgreementAmended', 'AgreementTerminated', 'RepatriationCaseOpened',
  'RemainsRecovered', 'RemainsRepatriated', 'MarkerPlanned', 'MarkerCompletionReported', 'MarkerCompleted', 'MarkerDamaged',
  'MarkerRepaired', 'IndicatorReported', 'IndicatorCorrected'];

function instant(local) {
  return local ? new Date(local).toISOString() : '';
}

function failureBox(failure) {
  return h('div', { class: 'alert', role: 'alert' }, failure instanceof ApiError
    ? [t('error.status', { status: failure.status }), ' ', data(failure.problem.title || ''), ': ', data(failure.problem.detail || failure.message)]
    : data(failure.message));
}

export async function auditPage(params) {
  const aggregate = params.get('aggregate') || '';
  return h('div', {},
    h('h1', {}, t('audit.title')),
    verifyPanel(),
    streamPanel(aggregate),
    historyPanel(aggregate),
    statePanel(aggregate));
}

function verifyPanel() {
  const out = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', id: 'verify-run' }, t('audit.verify'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(out, h('p', { class: 'muted' }, t('audit.verifying')));
    try {
      const result = await audit('/api/audit/verify');
      const hash = result.lastSeal?.chainHash;
      const hashCode = h('code', { class: 'hash', id: 'seal-hash', translate: 'no' }, hash || '—');
      replace(out,
        h('div', { class: result.valid ? 'success' : 'alert', id: 'verify-verdict' },
          h('strong', {}, result.valid ? t('audit.valid') : t('audit.broken')), ' ',
          t('audit.checked', { events: fmt.number(result.eventsChecked ?? 0), seals: fmt.number(result.sealsChecked ?? 0) }),
          result.scope && known(`audit.scope.${result.scope}`) ? ` ${t(`audit.scope.${result.scope}`, { after: fmt.plain(result.checkedAfter ?? 0) })}` : ''),
        result.firstBroken ? h('p', {}, tx('audit.firstBroken', {
          position: fmt.plain(result.firstBroken.position), aggregate: data(result.firstBroken.aggregateId), reason: data(result.firstBroken.reason),
        })) : null,
        result.lastSeal ? h('dl', { class: 'kv' },
          h('dt', {}, t('audit.sealPosition')), h('dd', {}, fmt.plain(result.lastSeal.position)),
          h('dt', {}, t('audit.sealedAt')), h('dd', {}, fmt.dateTime(result.lastSeal.sealedAt)),
          h('dt', {}, t('audit.chainHash')), h('dd', {}, hashCode, ' ',
            h('button', {
              type: 'button', class: 'secondary', id: 'copy-hash',
              onclick: async () => {
                try {
                  await navigator.clipboard.writeText(hash);
                } catch {
                  getSelection().selectAllChildren(hashCode);
                }
                announce(t('audit.copied'));
              },
            }, t('audit.copy'))),
          result.lastSeal.keyId ? [h('dt', {}, t('audit.sealKey')), h('dd', {}, h('code', { translate: 'no' }, result.lastSeal.keyId))] : null,
          result.lastSeal.signature ? [h('dt', {}, t('audit.signature')), h('dd', {}, h('code', { class: 'hash', id: 'seal-signature', translate: 'no' }, result.lastSeal.signature))] : null)
          : h('p', { class: 'muted' }, t('audit.noSeal')),
        h('p', { class: 'muted' }, t('audit.keepHash')));
    } catch (failure) {
      replace(out, failureBox(failure));
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'panel' }, h('h2', {}, t('audit.verifyTitle')), h('p', {}, button), out);
}

function streamPanel(aggregate) {
  const out = h('div', { id: 'audit-events' });
  const inputs = {
    aggregateId: h('input', { name: 'aggregateId', value: aggregate }),
    type: h('select', { name: 'type' }, h('option', { value: '' }, t('filter.any')),
      sortBy(TYPES, type => t(`event.${type}`)).map(type => h('option', { value: type }, t(`event.${type}`)))),
    unit: h('input', { name: 'unit' }),
    from: h('input', { name: 'from', type: 'datetime-local' }),
    to: h('input', { name: 'to', type: 'datetime-local' }),
  };
  const filters = () => ({
    aggregateId: latinDigits(inputs.aggregateId.value.trim()), type: inputs.type.value, unit: inputs.unit.value.trim(),
    from: instant(inputs.from.value), to: instant(inputs.to.value),
  });
  const load = async (afterPosition, trail) => {
    try {
      const page = await audit('/api/audit/events', { ...filters(), afterPosition, limit: 25 });
      replace(out,
        page.events.length ? table([
          { label: t('facts.position'), num: true, cell: e => fmt.plain(e.position) },
          { label: t('facts.recordedAt'), cell: e => fmt.dateTime(e.recordedAt) },
          { label: t('facts.event'), cell: e => eventName(e.eventType) },
          { label: t('facts.aggregate'), cell: e => h('a', { href: `#/audit?aggregate=${encodeURIComponent(e.aggregateId)}`, translate: 'no' }, `${e.aggregateId} #${e.sequenceNumber}`) },
          { label: t('facts.date'), cell: e => fmt.date(e.businessDate) },
          { label: t('facts.unit'), cell: e => [data(e.metadata?.unit || '—'), ' (', data(e.metadata?.submitter || '—'), ')'] },
          { label: t('audit.hash'), cell: e => h('code', { title: e.hash, translate: 'no' }, (e.hash || '').slice(0, 12)) },
        ], page.events, t('audit.stream')) : h('p', {}, t('list.empty')),
        h('div', { class: 'pager' },
          h('button', { type: 'button', class: 'secondary', disabled: !trail.length, onclick: () => load(trail[trail.length - 1], trail.slice(0, -1)) }, t('pager.previous')),
          h('button', { type: 'button', class: 'secondary', disabled: !page.next, onclick: () => load(page.next, [...trail, afterPosition]) }, t('pager.next'))));
    } catch (failure) {
      replace(out, failureBox(failure));
    }
  };
  const form = h('form', {
    class: 'filters', id: 'audit-filters',
    onsubmit: event => { event.preventDefault(); load(undefined, []); },
  },
  field('audit-aggregate', t('facts.aggregate'), inputs.aggregateId),
  field('audit-type', t('facts.event'), inputs.type),
  field('audit-unit', t('facts.unit'), inputs.unit),
  field('audit-from', t('audit.recordedFrom'), inputs.from),
  field('audit-to', t('audit.recordedTo'), inputs.to),
  h('div', { class: 'field' }, h('button', { type: 'submit', id: 'audit-search' }, t('filter.apply'))),
  h('div', { class: 'field' }, h('button', {
    type: 'button', class: 'secondary', id: 'audit-export',
    onclick: async () => {
      try {
        download(await audit('/api/audit/events', filters(), 'application/x-ndjson'), 'ledger-events.ndjson');
      } catch (failure) {
        replace(out, failureBox(failure));
      }
    },
  }, t('audit.export'))));
  load(undefined, []);
  return h('section', { class: 'panel' }, h('h2', {}, t('audit.stream')), form, out);
}

function historyPanel(aggregate) {
  const out = h('div', { id: 'audit-history' });
  const input = h('input', { name: 'aggregate', value: aggregate, required: true });
  const show = async () => {
    const id = latinDigits(input.value.trim());
    if (!id) return;
    try {
      const history = await audit(`/api/audit/aggregates/${encodeURIComponent(id)}/history`);
      replace(out, h('p', {}, t('audit.aggregateType', {
        type: known(`aggregate.${history.aggregateType}`) ? t(`aggregate.${history.aggregateType}`) : history.aggregateType })),
        h('ol', { class: 'timeline' }, history.events.map(e => h('li', {},
          h('strong', {}, `#${fmt.plain(e.sequenceNumber)} `, eventName(e.eventType)), e.businessDate ? ` · ${fmt.date(e.businessDate)}` : '',
          h('div', { class: 'meta' }, recordedBy(e.metadata?.submitter, e.metadata?.unit, e.metadata?.province, e.recordedAt, e.position)),
          h('details', {}, h('summary', {}, t('detail.payload')),
            h('pre', { translate: 'no' }, JSON.stringify({ payload: e.payload, metadata: e.metadata, hash: e.hash }, null, 2)))))));
    } catch (failure) {
      replace(out, failureBox(failure));
    }
  };
  if (aggregate) show();
  return h('section', { class: 'panel' }, h('h2', {}, t('audit.history')),
    h('form', { class: 'filters', onsubmit: event => { event.preventDefault(); show(); } },
      field('history-aggregate', t('facts.aggregate'), input),
      h('div', { class: 'field' }, h('button', { type: 'submit', id: 'history-show' }, t('audit.showHistory')))),
    out);
}

function statePanel(aggregate) {
  const out = h('div', { id: 'audit-state' });
  const input = h('input', { name: 'aggregate', value: aggregate, required: true });
  const asOf = h('input', { name: 'asOf', type: 'datetime-local', required: true });
  const form = h('form', {
    class: 'filters',
    onsubmit: async event => {
      event.preventDefault();
      try {
        const state = await audit(`/api/audit/aggregates/${encodeURIComponent(latinDigits(input.value.trim()))}/state`, { asOf: instant(asOf.value) });
        replace(out, h('pre', { id: 'audit-state-json', translate: 'no' }, JSON.stringify(state, null, 2)));
      } catch (failure) {
        replace(out, failureBox(failure));
      }
    },
  },
  field('state-aggregate', t('facts.aggregate'), input),
  field('state-as-of', t('audit.asOf'), asOf),
  h('div', { class: 'field' }, h('button', { type: 'submit', id: 'state-show' }, t('audit.showState'))));
  return h('section', { class: 'panel' }, h('h2', {}, t('audit.state')), form, out);
}
