// Operations (role ADMIN): rebuild the read models (replay) and check them against a fresh rebuild, with live progress.

import { read, admin, commandJob, ApiError } from './api.js';
import { t, fmt, label, known } from './i18n.js';
import { h, replace, table, announce, data } from './ui.js';
import { eventName } from './lists.js';

const FINISHED = ['COMPLETED', 'FAILED', 'INTERRUPTED', 'CANCELLED'];

export async function operationsPage() {
  return h('div', {},
    h('h1', {}, t('ops.title')),
    job('replay', queryJob('api/admin/replays'), r => [r.eventsProcessed, r.eventsTotal], r => [
      t('ops.rate', { rate: fmt.number(Math.round(r.eventsPerSecond || 0)) }),
      r.estimatedTimeLeft ? t('ops.left', { left: fmt.duration(r.estimatedTimeLeft) }) : '',
    ].filter(Boolean).join(' · ')),
    job('check', queryJob('api/admin/consistency-checks'), c => [c.eventsApplied, c.eventsTotal], c => (c.consistent === undefined || c.consistent === null
      ? '' : c.consistent ? t('ops.consistent', { rows: fmt.number(c.rowsCompared ?? 0) })
        : t('ops.inconsistent', { count: fmt.number(c.differencesTotal ?? 0) })), c => (c.differences?.length ? table([
      { label: t('ops.table'), cell: d => data(d.table) }, { label: t('ops.key'), cell: d => data(JSON.stringify(d.key)) },
      { label: t('ops.column'), cell: d => data(d.column || d.kind) }, { label: t('ops.live'), cell: d => data(d.live ?? '—') },
      { label: t('ops.rebuilt'), cell: d => data(d.rebuilt ?? '—') }], c.differences.slice(0, 50)) : null)),
    job('verification', { start: () => commandJob('/api/admin/verifications'), get: id => commandJob('/api/admin/verifications', id) },
      v => [v.eventsChecked, v.eventsTotal], v => (v.result
        ? (v.result.valid ? t('audit.valid') : [t('audit.broken'), ' ', data(v.result.firstBroken?.reason || '')]) : '')),
    await deadLetters());
}

function queryJob(path) {
  return { start: () => admin(path), get: id => read(`${path}/${encodeURIComponent(id)}`) };
}

function job(kind, api, progressOf, summaryOf, detailOf) {
  const status = h('p', { id: `${kind}-status`, 'aria-live': 'polite' }, t('ops.idle'));
  const bar = h('progress', { class: 'progress', id: `${kind}-progress`, max: 100, value: 0, 'aria-label': t(`ops.${kind}`) });
  const detail = h('div');
  const button = h('button', { type: 'button', id: `${kind}-start` }, t(`ops.start.${kind}`));
  const follow = async id => {
    for (;;) {
      const current = await api.get(id);
      const [done, total] = progressOf(current);
      const percent = total ? Math.min(100, (100 * done) / total) : (FINISHED.includes(current.status) ? 100 : 0);
      bar.value = percent;
      bar.textContent = fmt.percent(percent / 100);
      const summary = summaryOf(current);
      replace(status, known(`job.${current.status}`) ? label('job', current.status) : data(current.status), ' · ',
        t('ops.progress', { done: fmt.number(done ?? 0), total: fmt.number(total ?? 0) }),
        summary && summary.length ? [' · ', summary] : null, current.failure ? [' · ', data(current.failure)] : null);
      status.dataset.status = current.status;
      replace(detail, detailOf ? detailOf(current) : null);
      if (FINISHED.includes(current.status)) {
        announce(status.textContent);
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const started = await api.start();
      await follow(started.id);
    } catch (failure) {
      replace(status, failure instanceof ApiError
        ? [t('error.status', { status: failure.status }), ' ', data(failure.problem.detail || failure.message)] : data(failure.message));
      status.dataset.status = 'REFUSED';
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'panel' }, h('h2', {}, t(`ops.${kind}`)), h('p', { class: 'muted' }, t(`ops.${kind}Help`)),
    h('p', {}, button), bar, status, detail);
}

/** Records the projections could not apply, parked. */
async function deadLetters() {
  let page;
  try {
    page = await read('api/admin/dead-letters', { size: 50 });
  } catch {
    return null;
  }
  const panel = h('section', { class: 'panel', id: 'dead-letters' });
  const status = h('p', { 'aria-live': 'polite' });
  const refresh = async () => {
    const current = await read('api/admin/dead-letters', { size: 50 });
    replace(panel, ...content(current));
  };
  const act = async (path, body) => {
    try {
      await admin(path, body);
      await refresh();
      announce(t('ops.done'));
    } catch (failure) {
      replace(status, failure instanceof ApiError
        ? [t('error.status', { status: failure.status }), ' ', data(failure.problem.detail || failure.message)] : data(failure.message));
    }
  };
  const content = current => {
    const items = current.items || [];
    return [h('h2', {}, t('ops.deadLetters')), h('p', { class: 'muted' }, t('ops.deadLettersHelp')), status,
      items.length ? [
        h('p', {}, h('button', { type: 'button', id: 'dead-letters-retry-all', onclick: () => act('api/admin/dead-letters/retry') }, t('ops.retryAll'))),
        table([
          { label: t('ops.deadLetterId'), num: true, cell: d => fmt.plain(d.id) },
          { label: t('facts.event'), cell: d => (d.eventType ? eventName(d.eventType) : '—') },
          { label: t('facts.aggregate'), cell: d => data(d.key || d.sequence || '—') },
          { label: t('ops.reason'), cell: d => data(`${d.kind}: ${d.reason || ''}`) },
          { label: t('ops.attempts'), num: true, cell: d => fmt.number(d.attempts) },
          { label: t('ops.parkedAt'), cell: d => fmt.dateTime(d.parkedAt) },
          { label: '', cell: d => {
            const reason = h('input', { name: 'reason', 'aria-label': t('ops.discardReason'), maxlength: 4000 });
            return h('div', { class: 'filters' },
              h('button', { type: 'button', class: 'secondary', onclick: () => act(`api/admin/dead-letters/${d.id}/retry`) }, t('ops.retry')),
              reason,
              h('button', { type: 'button', class: 'secondary', onclick: () => (reason.value.trim()
                ? act(`api/admin/dead-letters/${d.id}/discard`, { reason: reason.value.trim() })
                : reason.focus()) }, t('ops.discard')));
          } },
        ], items, t('ops.deadLetters'))]
        : h('p', {}, t('ops.noDeadLetters'))];
  };
  replace(panel, ...content(page));
  return panel;
}
