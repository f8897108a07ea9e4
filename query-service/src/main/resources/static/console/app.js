// The console: a hash router over the pages, the header (navigation by role, language and digits, who is signed in).

import { loadSettings, config } from './api.js';
import { claims, hasRole, signOut, finishOidc } from './session.js';
import { t, setLanguage, language, translateStatic, label, digits, setDigits } from './i18n.js';
import { h, replace, data } from './ui.js';
import { figuresPage } from './figures.js';
import { markersPage } from './markers.js';
import { listPage, detailPage } from './lists.js';
import { recordPage } from './record.js';
import { auditPage } from './audit.js';
import { operationsPage } from './operations.js';
import { signInPage } from './signin.js';
import { outboxPage, startOutbox, flush } from './outbox.js';
import { startPage, keptNote, installOffline } from './offline-reads.js';

const PAGES = [
  { path: 'figures', label: 'nav.figures', render: figuresPage },
  { path: 'markers', label: 'nav.markers', render: markersPage },
  { path: 'agreements', label: 'nav.agreements', render: p => listPage('agreements', p) },
  { path: 'repatriation-cases', label: 'nav.cases', render: p => listPage('repatriation-cases', p) },
  { path: 'indicators', label: 'nav.indicators', render: p => listPage('indicators', p) },
  { path: 'record', label: 'nav.record', role: 'UNIT', render: recordPage },
  { path: 'outbox', label: 'nav.outbox', role: 'UNIT', render: outboxPage },
  { path: 'audit', label: 'nav.audit', role: 'AUDITOR', render: auditPage },
  { path: 'operations', label: 'nav.operations', role: 'ADMIN', render: operationsPage },
];

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(query || '') };
}

export function go(path, params) {
  const query = params ? new URLSearchParams(params).toString() : '';
  location.hash = `#/${path}${query ? `?${query}` : ''}`;
}

function header(current) {
  const signedIn = claims();
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  replace(nav, signedIn
    ? PAGES.filter(page => !page.role || hasRole(page.role)).map(page => h('a', {
      href: `#/${page.path}`, id: `nav-${page.path}`, 'aria-current': page.path === current ? 'page' : null,
    }, t(page.label)))
    : []);
  replace(document.getElementById('who'), signedIn
    ? [data(signedIn.unit || signedIn.sub), ' · ', roles(signedIn).map(role => label('role', role)).join(', ')] : []);
  document.getElementById('sign-out').hidden = !signedIn;
}

function roles(signedIn) {
  if (Array.isArray(signedIn.roles)) return signedIn.roles;
  return typeof signedIn.roles === 'string' ? signedIn.roles.split(/[ ,]+/) : [];
}

/** The digits setting shows while Khmer is chosen: Khmer digits (០១២) or Latin ones (012). */
function digitsSetting() {
  document.getElementById('digits-setting').hidden = document.documentElement.lang !== 'km';
  document.getElementById('digits').value = digits();
}

let renders = 0;

/** Shows the figures page, whether or not the address changes. */
function home() {
  if (location.hash === '#/figures') render();
  else go('figures');
}

async function render() {
  const main = document.getElementById('main');
  const { parts, params } = route();
  const number = ++renders;
  // a sign-in link of the local run opened while signed in: sign in afresh with the identities it opens
  if (parts[0] === 'sign-in' && claims()) signOut();
  if (!claims()) {
    header(null);
    const signIn = await signInPage(home);
    if (number === renders) {
      replace(main, signIn);
      main.dataset.route = 'sign-in';
      document.title = `${t('signIn.title')} · ${t('app.title')}`;
    }
    return;
  }
  const [first = 'figures', second] = parts;
  const page = PAGES.find(p => p.path === first);
  header(first);
  let content;
  startPage();
  flush();
  try {
    content = await pageContent(page, first, second, params);
    const notes = keptNote();
    content = notes ? h('div', {}, notes, content) : content;
  } catch (failure) {
    if (failure.status === 401) {
      signOut();
      await render();
      return;
    }
    content = h('div', { class: 'alert', role: 'alert', id: 'page-error' },
      failure.status ? [t('error.status', { status: failure.status }), ' ', data(failure.problem?.title || ''), ': ', data(failure.message)]
        : data(failure.message));
  }
  if (number !== renders) return;
  replace(main, content);
  main.dataset.route = location.hash;
  document.title = `${t(page ? page.label : 'notFound')} · ${t('app.title')}`;
  main.focus({ preventScroll: true });
}

async function pageContent(page, first, second, params) {
  let content;
  if (!page) {
    content = h('p', {}, t('notFound'));
  } else if (page.role && !hasRole(page.role)) {
    content = h('div', { class: 'alert', role: 'alert' }, t('forbiddenPage', { role: label('role', page.role) }));
  } else if (second && ['agreements', 'repatriation-cases', 'indicators', 'markers'].includes(first)) {
    content = await detailPage(first, second, params);
  } else {
    content = await page.render(params);
  }
  return content;
}

async function start() {
  await loadSettings();
  const lang = document.getElementById('lang');
  const initial = language();
  lang.value = initial;
  setLanguage(initial);
  digitsSetting();
  lang.addEventListener('change', () => { setLanguage(lang.value); digitsSetting(); render(); });
  document.getElementById('digits').addEventListener('change', event => { setDigits(event.target.value); render(); });
  document.getElementById('sign-out').addEventListener('click', () => { signOut(); render(); });
  try {
    if (await finishOidc(config().oidc)) go('figures');
  } catch (failure) {
    console.error(failure);
  }
  translateStatic();
  installOffline();
  startOutbox();
  window.addEventListener('hashchange', render);
  if (!location.hash) history.replaceState(null, '', '#/figures');
  await render();
}

start();
