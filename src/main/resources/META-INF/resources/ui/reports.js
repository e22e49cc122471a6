// Reports: the coverage report of the global filter as CSV, XLSX or PDF.
import * as api from './api.js';
import { clear, fill, h, num, problem } from './dom.js';
import { apiFilter, filter } from './state.js';

const FORMATS = [
  ['csv', 'CSV', 'one row per article, for spreadsheets and scripts'],
  ['xlsx', 'Excel (XLSX)', 'one row per article, with a summary sheet'],
  ['pdf', 'PDF', 'a formatted report with charts'],
];

export function render(root) {
  const f = filter();
  const count = h('span');
  const status = h('div.form-status', { role: 'status', 'aria-live': 'polite' });
  const scope = h(
    'dl.scope',
    h('dt', 'Query'), h('dd', f.q ? h('code', f.q) : 'every article'),
    h('dt', 'Period'), h('dd', (f.from || 'default') + ' to ' + (f.to || 'now')),
    h('dt', 'Sources'), h('dd', f.source.length ? f.source.join(', ') : 'all'),
    h('dt', 'Languages'), h('dd', f.lang.length ? f.lang.join(', ') : 'all'),
    h('dt', 'Articles'), h('dd', count),
  );
  const buttons = FORMATS.map(([ext, label, what]) =>
    h(
      'li',
      h(
        'button',
        {
          type: 'button',
          id: 'download-' + ext,
          onclick: async (ev) => {
            const b = ev.currentTarget;
            b.disabled = true;
            clear(status, h('p.state.loading', 'Building the ' + label + ' report…'));
            try {
              const file = await api.download('/api/reports/coverage.' + ext + api.qs(apiFilter(f)), 'coverage.' + ext);
              clear(status, h('p.ok', { dataset: { file: file.name } }, 'Downloaded ' + file.name + ' (' + num(file.size) + ' bytes).'));
            } catch (e) {
              clear(status, problem(e));
            } finally {
              b.disabled = false;
            }
          },
        },
        'Download ' + label,
      ),
      h('span.help', ' ' + what),
    ),
  );
  clear(
    root,
    h('h1', 'Reports'),
    h(
      'section.card.report',
      { 'aria-labelledby': 'report-title' },
      h('h2#report-title', 'Coverage report'),
      h('p', 'The report covers what the filter bar selects; change the filter above to change the report. The file records the query, the period and when it was generated.'),
      scope,
      h('ul.downloads', buttons),
      status,
    ),
  );
  fill(count, api.get('/api/articles' + api.qs({ ...apiFilter(f), size: 0 })), (d) => count.append(num(d.total)));
}
