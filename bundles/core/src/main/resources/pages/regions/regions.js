// The administrators' regions page (地區資料) in the Safenest web shell: the regions with their counts, a region's
// files uploaded as one zip archive (checked first: every problem by file and line, nothing changed), and removal.
// Served by safenest-core at /pages/regions/. See docs/regions.md for the files.
import { el, clear } from '/dom.js';
import { loadList } from '/lists.js';

const TEXTS = {
  'zh-Hant': {
    'rg.title': '地區資料',
    'rg.intro': '以一個 zip 壓縮檔上傳地區的檔案（region.properties 及其列出的檔案），新增或更新地區。先檢查：列出每個問題的檔案與行號，不做任何變更。',
    'rg.docs': '檔案格式說明：docs/regions.md',
    'rg.list': '目前的地區',
    'rg.col.code': '代碼',
    'rg.col.name': '名稱',
    'rg.col.counts': '行政區／單位／幼兒園',
    'rg.col.source': '資料來源',
    'rg.col.actions': '動作',
    'rg.remove': '刪除 {code}',
    'rg.removeConfirm': '確定刪除地區 {code} 及其參考資料？',
    'rg.removed': '已刪除地區 {code}。',
    'rg.upload': '上傳地區檔案',
    'rg.target': '上傳為',
    'rg.target.new': '新地區',
    'rg.target.replace': '更新 {code}',
    'rg.file': 'zip 壓縮檔',
    'rg.check': '檢查（不變更）',
    'rg.store': '上傳並儲存',
    'rg.working': '處理中…',
    'rg.noFile': '請先選擇 zip 壓縮檔。',
    'rg.ok': '檔案沒有問題：地區 {code}，{districts} 個行政區、{offices} 個單位、{preschools} 所幼兒園。',
    'rg.okNew': '檢查通過，將新增地區 {code}。',
    'rg.okReplace': '檢查通過，將取代地區 {code} 的資料。',
    'rg.problems': '發現 {n} 個問題，未做任何變更：',
    'rg.col.file': '檔案',
    'rg.col.line': '行',
    'rg.col.message': '問題',
    'rg.stored': '已儲存地區 {code}。',
    'rg.failed': '未完成（HTTP {status}）：{message}',
  },
  en: {
    'rg.title': 'Regions',
    'rg.intro': 'Add or update a region by uploading its files (region.properties and the files it names) as one zip archive. Check first: every problem is listed with its file and line, and nothing is changed.',
    'rg.docs': 'The file formats: docs/regions.md',
    'rg.list': 'Regions',
    'rg.col.code': 'Code',
    'rg.col.name': 'Name',
    'rg.col.counts': 'Districts / offices / preschools',
    'rg.col.source': 'Data from',
    'rg.col.actions': 'Actions',
    'rg.remove': 'Remove {code}',
    'rg.removeConfirm': 'Remove region {code} and its reference data?',
    'rg.removed': 'Region {code} removed.',
    'rg.upload': 'Upload a region\'s files',
    'rg.target': 'Upload as',
    'rg.target.new': 'a new region',
    'rg.target.replace': 'replacing {code}',
    'rg.file': 'Zip archive',
    'rg.check': 'Check (changes nothing)',
    'rg.store': 'Upload and store',
    'rg.working': 'Working…',
    'rg.noFile': 'Choose a zip archive first.',
    'rg.ok': 'The files are fine: region {code}, {districts} districts, {offices} offices, {preschools} preschools.',
    'rg.okNew': 'Check passed: region {code} would be created.',
    'rg.okReplace': 'Check passed: the data of region {code} would be replaced.',
    'rg.problems': '{n} problem(s) found; nothing was changed:',
    'rg.col.file': 'File',
    'rg.col.line': 'Line',
    'rg.col.message': 'Problem',
    'rg.stored': 'Region {code} stored.',
    'rg.failed': 'Not done (HTTP {status}): {message}',
  },
};

function problemTable(t, problems) {
  return el('table', { class: 'rg-table', id: 'rg-problems' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('rg.col.file')),
      el('th', { scope: 'col' }, t('rg.col.line')),
      el('th', { scope: 'col' }, t('rg.col.message')))),
    el('tbody', {}, ...problems.map((p) => el('tr', {},
      el('td', {}, p.file), el('td', {}, p.line > 0 ? String(p.line) : '–'), el('td', {}, p.message)))));
}

const CSS_URL = new URL('./regions.css', import.meta.url).href;

function loadCss() {
  if (!document.querySelector(`link[href="${CSS_URL}"]`)) {
    document.head.append(el('link', { rel: 'stylesheet', href: CSS_URL }));
  }
}

/** The problems of an answer: a dry run's list, or a 400's fields ("offices.csv:3"). */
function problemsOf(answer) {
  if (answer.body && Array.isArray(answer.body.problems)) return answer.body.problems;
  if (answer.body && Array.isArray(answer.body.fields)) {
    return answer.body.fields.map((f) => {
      const m = /^(.*):(\d+)$/.exec(f.field || '');
      return { file: m ? m[1] : f.field, line: m ? Number(m[2]) : 0, message: f.message };
    });
  }
  return [];
}

export default {
  async render(container, ctx) {
    ctx.addTexts(TEXTS);
    loadCss();
    const { t, api } = ctx;
    const status = el('div', { id: 'rg-status', role: 'status', 'aria-live': 'polite' });
    const result = el('div', { id: 'rg-result' });
    const target = el('select', { id: 'rg-target' }, el('option', { value: '' }, t('rg.target.new')));

    function row(r) {
      const remove = el('button', { type: 'button', class: 'secondary', id: `rg-remove-${r.code}` }, t('rg.remove', { code: r.code }));
      remove.addEventListener('click', async () => {
        if (!window.confirm(t('rg.removeConfirm', { code: r.code }))) return;
        // the last removal's outcome is not left on screen while this one runs
        clear(status);
        status.append(el('p', {}, t('rg.working')));
        remove.disabled = true;
        const a = await api.delete(`/api/regions/${encodeURIComponent(r.code)}`);
        remove.disabled = false;
        if (!ctx.isCurrent()) return;
        clear(status);
        if (a.ok) {
          remove.closest('tr').remove();
          const option = target.querySelector(`option[value="${r.code}"]`);
          if (option) option.remove();
        }
        status.append(el('p', { class: a.ok ? 'notice' : 'form-error' }, a.ok ? t('rg.removed', { code: r.code })
          : t('rg.failed', { status: a.status, message: a.body ? a.body.message : '' })));
        ctx.announce(status.textContent);
      });
      const counts = r.counts || {};
      return el('tr', {},
        el('td', {}, r.code),
        el('td', {}, ctx.lang === 'en' ? r.nameEn : r.nameZh),
        el('td', {}, `${counts.districts ?? 0} / ${counts.offices ?? 0} / ${counts.preschools ?? 0}`),
        el('td', {}, r.source || ''),
        el('td', {}, remove));
    }

    // The regions' list: when it cannot be loaded, a message and "Try again" in its place (the upload still works).
    const listBox = el('div', { id: 'rg-list' });
    await loadList(listBox, {
      t,
      id: 'rg-list-error',
      isCurrent: ctx.isCurrent,
      accept: (a) => a.ok && Array.isArray(a.body),
      load: () => api.get('/api/regions'),
      show: (a) => {
        target.querySelectorAll('option[value]:not([value=""])').forEach((o) => o.remove());
        target.append(...a.body.map((r) => el('option', { value: r.code }, t('rg.target.replace', { code: r.code }))));
        listBox.append(el('div', { class: 'rg-wrap' }, el('table', { class: 'rg-table', id: 'rg-regions' },
          el('thead', {}, el('tr', {},
            el('th', { scope: 'col' }, t('rg.col.code')),
            el('th', { scope: 'col' }, t('rg.col.name')),
            el('th', { scope: 'col' }, t('rg.col.counts')),
            el('th', { scope: 'col' }, t('rg.col.source')),
            el('th', { scope: 'col' }, t('rg.col.actions')))),
          el('tbody', {}, ...a.body.map(row)))));
      },
    });
    if (!ctx.isCurrent()) return;

    const file = el('input', { type: 'file', id: 'rg-file', accept: '.zip,application/zip' });
    const check = el('button', { type: 'button', id: 'rg-check' }, t('rg.check'));
    const store = el('button', { type: 'button', id: 'rg-store', class: 'secondary' }, t('rg.store'));

    async function send(dryRun) {
      clear(result);
      clear(status);
      const chosen = file.files && file.files[0];
      if (!chosen) {
        status.append(el('p', { class: 'form-error' }, t('rg.noFile')));
        return;
      }
      const code = target.value;
      const path = (code ? `/api/regions/${encodeURIComponent(code)}` : '/api/regions') + (dryRun ? '?dryRun=true' : '');
      check.disabled = true;
      store.disabled = true;
      status.append(el('p', {}, t('rg.working')));
      const a = await api.upload(code ? 'PUT' : 'POST', path, chosen, 'application/zip');
      check.disabled = false;
      store.disabled = false;
      if (!ctx.isCurrent()) return;
      clear(status);
      const problems = problemsOf(a);
      if (problems.length > 0) {
        result.append(el('p', { class: 'form-error', id: 'rg-problems-title' }, t('rg.problems', { n: problems.length })),
          el('div', { class: 'rg-wrap' }, problemTable(t, problems)));
      } else if (a.ok && a.body) {
        const c = a.body.counts || {};
        result.append(el('p', { class: 'notice', id: 'rg-ok' },
          t('rg.ok', { code: a.body.code, districts: c.districts ?? 0, offices: c.offices ?? 0, preschools: c.preschools ?? 0 }),
          ' ', a.body.dryRun ? t(a.body.created ? 'rg.okNew' : 'rg.okReplace', { code: a.body.code }) : t('rg.stored', { code: a.body.code })));
      } else {
        result.append(el('p', { class: 'form-error' }, t('rg.failed', { status: a.status, message: a.body ? a.body.message : '' })));
      }
      ctx.announce(result.textContent);
    }
    check.addEventListener('click', () => send(true));
    store.addEventListener('click', () => send(false));

    clear(container);
    container.append(
      el('h1', {}, t('rg.title')),
      el('p', {}, t('rg.intro')),
      el('p', { class: 'hint' }, t('rg.docs')),
      el('h2', {}, t('rg.list')),
      listBox,
      status,
      el('h2', {}, t('rg.upload')),
      el('div', { class: 'field' }, el('label', { for: 'rg-target' }, t('rg.target')), target),
      el('div', { class: 'field' }, el('label', { for: 'rg-file' }, t('rg.file')), file),
      el('div', { class: 'rg-actions' }, check, store),
      result);
  },
};
