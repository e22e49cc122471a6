// Alerts: the rules, a form to create or edit one with a live preview, and each rule's events.
import * as api from './api.js';
import { clear, dateTime, empty, fill, h, num, problem } from './dom.js';
import { filter, go, href } from './state.js';

const TYPES = {
  match: 'Every new matching article',
  volume_spike: 'Volume spike',
  sentiment_shift: 'Sentiment shift',
};

export function render(root, id) {
  const list = h('div.panel');
  const side = h('div.panel');
  clear(
    root,
    h('div.page-head', h('h1', 'Alerts'), h('a.button', { href: '#/alerts/new' }, 'New alert')),
    h('div.split', h('section.card', { 'aria-labelledby': 'rules-title' }, h('h2#rules-title', 'Rules'), list), side),
  );
  const rules = api.get('/api/alerts');
  fill(list, rules, (all) => {
    if (!all.length) {
      list.append(empty('No alert yet. Create one with "New alert".'));
      return;
    }
    list.append(
      h(
        'table.rules',
        h('thead', h('tr', ['Name', 'Query', 'Type', 'Channels', 'Last fired', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          all.map((r) =>
            h(
              'tr',
              { class: String(r.id) === id ? 'current' : null },
              h('td', h('a', { href: '#/alerts/' + r.id }, r.name), r.enabled ? null : h('span.badge', ' paused')),
              h('td', h('code', r.query)),
              h('td', TYPES[r.type] || r.type),
              h('td', r.channels.map((c) => h('div', c.type + ' ' + (c.url || c.to)))),
              h('td', dateTime(r.lastFiredAt)),
              h(
                'td.row-actions',
                h('button.link', { type: 'button', 'aria-label': 'Delete ' + r.name, onclick: () => remove(r) }, 'Delete'),
              ),
            ),
          ),
        ),
      ),
    );
  });
  if (id === 'new') {
    editor(side, null);
  } else if (id) {
    fill(side, api.get('/api/alerts/' + encodeURIComponent(id)), (rule) => {
      const form = h('div');
      const events = h('section.card', { 'aria-labelledby': 'events-title' }, h('h2#events-title', 'Events'));
      side.append(form, events);
      editor(form, rule);
      eventsOf(events, rule);
    });
  } else {
    clear(side, h('section.card', h('h2', 'Alert rules'), h('p', 'Pick a rule to edit it and see what it fired, or create a new one. The query uses the same language as search; the preview shows what it would have caught in the last 30 days.')));
  }
}

async function remove(rule) {
  if (!confirm('Delete the alert "' + rule.name + '" and its events?')) return;
  try {
    await api.del('/api/alerts/' + rule.id);
    go('alerts', null, {}, true);
  } catch (e) {
    alert(e.detail || e.message);
  }
}

function field(label, input, help) {
  return h('div.field', h('label', { for: input.id }, label), input, help ? h('p.help', help) : null);
}

function editor(root, rule) {
  const r = rule || { name: '', query: filter().q, type: 'match', channels: [], enabled: true };
  const webhook = (r.channels || []).find((c) => c.type === 'webhook');
  const email = (r.channels || []).find((c) => c.type === 'email');
  const name = h('input#a-name', { name: 'name', required: true, value: r.name || '', maxlength: 200 });
  const query = h('textarea#a-query', { name: 'query', required: true, rows: 3, spellcheck: 'false' });
  query.value = r.query || '';
  const type = h('select#a-type', { name: 'type' }, Object.entries(TYPES).map(([v, t]) => h('option', { value: v, selected: v === r.type }, t)));
  const threshold = h('input#a-threshold', { name: 'threshold', type: 'number', step: 'any', value: r.threshold ?? '' });
  const win = h('input#a-window', { name: 'window', placeholder: 'e.g. 1h', value: r.window || '' });
  const hook = h('input#a-webhook', { name: 'webhook', type: 'url', placeholder: 'https://…', value: webhook ? webhook.url : '' });
  const mail = h('input#a-email', { name: 'email', type: 'email', placeholder: 'analyst@example.org', value: email ? email.to : '' });
  const enabled = h('input#a-enabled', { name: 'enabled', type: 'checkbox', checked: r.enabled !== false });
  const status = h('div.form-status', { role: 'status' });
  const preview = h('div.preview', { 'aria-live': 'polite' });
  const spikeOnly = h('div.spike-only', field('Threshold', threshold, 'Spike: times the usual volume; shift: change of mean sentiment.'), field('Window', win, 'Length of the window compared, like 30m, 1h or 1d.'));
  const syncType = () => (spikeOnly.hidden = type.value === 'match');
  type.addEventListener('change', syncType);
  syncType();

  let timer = null;
  let asked = 0;
  const runPreview = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = query.value.trim();
      if (!q) {
        clear(preview);
        return;
      }
      const mine = ++asked;
      clear(preview, h('p.state.loading', 'Previewing…'));
      try {
        const p = await api.post('/api/alerts/preview', { query: q });
        if (mine !== asked) return;
        clear(
          preview,
          h('p.preview-total', h('strong', num(p.total)), ' matching articles since ' + dateTime(p.from).slice(0, 10)),
          p.samples.length
            ? h('ul.samples', p.samples.map((s) => h('li', h('a', { href: href('articles', s.id, new URLSearchParams()) }, s.title || s.id), h('span.meta', ' ' + (s.source || '') + ' · ' + dateTime(s.published).slice(0, 10)))))
            : null,
        );
      } catch (e) {
        if (mine === asked) clear(preview, problem(e));
      }
    }, 350);
  };
  query.addEventListener('input', runPreview);
  runPreview();

  const form = h(
    'form.card.alert-form',
    {
      'aria-labelledby': 'alert-form-title',
      onsubmit: async (ev) => {
        ev.preventDefault();
        const channels = [];
        if (hook.value.trim()) channels.push({ type: 'webhook', url: hook.value.trim() });
        if (mail.value.trim()) channels.push({ type: 'email', to: mail.value.trim() });
        const body = {
          name: name.value.trim(),
          query: query.value.trim(),
          type: type.value,
          threshold: type.value === 'match' || threshold.value === '' ? null : Number(threshold.value),
          window: type.value === 'match' ? null : win.value.trim() || null,
          channels,
          enabled: enabled.checked,
        };
        clear(status, h('p.state.loading', 'Saving…'));
        try {
          const saved = rule ? await api.put('/api/alerts/' + rule.id, body) : await api.post('/api/alerts', body);
          if (saved.secret) {
            sessionStorage.setItem('pantau.lastSecret', saved.secret);
          }
          go('alerts', String(saved.id), {}, true);
        } catch (e) {
          clear(status, problem(e));
        }
      },
    },
    h('h2#alert-form-title', rule ? 'Edit "' + rule.name + '"' : 'New alert'),
    secretNote(),
    field('Name', name),
    field('Query', query, 'Pantau query language, e.g. person:"Sri Mulyani" AND (pajak OR cukai).'),
    preview,
    field('Fires on', type),
    spikeOnly,
    field('Webhook URL', hook),
    field('E-mail to', mail),
    h('div.field.check', enabled, h('label', { for: 'a-enabled' }, 'Enabled')),
    h('div.actions', h('button', { type: 'submit' }, rule ? 'Save' : 'Create alert'), h('a.button.secondary', { href: '#/alerts' }, 'Cancel')),
    status,
  );
  clear(root, form);
}

/** The webhook secret is shown once, right after creation. */
function secretNote() {
  const s = sessionStorage.getItem('pantau.lastSecret');
  if (!s) return null;
  sessionStorage.removeItem('pantau.lastSecret');
  return h('p.note', { role: 'status' }, 'Created. Webhook signing secret (shown once): ', h('code', s));
}

function eventsOf(root, rule) {
  const box = h('div.panel');
  root.append(box);
  fill(box, api.get('/api/alerts/' + rule.id + '/events?limit=50'), (events) => {
    if (!events.length) {
      box.append(empty('This rule has not fired yet.'));
      return;
    }
    box.append(
      h(
        'table.events',
        h('thead', h('tr', ['Fired', 'Kind', 'Summary', 'Articles', 'Delivery'].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          events.map((e) =>
            h(
              'tr',
              h('td', dateTime(e.firedAt)),
              h('td', e.kind),
              h('td', e.summary || ''),
              h('td', e.articleIds.slice(0, 5).map((id) => h('div', h('a', { href: href('articles', id, new URLSearchParams()) }, id.slice(0, 10))))),
              h('td', h('span.badge.d-' + e.status, e.status), e.channel ? ' ' + e.channel : '', e.attempts > 1 ? ' (' + e.attempts + ' tries)' : '', e.lastError ? h('div.error', e.lastError) : null),
            ),
          ),
        ),
      ),
    );
  });
}
