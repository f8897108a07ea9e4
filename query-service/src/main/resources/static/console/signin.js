// Sign-in: the local run's demo identities (opened by the one-time link it prints on its terminal), a pasted token,
// or OpenID Connect.

import { config } from './api.js';
import { signIn, startOidc, decode } from './session.js';
import { h, field, announce, data } from './ui.js';
import { t, label, known } from './i18n.js';
import { province } from './lists.js';

// The identities a sign-in link opened: kept in this page only, until one is picked or the page is left. A render that
// starts while the link's nonce is being exchanged waits for the same exchange.
let opened = [];
let exchange = Promise.resolve();

/** A link's nonce (#/sign-in?nonce=…) is taken out of the address and exchanged, once, for the demo identities. */
async function demoIdentities() {
  const match = /^#\/sign-in\?(.*)$/.exec(location.hash);
  const nonce = match && new URLSearchParams(match[1]).get('nonce');
  if (nonce) {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    if (config().demoIdentities) {
      exchange = fetch('console/demo-sign-in', {
        method: 'POST',
        cache: 'no-store',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ nonce }),
      }).then(async response => {
        if (response.ok) opened = await response.json();
      }).catch(() => {});
    }
  }
  await exchange;
  return opened;
}

function describe(token) {
  try {
    const claims = decode(token);
    const roles = Array.isArray(claims.roles) ? claims.roles : [];
    return [data(claims.unit), ' (', province(claims.province), ') · ', roles.map(role => label('role', role)).join(', ')];
  } catch {
    return '';
  }
}

export async function signInPage(done) {
  const identities = await demoIdentities();
  const message = h('div', { role: 'alert' });
  const failWith = text => {
    message.className = 'alert';
    message.textContent = text;
  };
  const fail = key => failWith(t(key));
  const parts = [h('h1', {}, t('signIn.title')), message];

  if (config().oidc) {
    parts.push(h('section', { class: 'panel' },
      h('h2', {}, t('signIn.oidc')),
      h('button', { type: 'button', id: 'oidc-sign-in', onclick: () => startOidc(config().oidc).catch(e => failWith(e.message)) },
        t('signIn.oidcButton'))));
  }

  if (identities.length || config().demoIdentities) {
    parts.push(h('section', { class: 'panel' },
      h('h2', {}, t('signIn.demo')),
      h('p', { class: 'muted' }, t('signIn.demoHelp')),
      h('ul', { class: 'identities' }, identities.map(identity => h('li', {},
        h('button', {
          type: 'button', class: 'secondary', id: `identity-${identity.name}`,
          onclick: () => {
            const refused = signIn(identity.token);
            if (refused) return fail(refused);
            opened = [];
            announce(t('signIn.done'));
            done();
          },
        }, known(`identity.${identity.name}`) ? t(`identity.${identity.name}`) : data(identity.name)), ' ',
        h('span', { class: 'muted' }, describe(identity.token)))))));
  }

  const pasted = h('textarea', { name: 'token', rows: 4, autocomplete: 'off', spellcheck: 'false' });
  parts.push(h('section', { class: 'panel' },
    h('h2', {}, t('signIn.paste')),
    h('form', {
      id: 'paste-form',
      onsubmit: event => {
        event.preventDefault();
        const refused = signIn(pasted.value);
        if (refused) return fail(refused);
        done();
      },
    }, field('token-input', t('signIn.token'), pasted, t('signIn.tokenHelp')),
    h('button', { type: 'submit' }, t('signIn.button')))));
  return h('div', {}, parts);
}
