// The Safenest web shell: login, region picker, language switch, and the pages the installed bundles contribute
// (GET /api/web/pages). A page is a JavaScript module whose default export has render(container, context).
import { t, getLang, setLang, addTexts, applyTexts } from './i18n.js';
import { api, login, resume, logout, onUnauthorized } from './api.js';
import { el, clear } from './dom.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const regionSelect = document.getElementById('region');
const regionBox = document.getElementById('region-box');
const langButton = document.getElementById('lang');
const logoutButton = document.getElementById('logout');
const who = document.getElementById('who');
const status = document.getElementById('status');

const busy = document.getElementById('busy');

// The home region: the last region used in this browser (kept in localStorage), else the first region of the user's
// own limits, else the first region listed. A link may carry its region (#/intake/case/KH-1?region=kaohsiung): the
// shell switches to it before drawing the page, so a link opened from another region shows its case.
const REGION_STORE = 'safenest.region';
let session = null; // { user, roles, regions (limits), pages, regionList }
let renderCount = 0;

function announce(message) {
  status.textContent = '';
  setTimeout(() => { status.textContent = message; }, 50);
}

function updateChrome() {
  applyTexts();
  langButton.textContent = t('switchLanguage');
  langButton.setAttribute('aria-label', t('switchLanguageLabel'));
  langButton.lang = getLang() === 'en' ? 'zh-Hant' : 'en';
  const loggedIn = session !== null;
  nav.hidden = !loggedIn;
  regionBox.hidden = !loggedIn;
  who.hidden = !loggedIn;
  logoutButton.hidden = !loggedIn;
  if (loggedIn) {
    who.textContent = t('loggedInAs', { user: session.user });
    for (const option of regionSelect.options) {
      const r = session.regionList.find((x) => x.code === option.value);
      option.textContent = getLang() === 'en' ? r.nameEn : r.nameZh;
    }
    renderNav();
  }
}

function setTitle(...parts) {
  document.title = [...parts.filter(Boolean), 'Safenest'].join(' – ');
}

function showLogin(message) {
  session = null;
  updateChrome();
  setBusy(false);
  clear(main);
  setTitle(t('loginTitle'));
  const error = el('p', { id: 'login-error', class: 'form-error', role: 'alert' }, message || '');
  error.hidden = !message;
  const user = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = el('button', { type: 'submit', id: 'login-submit' }, t('login'));
  const form = el('form', { class: 'card login', id: 'login-form', novalidate: true },
    el('h1', { tabindex: '-1' }, t('loginTitle')),
    el('p', {}, t('loginIntro')),
    ...(document.documentElement.dataset.mode === 'demo'
      ? [el('p', { id: 'demo-mode', class: 'demo-mode', role: 'note' }, t('demoMode'))] : []),
    error,
    el('div', { class: 'field' }, el('label', { for: 'username' }, t('username')), user),
    el('div', { class: 'field' }, el('label', { for: 'password' }, t('password')), password),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!user.value || !password.value) {
      error.textContent = t('loginFailed');
      error.hidden = false;
      (user.value ? password : user).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t('loggingIn');
    const answer = await login(user.value, password.value);
    submit.disabled = false;
    submit.textContent = t('login');
    if (answer.status === 200) {
      password.value = '';
      await startSession(null);
    } else {
      error.textContent = answer.status === 0 ? t('serverUnreachable')
        : answer.status === 429 ? t('tooManyAttempts') : t('loginFailed');
      error.hidden = false;
      password.value = '';
      password.focus();
    }
  });
  main.append(form);
  user.focus();
}

async function startSession(regionList) {
  if (!regionList) {
    const answer = await api.get('/api/regions');
    if (answer.status !== 200) {
      await logout();
      showLogin(answer.status === 401 ? t('sessionExpired') : t('serverUnreachable'));
      return;
    }
    regionList = answer.body;
  }
  const pages = await api.get('/api/web/pages');
  if (pages.status !== 200) {
    await logout();
    showLogin(t('serverUnreachable'));
    return;
  }
  session = { ...pages.body, regionList };
  clear(regionSelect);
  for (const r of regionList) regionSelect.append(el('option', { value: r.code }, r.nameZh));
  regionSelect.value = homeRegion(regionList, session.regions);
  updateChrome();
  route(true);
}

/** The last region used here if the user may still use it, else the first of the user's limits, else the first. */
function homeRegion(regionList, limits) {
  const stored = localStorage.getItem(REGION_STORE);
  if (regionList.some((r) => r.code === stored)) return stored;
  const own = (limits || []).find((code) => regionList.some((r) => r.code === code));
  return own || (regionList[0] && regionList[0].code) || '';
}

/** The address: '#/intake/case/KH-1?region=kaohsiung' gives { id: 'intake', rest: 'case/KH-1', region: 'kaohsiung' }. */
function parseHash() {
  const hash = location.hash.replace(/^#/, '');
  const q = hash.indexOf('?');
  const path = q < 0 ? hash : hash.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
  const [, id = '', ...rest] = path.split('/');
  return { id, rest: rest.join('/'), region: params.get('region'), path };
}

function currentPage() {
  const { id, rest } = parseHash();
  const page = session.pages.find((p) => p.id === id) || null;
  return { page, sub: page ? rest : '', id };
}

/** A link to a page's sub-path that carries the region in view. */
function pageLink(pageId, path) {
  const region = regionSelect.value;
  return `#/${pageId}${path ? `/${path}` : ''}${region ? `?region=${encodeURIComponent(region)}` : ''}`;
}

/** A loading indicator beside the content: the page in view stays until the next one is ready. */
function setBusy(on) {
  busy.hidden = !on;
  if (on) main.setAttribute('aria-busy', 'true');
  else main.removeAttribute('aria-busy');
}

function renderNav() {
  clear(nav);
  const { page: current } = currentPage();
  const list = el('ul');
  for (const p of session.pages) {
    const link = el('a', { href: `#/${p.id}` }, getLang() === 'en' ? p.titleEn : p.titleZh);
    if (current && current.id === p.id) link.setAttribute('aria-current', 'page');
    list.append(el('li', {}, link));
  }
  nav.append(list);
}

function regionName(r) {
  return getLang() === 'en' ? r.nameEn : r.nameZh;
}

function showNotice(id, titleKey, textKey, values) {
  setBusy(false);
  clear(main);
  const first = session.pages[0];
  main.append(el('div', { class: 'page', id },
    el('h1', { tabindex: '-1' }, t(titleKey)),
    el('p', { class: 'notice' }, t(textKey, values)),
    first ? el('p', {}, el('a', { href: `#/${first.id}`, id: `${id}-home` },
      t('goToPage', { page: getLang() === 'en' ? first.titleEn : first.titleZh }))) : null));
  setTitle(t(titleKey));
  announce(t(titleKey));
}

async function route(focus) {
  if (!session) return;
  const count = ++renderCount;
  if (session.regionList.length === 0) {
    clear(main);
    main.append(el('p', { class: 'notice' }, t('noRegions')));
    setTitle();
    return;
  }
  const wanted = parseHash().region;
  if (wanted && wanted !== regionSelect.value) {
    if (!session.regionList.some((r) => r.code === wanted)) {
      renderNav();
      showNotice('page-region-unavailable', 'regionUnavailableTitle', 'regionUnavailable', { region: wanted });
      return;
    }
    regionSelect.value = wanted; // the link's region: the user opened a case of that region
  }
  if (regionSelect.value) localStorage.setItem(REGION_STORE, regionSelect.value);
  const { page, sub, id } = currentPage();
  if (!page) {
    if (session.pages.length === 0) {
      clear(main);
      main.append(el('h1', {}, 'Safenest'), el('p', { class: 'notice' }, t('noPages')));
      setTitle();
      return;
    }
    if (id === '') {
      location.replace(`#/${session.pages[0].id}`);
      return; // hashchange routes again
    }
    renderNav();
    showNotice('page-not-found', 'notFoundTitle', 'notFound', { address: location.hash });
    return;
  }
  renderNav();
  setBusy(true);
  if (!main.querySelector('.page')) {
    clear(main);
    main.append(el('p', { class: 'loading' }, t('loading')));
  }
  let module;
  try {
    module = await import(page.module);
  } catch (e) {
    if (count !== renderCount) return;
    setBusy(false);
    clear(main);
    main.append(el('p', { class: 'form-error', role: 'alert' }, t('pageFailed')));
    return;
  }
  if (count !== renderCount) return;
  const region = session.regionList.find((r) => r.code === regionSelect.value) || session.regionList[0];
  const container = el('div', { class: 'page', id: `page-${page.id}` });
  const pageTitle = getLang() === 'en' ? page.titleEn : page.titleZh;
  const context = {
    api, t, addTexts, announce,
    lang: getLang(),
    region,
    user: { name: session.user, roles: session.roles, regions: session.regions },
    hasRole: (...roles) => session.roles.includes('admin') || roles.some((r) => session.roles.includes(r)),
    sub,
    link: (path) => pageLink(page.id, path),
    isCurrent: () => count === renderCount,
    retry: () => { if (count === renderCount) route(true); },
  };
  try {
    await module.default.render(container, context);
  } catch (e) {
    console.error(e);
    if (count !== renderCount) return;
    setBusy(false);
    clear(main);
    main.append(el('p', { class: 'form-error', role: 'alert' }, t('pageFailed')));
    return;
  }
  if (count !== renderCount) return;
  setBusy(false);
  clear(main);
  main.append(container);
  setTitle(pageTitle, regionName(region));
  if (focus) {
    const heading = container.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }
}

langButton.addEventListener('click', () => {
  setLang(getLang() === 'en' ? 'zh-Hant' : 'en');
  if (session) {
    updateChrome();
    route(false);
  } else {
    const name = document.getElementById('username');
    const kept = name ? name.value : '';
    showLogin();
    document.getElementById('username').value = kept;
  }
  langButton.focus();
});

regionSelect.addEventListener('change', () => {
  localStorage.setItem(REGION_STORE, regionSelect.value);
  // an address that names a region follows the picker (otherwise the next route would switch back)
  const { region, path } = parseHash();
  if (region) history.replaceState(null, '', `#${path}?region=${encodeURIComponent(regionSelect.value)}`);
  route(false);
});

logoutButton.addEventListener('click', async () => {
  await logout();
  history.replaceState(null, '', location.pathname);
  showLogin();
  announce(t('loggedOut'));
});

window.addEventListener('hashchange', () => route(true));
onUnauthorized(() => {
  showLogin(t('sessionExpired'));
});

setLang(getLang());
resume().then((answer) => {
  if (answer.status === 200) {
    updateChrome();
    startSession(null);
  } else {
    showLogin();
  }
});
