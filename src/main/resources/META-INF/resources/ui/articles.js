// Articles: search with the query language and filters, highlighted results, article detail with
// every extracted field, and the other copies of the same story.
import * as api from './api.js';
import { clear, date, dateTime, empty, externalLink, fill, h, num } from './dom.js';
import { marked, snippet, terms } from './highlight.js';
import { apiFilter, filter, href, route, setParams, term, withClause } from './state.js';

const PAGE_SIZE = 20;

function sentimentBadge(s) {
  if (!s || !s.label) return null;
  return h('span.badge.s-' + s.label, { title: 'sentiment score ' + s.score.toFixed(2) }, s.label);
}

function meta(a) {
  return h(
    'p.meta',
    h('span.source', a.source || a.publisher || 'unknown source'),
    ' · ',
    h('time', { datetime: a.published || '' }, date(a.published)),
    a.lang ? [' · ', h('span.lang', a.lang)] : null,
    a.wordCount ? [' · ', num(a.wordCount) + ' words'] : null,
    ' ',
    sentimentBadge(a.sentiment),
  );
}

function sentimentSelect(current) {
  const sel = h(
    'select',
    { id: 'sentiment', name: 'sentiment' },
    ['', 'positive', 'neutral', 'negative'].map((v) =>
      h('option', { value: v, selected: v === current }, v || 'any'),
    ),
  );
  sel.addEventListener('change', () => setParams({ sentiment: sel.value, page: '' }));
  return h('label.inline', 'Sentiment ', sel);
}

function pager(page, total) {
  const last = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
  if (last === 0) return null;
  return h(
    'nav.pager',
    { 'aria-label': 'Result pages' },
    h('button.secondary', { type: 'button', disabled: page <= 0, onclick: () => setParams({ page: page - 1 || '' }) }, '← Newer'),
    h('span', 'Page ' + (page + 1) + ' of ' + num(last + 1)),
    h('button.secondary', { type: 'button', disabled: page >= last, onclick: () => setParams({ page: page + 1 }) }, 'Older →'),
  );
}

// Words the last search matched through their stems (kebanjiran for banjir), with its query, so
// that the article opened from the results marks them too.
let lastInflections = { q: null, words: [] };

function withInflections(words, inflections) {
  return words.concat((inflections || []).map((w) => [{ word: w, prefix: false }]));
}

export function renderList(root) {
  const f = filter();
  const p = route().params;
  const page = Number(p.get('page') || 0);
  const sentiment = p.get('sentiment') || '';
  let words = terms(f.q);
  const results = h('div#results');
  const summary = h('p.summary', { role: 'status' });
  clear(root, h('div.page-head', h('h1', 'Articles'), summary, sentimentSelect(sentiment)), results);
  fill(
    results,
    api.get('/api/articles' + api.qs({ ...apiFilter(f), sentiment, page, size: PAGE_SIZE })),
    (d) => {
      lastInflections = { q: f.q, words: d.inflections || [] };
      words = withInflections(words, d.inflections);
      summary.textContent = num(d.total) + (d.total === 1 ? ' article' : ' articles') + (f.q ? ' match ' + f.q : '');
      if (!d.items.length) {
        results.append(empty('No article matches. Widen the period or simplify the query.'));
        return;
      }
      results.append(
        h(
          'ol.results',
          { start: page * PAGE_SIZE + 1 },
          d.items.map((a) =>
            h(
              'li.result',
              h('h2', h('a', { href: href('articles', a.id, keep()) }, marked(a.title || '(untitled)', words))),
              meta(a),
              h('p.snippet', marked(snippet(a.body || a.lead, words), words)),
            ),
          ),
        ),
      );
      const nav = pager(page, d.total);
      if (nav) results.append(nav);
    },
  );
}

function keep() {
  const p = new URLSearchParams();
  const cur = route().params;
  for (const k of ['q', 'from', 'to', 'source', 'lang']) if (cur.get(k)) p.set(k, cur.get(k));
  return p;
}

/** A chip that searches for the clause, keeping the rest of the filter. */
function clauseChip(label, clause) {
  return h(
    'a.chip',
    { href: href('articles', null, withQ(clause)), title: 'Search for ' + clause },
    label,
  );
}

function withQ(clause) {
  const p = keep();
  p.set('q', withClause(filter().q, clause));
  return p;
}

function row(label, ...value) {
  const v = value.flat().filter((x) => x != null && x !== '');
  if (!v.length) return null;
  return [h('dt', label), h('dd', v)];
}

function chips(list, field) {
  return (list || []).map((v) => clauseChip(v, (field ? field + ':' : '') + term(v)));
}

export function renderDetail(root, id) {
  const q = filter().q;
  const words = withInflections(terms(q), lastInflections.q === q ? lastInflections.words : []);
  const body = h('div');
  clear(
    root,
    h('p', h('a', { href: href('articles', null, keep()) }, '← Back to results')),
    body,
  );
  fill(body, api.get('/api/articles/' + encodeURIComponent(id)), (a) => {
    const e = a.entities || {};
    const copies = h('div.panel');
    body.append(
      h(
        'article.detail',
        { 'aria-labelledby': 'article-title' },
        h('h1#article-title', marked(a.title || '(untitled)', words)),
        meta(a),
        h(
          'div.detail-grid',
          h(
            'div.detail-text',
            a.lead && !(a.body || '').startsWith(a.lead) ? h('p.lead', marked(a.lead, words)) : null,
            a.rights && a.rights.aiUse === 'prohibited'
              ? h('p.note', 'The rights notice forbids automated use: depending on the rights policy only the lead may be stored. The article is still counted and searchable in full.')
              : null,
            (a.body || '').split(/\n{2,}|\n/).filter(Boolean).map((para) => h('p', marked(para, words))),
            a.captions && a.captions.length
              ? h('div.captions', h('h2', 'Captions'), a.captions.map((c) => h('p', marked(c, words))))
              : null,
          ),
          h(
            'aside.detail-meta',
            { 'aria-label': 'Extracted metadata' },
            h(
              'dl',
              row('Id', h('code', a.id)),
              row('URL', externalLink(a.url)),
              row('Canonical URL', a.canonicalUrl !== a.url ? externalLink(a.canonicalUrl) : null),
              row('Source', a.source ? clauseChip(a.source, 'source:' + term(a.source)) : null),
              row('Publisher', a.publisher ? clauseChip(a.publisher, 'publisher:' + term(a.publisher)) : null),
              row('Published', dateTime(a.published), a.publishedPrecision ? ' (' + a.publishedPrecision + ')' : null),
              row('Fetched', a.fetched ? dateTime(a.fetched) : null),
              row('Ingested', a.ingested ? dateTime(a.ingested) : null),
              row('Language', a.lang ? clauseChip(a.lang, 'lang:' + a.lang) : null),
              row('Dateline', [a.dateline && a.dateline.place, a.dateline && a.dateline.agency].filter(Boolean).join(' · ')),
              row('Reporter', a.credits && a.credits.reporter),
              row('Editor', a.credits && a.credits.editor),
              row('Photographer', a.credits && a.credits.photographer),
              row(
                'Sentiment',
                a.sentiment
                  ? [sentimentBadge(a.sentiment), ' score ' + a.sentiment.score.toFixed(2) + ', confidence ' + a.sentiment.confidence.toFixed(2)]
                  : null,
              ),
              row(
                'Rights',
                a.rights
                  ? [a.rights.holder, a.rights.notice ? ' — ' + a.rights.notice : null, ' (AI use: ' + a.rights.aiUse + ')'].filter(Boolean)
                  : null,
              ),
              row('Keyphrases', chips(a.keyphrases)),
              row('Keywords', chips(a.keywords, 'keyword')),
              row('People', chips(e.persons, 'person')),
              row('Organizations', chips(e.organizations, 'org')),
              row('Places', chips(e.places, 'place')),
              row('Story', a.storyId ? clauseChip(a.storyId, 'story:' + a.storyId) : null),
              row('Duplicate of', a.duplicateOf ? h('a', { href: href('articles', a.duplicateOf, keep()) }, a.duplicateOf) : null),
              row('Words', a.wordCount ? num(a.wordCount) : null),
            ),
            h('h2', 'Copies of this story'),
            copies,
          ),
        ),
      ),
    );
    if (!a.storyId) {
      copies.append(empty('This article has no story id.'));
      return;
    }
    fill(copies, api.get('/api/articles' + api.qs({ q: 'story:' + a.storyId, size: 50 })), (d) => {
      const others = d.items.filter((c) => c.id !== a.id);
      if (!others.length) {
        copies.append(empty('No other copy of this story.'));
        return;
      }
      copies.append(
        h(
          'ul.copies',
          others.map((c) =>
            h('li', h('a', { href: href('articles', c.id, keep()) }, c.title || c.id), h('span.meta', ' ' + (c.source || '') + ' · ' + date(c.published))),
          ),
        ),
      );
    });
  });
}

export function render(root, id) {
  if (id) renderDetail(root, id);
  else renderList(root);
}

