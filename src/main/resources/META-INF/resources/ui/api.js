// Calls to Pantau's API with the key kept in session storage, and problem+json errors.

const KEY = 'pantau.apiKey';

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key) {
  sessionStorage.setItem(KEY, key.trim());
}

export function clearApiKey() {
  sessionStorage.removeItem(KEY);
}

/**
 * Takes a key from a `#key=...` fragment into session storage, and the key out of the address bar
 * in every case. A tab that is already signed in with another key asks first: a link someone sent
 * must not silently switch the tab to their key (the user would then act, and create alerts, as
 * that key's owner). Returns true when the tab's key changed.
 */
export function takeKeyFromFragment() {
  const m = location.hash.match(/^#key=([^&]*)(?:&(.*))?$/);
  if (!m) return false;
  const rest = m[2] ? '#' + m[2] : '#/overview';
  // Out of the address bar (and the history entry) before anything else, even if decoding fails.
  history.replaceState(null, '', location.pathname + location.search + rest);
  let offered;
  try {
    offered = decodeURIComponent(m[1]).trim();
  } catch (e) {
    return false;
  }
  const current = apiKey();
  if (!offered || offered === current) return false;
  if (current && !window.confirm(
    'This link signs this tab in with a different API key.\n\n'
      + 'Replace the key you are signed in with? Choose Cancel to keep your own key.')) {
    return false;
  }
  setApiKey(offered);
  return true;
}

/** An API answer that was not 2xx; `detail` comes from the problem document when there is one. */
export class ApiError extends Error {
  constructor(status, title, detail, errors) {
    super(detail || title || 'HTTP ' + status);
    this.status = status;
    this.title = title || 'HTTP ' + status;
    this.detail = detail || '';
    this.errors = errors || [];
  }
}

async function failure(res) {
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = null;
  }
  if (body && typeof body === 'object') {
    return new ApiError(res.status, body.title, body.detail, body.errors);
  }
  return new ApiError(res.status, res.statusText, '');
}

/** Listeners told when the key is refused, so the UI can ask for another. */
const unauthorised = [];
export function onUnauthorised(fn) {
  unauthorised.push(fn);
}

async function send(method, path, body, accept) {
  const headers = { 'X-API-Key': apiKey() || '', Accept: accept || 'application/json' };
  const init = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  if (!res.ok) {
    const err = await failure(res);
    if (res.status === 401) unauthorised.forEach((fn) => fn(err));
    throw err;
  }
  return res;
}

export async function get(path) {
  return (await send('GET', path)).json();
}

export async function post(path, body) {
  const res = await send('POST', path, body);
  return res.status === 204 ? null : res.json();
}

export async function put(path, body) {
  return (await send('PUT', path, body)).json();
}

export async function del(path) {
  await send('DELETE', path);
}

/** Fetches a file with the key header and hands it to the browser as a download. */
export async function download(path, fallbackName) {
  const res = await send('GET', path, undefined, '*/*');
  const blob = await res.blob();
  const cd = res.headers.get('Content-Disposition') || '';
  const m = cd.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  const name = m ? decodeURIComponent(m[1]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { name, size: blob.size, type: blob.type };
}

/** Builds a query string, repeating keys given arrays and dropping empty values. */
export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.filter((x) => x !== '' && x != null).forEach((x) => u.append(k, x));
    else if (v !== '' && v != null) u.append(k, v);
  }
  const s = u.toString();
  return s ? '?' + s : '';
}
