// The REST API under /api with HTTP Basic login. The credentials stay in sessionStorage only (gone when the tab
// closes); requests are sent with credentials 'omit', so the browser neither caches the login nor shows its own
// login dialog on a 401.
const KEY = 'safenest.auth';
let unauthorized = () => {};

export function hasCredentials() {
  return sessionStorage.getItem(KEY) !== null;
}

export function encode(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary);
}

export function saveCredentials(token) {
  sessionStorage.setItem(KEY, token);
}

export function clearCredentials() {
  sessionStorage.removeItem(KEY);
}

export function onUnauthorized(handler) {
  unauthorized = handler;
}

/** Sends a request; answers { status, ok, body } (status 0 when the server cannot be reached). */
export async function request(method, path, body, token = sessionStorage.getItem(KEY)) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Basic ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, {
      method, headers, credentials: 'omit', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    return { status: 0, ok: false, body: null };
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = null; }
  }
  if (res.status === 401 && token && path !== '/api/regions') unauthorized();
  return { status: res.status, ok: res.ok, body: data };
}

/**
 * Downloads a file (CSV, XLSX) with the login; answers { status, ok, blob, fileName } where fileName comes from
 * the Content-Disposition header (null when absent), or status 0 when the server cannot be reached.
 */
export async function download(path, token = sessionStorage.getItem(KEY)) {
  const headers = token ? { Authorization: `Basic ${token}` } : {};
  let res;
  try {
    res = await fetch(path, { headers, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    return { status: 0, ok: false, blob: null, fileName: null };
  }
  if (res.status === 401 && token) unauthorized();
  const match = /filename="?([^";]+)"?/i.exec(res.headers.get('Content-Disposition') || '');
  return { status: res.status, ok: res.ok, blob: res.ok ? await res.blob() : null, fileName: match ? match[1] : null };
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body),
  download: (path) => download(path),
};
