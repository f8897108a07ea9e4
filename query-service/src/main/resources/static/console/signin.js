// Sign-in: the local run's demo identities (offered to this machine only), a pasted token, or OpenID Connect.

import { config } from './api.js';
import { signIn, startOidc, decode } from './session.js';
import { h, field, announce, data } from './ui.js';
import { t, label, known } from './i18n.js';
import { province } from './lists.js';

async function demoIdentities() {
  if (!config().demoIdentities) return [];
  const response = await fetch('console/demo-identities', { cache: 'no-store' }).catch(() => null);
  return response?.ok ? response.json() : [];
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
