// Overview: volume (with comparison), share of voice, sentiment, keywords, entities, languages.
import * as api from './api.js';
import * as charts from './charts.js';
import { card, clear, empty, fill, h, num, pct } from './dom.js';
import { apiFilter, drill, filter, interval, route, setFilter } from './state.js';

const LANGS = { id: 'Indonesian', en: 'English', ms: 'Malay' };
const ENTITY = { person: 'person', organization: 'org', place: 'place' };

function chartBox(name) {
  return h('div.chart', { dataset: { chart: name }, role: 'img', 'aria-label': name + ' chart' });
}

/** Renders into `panel` once data arrives: a chart, or an empty state when there is none. */
function panel(el, promise, hasData, draw, none) {
  return fill(el, promise, (data) => {
    if (!hasData(data)) {
      el.append(empty(none));
      return;
    }
    const box = chartBox(el.dataset.name);
    el.append(box);
    draw(box, data);
  });
}

function compareForm(vs) {
  const input = h('input', {
    id: 'vs-input',
    type: 'search',
    placeholder: 'another query to compare',
    'aria-label': 'Query to compare',
  });
  const chips = vs.map((q, i) =>
    h(
      'span.chip',
      q,
      h('button.chip-x', {
        type: 'button',
        'aria-label': 'Stop comparing ' + q,
        onclick: () => setCompare(vs.filter((_, k) => k !== i)),
      }, '×'),
    ),
  );
  return h(
    'form.inline',
    {
      onsubmit: (e) => {
        e.preventDefault();
        const v = input.value.trim();
        if (v && !vs.includes(v)) setCompare([...vs, v]);
      },
    },
    h('label', { for: 'vs-input' }, 'Compare'),
    input,
    h('button.secondary', { type: 'submit' }, 'Add'),
    chips,
  );
}

function setCompare(vs) {
  const r = route();
  r.params.delete('vs');
  vs.forEach((q) => r.params.append('vs', q));
  location.hash = '#/overview' + (r.params.toString() ? '?' + r.params : '');
}

function measureSelect(current) {
  const sel = h(
    'select',
    { id: 'measure', 'aria-label': 'Timeline measure' },
    h('option', { value: 'count', selected: current !== 'share' }, 'articles'),
    h('option', { value: 'share', selected: current === 'share' }, 'share of all articles'),
  );
  sel.addEventListener('change', () => {
    const r = route();
    r.params.set('measure', sel.value);
    location.hash = '#/overview?' + r.params;
  });
  return sel;
}

export function render(root) {
  const f = filter();
  const params = route().params;
  const vs = params.getAll('vs');
  const measure = params.get('measure') || 'count';
  const base = apiFilter(f);
  const noQ = { ...base, q: '' };
  const iv = interval(f);

  const slot = (name) => h('div.panel', { dataset: { name } });
  const kpiA = h('div.kpi-group');
  const kpiB = h('div.kpi-group');
  const kpis = h('div.kpis', { role: 'list', 'aria-label': 'Key figures' }, kpiA, kpiB);
  const volume = slot('volume');
  const sources = slot('sources');
  const sentiment = slot('sentiment');
  const dist = slot('distribution');
  const trending = slot('trending');
  const keywords = slot('keywords');
  const langs = slot('languages');
  const ents = Object.keys(ENTITY).map((t) => slot(t));

  clear(
    root,
    h('h1.sr-only', 'Overview'),
    kpis,
    h(
      'div.grid',
      card('Volume', [h('div.tools', compareForm(vs), measureSelect(measure)), volume], {
        wide: true,
        hint: 'per ' + iv,
      }),
      card('Share of voice', sources, { hint: 'by source' }),
      card('Sentiment over time', sentiment, { wide: true }),
      card('Sentiment distribution', dist),
      card('Trending', trending, { hint: 'vs. the period before' }),
      card('Top keyphrases', keywords),
      card('Languages', langs),
      card('People', ents[0]),
      card('Organizations', ents[1]),
      card('Places', ents[2]),
    ),
  );

  const day = (d) => setFilter({ ...f, from: d, to: d });
  const qs = vs.length ? [f.q, ...vs] : f.q ? [f.q] : [];
  const unit = measure === 'share' ? (p) => Number((p.share * 100).toFixed(2)) : (p) => p.count;
  panel(
    volume,
    api.get('/api/analytics/volume' + api.qs({ ...noQ, q: qs, interval: iv })),
    (d) => d.series.some((s) => s.points.some((p) => p.count > 0)),
    (box, d) =>
      charts.timeline(
        box,
        d.series.map((s) => ({ key: s.key === 'all' || s.key === '' ? 'all articles' : s.key, points: s.points })),
        day,
        unit,
      ),
  );

  const sourcesP = api.get('/api/analytics/sources' + api.qs({ ...base, size: 12 }));
  panel(sources, sourcesP, (d) => d.items.length, (box, d) =>
    charts.donut(box, d.items.map((i) => ({ label: i.source, value: i.count })), (s) => drill('source', s)),
  );
  const sentP = api.get('/api/analytics/sentiment' + api.qs({ ...base, interval: iv }));
  panel(sentiment, sentP, (d) => d.points.some((p) => p.count > 0), (box, d) =>
    charts.sentimentTimeline(box, d.points, day),
  );
  panel(dist, sentP, (d) => d.distribution.some((b) => b.count > 0), (box, d) =>
    charts.distribution(box, d.distribution),
  );
  panel(
    trending,
    api.get('/api/analytics/trending' + api.qs({ ...base, size: 10 })),
    (d) => d.items.length,
    (box, d) =>
      charts.bars(box, d.items.map((i) => ({ label: i.term, value: Number(i.score.toFixed(1)) })), (t) => drill('term', t), {
        color: '#d97706',
      }),
    'Nothing is unusually frequent compared with the period before.',
  );
  panel(
    keywords,
    api.get('/api/analytics/keywords' + api.qs({ ...base, size: 10 })),
    (d) => d.items.length,
    (box, d) => charts.bars(box, d.items.map((i) => ({ label: i.term, value: i.count })), (t) => drill('term', t)),
  );
  panel(
    langs,
    api.get('/api/analytics/languages' + api.qs(base)),
    (d) => d.items.length,
    (box, d) =>
      charts.donut(box, d.items.map((i) => ({ label: LANGS[i.lang] ? LANGS[i.lang] + ' (' + i.lang + ')' : i.lang, value: i.count })), (l) =>
        drill('lang', l.replace(/^.*\((\w+)\)$/, '$1')),
      ),
  );
  Object.entries(ENTITY).forEach(([type, field], k) =>
    panel(
      ents[k],
      api.get('/api/analytics/entities' + api.qs({ ...base, type, size: 8 })),
      (d) => d.items.length,
      (box, d) =>
        charts.bars(box, d.items.map((i) => ({ label: i.name, value: i.count })), (n) => drill(field, n), {
          color: charts.PALETTE[2 + k],
        }),
    ),
  );

  sourcesP
    .then((d) =>
      clear(
        kpiA,
        kpi('Articles', num(d.total)),
        kpi('Sources', num(d.items.length) + (d.items.length >= 12 ? '+' : '')),
        kpi('Top source', d.items.length ? d.items[0].source + ' · ' + pct(d.items[0].share) : '—'),
      ),
    )
    .catch(() => clear(kpiA));
  sentP
    .then((d) => {
      const n = d.points.reduce((a, p) => a + p.count, 0);
      const s = d.points.reduce((a, p) => a + (p.avg == null ? 0 : p.avg * p.count), 0);
      const neg = d.points.reduce((a, p) => a + p.negative, 0);
      kpiB.append(kpi('Mean sentiment', n ? (s / n).toFixed(2) : '—'), kpi('Negative', n ? pct(neg / n) : '—'));
    })
    .catch(() => {});
}

function kpi(label, value) {
  return h('div.kpi', { role: 'listitem' }, h('span.kpi-value', value), h('span.kpi-label', label));
}
