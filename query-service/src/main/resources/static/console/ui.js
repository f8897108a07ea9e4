// Small DOM helpers: h() builds elements, so every text goes in as text (never as HTML).

export function h(tag, attrs = {}, ...children) {
  const element = document.createElementNS(
    attrs && attrs.svg ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml', tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name === 'svg' || value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'style') {
      // through the CSS object model: the Content-Security-Policy allows no inline style attribute
      element.style.cssText = String(value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

export function s(tag, attrs = {}, ...children) {
  return h(tag, { ...attrs, svg: true }, ...children);
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(target, ...children) {
  target.replaceChildren();
  append(target, children);
  return target;
}

/** Tells screen readers what just happened. */
export function announce(message) {
  const live = document.getElementById('live');
  live.textContent = '';
  setTimeout(() => { live.textContent = message; }, 50);
}

/** A field label and its control, help and error line, tied together for assistive technology. */
export function field(id, label, control, help) {
  control.id = id;
  const helpId = help ? `${id}-help` : null;
  const errorId = `${id}-error`;
  control.setAttribute('aria-describedby', [helpId, errorId].filter(Boolean).join(' '));
  return h('div', { class: 'field', dataset: { field: control.name || id } },
    h('label', { for: id }, label),
    help ? h('div', { class: 'help', id: helpId }, help) : null,
    control,
    h('div', { class: 'error', id: errorId, role: 'alert' }));
}

export function table(columns, rows, caption) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
      h('tbody', {}, rows.map(row => h('tr', {}, columns.map(c => h('td', { class: c.num ? 'num' : null }, c.cell(row))))))));
}

export function badge(value, text) {
  return h('span', { class: `badge ${value}` }, text);
}

/** Saves a blob under a file name (a download the browser offers). */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function newKey() {
  return crypto.randomUUID ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

/** Data (an id, a name, a server's message) as it was recorded: shown untranslated and marked so (translate="no"). */
export function data(text, attrs = {}) {
  return h('span', { ...attrs, translate: 'no' }, text);
}
