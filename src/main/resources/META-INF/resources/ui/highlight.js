// Highlighting of what a query looks for, accent-folded and case-insensitive like the index: words,
// prefixes (`word*`) and phrases (their words in a row).

const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const TEXT_FIELDS = new Set(['title', 'body']);

export function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The positive free-text terms of a query, each a list of words ({word, prefix}); a phrase has
 * several. Terms under NOT or `-`, and field clauses other than title:/body:, are left out.
 */
export function terms(query) {
  const out = [];
  const re = /(-|NOT\s+)?(?:([a-z]+):)?("([^"]*)"|[^\s()"]+)/g;
  const q = (query || '').replace(/[“”]/g, '"');
  let m;
  while ((m = re.exec(q))) {
    const [, neg, field, token, phrase] = m;
    if (neg || (field && !TEXT_FIELDS.has(field))) continue;
    if (phrase == null && (OPERATORS.has(token) || /^NEAR\/\d+$/.test(token))) continue;
    const words = (phrase != null ? phrase : token)
      .split(/\s+/)
      .map((w) => ({
        prefix: w.endsWith('*'),
        word: fold(w.replace(/[*~\d]+$/, '').replace(/[^\p{L}\p{N}]/gu, '')),
      }))
      .filter((w) => w.word);
    if (words.length) out.push(words);
  }
  return out;
}

function tokens(text) {
  const list = [];
  const re = /[\p{L}\p{N}]+/gu;
  let m;
  while ((m = re.exec(text))) list.push({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) });
  return list;
}

function wordMatches(token, w) {
  return w.prefix ? token.folded.startsWith(w.word) : token.folded === w.word;
}

/** The [start, end) character ranges of `text` that the terms match, in order. */
function ranges(text, list) {
  const toks = tokens(text);
  const out = [];
  for (let i = 0; i < toks.length; i++) {
    let best = 0;
    for (const t of list) {
      if (i + t.length <= toks.length && t.every((w, k) => wordMatches(toks[i + k], w))) {
        best = Math.max(best, t.length);
      }
    }
    if (best) {
      out.push([toks[i].start, toks[i + best - 1].end]);
      i += best - 1;
    }
  }
  return out;
}

/** Nodes of `text` with matched words and phrases wrapped in <mark>. */
export function marked(text, list) {
  if (!text) return [];
  const nodes = [];
  let last = 0;
  for (const [s, e] of list.length ? ranges(text, list) : []) {
    if (s > last) nodes.push(document.createTextNode(text.slice(last, s)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(s, e);
    nodes.push(mark);
    last = e;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/** About `size` characters of `text` around its first match. */
export function snippet(text, list, size = 280) {
  if (!text) return '';
  const first = list.length ? ranges(text, list)[0] : null;
  const at = first ? first[0] : 0;
  const start = at > size / 3 ? Math.max(0, text.lastIndexOf(' ', at - size / 3)) : 0;
  const end = Math.min(text.length, start + size);
  return (start > 0 ? '… ' : '') + text.slice(start, end).trim() + (end < text.length ? ' …' : '');
}
