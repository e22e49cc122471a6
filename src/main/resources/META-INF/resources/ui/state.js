// The route and the global filter, both kept in the address bar's fragment so views can be shared:
// #/page[/id]?q=..&from=YYYY-MM-DD&to=YYYY-MM-DD&source=a,b&lang=id,en[&page-specific keys]

const FILTER_KEYS = ['q', 'from', 'to', 'source', 'lang'];

export function route() {
  const h = location.hash.replace(/^#\/?/, '');
  const [path, query] = h.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return {
    page: parts[0] || 'overview',
    id: parts[1] || null,
    params: new URLSearchParams(query || ''),
  };
}

function list(v) {
  return (v || '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** The global filter of the current address. `to` is the inclusive last day. */
export function filter() {
  const p = route().params;
  return {
    q: p.get('q') || '',
    from: p.get('from') || '',
    to: p.get('to') || '',
    source: list(p.get('source')),
    lang: list(p.get('lang')),
  };
}

export function href(page, id, params) {
  const s = params.toString();
  return '#/' + page + (id ? '/' + encodeURIComponent(id) : '') + (s ? '?' + s : '');
}

/** Goes to a page, keeping the global filter and replacing page-specific keys with `extra`. */
export function go(page, id, extra = {}, replace = false) {
  const cur = route().params;
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (cur.get(k)) p.set(k, cur.get(k));
  for (const [k, v] of Object.entries(extra)) if (v !== '' && v != null) p.set(k, v);
  navigate(href(page, id, p), replace);
}

/** Moves to `target`; `replace` keeps the current entry out of the history. */
function navigate(target, replace) {
  if (replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
}

/** Changes page-specific keys of the current address, keeping everything else. */
export function setParams(changes, replace = false) {
  const r = route();
  const p = r.params;
  for (const [k, v] of Object.entries(changes)) {
    if (v === '' || v == null || (Array.isArray(v) && !v.length)) p.delete(k);
    else p.set(k, Array.isArray(v) ? v.join(',') : v);
  }
  navigate(href(r.page, r.id, p), replace);
}

/** Sets the global filter (all its keys) on the current page. */
export function setFilter(f, replace = false) {
  setParams(
    {
      q: f.q,
      from: f.from,
      to: f.to,
      source: f.source,
      lang: f.lang,
      page: '',
    },
    replace,
  );
}

/** A value as a query-language term: bare when it is one plain word, quoted otherwise. */
export function term(value) {
  const v = String(value).replace(/"/g, '');
  return /^[\p{L}\p{N}_-]+$/u.test(v) && !/^(AND|OR|NOT)$/.test(v) ? v : '"' + v + '"';
}

/** Adds a clause to the query (AND), unless it is already there. */
export function withClause(q, clause) {
  const cur = q.trim();
  if (!cur) return clause;
  if (cur.split(/\s+/).includes(clause) || cur.includes(clause)) return cur;
  const wrapped = /\bOR\b/.test(cur) ? '(' + cur + ')' : cur;
  return wrapped + ' ' + clause;
}

/** Drill-down: narrows the global filter by a clicked value and stays on the page. */
export function drill(kind, value) {
  const f = filter();
  if (kind === 'source') {
    if (!f.source.includes(value)) f.source.push(value);
  } else if (kind === 'lang') {
    if (!f.lang.includes(value)) f.lang.push(value);
  } else if (kind === 'day') {
    f.from = value;
    f.to = value;
  } else {
    const prefix = kind === 'term' ? '' : kind + ':';
    f.q = withClause(f.q, prefix + term(value));
  }
  setFilter(f);
}

function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The API parameters of the global filter; the API's `to` is exclusive, the UI's inclusive. */
export function apiFilter(f = filter()) {
  return {
    q: f.q,
    from: f.from,
    to: f.to ? addDays(f.to, 1) : '',
    source: f.source.join(','),
    lang: f.lang.join(','),
  };
}

export function days(f = filter()) {
  if (!f.from || !f.to) return 90;
  return (Date.parse(f.to) - Date.parse(f.from)) / 86400000 + 1;
}

/** The bucket size that keeps a timeline readable for the period. */
export function interval(f = filter()) {
  const n = days(f);
  if (n <= 3) return 'hour';
  if (n <= 200) return 'day';
  if (n <= 1100) return 'week';
  return 'month';
}

export { addDays };
