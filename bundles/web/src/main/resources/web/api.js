// The REST API under /api. The web keeps no password: the login sends the credentials once (POST /api/session with
// HTTP Basic) and the server answers with a session cookie (HttpOnly, SameSite=Strict, so scripts cannot read it)
// and a CSRF token, kept in this module's memory only and sent with every state-changing call. After a reload the
// page asks GET /api/session for the token again. Logout ends the session on the server.
const CSRF_HEADER = 'X-Safenest-CSRF';
let csrf = null;
let unauthorized = () => {};

function basic(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary);
}

export function onUnauthorized(handler) {
  unauthorized = handler;
}

async function send(method, path, body, headers = {}, raw = undefined) {
  // X-Safenest-Client: the server then answers a 401 without a Basic challenge, so the browser shows no dialog.
  const h = { Accept: 'application/json', 'X-Safenest-Client': 'web', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (raw !== undefined) h['Content-Type'] = raw.type || 'application/octet-stream';
  if (csrf && method !== 'GET' && method !== 'HEAD') h[CSRF_HEADER] = csrf;
  let res;
  try {
    res = await fetch(path, {
      method, headers: h, credentials: 'same-origin', cache: 'no-store',
      body: raw !== undefined ? raw.data : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    return { status: 0, ok: false, body: null };
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = null; }
  }
  // total: how many items a paged list has in all (X-Total-Count), null when the answer does not say
  const total = res.headers.get('X-Total-Count');
  return { status: res.status, ok: res.ok, body: data, total: total === null ? null : Number(total) };
}

/** Logs in: answers { status, ok, body } where body is the session (user, roles, regions). */
export async function login(user, password) {
  const answer = await send('POST', '/api/session', undefined, { Authorization: `Basic ${basic(user, password)}` });
  csrf = answer.status === 200 && answer.body ? answer.body.csrfToken : null;
  return answer;
}

/** The session this browser holds, if any: answers { status, ok, body }. */
export async function resume() {
  const answer = await send('GET', '/api/session');
  csrf = answer.status === 200 && answer.body ? answer.body.csrfToken : null;
  return answer;
}

/** Ends the session on the server. */
export async function logout() {
  await send('DELETE', '/api/session');
  csrf = null;
}

/** Sends a request of the logged-in page; answers { status, ok, body } (status 0 when the server cannot be reached). */
export async function request(method, path, body) {
  const answer = await send(method, path, body);
  if (answer.status === 401 && csrf) {
    csrf = null;
    unauthorized();
  }
  return answer;
}

/**
 * Sends a file (a Blob or File, such as a zip archive) as the request body with its own type; answers
 * { status, ok, body } as request does.
 */
export async function upload(method, path, file, type) {
  const answer = await send(method, path, undefined, {}, { data: file, type: type || file.type || 'application/octet-stream' });
  if (answer.status === 401 && csrf) {
    csrf = null;
    unauthorized();
  }
  return answer;
}

/**
 * Downloads a file (CSV, XLSX) with the session; answers { status, ok, blob, fileName } where fileName comes from
 * the Content-Disposition header (null when absent), or status 0 when the server cannot be reached.
 */
export async function download(path) {
  let res;
  try {
    res = await fetch(path, { headers: { 'X-Safenest-Client': 'web' }, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    return { status: 0, ok: false, blob: null, fileName: null };
  }
  if (res.status === 401 && csrf) {
    csrf = null;
    unauthorized();
  }
  const match = /filename="?([^";]+)"?/i.exec(res.headers.get('Content-Disposition') || '');
  return { status: res.status, ok: res.ok, blob: res.ok ? await res.blob() : null, fileName: match ? match[1] : null };
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body),
  put: (path, body) => request('PUT', path, body),
  delete: (path) => request('DELETE', path),
  download: (path) => download(path),
  upload: (method, path, file, type) => upload(method, path, file, type),
};
