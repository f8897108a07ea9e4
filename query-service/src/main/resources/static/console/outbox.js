// The outbox: every write is stored on the device (IndexedDB) with its idempotency key before it is sent, and sent in
// the order it was recorded once the ledger can be reached, by one tab at a time. A write whose outcome is unknown (no
// answer, 408, 429, 5xx) is sent again with the same key and the same body, after Retry-After when the server names
// it, so the ledger records it once however often it is sent. A refusal (any other 4xx) stops the later writes to the
// same record until the user corrects the write (which then gets a new key) or drops it; writes to other records go
// on. A write is sent only under the token of the user who recorded it; a session that ended holds the outbox until
// that user signs in again.

import { commandBase, statePath, read, ApiError } from './api.js';
import { put, get, all, remove, persist, OUTBOX } from './local-store.js';
import { claims, token, signOut } from './session.js';
import { chosen, t, tx, fmt } from './i18n.js';
import { h, replace, data, newKey, announce } from './ui.js';
import { stateOf } from './lists.js';
import { renew, startRenewal } from './renewal.js';

/** Statuses that say nothing about whether the write was recorded: the same request is sent again. */
const UNKNOWN = new Set([408, 425, 429]);
/** Refusals that mean the record's state moved on: shown with the record's current state, never forced. */
const CONFLICT = new Set([409, 422]);
/** Answered writes stay listed this long, so that a user sees where they went. */
const KEEP_SENT_MS = 7 * 24 * 3600 * 1000;
const LONGEST_WAIT_MS = 30 * 1000;
const CHANGED = 'ledger-outbox-changed';

let queue = Promise.resolve();
let timer = null;
let sessionEnded = false;

/** The record a write is about: later writes to it wait behind a refusal of this one. */
function recordOf(collection, target, body, key) {
  return `${collection}:${target || body?.id || key}`;
}

/**
 * Keeps a write in the outbox and sends what waits: answers the write as it stands afterwards (state 'sent' with its
 * answer, 'refused' with the problem, or 'waiting' when the ledger could not be reached). {@code previous} is the
 * outbox entry the form sent before: a refused one is replaced (a new key); a waiting one with the same body is the
 * same write (same key), sent again.
 */
export async function keep({ form, path, body, values, collection, target, key }, previous) {
  const text = JSON.stringify(body);
  const me = claims();
  let entry = previous ? await get(OUTBOX, Number(previous)) : null;
  if (entry && entry.subject !== me.sub) entry = null;
  if (entry && entry.state === 'refused') {
    const fresh = newKey();
    Object.assign(entry, { key: fresh, path, body: text, values, state: 'waiting', status: null, problem: null,
      attempts: 0, retryAt: null, lastError: null, corrected: (entry.corrected || 0) + 1,
      target: target || body?.id || null, record: recordOf(collection, target, body, fresh) });
  } else if (!(entry && entry.state === 'waiting' && entry.body === text && entry.path === path)) {
    entry = {
      key: entry && entry.key === key ? newKey() : key, form, path, body: text, values, collection, target: target || body?.id || null,
      record: recordOf(collection, target, body, key), subject: me.sub, unit: me.unit || me.sub,
      state: 'waiting', createdAt: Date.now(), attempts: 0,
    };
  }
  entry.seq = await put(OUTBOX, entry);
  changed();
  await flush();
  return (await get(OUTBOX, entry.seq)) || entry;
}

/** Sends what waits, in order; calls are queued, so one pass runs at a time in this tab (and, by a lock, on the device). */
export function flush() {
  queue = queue.then(locked, locked);
  return queue;
}

async function locked() {
  try {
    if (navigator.locks) await navigator.locks.request('ledger-outbox', sendAll);
    else await sendAll();
  } catch (failure) {
    console.error(failure);
  }
}

function signedInUntil() {
  const me = claims();
  return me && token() ? (me.exp ? me.exp * 1000 : Infinity) : 0;
}

async function sendAll() {
  await renew();
  const me = claims();
  sessionEnded = !!me && signedInUntil() <= Date.now();
  if (!me || sessionEnded || navigator.onLine === false) return changed();
  const blocked = new Set();
  let wake = null;
  for (const entry of await all(OUTBOX)) {
    if (entry.state === 'sent') {
      if (Date.now() - entry.sentAt > KEEP_SENT_MS) await remove(OUTBOX, entry.seq);
      continue;
    }
    if (entry.state === 'refused') {
      blocked.add(entry.record);
      continue;
    }
    if (entry.subject !== me.sub || blocked.has(entry.record)) continue;
    if (entry.retryAt && entry.retryAt > Date.now()) {
      wake = entry.retryAt;
      break;
    }
    const outcome = await send(entry);
    changed();
    if (outcome === 'refused') blocked.add(entry.record);
    if (outcome === 'unknown') {
      wake = entry.retryAt;
      break;
    }
    if (outcome === 'signIn') break;
  }
  if (wake) later(wake - Date.now());
  return changed();
}

/** One attempt: the stored body, the stored key, the token of the user who recorded it. */
async function send(entry) {
  entry.attempts = (entry.attempts || 0) + 1;
  entry.lastAttemptAt = Date.now();
  let response;
  try {
    response = await fetch(commandBase() + entry.path, {
      method: 'POST',
      headers: {
        Accept: 'application/json', 'Accept-Language': chosen(), 'Content-Type': 'application/json',
        'Idempotency-Key': entry.key, Authorization: `Bearer ${token()}`,
      },
      body: entry.body,
    });
  } catch {
    return unknown(entry, null, 'network');
  }
  if (response.ok) {
    let answer;
    try {
      answer = await response.json();
    } catch {
      return unknown(entry, null, 'network');
    }
    Object.assign(entry, { state: 'sent', sentAt: Date.now(), answer: { id: answer.id, position: answer.position },
      retryAt: null, lastError: null });
    await put(OUTBOX, entry);
    return 'sent';
  }
  let problem;
  try {
    problem = await response.json();
  } catch {
    problem = { title: response.statusText };
  }
  if (response.status === 401) {
    sessionEnded = true;
    entry.lastError = 'signIn';
    await put(OUTBOX, entry);
    return 'signIn';
  }
  if (UNKNOWN.has(response.status) || response.status >= 500) {
    return unknown(entry, retryAfter(response.headers.get('Retry-After')), response.status);
  }
  Object.assign(entry, { state: 'refused', status: response.status, problem, refusedAt: Date.now(), retryAt: null });
  await put(OUTBOX, entry);
  return 'refused';
}

async function unknown(entry, afterMs, error) {
  const backoff = Math.min(LONGEST_WAIT_MS, 1000 * 2 ** Math.min(entry.attempts, 5));
  entry.retryAt = Date.now() + (afterMs ?? backoff);
  entry.lastError = error;
  await put(OUTBOX, entry);
  return 'unknown';
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function retryAfter(value) {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
}

function later(ms) {
  clearTimeout(timer);
  timer = setTimeout(flush, Math.max(250, Math.min(ms, LONGEST_WAIT_MS)));
}

function changed() {
  window.dispatchEvent(new CustomEvent(CHANGED));
}

/** A write the user corrects or drops. */
export function entry(seq) {
  return get(OUTBOX, Number(seq));
}

export async function drop(seq) {
  await remove(OUTBOX, Number(seq));
  changed();
  flush();
}

/** Starts sending: now, when the link comes back, every few seconds while something waits; keeps the store. */
export function startOutbox() {
  persist();
  startRenewal();
  window.addEventListener('online', async () => {
    for (const waiting of (await all(OUTBOX)).filter(e => e.state === 'waiting' && e.lastError === 'network')) {
      waiting.retryAt = null;
      await put(OUTBOX, waiting);
    }
    flush();
  });
  setInterval(flush, 10000);
  flush();
}

/** The outbox page: each write with its state; a refused write can be corrected or dropped. */
export async function outboxPage() {
  const section = h('div', { id: 'outbox' });
  const draw = async () => {
    if (!section.isConnected && section.dataset.drawn) {
      window.removeEventListener(CHANGED, draw);
      return;
    }
    section.dataset.drawn = 'true';
    replace(section, await contents());
  };
  await draw();
  window.addEventListener(CHANGED, draw);
  return h('div', {},
    h('h1', {}, t('outbox.title')),
    h('p', { class: 'muted' }, t('outbox.help')),
    section);
}

async function contents() {
  const me = claims();
  const entries = await all(OUTBOX);
  const mine = entries.filter(e => e.subject === me.sub).reverse();
  const others = entries.filter(e => e.subject !== me.sub && e.state !== 'sent').length;
  const waiting = mine.filter(e => e.state === 'waiting').length;
  const notes = [];
  if (navigator.onLine === false) notes.push(h('p', { class: 'alert', id: 'outbox-offline' }, t('outbox.offline')));
  if (sessionEnded) {
    notes.push(h('div', { class: 'alert', id: 'outbox-sign-in' }, t('outbox.signInAgain'), ' ',
      h('button', { type: 'button', id: 'outbox-sign-in-again', onclick: () => {
        signOut();
        location.reload();
      } }, t('outbox.signIn'))));
  }
  if (others) notes.push(h('p', { class: 'muted', id: 'outbox-others' }, t('outbox.others', { count: fmt.plain(others) })));
  return [
    notes,
    h('p', { id: 'outbox-summary', dataset: { waiting: String(waiting) } }, t('outbox.summary', { count: fmt.plain(waiting) })),
    mine.length ? h('ol', { class: 'outbox', id: 'outbox-entries', reversed: true }, await Promise.all(mine.map(row))) : h('p', {}, t('outbox.empty')),
  ];
}

async function row(e) {
  const what = [h('strong', {}, t(`form.${e.form}`)), ' ', e.target ? data(e.target) : '',
    h('span', { class: 'muted' }, ' · ', t('outbox.recordedAt', { at: fmt.dateTime(new Date(e.createdAt).toISOString()) }))];
  const item = h('li', { id: `outbox-${e.seq}`, class: `outbox-entry ${e.state}`, dataset: { state: e.state, seq: String(e.seq) } }, what);
  if (e.state === 'sent') {
    item.append(h('div', { class: 'success' }, tx('record.accepted', { id: data(e.answer.id), position: fmt.plain(e.answer.position) })));
  } else if (e.state === 'waiting') {
    item.append(h('div', { class: 'muted' }, e.attempts
      ? t('outbox.retrying', { attempts: fmt.plain(e.attempts) })
      : t('outbox.waiting')));
  } else {
    item.append(h('div', { class: 'alert', role: 'alert' },
      h('strong', {}, t('record.refused', { status: fmt.plain(e.status) })), ' ',
      e.problem?.title ? [data(e.problem.title), ': '] : '', data(e.problem?.detail || ''),
      CONFLICT.has(e.status) ? h('div', {}, t('outbox.conflict')) : null,
      h('div', {}, t('outbox.refusedHelp'))));
    if (CONFLICT.has(e.status) && e.target) item.append(await current(e));
    item.append(h('p', {},
      h('a', { href: `#/record?form=${e.form}&entry=${e.seq}`, id: `outbox-correct-${e.seq}` }, t('outbox.correct')), ' ',
      h('button', { type: 'button', class: 'secondary', id: `outbox-drop-${e.seq}`, onclick: () => {
        drop(e.seq);
        announce(t('outbox.dropped'));
      } }, t('outbox.drop'))));
  }
  return item;
}

/** The record's state as the ledger has it now, beside a write refused because it moved on. */
async function current(e) {
  try {
    const state = await read(statePath(e.collection, e.target));
    return h('section', { class: 'panel' }, h('h3', {}, t('detail.state')), stateOf(e.collection, state));
  } catch (failure) {
    return h('p', { class: 'muted' }, failure instanceof ApiError ? data(failure.message) : '');
  }
}
