// Highlighting of the words a query looks for, accent-folded and case-insensitive like the index.

const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const TEXT_FIELDS = new Set(['title', 'body']);

export function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The positive free-text terms of a query: words and phrase words not under NOT/-, with a prefix
 * flag for `word*`. Field clauses other than title:/body: are not text and are left out.
 */
export function terms(query) {
  const out = [];
  const re = /(-|NOT\s+)?(?:([a-z]+):)?("([^"]*)"|[^\s()"]+)/g;
  const q = (query || '').replace(/[“”]/g, '"');
  let m;
  while ((m = re.exec(q))) {
    const [, neg, field, token, phrase] = m;
    if (neg || (field && !TEXT_FIELDS.has(field))) continue;
    if (!phrase && (OPERATORS.has(token) || /^NEAR\/\d+$/.test(token))) continue;
    const words = (phrase != null ? phrase : token).split(/\s+/).filter(Boolean);
    for (const w of words) {
      const prefix = w.endsWith('*');
      const word = fold(w.replace(/[*~\d]+$/, '').replace(/[^\p{L}\p{N}]/gu, ''));
      if (word) out.push({ word, prefix });
    }
  }
  return out;
}

function matches(word, list) {
  const f = fold(word);
  return list.some((t) => (t.prefix ? f.startsWith(t.word) : f === t.word));
}

/** Nodes of `text` with matched words wrapped in <mark>. */
export function marked(text, list) {
  const nodes = [];
  if (!text) return nodes;
  if (!list.length) return [document.createTextNode(text)];
  const re = /[\p{L}\p{N}]+/gu;
  let last = 0;
  let m;
  while ((m = re.exec(text))) {
    if (!matches(m[0], list)) continue;
    if (m.index > last) nodes.push(document.createTextNode(text.slice(last, m.index)));
    const mark = document.createElement('mark');
    mark.textContent = m[0];
    nodes.push(mark);
    last = m.index + m[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/** About `size` characters of `text` around its first matched word. */
export function snippet(text, list, size = 280) {
  if (!text) return '';
  let at = 0;
  if (list.length) {
    const re = /[\p{L}\p{N}]+/gu;
    let m;
    while ((m = re.exec(text))) {
      if (matches(m[0], list)) {
        at = m.index;
        break;
      }
    }
  }
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - size / 3)));
  const end = Math.min(text.length, start + size);
  return (start > 0 ? '… ' : '') + text.slice(start, end).trim() + (end < text.length ? ' …' : '');
}
