// Operations (role ADMIN): rebuild the read models (replay) and check them against a fresh rebuild, with live progress.

import { read, admin, ApiError } from './api.js';
import { t, fmt } from './i18n.js';
import { h, replace, table, announce } from './ui.js';

const FINISHED = ['COMPLETED', 'FAILED', 'INTERRUPTED', 'CANCELLED'];

export async function operationsPage() {
  return h('div', {},
    h('h1', {}, t('ops.title')),
    job('replay', 'api/admin/replays', r => [r.eventsProcessed, r.eventsTotal], r => [
      t('ops.rate', { rate: fmt.number(Math.round(r.eventsPerSecond || 0)) }),
      r.estimatedTimeLeft ? t('ops.left', { left: r.estimatedTimeLeft.replace(/^PT/, '').toLowerCase() }) : '',
    ].filter(Boolean).join(' · ')),
    job('check', 'api/admin/consistency-checks', c => [c.eventsApplied, c.eventsTotal], c => (c.consistent === undefined || c.consistent === null
      ? '' : c.consistent ? t('ops.consistent', { rows: fmt.number(c.rowsCompared ?? 0) })
        : t('ops.inconsistent', { count: fmt.number(c.differencesTotal ?? 0) })), c => (c.differences?.length ? table([
      { label: t('ops.table'), cell: d => d.table }, { label: t('ops.key'), cell: d => JSON.stringify(d.key) },
      { label: t('ops.column'), cell: d => d.column || d.kind }, { label: t('ops.live'), cell: d => d.live ?? '—' },
      { label: t('ops.rebuilt'), cell: d => d.rebuilt ?? '—' }], c.differences.slice(0, 50)) : null)),
    await deadLetters());
}

function job(kind, path, progressOf, summaryOf, detailOf) {
  const status = h('p', { id: `${kind}-status`, 'aria-live': 'polite' }, t('ops.idle'));
  const bar = h('progress', { class: 'progress', id: `${kind}-progress`, max: 100, value: 0, 'aria-label': t(`ops.${kind}`) });
  const detail = h('div');
  const button = h('button', { type: 'button', id: `${kind}-start` }, t(`ops.start.${kind}`));
  const follow = async id => {
    for (;;) {
      const current = await read(`${path}/${encodeURIComponent(id)}`);
      const [done, total] = progressOf(current);
      const percent = total ? Math.min(100, (100 * done) / total) : (FINISHED.includes(current.status) ? 100 : 0);
      bar.value = percent;
      bar.textContent = `${Math.round(percent)} %`;
      status.textContent = `${t(`job.${current.status}`)} · ${t('ops.progress', { done: fmt.number(done), total: fmt.number(total) })}`
        + (summaryOf(current) ? ` · ${summaryOf(current)}` : '') + (current.failure ? ` · ${current.failure}` : '');
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
      const started = await admin(path);
      await follow(started.id);
    } catch (failure) {
      status.textContent = failure instanceof ApiError ? `${failure.status} ${failure.problem.detail || failure.message}` : failure.message;
      status.dataset.status = 'REFUSED';
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'panel' }, h('h2', {}, t(`ops.${kind}`)), h('p', { class: 'muted' }, t(`ops.${kind}Help`)),
    h('p', {}, button), bar, status, detail);
}

async function deadLetters() {
  let letters;
  try {
    letters = await read('api/admin/dead-letters');
  } catch {
    return null;
  }
  const items = Array.isArray(letters) ? letters : letters.items || [];
  return h('section', { class: 'panel', id: 'dead-letters' }, h('h2', {}, t('ops.deadLetters')),
    items.length ? h('pre', {}, JSON.stringify(items.slice(0, 50), null, 2)) : h('p', {}, t('ops.noDeadLetters')));
}
