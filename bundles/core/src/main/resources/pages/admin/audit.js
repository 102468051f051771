// The administrators' audit log page (稽核紀錄) in the Safenest web shell: the records filtered by period, user,
// action, target, region and outcome, paged with the total, and the filtered records downloaded as CSV (UTF-8 with a
// byte order mark, for spreadsheets), through /api/audit and /api/audit/audit.csv. Served by safenest-core at /pages/admin/.
import { el, clear } from '/dom.js';
import { resetErrors, showErrors, errorText } from '/forms.js';
import { loadCss, unreachable } from './admin-common.js';

const PAGE = 50;
const OUTCOMES = ['SUCCESS', 'DENIED', 'REJECTED', 'FAILED'];

const TEXTS = {
  'zh-Hant': {
    'au.title': '稽核紀錄',
    'au.intro': '誰在何時、於哪個地區做了什麼，以及結果。篩選後可下載為 CSV（UTF-8，Excel 可正確顯示中文）；下載本身也會記錄。',
    'au.from': '起日',
    'au.to': '迄日（含）',
    'au.actor': '使用者',
    'au.action': '動作包含',
    'au.actionHint': '例如 user. 或 POST /api/users',
    'au.target': '對象',
    'au.region': '地區',
    'au.outcome': '結果',
    'au.any': '全部',
    'au.search': '篩選',
    'au.csv': '下載 CSV',
    'au.count': '共 {total} 筆，顯示第 {first}–{last} 筆',
    'au.none': '沒有符合的紀錄。',
    'au.prev': '上一頁',
    'au.next': '下一頁',
    'au.col.at': '時間',
    'au.col.actor': '使用者',
    'au.col.action': '動作',
    'au.col.region': '地區',
    'au.col.target': '對象',
    'au.col.outcome': '結果',
    'au.col.detail': '說明',
    'au.downloaded': '已下載 {file}。',
    'au.downloadFailed': '無法下載（HTTP {status}）：{message}',
    'au.loadFailed': '無法載入稽核紀錄。',
    'au.retry': '重試',
    'au.err.invalid-date': '請輸入有效的日期。',
    'au.err.too-many': '符合的紀錄太多，請縮小期間或篩選條件。',
    'out.SUCCESS': '成功', 'out.DENIED': '拒絕存取', 'out.REJECTED': '不接受', 'out.FAILED': '失敗',
  },
  en: {
    'au.title': 'Audit log',
    'au.intro': 'Who did what, when, in which region, and how it ended. Filter, then download the records as CSV (UTF-8, opens with Chinese intact in spreadsheets); the download is recorded too.',
    'au.from': 'From',
    'au.to': 'To (inclusive)',
    'au.actor': 'User',
    'au.action': 'Action contains',
    'au.actionHint': 'such as user. or POST /api/users',
    'au.target': 'Target',
    'au.region': 'Region',
    'au.outcome': 'Outcome',
    'au.any': 'any',
    'au.search': 'Filter',
    'au.csv': 'Download CSV',
    'au.count': '{total} record(s); showing {first}–{last}',
    'au.none': 'No record matches.',
    'au.prev': 'Previous page',
    'au.next': 'Next page',
    'au.col.at': 'When',
    'au.col.actor': 'User',
    'au.col.action': 'Action',
    'au.col.region': 'Region',
    'au.col.target': 'Target',
    'au.col.outcome': 'Outcome',
    'au.col.detail': 'Detail',
    'au.downloaded': '{file} downloaded.',
    'au.downloadFailed': 'Not downloaded (HTTP {status}): {message}',
    'au.loadFailed': 'The audit log cannot be loaded.',
    'au.retry': 'Try again',
    'au.err.invalid-date': 'Enter a valid date.',
    'au.err.too-many': 'Too many records match; narrow the period or the filter.',
    'out.SUCCESS': 'Success', 'out.DENIED': 'Denied', 'out.REJECTED': 'Rejected', 'out.FAILED': 'Failed',
  },
};

/** The start of a local day as an instant, or of the next day for the end of a period. */
function instant(date, nextDay) {
  const d = new Date(`${date}T00:00:00`);
  if (Number.isNaN(d.getTime())) return 'invalid';
  if (nextDay) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

function input(id, label, hint, control) {
  return el('div', { class: 'field' }, el('label', { for: id }, label), hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    control, el('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

export default {
  async render(container, ctx) {
    ctx.addTexts(TEXTS);
    loadCss();
    const { t, api } = ctx;
    const [first, regionList] = await Promise.all([api.get(`/api/audit?limit=${PAGE}`), api.get('/api/regions')]);
    if (!ctx.isCurrent()) return;
    clear(container);
    container.append(el('h1', {}, t('au.title')));
    if (!first.ok) {
      container.append(...unreachable(ctx, 'au-retry', t('au.loadFailed'), t('au.retry')));
      return;
    }
    const from = el('input', { id: 'au-from', type: 'date', 'aria-describedby': 'au-from-error' });
    const to = el('input', { id: 'au-to', type: 'date', 'aria-describedby': 'au-to-error' });
    const actor = el('input', { id: 'au-actor', autocomplete: 'off' });
    const action = el('input', { id: 'au-action', autocomplete: 'off', 'aria-describedby': 'au-action-hint' });
    const target = el('input', { id: 'au-target', autocomplete: 'off' });
    const region = el('select', { id: 'au-region' }, el('option', { value: '' }, t('au.any')),
      ...(regionList.ok ? regionList.body : []).map((r) => el('option', { value: r.code }, `${ctx.lang === 'en' ? r.nameEn : r.nameZh} (${r.code})`)));
    const outcome = el('select', { id: 'au-outcome' }, el('option', { value: '' }, t('au.any')),
      ...OUTCOMES.map((o) => el('option', { value: o }, t(`out.${o}`))));
    const search = el('button', { type: 'submit', id: 'au-search' }, t('au.search'));
    const csv = el('button', { type: 'button', class: 'secondary', id: 'au-csv' }, t('au.csv'));
    const status = el('p', { id: 'au-status', role: 'status', 'aria-live': 'polite' });
    const results = el('div', { id: 'au-results' });
    const form = el('form', { novalidate: true, class: 'ad-panel', id: 'au-form' },
      el('div', { class: 'ad-filters' },
        input('au-from', t('au.from'), null, from), input('au-to', t('au.to'), null, to),
        input('au-actor', t('au.actor'), null, actor), input('au-action', t('au.action'), t('au.actionHint'), action),
        input('au-target', t('au.target'), null, target), input('au-region', t('au.region'), null, region),
        input('au-outcome', t('au.outcome'), null, outcome)),
      el('div', { class: 'ad-actions' }, search, csv));

    /** The filter as query parameters, or null when a date is invalid (shown beside its field). */
    function filter() {
      resetErrors(form);
      const q = new URLSearchParams();
      const errors = [];
      if (from.value) {
        const v = instant(from.value, false);
        if (v === 'invalid') errors.push({ field: 'from', code: 'invalid-date' }); else q.set('from', v);
      }
      if (to.value) {
        const v = instant(to.value, true);
        if (v === 'invalid') errors.push({ field: 'to', code: 'invalid-date' }); else q.set('to', v);
      }
      for (const [name, control] of [['actor', actor], ['action', action], ['target', target], ['region', region], ['outcome', outcome]]) {
        if (control.value.trim()) q.set(name, control.value.trim());
      }
      if (errors.length > 0) {
        showErrors(form, errors, (e) => `au-${e.field}`, (e) => errorText(t, 'au', e)).first.focus();
        return null;
      }
      return q;
    }
    const fieldErrors = (answer) => {
      const errors = answer.status === 400 && answer.body && Array.isArray(answer.body.fields) ? answer.body.fields : [];
      const { first: firstField, unplaced } = showErrors(form, errors, (e) => `au-${e.field}`, (e) => errorText(t, 'au', e));
      if (firstField) firstField.focus();
      return unplaced;
    };

    function show(page, q, offset) {
      clear(results);
      const records = page.records;
      if (records.length === 0) {
        results.append(el('p', { class: 'notice', id: 'au-count' }, t('au.none')));
        return;
      }
      results.append(el('p', { id: 'au-count', 'data-total': page.total },
        t('au.count', { total: page.total, first: offset + 1, last: offset + records.length })));
      const when = new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'zh-TW', { dateStyle: 'short', timeStyle: 'medium' });
      results.append(el('div', { class: 'ad-wrap' }, el('table', { class: 'ad-table', id: 'au-records' },
        el('thead', {}, el('tr', {}, ...['at', 'actor', 'action', 'region', 'target', 'outcome', 'detail']
          .map((c) => el('th', { scope: 'col' }, t(`au.col.${c}`))))),
        el('tbody', {}, ...records.map((r) => el('tr', { 'data-id': r.id },
          el('td', {}, when.format(new Date(r.at))), el('td', {}, r.actor), el('td', {}, r.action), el('td', {}, r.region || ''),
          el('td', {}, r.target || ''), el('td', {}, t(`out.${r.outcome}`)), el('td', {}, r.detail || '')))))));
      const prev = el('button', { type: 'button', class: 'secondary', id: 'au-prev', disabled: offset === 0 }, t('au.prev'));
      const next = el('button', { type: 'button', class: 'secondary', id: 'au-next', disabled: offset + records.length >= page.total }, t('au.next'));
      prev.addEventListener('click', () => load(q, Math.max(0, offset - PAGE)));
      next.addEventListener('click', () => load(q, offset + PAGE));
      results.append(el('div', { class: 'ad-actions' }, prev, next));
    }

    async function load(q, offset) {
      search.disabled = true;
      status.textContent = '';
      const params = new URLSearchParams(q);
      params.set('offset', offset);
      params.set('limit', PAGE);
      const a = await api.get(`/api/audit?${params}`);
      search.disabled = false;
      if (!ctx.isCurrent()) return;
      if (a.ok) {
        show(a.body, q, offset);
        ctx.announce(results.querySelector('#au-count').textContent);
      } else if (a.status === 400) {
        status.textContent = fieldErrors(a).join(' ');
      } else {
        clear(results);
        results.append(...unreachable(ctx, 'au-retry', t('au.loadFailed'), t('au.retry')));
      }
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const q = filter();
      if (q) load(q, 0);
    });
    csv.addEventListener('click', async () => {
      const q = filter();
      if (!q) return;
      csv.disabled = true;
      const a = await api.download(`/api/audit/audit.csv?${q}`);
      csv.disabled = false;
      if (!ctx.isCurrent()) return;
      if (!a.ok) {
        status.textContent = t('au.downloadFailed', { status: a.status, message: '' });
        return;
      }
      const name = a.fileName || 'audit.csv';
      const url = URL.createObjectURL(a.blob);
      const link = el('a', { href: url, download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30000);
      status.textContent = t('au.downloaded', { file: name });
      status.dataset.file = name;
      ctx.announce(status.textContent);
    });

    container.append(el('p', {}, t('au.intro')), form, status, results);
    show(first.body, new URLSearchParams(), 0);
  },
};
