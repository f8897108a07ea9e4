// Who is signed in. The token lives in this tab's sessionStorage only: never in a URL, never in localStorage.

import { t } from './i18n.js';
import { rememberRefresh, REFRESH } from './renewal.js';

const TOKEN = 'ledger.token';
const PKCE = 'ledger.pkce';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

/** The claims of the current token (not verified here: the services verify every request), or null. */
export function claims() {
  const current = token();
  if (!current) return null;
  try {
    return decode(current);
  } catch {
    return null;
  }
}

export function decode(jwt) {
  const part = jwt.split('.')[1];
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function roles() {
  const c = claims();
  if (!c) return [];
  if (Array.isArray(c.roles)) return c.roles;
  if (typeof c.roles === 'string') return c.roles.split(/[ ,]+/);
  return [];
}

export function hasRole(role) {
  return roles().includes(role);
}

/** Accepts a token if it looks like a JWT with the ledger's claims and has not expired. Answers an error key or null. */
export function signIn(jwt) {
  const trimmed = (jwt || '').trim();
  let c;
  try {
    c = decode(trimmed);
  } catch {
    return 'signIn.notAToken';
  }
  if (c.exp && c.exp * 1000 < Date.now()) return 'signIn.expired';
  if (!c.roles) return 'signIn.noRoles';
  sessionStorage.setItem(TOKEN, trimmed);
  return null;
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(PKCE);
  sessionStorage.removeItem(REFRESH);
}

// OpenID Connect authorization code flow with PKCE (RFC 7636): the verifier and state wait in sessionStorage while the
// browser is at the identity provider; the code comes back in the query string and is exchanged at once.

async function discovery(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(t('oidc.discoveryFailed', { status: response.status }));
  return response.json();
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

export async function startOidc(oidc) {
  const provider = await discovery(oidc.issuer);
  const verifier = randomText(32);
  const state = randomText(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state, back: location.hash }));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(), scope: oidc.scope || 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** On the way back from the identity provider: exchanges the code for a token. Answers true when it signed in. */
export async function finishOidc(oidc) {
  const params = new URLSearchParams(location.search);
  if (!oidc || !params.has('code')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  sessionStorage.removeItem(PKCE);
  history.replaceState(null, '', redirectUri() + (pending?.back || ''));
  if (!pending || pending.state !== params.get('state')) throw new Error(t('oidc.stateMismatch'));
  const provider = await discovery(oidc.issuer);
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: oidc.clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(t('oidc.exchangeFailed', { status: response.status }));
  const tokens = await response.json();
  const refused = signIn(tokens.access_token);
  if (refused) throw new Error(t(refused));
  rememberRefresh(provider.token_endpoint, oidc.clientId, tokens.refresh_token);
  return true;
}
