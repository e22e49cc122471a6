// Feeds: register RSS, Atom and JSON feeds, see their polling status, poll now or remove.
import * as api from './api.js';
import { clear, dateTime, empty, fill, h, num, problem } from './dom.js';

export function render(root) {
  const list = h('div.panel');
  const status = h('div.form-status', { role: 'status' });
  const url = h('input#feed-url', { name: 'url', type: 'url', required: true, placeholder: 'https://example.org/rss.xml' });
  const source = h('input#feed-source', { name: 'source', placeholder: 'from the feed' });
  const minutes = h('input#feed-minutes', { name: 'pollMinutes', type: 'number', min: 1, placeholder: '15' });
  const reload = () => render(root);
  const form = h(
    'form.card.feed-form',
    {
      'aria-labelledby': 'feed-form-title',
      onsubmit: async (ev) => {
        ev.preventDefault();
        clear(status, h('p.state.loading', 'Fetching the feed once to check it…'));
        try {
          const body = { url: url.value.trim() };
          if (source.value.trim()) body.source = source.value.trim();
          if (minutes.value) body.pollMinutes = Number(minutes.value);
          await api.post('/api/feeds', body);
          reload();
        } catch (e) {
          clear(status, problem(e));
        }
      },
    },
    h('h2#feed-form-title', 'Add a feed'),
    h('div.row',
      h('div.field.grow', h('label', { for: 'feed-url' }, 'Feed URL'), url),
      h('div.field', h('label', { for: 'feed-source' }, 'Source'), source),
      h('div.field', h('label', { for: 'feed-minutes' }, 'Poll every (minutes)'), minutes),
      h('div.field', h('button', { type: 'submit' }, 'Add feed')),
    ),
    status,
  );
  clear(root, h('h1', 'Feeds'), form, h('section.card', { 'aria-labelledby': 'feeds-title' }, h('h2#feeds-title', 'Subscriptions'), list));
  fill(list, api.get('/api/feeds'), (feeds) => {
    if (!feeds.length) {
      list.append(empty('No feed yet. Add an RSS, Atom or JSON Feed URL above.'));
      return;
    }
    list.append(
      h(
        'table.feeds',
        h('thead', h('tr', ['Feed', 'Source', 'Status', 'Last polled', 'Next poll', 'Seen', 'Ingested', 'Errors', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          feeds.map((f) =>
            h(
              'tr',
              h('td', h('div', f.title || f.url), h('div.meta', f.url)),
              h('td', f.source || '—'),
              h('td', h('span.badge.f-' + f.status, f.status), f.lastError ? h('div.error', f.lastError) : null),
              h('td', dateTime(f.lastPolledAt)),
              h('td', dateTime(f.nextPollAt)),
              h('td.num', num(f.itemsSeen)),
              h('td.num', num(f.itemsIngested)),
              h('td.num', num(f.errorCount)),
              h(
                'td.row-actions',
                h('button.link', { type: 'button', onclick: () => act(status, () => api.post('/api/feeds/' + f.id + '/_poll?refresh=wait_for'), reload) }, 'Poll now'),
                h('button.link', { type: 'button', 'aria-label': 'Remove ' + (f.title || f.url), onclick: () => confirm('Remove this feed? Its articles stay.') && act(status, () => api.del('/api/feeds/' + f.id), reload) }, 'Remove'),
              ),
            ),
          ),
        ),
      ),
    );
  });
}

async function act(status, call, then) {
  clear(status, h('p.state.loading', 'Working…'));
  try {
    await call();
    then();
  } catch (e) {
    clear(status, problem(e));
  }
}
