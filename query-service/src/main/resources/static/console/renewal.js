// Tokens that last a shift: after an OpenID Connect sign-in the console keeps the refresh token (in this tab's
// sessionStorage, beside the access token) and exchanges it for a new access token shortly before the current one
// expires, and before the outbox sends. A renewal that answers another user is refused. When the provider refuses the
// refresh token (the session ended), the refresh token is forgotten: the outbox keeps its writes and asks the user to
// sign in again.

import { claims, signIn } from './session.js';

export const REFRESH = 'ledger.refresh';
/** Renew a minute before the access token expires, or a quarter of its lifetime for shorter ones. */
const AHEAD_MS = 60 * 1000;

let renewing = null;

/** Kept at sign-in: the provider's token endpoint, the client and the refresh token. */
export function rememberRefresh(tokenEndpoint, clientId, refreshToken) {
  if (refreshToken) sessionStorage.setItem(REFRESH, JSON.stringify({ tokenEndpoint, clientId, refreshToken }));
  else sessionStorage.removeItem(REFRESH);
}

/** Renews the access token when it expires within a minute; answers whether a valid token is in place. */
export function renew() {
  if (!renewing) renewing = attempt().finally(() => { renewing = null; });
  return renewing;
}

async function attempt() {
  const current = claims();
  const expires = current?.exp ? current.exp * 1000 : Infinity;
  const ahead = current?.iat && current?.exp ? Math.min(AHEAD_MS, ((current.exp - current.iat) * 1000) / 4) : AHEAD_MS;
  if (!current || expires - Date.now() > ahead) return !!current && expires > Date.now();
  const kept = JSON.parse(sessionStorage.getItem(REFRESH) || 'null');
  if (!kept || navigator.onLine === false) return expires > Date.now();
  let response;
  try {
    response = await fetch(kept.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: kept.refreshToken, client_id: kept.clientId }),
    });
  } catch {
    return expires > Date.now();
  }
  if (!response.ok) {
    if (response.status >= 400 && response.status < 500) sessionStorage.removeItem(REFRESH);
    return expires > Date.now();
  }
  const tokens = await response.json();
  const sub = decodeSub(tokens.access_token);
  if (sub !== current.sub) {
    sessionStorage.removeItem(REFRESH);
    return expires > Date.now();
  }
  if (signIn(tokens.access_token)) return false;
  rememberRefresh(kept.tokenEndpoint, kept.clientId, tokens.refresh_token || kept.refreshToken);
  return true;
}

function decodeSub(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')), c => c.charCodeAt(0)))).sub;
  } catch {
    return null;
  }
}

/** Keeps the token fresh while the console is open. */
export function startRenewal() {
  setInterval(renew, 15 * 1000);
  window.addEventListener('online', renew);
  renew();
}
