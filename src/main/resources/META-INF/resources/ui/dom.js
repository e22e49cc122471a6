// Small DOM helpers: element building, loading/empty/error states and formatting.

/** h('div.card#x', {attrs}, children...) */
export function h(tag, attrs, ...children) {
  const m = tag.match(/^([a-z0-9]+)((?:[.#][\w-]+)*)$/i);
  const el = document.createElement(m ? m[1] : tag);
  if (m && m[2]) {
    for (const part of m[2].match(/[.#][\w-]+/g)) {
      if (part[0] === '.') el.classList.add(part.slice(1));
      else el.id = part.slice(1);
    }
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'style') Object.assign(el.style, v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/**
 * The address a link may point to: `url` as the browser would read it, when that is an absolute
 * http: or https: URL; else null. Stored addresses come from the pages Pantau read, so one may be
 * javascript:, data: or anything else that a click would run rather than open.
 */
export function webHref(url) {
  if (typeof url !== 'string' || !url) return null;
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
}

/** An address shown in full: a link opening in a new tab when it is http(s), else plain text. */
export function externalLink(url) {
  if (!url) return null;
  const target = webHref(url);
  return target
    ? h('a', { href: target, rel: 'noopener noreferrer', target: '_blank' }, url)
    : h('span.url', url);
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function loading(label = 'Loading') {
  return h('p.state.loading', { role: 'status' }, h('span.spinner', { 'aria-hidden': 'true' }), label + '…');
}

export function empty(text = 'Nothing matches the filter.') {
  return h('p.state.empty', { role: 'status' }, text);
}

/** An error box showing the problem document's title and detail. */
export function problem(err) {
  const title = err && err.title ? err.title : 'Something went wrong';
  const detail = err && (err.detail || err.message) ? err.detail || err.message : '';
  return h(
    'div.state.error',
    { role: 'alert' },
    h('strong', err && err.status ? err.status + ' ' + title : title),
    detail && detail !== title ? h('span', ' — ' + detail) : null,
    err && err.errors && err.errors.length
      ? h('ul', err.errors.map((e) => h('li', (e.field ? e.field + ': ' : '') + e.message)))
      : null,
  );
}

/** Fills `el` with a loading state, then what `render` makes of `promise`, or its error. */
export async function fill(el, promise, render) {
  clear(el, loading());
  el.setAttribute('aria-busy', 'true');
  try {
    const data = await promise;
    clear(el);
    render(data);
  } catch (e) {
    clear(el, problem(e));
  } finally {
    el.removeAttribute('aria-busy');
  }
}

const NUM = new Intl.NumberFormat('en');
export const num = (n) => NUM.format(n);
export const pct = (x) => (x * 100).toFixed(x < 0.1 ? 1 : 0) + '%';

export function date(iso) {
  if (!iso) return '—';
  return iso.slice(0, 10);
}

export function dateTime(iso) {
  if (!iso) return '—';
  return iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '$1 UTC');
}

export function card(title, body, opts = {}) {
  const id = 'c-' + title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return h(
    'section.card' + (opts.wide ? '.wide' : ''),
    { 'aria-labelledby': id, dataset: opts.data || {} },
    h('h2', { id }, title, opts.hint ? h('span.hint', opts.hint) : null),
    body,
  );
}
