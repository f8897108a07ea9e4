// Calls to the two services. Reads go to the query service that serves the console; writes and audit to the command
// service. Every call names the chosen language (Accept-Language). Errors come back as ApiError with the problem+json body.

import { token } from './session.js';
import { chosen, t } from './i18n.js';
import { readKept } from './offline-reads.js';
import { renew } from './renewal.js';

let settings = { commandUrl: null, commandPort: 8081, oidc: null, demoIdentities: false };

export async function loadSettings() {
  const response = await fetch('console/config.json', { cache: 'no-store' });
  if (response.ok) settings = await response.json();
  return settings;
}

export function config() {
  return settings;
}

export function commandBase() {
  return settings.commandUrl || `${location.protocol}//${location.hostname}:${settings.commandPort}`;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || t('error.status', { status }));
    this.status = status;
    this.problem = problem || {};
  }

  /** Field name to message: errors{} of a 400, else the detail for each field named. */
  fieldMessages() {
    const out = {};
    const errors = this.problem.errors || {};
    for (const [name, message] of Object.entries(errors)) out[normalize(name)] = message;
    for (const name of this.problem.fields || []) {
      if (!out[normalize(name)]) out[normalize(name)] = this.problem.detail || this.problem.title;
    }
    return out;
  }
}

/** {@code signatories[0].name} and {@code parties[1]} name the form's {@code signatories.name} and {@code parties}. */
function normalize(name) {
  return name.replace(/\[\d+\]/g, '');
}

// A 429 or 503 that says when to ask again (Retry-After, in seconds) is asked again then, up to this many times and
// only for a wait this short, and only for a request that is safe to repeat: a read, or a write with its idempotency key.
const RETRIES = 3;
const LONGEST_WAIT_S = 10;

function retryAfterSeconds(response) {
  const value = (response.headers.get('Retry-After') || '').trim();
  return /^\d{1,6}$/.test(value) ? Number(value) : null;
}

function repeatable(options, headers) {
  return !options.method || options.method === 'GET' || Boolean(headers['Idempotency-Key']);
}

async function send(url, options = {}) {
  await renew();
  const headers = { Accept: 'application/json', 'Accept-Language': chosen(), ...(options.headers || {}) };
  const current = token();
  if (current) headers.Authorization = `Bearer ${current}`;
  let response;
  for (let attempt = 0; ; attempt++) {
    try {
      response = await fetch(url, { ...options, headers });
    } catch (failure) {
      throw new ApiError(0, { title: t('error.network'), detail: t('error.networkDetail'), type: 'network' });
    }
    const wait = retryAfterSeconds(response);
    if ((response.status === 429 || response.status === 503) && wait !== null && wait <= LONGEST_WAIT_S
        && attempt < RETRIES && repeatable(options, headers)) {
      await new Promise(resolve => setTimeout(resolve, wait * 1000));
      continue;
    }
    break;
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      problem = { title: response.statusText };
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

function withParams(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

export async function read(path, params) {
  return readKept(withParams(path, params), send);
}

export async function readBlob(path, params, accept) {
  return (await send(withParams(path, params), { headers: { Accept: accept } })).blob();
}

export async function admin(path, body) {
  return (await send(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) })).json();
}

export async function audit(path, params, accept) {
  const response = await send(withParams(commandBase() + path, params), accept ? { headers: { Accept: accept } } : {});
  return accept && accept !== 'application/json' ? response.blob() : response.json();
}

/** An admin job of the command service (a full verification): start it, then follow it. */
export async function commandJob(path, id) {
  const response = id
    ? await send(`${commandBase()}${path}/${encodeURIComponent(id)}`)
    : await send(commandBase() + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  return response.json();
}

/** A write with its idempotency key: a retry with the same key records nothing new and answers the first answer. */
export async function write(path, body, idempotencyKey) {
  const response = await send(commandBase() + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** The query-side path of one aggregate's state; marker ids with a slash go by parameter. */
export function statePath(collection, id) {
  if (collection === 'markers') return withParams('api/markers/by-id', { id });
  return `api/${collection}/${encodeURIComponent(id)}`;
}
