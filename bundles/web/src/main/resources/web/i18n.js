// Texts of the shell, per language. Pages add their own with addTexts().
const TEXTS = {
  'zh-Hant': {
    skip: '跳到主要內容',
    navigation: '主選單',
    region: '區域',
    logout: '登出',
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    footer: 'Safenest：兒少保護與脆弱家庭服務平台（示範資料）',
    loginTitle: '登入',
    loginIntro: '兒少保護與脆弱家庭服務平台。請以您的帳號登入。',
    tooManyAttempts: '登入失敗次數過多，請稍後再試。',
    demoMode: '示範模式：帳號（例如 admin / admin）與資料皆為合成的示範資料，請勿輸入真實個案資料。',
    username: '帳號',
    password: '密碼',
    login: '登入',
    loggingIn: '登入中…',
    loginFailed: '帳號或密碼錯誤。',
    serverUnreachable: '無法連線到伺服器，請稍後再試。',
    loggedInAs: '使用者：{user}',
    loggedOut: '已登出。',
    noPages: '目前沒有您可使用的頁面。',
    noRegions: '您沒有可使用的區域。',
    pageFailed: '頁面載入失敗。',
    loading: '載入中…',
    sessionExpired: '登入已失效，請重新登入。',
    notFoundTitle: '找不到頁面',
    notFound: '沒有這個頁面（{address}）：可能是連結有誤，或您沒有使用這個頁面的權限。',
    goToPage: '前往「{page}」',
    regionUnavailableTitle: '無法開啟這個區域',
    regionUnavailable: '這個連結屬於區域「{region}」，您沒有這個區域的權限，或這個區域已不存在。',
    listUnreachable: '無法連線到伺服器，所以目前無法顯示這份資料。請確認網路連線後按「重試」。',
    listFailed: '資料載入失敗。請按「重試」；若仍失敗，請稍後再試。',
    listForbidden: '您沒有權限檢視這份資料。',
    retry: '重試',
  },
  en: {
    skip: 'Skip to main content',
    navigation: 'Main menu',
    region: 'Region',
    logout: 'Log out',
    switchLanguage: '繁體中文',
    switchLanguageLabel: '切換為繁體中文',
    footer: 'Safenest: child-protection and fragile-family service platform (demo data)',
    loginTitle: 'Log in',
    loginIntro: 'Child-protection and fragile-family service platform. Log in with your account.',
    tooManyAttempts: 'Too many failed logins: please try again later.',
    demoMode: 'Demo mode: the accounts (such as admin / admin) and all data are synthetic; do not enter real case data.',
    username: 'User name',
    password: 'Password',
    login: 'Log in',
    loggingIn: 'Logging in…',
    loginFailed: 'Unknown user or wrong password.',
    serverUnreachable: 'The server cannot be reached. Try again later.',
    loggedInAs: 'User: {user}',
    loggedOut: 'You are logged out.',
    noPages: 'There is no page you may use yet.',
    noRegions: 'You have no region to work in.',
    pageFailed: 'The page could not be loaded.',
    loading: 'Loading…',
    sessionExpired: 'Your login has expired. Log in again.',
    notFoundTitle: 'Page not found',
    notFound: 'There is no such page ({address}): the link may be wrong, or you may not use this page.',
    goToPage: 'Go to “{page}”',
    regionUnavailableTitle: 'This region cannot be opened',
    regionUnavailable: 'This link belongs to the region “{region}”, which you may not use or which no longer exists.',
    listUnreachable: 'The server cannot be reached, so this cannot be shown now. Check the connection and choose “Try again”.',
    listFailed: 'This could not be loaded. Choose “Try again”; if it fails again, try later.',
    listForbidden: 'You may not see this.',
    retry: 'Try again',
  },
};

export const LANGUAGES = ['zh-Hant', 'en'];
const STORE = 'safenest.lang';
let lang = LANGUAGES.includes(localStorage.getItem(STORE)) ? localStorage.getItem(STORE) : 'zh-Hant';

export function getLang() {
  return lang;
}

export function setLang(l) {
  lang = LANGUAGES.includes(l) ? l : 'zh-Hant';
  localStorage.setItem(STORE, lang);
  document.documentElement.lang = lang;
}

/** Adds a page's texts: { 'zh-Hant': {...}, en: {...} }. */
export function addTexts(texts) {
  for (const l of LANGUAGES) {
    Object.assign(TEXTS[l], texts[l] || {});
  }
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const s = TEXTS[lang][key] ?? TEXTS['zh-Hant'][key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

/** Fills the static texts of the document (data-t: text content, data-t-aria: aria-label). */
export function applyTexts(root = document) {
  root.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  root.querySelectorAll('[data-t-aria]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.tAria)); });
}
