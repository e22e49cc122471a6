// Pantau's dashboard: sign-in, the global filter bar, and the hash router over the pages.
import * as api from './api.js';
import { disposeAll } from './charts.js';
import { clear, h, problem } from './dom.js';
import { addDays, filter, route, setFilter } from './state.js';
import * as overview from './overview.js';
import * as articles from './articles.js';
import * as alerts from './alerts.js';
import * as reports from './reports.js';
import * as feeds from './feeds.js';

const PAGES = { overview, articles, alerts, reports, feeds };
const TITLES = { overview: 'Overview', articles: 'Articles', alerts: 'Alerts', reports: 'Reports', feeds: 'Feeds' };
const $ = (id) => document.getElementById(id);

function showLogin(message) {
  $('filters').hidden = true;
  $('logout').hidden = true;
  $('nav').hidden = true;
  clear($('page'));
  $('login').hidden = false;
  const err = $('login-error');
  err.hidden = !message;
  err.textContent = message || '';
  $('login-key').focus();
}

async function signIn(ev) {
  ev.preventDefault();
  api.setApiKey($('login-key').value);
  try {
    await api.get('/api/analytics/languages');
    $('login-key').value = '';
    start();
  } catch (e) {
    api.clearApiKey();
    showLogin(e.status === 401 ? 'That key is not valid.' : e.detail || e.message);
  }
}

/** Fills the filter bar from the address. */
function syncBar() {
  const f = filter();
  $('f-q').value = f.q;
  $('f-from').value = f.from;
  $('f-to').value = f.to;
  $('f-source').value = f.source.join(', ');
  const lang = $('f-lang');
  if (f.lang.length && ![...lang.options].some((o) => o.value === f.lang.join(','))) {
    lang.append(h('option', { value: f.lang.join(',') }, f.lang.join(', ')));
  }
  lang.value = f.lang.join(',');
}

function readBar() {
  const list = (v) => v.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    q: $('f-q').value.trim(),
    from: $('f-from').value,
    to: $('f-to').value,
    source: list($('f-source').value),
    lang: list($('f-lang').value),
  };
}

/**
 * With no period in the address, shows the half year up to the newest article: on a live system
 * that is the last six months, on an archive or the demo data it is where the articles are.
 */
async function defaultPeriod() {
  const f = filter();
  if (f.from || f.to) return;
  let last = new Date().toISOString().slice(0, 10);
  try {
    const newest = await api.get('/api/articles?size=1');
    if (newest.items.length && newest.items[0].published) last = newest.items[0].published.slice(0, 10);
  } catch (e) {
    // The page itself shows the error; the period falls back to today.
  }
  setFilter({ ...f, from: addDays(last, -182), to: last }, true);
}

async function knownSources() {
  try {
    const d = await api.get('/api/analytics/sources?size=50&from=2000-01-01');
    clear($('source-list'), d.items.map((i) => h('option', { value: i.source })));
  } catch (e) {
    // Suggestions only.
  }
}

function show() {
  // A link with a key may also arrive while the dashboard is open. When the key changed, start
  // afresh with it; when it was declined or the same, the rest of the link is shown as usual.
  if (api.takeKeyFromFragment()) {
    start();
    return;
  }
  if (!api.apiKey()) {
    showLogin();
    return;
  }
  const r = route();
  const page = PAGES[r.page] ? r.page : 'overview';
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.page === page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
    const p = new URLSearchParams();
    for (const k of ['q', 'from', 'to', 'source', 'lang']) if (r.params.get(k)) p.set(k, r.params.get(k));
    a.href = '#/' + a.dataset.page + (p.toString() ? '?' + p : '');
  }
  document.title = TITLES[page] + ' · Pantau';
  syncBar();
  disposeAll();
  const root = $('page');
  try {
    PAGES[page].render(root, r.id);
  } catch (e) {
    clear(root, problem(e));
  }
}

async function start() {
  $('login').hidden = true;
  $('filters').hidden = false;
  $('logout').hidden = false;
  $('nav').hidden = false;
  knownSources();
  await defaultPeriod();
  show();
}

function init() {
  api.takeKeyFromFragment();
  window.addEventListener('hashchange', show);
  api.onUnauthorised(() => {
    api.clearApiKey();
    showLogin('The API key was refused; sign in again.');
  });
  $('login-form').addEventListener('submit', signIn);
  $('logout').addEventListener('click', () => {
    api.clearApiKey();
    showLogin();
  });
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    setFilter(readBar());
  });
  $('f-lang').addEventListener('change', () => setFilter(readBar()));
  $('f-clear').addEventListener('click', () => {
    const f = filter();
    setFilter({ q: '', from: f.from, to: f.to, source: [], lang: [] });
  });
  if (api.apiKey()) start();
  else showLogin();
}

init();
