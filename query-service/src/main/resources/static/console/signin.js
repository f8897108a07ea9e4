// Sign-in: the local run's demo identities (offered to this machine only), a pasted token, or OpenID Connect.

import { config } from './api.js';
import { signIn, startOidc, decode } from './session.js';
import { t } from './i18n.js';
import { h, field, announce } from './ui.js';

async function demoIdentities() {
  if (!config().demoIdentities) return [];
  const response = await fetch('console/demo-identities', { cache: 'no-store' });
  return response.ok ? response.json() : [];
}

function describe(token) {
  try {
    const claims = decode(token);
    return `${claims.unit} (${claims.province}) · ${(claims.roles || []).join(', ')}`;
  } catch {
    return '';
  }
}

export async function signInPage(done) {
  const identities = await demoIdentities();
  const message = h('div', { role: 'alert' });
  const fail = key => {
    message.className = 'alert';
    message.textContent = t(key);
  };
  const parts = [h('h1', {}, t('signIn.title')), message];

  if (config().oidc) {
    parts.push(h('section', { class: 'panel' },
      h('h2', {}, t('signIn.oidc')),
      h('button', { type: 'button', id: 'oidc-sign-in', onclick: () => startOidc(config().oidc).catch(e => fail(e.message)) },
        t('signIn.oidcButton'))));
  }

  if (identities.length) {
    parts.push(h('section', { class: 'panel' },
      h('h2', {}, t('signIn.demo')),
      h('p', { class: 'muted' }, t('signIn.demoHelp')),
      h('ul', { class: 'identities' }, identities.map(identity => h('li', {},
        h('button', {
          type: 'button', class: 'secondary', id: `identity-${identity.name}`,
          onclick: () => {
            const refused = signIn(identity.token);
            if (refused) return fail(refused);
            announce(t('signIn.done'));
            done();
          },
        }, t(`identity.${identity.name}`)), ' ', h('span', { class: 'muted' }, describe(identity.token)))))));
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
