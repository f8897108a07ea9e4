// Reads that stay readable offline: the last answer of every read (lists, figures, a record's state and timeline) is
// kept on the device, per user; when the ledger cannot be reached the kept answer is shown instead, and the page says
// from when it is and at which position the read side was then. The server's Date header, on a read of the query
// service (same origin), tells whether the device's clock is far off.

import { put, get, READS } from './local-store.js';
import { claims } from './session.js';
import { t, fmt } from './i18n.js';
import { h } from './ui.js';

/** A device clock this far from the server's is reported: business dates and the "not after today" checks rely on it. */
export const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

let shown = [];
let clockOffset = null;

function keyOf(url) {
  return `${claims()?.sub || ''} ${url}`;
}

/**
 * Reads through {@code fetcher} (which answers a Response or throws an error with status 0 when the ledger cannot be
 * reached): a fresh answer is kept; without a connection the kept one is answered and noted for the page.
 */
export async function readKept(url, fetcher) {
  let response;
  try {
    response = await fetcher(url);
  } catch (failure) {
    if (failure.status !== 0) throw failure;
    const kept = await get(READS, keyOf(url)).catch(() => null);
    if (!kept) throw failure;
    shown.push(kept);
    return kept.body;
  }
  noteServerClock(response);
  const body = await response.json();
  const header = Number(response.headers.get('X-Ledger-Position'));
  const position = Number.isFinite(body?.position) ? body.position : (header || null);
  put(READS, { key: keyOf(url), body, position, at: Date.now() }).catch(() => {});
  return body;
}

/** Forgets which kept answers the page shows: called as a page starts to render. */
export function startPage() {
  shown = [];
}

/** The kept answers the page shows (oldest first), empty when everything came fresh. */
export function keptOnPage() {
  return [...shown].sort((a, b) => a.at - b.at);
}

function noteServerClock(response) {
  const date = Date.parse(response.headers.get('Date') || '');
  if (Number.isFinite(date)) clockOffset = Date.now() - date;
}

/** How far the device's clock runs ahead of the server's (negative: behind), or null before any answer. */
export function clockSkew() {
  return clockOffset;
}

export function clockFarOff() {
  return clockOffset !== null && Math.abs(clockOffset) > CLOCK_TOLERANCE_MS;
}

/**
 * The notes a page shows above its content: what it read from the device (from when, and at which position the read
 * side was), and a device clock far from the server's. Null when there is nothing to say.
 */
export function keptNote() {
  const notes = [];
  if (clockFarOff()) {
    notes.push(h('p', { class: 'alert', id: 'clock-warning', role: 'status' },
      t('outbox.clock', { minutes: fmt.plain(Math.round(Math.abs(clockOffset) / 60000)) })));
  }
  const kept = keptOnPage();
  if (kept.length) {
    const oldest = kept[0];
    const minutes = Math.max(0, Math.round((Date.now() - oldest.at) / 60000));
    notes.push(h('p', { class: 'alert', id: 'offline-copy', role: 'status', dataset: { at: String(oldest.at) } },
      t('offline.copy', {
        at: fmt.dateTime(new Date(oldest.at).toISOString()),
        age: fmt.plain(minutes),
        position: oldest.position != null ? fmt.plain(oldest.position) : '—',
      })));
  }
  return notes.length ? notes : null;
}

/** Registers the service worker that keeps the console's own files, so that the console starts without a connection. */
export async function installOffline() {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('console/service-worker.js', { scope: './', type: 'classic' });
  } catch (failure) {
    console.error(failure);
  }
}
