// The statistics dashboard (統計報表) in the Safenest web shell: pick a report, a period and a grouping, see a chart
// (Chart.js, served by this bundle under lib/), the table with names in the reader's language, the notes, and download
// the table as CSV, Excel or JSON. Small counts come suppressed from the server ("<5") and are never plotted.
// Served by safenest-reporting at /pages/statistics/.
import { el, clear } from '/dom.js';
import { errorText as fieldErrorText, resetErrors, showErrors as showFieldErrors } from '/forms.js';
import { loadFailure, loadList } from '/lists.js';

const TEXTS = {
  'zh-Hant': {
    'st.title': '統計報表',
    'st.intro': '依期間與分組計算通報、案件與分派的統計。為保護個人隱私，少於門檻的數字不公開（顯示為「<5」）。',
    'st.form': '報表條件',
    'st.report': '報表',
    'st.period': '期間',
    'st.from': '起始月份',
    'st.to': '結束月份',
    'st.monthHint': '格式：2026-01',
    'st.quick': '快速選擇期間',
    'st.last12': '近 12 個月',
    'st.thisYear': '今年',
    'st.lastYear': '去年',
    'st.grouping': '分組',
    'st.group1': '依此分組',
    'st.group2': '再細分',
    'st.group2None': '（不細分）',
    'st.parameters': '報表參數',
    'st.defaultValue': '預設值：{value}',
    'st.optional': '（選填）',
    'st.show': '顯示',
    'st.computing': '計算中…',
    'st.start': '請選擇報表與期間，再按「顯示」。',
    'st.noReports': '目前沒有可用的統計報表。',
    'st.periodText': '期間：{from} 至 {to}',
    'st.groupedBy': '分組：{groups}',
    'st.computedAt': '計算時間：{time}',
    'st.rows': '共 {n} 列',
    'st.chart': '圖表',
    'st.chartLabel': '{kind}：{measure}，依{groups}。詳細數字見下方表格。',
    'st.chartLine': '折線圖',
    'st.chartBar': '長條圖',
    'st.chartStacked': '堆疊長條圖',
    'st.chartGaps': '圖中空白處為少於 {n} 的數字，為保護個人隱私不公開，也不繪入圖中。',
    'st.chartNone': '此報表沒有可繪圖的數字，請看下方表格。',
    'st.chartAllSuppressed': '所有數字都少於 {n}，為保護個人隱私不公開，因此不繪製圖表。可改選較長的期間或較少的分組。',
    'st.chartFailed': '圖表無法載入，請看下方表格。',
    'st.table': '統計表',
    'st.notes': '說明',
    'st.empty': '此期間沒有資料。',
    'st.suppressedCell': '少於 {n}：為保護個人隱私，不公開確切數字。',
    'st.downloads': '下載',
    'st.csv': '下載 CSV',
    'st.xlsx': '下載 Excel（XLSX）',
    'st.json': '下載 JSON',
    'st.downloading': '下載中…',
    'st.downloaded': '已下載 {file}。',
    'st.downloadFailed': '無法下載，請稍後再試。',
    'st.shown': '已顯示「{title}」，{rows}。',
    'st.fixErrors': '無法計算，請修正標示的欄位。',
    'st.forbidden': '您沒有權限檢視此報表。',
    'st.notFound': '找不到此報表，可能已移除。請重新選擇。',
    'st.failed': '計算失敗，請稍後再試。',
    'st.sessionExpired': '登入已失效，請重新登入。',
    'st.err.required': '此欄為必填。',
    'st.err.month': '請輸入年月，例如 2026-01。',
    'st.err.order': '結束月份不能早於起始月份。',
    'st.err.invalid': '格式不正確。',
    'st.err.unknown': '找不到此項目，請重新選擇。',
    'st.err.unknown-grouping': '此報表不能依此分組。',
    'st.err.repeated': '兩個分組不能相同。',
    'st.err.too-many': '分組過多。',
    'st.err.before-from': '結束月份不能早於起始月份。',
    'st.err.period-too-long': '期間過長，請縮短。',
    'st.err.invalid-date': '日期格式不正確。',
    'st.dim.month': '月份',
    'st.dim.caseType': '案件類型',
    'st.dim.serviceLine': '服務別',
    'st.dim.district': '行政區',
    'st.dim.office': '分派單位',
    'st.dim.basis': '派案依據',
    'st.dim.ruleSetVersion': '規則版本',
    'st.dim.direction': '方向',
    'st.dim.ground': '轉案理由',
    'st.dim.fromOffice': '原分派單位',
    'st.dim.toOffice': '改派單位',
    'st.dim.plan': '方案',
    'st.dim.meeting': '會議日期',
  },
  en: {
    'st.title': 'Statistics',
    'st.intro': 'Figures on reports, cases and dispatch by period and grouping. To protect privacy, figures below the threshold are withheld (shown as “<5”).',
    'st.form': 'Report settings',
    'st.report': 'Report',
    'st.period': 'Period',
    'st.from': 'From (month)',
    'st.to': 'To (month)',
    'st.monthHint': 'Format: 2026-01',
    'st.quick': 'Quick periods',
    'st.last12': 'Last 12 months',
    'st.thisYear': 'This year',
    'st.lastYear': 'Last year',
    'st.grouping': 'Grouping',
    'st.group1': 'Group by',
    'st.group2': 'Then by',
    'st.group2None': '(none)',
    'st.parameters': 'Report parameters',
    'st.defaultValue': 'Default: {value}',
    'st.optional': ' (optional)',
    'st.show': 'Show',
    'st.computing': 'Computing…',
    'st.start': 'Choose a report and a period, then select “Show”.',
    'st.noReports': 'There is no report you can use yet.',
    'st.periodText': 'Period: {from} to {to}',
    'st.groupedBy': 'Grouped by: {groups}',
    'st.computedAt': 'Computed: {time}',
    'st.rows': '{n} rows',
    'st.chart': 'Chart',
    'st.chartLabel': '{kind}: {measure} by {groups}. The figures are in the table below.',
    'st.chartLine': 'Line chart',
    'st.chartBar': 'Bar chart',
    'st.chartStacked': 'Stacked bar chart',
    'st.chartGaps': 'Gaps in the chart are figures below {n}, withheld to protect privacy and not plotted.',
    'st.chartNone': 'This report has no figures to plot; see the table below.',
    'st.chartAllSuppressed': 'Every figure is below {n} and withheld to protect privacy, so there is no chart. Try a longer period or fewer groupings.',
    'st.chartFailed': 'The chart could not be loaded; see the table below.',
    'st.table': 'Table',
    'st.notes': 'Notes',
    'st.empty': 'No data for this period.',
    'st.suppressedCell': 'Fewer than {n}: the exact figure is withheld to protect privacy.',
    'st.downloads': 'Downloads',
    'st.csv': 'Download CSV',
    'st.xlsx': 'Download Excel (XLSX)',
    'st.json': 'Download JSON',
    'st.downloading': 'Downloading…',
    'st.downloaded': 'Downloaded {file}.',
    'st.downloadFailed': 'The download did not work. Try again later.',
    'st.shown': 'Showing “{title}”, {rows}.',
    'st.fixErrors': 'Nothing was computed. Correct the marked fields.',
    'st.forbidden': 'You may not see this report.',
    'st.notFound': 'This report no longer exists. Choose again.',
    'st.failed': 'The report could not be computed. Try again later.',
    'st.sessionExpired': 'Your login has expired. Log in again.',
    'st.err.required': 'This field is required.',
    'st.err.month': 'Enter a year and month, for example 2026-01.',
    'st.err.order': 'The end month cannot come before the start month.',
    'st.err.invalid': 'This is not valid.',
    'st.err.unknown': 'Not found. Choose again.',
    'st.err.unknown-grouping': 'This report cannot group by this.',
    'st.err.repeated': 'The two groupings must differ.',
    'st.err.too-many': 'Too many groupings.',
    'st.err.before-from': 'The end month cannot come before the start month.',
    'st.err.period-too-long': 'The period is too long. Shorten it.',
    'st.err.invalid-date': 'This is not a valid date.',
    'st.dim.month': 'Month',
    'st.dim.caseType': 'Case type',
    'st.dim.serviceLine': 'Service line',
    'st.dim.district': 'District',
    'st.dim.office': 'Office',
    'st.dim.basis': 'Basis',
    'st.dim.ruleSetVersion': 'Rule-set version',
    'st.dim.direction': 'Direction',
    'st.dim.ground': 'Ground',
    'st.dim.fromOffice': 'Office before',
    'st.dim.toOffice': 'Re-dispatched to',
    'st.dim.plan': 'Plan',
    'st.dim.meeting': 'Meeting',
  },
};

// Readable on white and told apart by most colour-blind readers (Okabe–Ito, starting with the shell's blue).
const COLOURS = ['#0b5394', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#8c6d00', '#4a5260',
  '#6a3d9a', '#b15928'];
const CHART_URL = new URL('./lib/chart.umd.js', import.meta.url).href;
const CSS_URL = new URL('./statistics.css', import.meta.url).href;
const NUMERIC = new Set(['COUNT', 'INTEGER', 'DECIMAL', 'PERCENT']);

let textsAdded = false;
let chartLoading = null;
let cssLoading = null;
let currentChart = null;
// The last query shown, kept while the user switches language or region so the page shows it again.
let saved = null;
// Names of grouping dimensions learnt from computed tables, for keys this page has no text for.
const dimensionNames = new Map();

export default {
  async render(container, ctx) {
    if (!textsAdded) {
      ctx.addTexts(TEXTS);
      textsAdded = true;
    }
    const { t } = ctx;
    destroyChart();
    const regionName = ctx.lang === 'en' ? ctx.region.nameEn : ctx.region.nameZh;
    container.append(
      el('h1', {}, `${t('st.title')}｜${regionName}`),
      el('p', { class: 'hint st-intro' }, t('st.intro')));
    // The list of reports: when it cannot be loaded, a message and "Try again" that loads just the list again.
    const box = el('div', { id: 'st-reports' });
    container.append(box);
    await Promise.all([loadCss(), loadList(box, {
      t,
      id: 'st-list-error',
      isCurrent: ctx.isCurrent,
      accept: (a) => a.status === 200 && Array.isArray(a.body),
      load: () => ctx.api.get(`${base(ctx)}/statistics`),
      show: (a) => {
        if (a.body.length === 0) box.append(el('p', { class: 'notice', id: 'st-no-reports' }, t('st.noReports')));
        else dashboard(box, ctx, a.body);
      },
    })]);
  },
};

const base = (ctx) => `/api/regions/${encodeURIComponent(ctx.region.code)}`;
const apiLang = (ctx) => (ctx.lang === 'en' ? 'en' : 'zh');
const locale = (ctx) => (ctx.lang === 'en' ? 'en-GB' : 'zh-TW');
const pick = (ctx, zh, en) => (ctx.lang === 'en' ? en || zh : zh || en);

function loadCss() {
  if (!cssLoading) {
    cssLoading = new Promise((resolve) => {
      const link = el('link', { rel: 'stylesheet', href: CSS_URL });
      link.addEventListener('load', resolve);
      link.addEventListener('error', resolve); // the page still works with the shell's styles
      document.head.append(link);
    });
  }
  return cssLoading;
}

/** Loads Chart.js once (a UMD file: a classic script that defines the global Chart). */
function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!chartLoading) {
    chartLoading = new Promise((resolve, reject) => {
      const script = el('script', { src: CHART_URL, async: true });
      script.addEventListener('load', () => (window.Chart ? resolve(window.Chart) : reject(new Error('no Chart'))));
      script.addEventListener('error', () => {
        chartLoading = null;
        script.remove();
        reject(new Error(`${CHART_URL} could not be loaded`));
      });
      document.head.append(script);
    });
  }
  return chartLoading;
}

function destroyChart() {
  if (currentChart) {
    currentChart.destroy();
    currentChart = null;
  }
}

// ---- periods (months in the region's time zone) ----
function thisMonth(ctx) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ctx.region.timeZone || 'UTC' }).format(new Date()).slice(0, 7);
}

function addMonths(month, n) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

function lastDay(month) {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function quickPeriod(ctx, which) {
  const now = thisMonth(ctx);
  const year = Number(now.slice(0, 4));
  if (which === 'thisYear') return { from: `${year}-01`, to: now };
  if (which === 'lastYear') return { from: `${year - 1}-01`, to: `${year - 1}-12` };
  return { from: addMonths(now, -11), to: now };
}

// ---- formatting ----
function formatDate(ctx, iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(ctx), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

function formatMonth(ctx, ym) {
  if (typeof ym !== 'string' || !/^\d{4}-\d{2}$/.test(ym)) return ym == null ? '–' : String(ym);
  return new Intl.DateTimeFormat(locale(ctx), { year: 'numeric', month: ctx.lang === 'en' ? 'short' : 'long', timeZone: 'UTC' })
    .format(new Date(`${ym}-01T00:00:00Z`));
}

function formatTime(ctx, iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso || '';
  return new Intl.DateTimeFormat(locale(ctx), { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.region.timeZone || 'UTC' })
    .format(d);
}

function dimensionName(ctx, key) {
  const text = ctx.t(`st.dim.${key}`);
  if (text !== `st.dim.${key}`) return text;
  const learnt = dimensionNames.get(key);
  return learnt ? pick(ctx, learnt.zh, learnt.en) : key;
}

function label(ctx, table, column, code) {
  const names = table.labels && table.labels[column.key];
  const name = names && names[code == null ? '' : String(code)];
  if (name) return pick(ctx, name.zh, name.en);
  return code == null ? '–' : String(code);
}

function threshold(table) {
  const n = table.request && Number(table.request.suppressionThreshold);
  return n > 0 ? n : 5;
}

/** A cell as text, with whether it is a number and whether it is suppressed. */
function cellText(ctx, table, column, value) {
  const number = (options) => new Intl.NumberFormat(locale(ctx), options).format(value);
  if (value === null || value === undefined) return { text: '–', numeric: NUMERIC.has(column.type) };
  switch (column.type) {
    case 'COUNT':
      if (typeof value === 'string') return { text: value, numeric: true, suppressed: true };
      return { text: number({ maximumFractionDigits: 0 }), numeric: true };
    case 'INTEGER':
      return typeof value === 'number' ? { text: number({ maximumFractionDigits: 0 }), numeric: true } : { text: String(value), numeric: true };
    case 'DECIMAL':
      return typeof value === 'number'
        ? { text: number({ minimumFractionDigits: 1, maximumFractionDigits: 1 }), numeric: true } : { text: String(value), numeric: true };
    case 'PERCENT':
      return typeof value === 'number'
        ? { text: number({ style: 'percent', maximumFractionDigits: 1 }), numeric: true } : { text: String(value), numeric: true };
    case 'DATE':
      return { text: formatDate(ctx, value) };
    case 'MONTH':
      return { text: formatMonth(ctx, value) };
    default:
      return { text: label(ctx, table, column, value) };
  }
}

/** The grouping columns of a table: those named in its request, or the leading non-numeric ones. */
function groupingColumns(table) {
  const keys = table.request && Array.isArray(table.request.grouping) ? table.request.grouping : [];
  const byKey = keys.map((k) => table.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0);
  if (byKey.length > 0) return byKey;
  const leading = [];
  for (let i = 0; i < table.columns.length && !NUMERIC.has(table.columns[i].type); i++) leading.push(i);
  return leading;
}

// ---- the dashboard ----
function dashboard(container, ctx, reports) {
  const { t } = ctx;
  const wanted = reports.find((r) => r.id === ctx.sub) || (saved && reports.find((r) => r.id === saved.report)) || reports[0];
  const initial = saved && saved.report === wanted.id ? saved : null;
  const period = saved ? { from: saved.fromMonth, to: saved.toMonth } : quickPeriod(ctx, 'last12');

  const reportSelect = el('select', { id: 'st-report', name: 'report', 'aria-describedby': 'st-report-description' },
    reports.map((r) => el('option', { value: r.id }, pick(ctx, r.titleZh, r.titleEn))));
  reportSelect.value = wanted.id;
  const description = el('p', { class: 'hint', id: 'st-report-description' });
  const from = monthInput(period.from);
  const to = monthInput(period.to);
  const group1 = el('select', { id: 'st-group1', name: 'group1', 'aria-describedby': 'st-group-error' });
  const group2 = el('select', { id: 'st-group2', name: 'group2', 'aria-describedby': 'st-group-error' });
  const params = el('div', { id: 'st-parameters' });
  const show = el('button', { type: 'submit', id: 'st-show' }, t('st.show'));
  const quick = ['last12', 'thisYear', 'lastYear'].map((q) => el('button', {
    type: 'button', class: 'secondary', id: `st-${q}`,
    onclick: () => {
      const p = quickPeriod(ctx, q);
      from.value = p.from;
      to.value = p.to;
      form.requestSubmit();
    },
  }, t(`st.${q}`)));

  const form = el('form', { class: 'card st-form', id: 'st-form', novalidate: true, 'aria-label': t('st.form') },
    el('div', { class: 'field', 'data-field': 'report' },
      el('label', { for: 'st-report' }, t('st.report')), reportSelect, description,
      el('p', { class: 'field-error', id: 'st-report-error', hidden: true })),
    el('div', { class: 'grid' },
      el('fieldset', { class: 'st-period', id: 'st-period' },
        el('legend', {}, t('st.period')),
        el('div', { class: 'st-row' },
          fieldOf(ctx, 'from', from, 'st.from'),
          fieldOf(ctx, 'to', to, 'st.to')),
        el('div', { class: 'st-quick', role: 'group', 'aria-label': t('st.quick') }, quick)),
      el('fieldset', { class: 'st-groups', id: 'st-group' },
        el('legend', {}, t('st.grouping')),
        el('div', { class: 'st-row' },
          el('div', { class: 'field' }, el('label', { for: 'st-group1' }, t('st.group1')), group1),
          el('div', { class: 'field' }, el('label', { for: 'st-group2' }, t('st.group2')), group2)),
        el('p', { class: 'field-error', id: 'st-group-error', hidden: true }))),
    params,
    el('div', { class: 'st-actions' }, show));

  const message = el('div', { id: 'st-message', tabindex: '-1' });
  const result = el('section', { id: 'st-result', 'aria-live': 'off' });
  container.append(form, message, result);

  const current = () => reports.find((r) => r.id === reportSelect.value) || reports[0];

  function fillGroupings(keep) {
    const r = current();
    const g1 = keep && r.groupings.includes(keep[0]) ? keep[0] : r.groupings[0];
    clear(group1);
    r.groupings.forEach((g) => group1.append(el('option', { value: g }, dimensionName(ctx, g))));
    group1.value = g1;
    fillSecond(keep && keep[1]);
  }

  function fillSecond(keep) {
    const previous = keep === undefined ? group2.value : keep;
    clear(group2);
    group2.append(el('option', { value: '' }, t('st.group2None')));
    current().groupings.filter((g) => g !== group1.value)
      .forEach((g) => group2.append(el('option', { value: g }, dimensionName(ctx, g))));
    group2.value = current().groupings.includes(previous) && previous !== group1.value ? previous : '';
    group2.disabled = current().groupings.length < 2;
  }

  function fillReport(keep) {
    const r = current();
    description.textContent = pick(ctx, r.descriptionZh, r.descriptionEn) || '';
    fillGroupings(keep && keep.group);
    clear(params);
    const list = r.parameters || [];
    if (list.length === 0) return;
    params.append(el('fieldset', { class: 'st-params' }, el('legend', {}, t('st.parameters')),
      el('div', { class: 'grid' }, list.map((p) => {
        const input = el('input', {
          type: 'text', autocomplete: 'off', required: p.required ? true : null,
          placeholder: p.defaultValue == null ? null : p.defaultValue,
        });
        if (keep && keep.params && keep.params[p.key] != null) input.value = keep.params[p.key];
        return fieldOf(ctx, `param-${p.key}`, input, null, `${pick(ctx, p.labelZh, p.labelEn)}${p.required ? '' : t('st.optional')}`,
          p.defaultValue == null ? null : t('st.defaultValue', { value: p.defaultValue }));
      }))));
  }

  reportSelect.addEventListener('change', () => {
    resetErrors(form);
    fillReport(null);
  });
  group1.addEventListener('change', () => fillSecond());

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    resetErrors(form);
    clear(message);
    const r = current();
    const query = {
      report: r.id,
      fromMonth: from.value.trim(),
      toMonth: to.value.trim(),
      group: [group1.value, group2.value].filter((g) => g),
      params: {},
    };
    for (const p of r.parameters || []) {
      const input = form.querySelector(`#st-param-${CSS.escape(p.key)}`);
      const v = input ? input.value.trim() : '';
      if (v !== '') query.params[p.key] = v;
    }
    const errors = [];
    if (!query.fromMonth) errors.push({ field: 'from', code: 'required' });
    else if (!MONTH.test(query.fromMonth)) errors.push({ field: 'from', code: 'month' });
    if (!query.toMonth) errors.push({ field: 'to', code: 'required' });
    else if (!MONTH.test(query.toMonth)) errors.push({ field: 'to', code: 'month' });
    if (errors.length === 0 && query.fromMonth > query.toMonth) errors.push({ field: 'to', code: 'order' });
    for (const p of r.parameters || []) {
      if (p.required && !(p.key in query.params)) errors.push({ field: p.key, code: 'required' });
    }
    if (errors.length > 0) {
      fail(errors);
      return;
    }
    run(query);
  });

  // An invalid query: its fields are marked, and the figures of an earlier query go (they would be read as this one's).
  function fail(errors) {
    destroyChart();
    clear(result);
    const { first, unplaced } = showErrors(ctx, form, errors, current());
    message.append(el('p', { class: 'form-error', role: 'alert', id: 'st-error' }, t('st.fixErrors'), ...unplaced.map((u) => ` ${u}`)));
    if (first) first.focus();
  }

  let runs = 0;
  async function run(query) {
    const count = ++runs;
    const r = reports.find((x) => x.id === query.report);
    show.disabled = true;
    result.setAttribute('aria-busy', 'true');
    message.append(el('p', { class: 'loading st-computing', id: 'st-computing', role: 'status' }, t('st.computing')));
    const answer = await ctx.api.get(reportPath(ctx, query));
    if (count !== runs) return;
    show.disabled = false;
    result.removeAttribute('aria-busy');
    clear(message);
    if (answer.status === 200 && answer.body && Array.isArray(answer.body.columns)) {
      saved = query;
      destroyChart();
      clear(result);
      const table = answer.body;
      table.columns.forEach((c) => dimensionNames.set(c.key, { zh: c.labelZh, en: c.labelEn }));
      await showTable(result, ctx, r, query, table);
      if (count === runs && ctx.isCurrent()) {
        ctx.announce(t('st.shown', { title: pick(ctx, r.titleZh, r.titleEn), rows: t('st.rows', { n: table.rows.length }) }));
      }
      return;
    }
    const errors = answer.body && (answer.body.fields || answer.body.errors);
    if (answer.status === 400 && Array.isArray(errors) && errors.length > 0) {
      fail(errors);
      return;
    }
    if (answer.status === 0 || answer.status >= 500) {
      // the server could not be reached or failed: "Try again" computes the same query again
      message.append(loadFailure(t, answer, 'st-error', () => {
        clear(message);
        run(query);
      }));
      message.focus();
      return;
    }
    const key = answer.status === 403 ? 'st.forbidden'
      : answer.status === 404 ? 'st.notFound' : answer.status === 401 ? 'st.sessionExpired' : 'st.failed';
    message.append(el('p', { class: 'form-error', role: 'alert', id: 'st-error' }, t(key),
      answer.status >= 400 && answer.status !== 401 && answer.body && answer.body.message && answer.status !== 403
        ? ` (${answer.body.message})` : ''));
    message.focus();
  }

  fillReport(initial);
  if (initial) {
    run({ ...initial, params: { ...initial.params } });
  } else {
    result.append(el('p', { class: 'notice', id: 'st-start' }, t('st.start')));
  }
}

function monthInput(value) {
  return el('input', { type: 'month', value, min: '2000-01', max: '2099-12', pattern: '\\d{4}-\\d{2}', placeholder: 'YYYY-MM', inputmode: 'numeric' });
}

function fieldOf(ctx, id, control, labelKey, labelText, hint) {
  const hintId = `st-${id}-hint`;
  const errorId = `st-${id}-error`;
  control.id = `st-${id}`;
  control.name = id;
  control.setAttribute('aria-describedby', `${hint ? `${hintId} ` : ''}${errorId}`);
  return el('div', { class: 'field', 'data-field': id },
    el('label', { for: control.id }, labelText || ctx.t(labelKey)),
    hint ? el('p', { class: 'hint', id: hintId }, hint) : null,
    control,
    el('p', { class: 'field-error', id: errorId, hidden: true }));
}

function reportPath(ctx, query, extra = {}) {
  const p = new URLSearchParams();
  p.set('from', `${query.fromMonth}-01`);
  p.set('to', lastDay(query.toMonth));
  if (query.group.length > 0) p.set('group', query.group.join(','));
  for (const [k, v] of Object.entries(query.params)) p.set(k, v);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return `${base(ctx)}/statistics/${encodeURIComponent(query.report)}?${p}`;
}

// ---- field errors beside their fields ----
/** The id (without "st-") of the control an error from the server or the form is about. */
function fieldId(field, report) {
  const f = String(field || '').replace(/^parameters?\./, '');
  if (f === 'from' || f === 'to' || f === 'report') return f;
  if (f === 'group' || f === 'grouping') return 'group';
  if (f === 'period') return 'to';
  if ((report.parameters || []).some((p) => p.key === f)) return `param-${f}`;
  return null;
}

function showErrors(ctx, form, errors, report) {
  return showFieldErrors(form, errors, (e) => {
    const id = fieldId(e.field, report);
    return id && `st-${id}`;
  }, (e) => fieldErrorText(ctx.t, 'st', e));
}

// ---- the result: heading, chart, downloads, table, notes ----
async function showTable(result, ctx, report, query, table) {
  const { t } = ctx;
  const request = table.request || {};
  const groups = groupingColumns(table).map((i) => pick(ctx, table.columns[i].labelZh, table.columns[i].labelEn));
  result.append(
    el('h2', { id: 'st-result-title' }, pick(ctx, report.titleZh, report.titleEn)),
    el('ul', { class: 'meta', id: 'st-result-meta' },
      request.from && request.to ? el('li', {}, t('st.periodText', { from: formatDate(ctx, request.from), to: formatDate(ctx, request.to) })) : null,
      groups.length ? el('li', {}, t('st.groupedBy', { groups: groups.join(ctx.lang === 'en' ? ', ' : '、') })) : null,
      el('li', {}, t('st.rows', { n: table.rows.length })),
      table.computedAt ? el('li', {}, t('st.computedAt', { time: formatTime(ctx, table.computedAt) })) : null));

  const notes = (table.notes || []).length === 0 ? null : el('section', { class: 'st-notes', id: 'st-notes', 'aria-labelledby': 'st-notes-title' },
    el('h3', { id: 'st-notes-title' }, t('st.notes')),
    el('ul', {}, table.notes.map((n) => el('li', { 'data-code': n.code }, pick(ctx, n.textZh, n.textEn)))));

  if (table.rows.length === 0) {
    result.append(el('p', { class: 'notice', id: 'st-empty' }, t('st.empty')));
    if (notes) result.append(notes);
    return;
  }
  if (!hasFigures(table)) {
    // e.g. a report by month lists every month of the period, all with zero: say so instead of a flat chart
    result.append(el('p', { class: 'notice', id: 'st-empty' }, t('st.empty')), downloads(ctx, query, table), tableOf(ctx, report, table));
    if (notes) result.append(notes);
    return;
  }

  const chartBox = el('div', { class: 'st-chart-box' });
  const figure = el('figure', { class: 'card st-figure', id: 'st-figure' }, chartBox);
  result.append(figure, downloads(ctx, query, table), tableOf(ctx, report, table));
  if (notes) result.append(notes);
  await drawChart(ctx, figure, chartBox, table);
}

/** Whether any count is above zero (or suppressed, so above zero too); a table without counts has figures when it has rows. */
function hasFigures(table) {
  const counts = table.columns.map((c, i) => (c.type === 'COUNT' ? i : -1)).filter((i) => i >= 0);
  if (counts.length === 0) return table.rows.length > 0;
  return table.rows.some((row) => counts.some((i) => typeof row[i] === 'string' || (typeof row[i] === 'number' && row[i] > 0)));
}

function downloads(ctx, query, table) {
  const { t } = ctx;
  const status = el('p', { class: 'hint st-download-status', id: 'st-download-status', role: 'status' });
  const button = (format, key) => el('button', {
    type: 'button', class: 'secondary', id: `st-download-${format}`,
    onclick: (event) => download(ctx, query, table, format, event.currentTarget, status),
  }, t(key));
  return el('div', { class: 'st-downloads', role: 'group', 'aria-label': t('st.downloads') },
    button('csv', 'st.csv'), button('xlsx', 'st.xlsx'), button('json', 'st.json'), status);
}

function fileName(ctx, query, table, format) {
  const r = table.request || {};
  const region = r.region || ctx.region.code;
  return `${table.report || query.report}-${region}-${r.from || `${query.fromMonth}-01`}_${r.to || lastDay(query.toMonth)}.${format}`
    .replace(/[^\w.\-]+/g, '_');
}

async function download(ctx, query, table, format, button, status) {
  const { t } = ctx;
  let blob;
  let name = fileName(ctx, query, table, format);
  if (format === 'json') {
    // exactly the table on the screen (both languages, codes and names)
    blob = new Blob([JSON.stringify(table, null, 2)], { type: 'application/json' });
  } else {
    button.disabled = true;
    status.textContent = t('st.downloading');
    status.classList.remove('field-error');
    const answer = await ctx.api.download(reportPath(ctx, query, { format, lang: apiLang(ctx) }));
    if (!answer.ok) {
      button.disabled = false;
      status.textContent = t('st.downloadFailed');
      status.classList.add('field-error');
      return;
    }
    blob = answer.blob;
    name = answer.fileName || name;
    button.disabled = false;
  }
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
  status.textContent = t('st.downloaded', { file: name });
  status.dataset.file = name;
  ctx.announce(t('st.downloaded', { file: name }));
}

function tableOf(ctx, report, table) {
  const { t } = ctx;
  const n = threshold(table);
  const head = el('tr', {}, table.columns.map((c) => el('th', {
    scope: 'col', class: NUMERIC.has(c.type) ? 'num' : null, 'data-key': c.key,
  }, pick(ctx, c.labelZh, c.labelEn))));
  const body = el('tbody', {}, table.rows.map((row) => el('tr', {}, table.columns.map((c, i) => {
    const cell = cellText(ctx, table, c, row[i]);
    const attributes = { class: [cell.numeric ? 'num' : null, cell.suppressed ? 'st-suppressed' : null].filter(Boolean).join(' ') || null };
    if (cell.suppressed) attributes.title = t('st.suppressedCell', { n });
    if (i === 0) return el('th', { scope: 'row', ...attributes }, cell.text);
    return el('td', attributes, cell.suppressed
      ? el('abbr', { title: t('st.suppressedCell', { n }) }, cell.text) : cell.text);
  }))));
  return el('div', { class: 'st-table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'st-table-caption' },
    el('table', { class: 'st-table', id: 'st-table' },
      el('caption', { id: 'st-table-caption' }, `${t('st.table')}${ctx.lang === 'en' ? ': ' : '：'}${pick(ctx, report.titleZh, report.titleEn)}`),
      el('thead', {}, head), body));
}

// ---- the chart ----
/** What to plot: labels, datasets and the kind of chart, or null when the table has nothing to plot. */
function chartData(ctx, table) {
  const groupIdx = groupingColumns(table);
  if (groupIdx.length === 0) return null;
  const grouped = new Set(groupIdx);
  let measures = table.columns.map((c, i) => i).filter((i) => !grouped.has(i) && table.columns[i].type === 'COUNT');
  if (measures.length === 0) {
    measures = table.columns.map((c, i) => i).filter((i) => !grouped.has(i) && ['INTEGER', 'DECIMAL'].includes(table.columns[i].type));
  }
  if (measures.length === 0) return null;
  const [g1, g2] = groupIdx;
  const c1 = table.columns[g1];
  const name = (col, v) => (col.type === 'MONTH' ? formatMonth(ctx, v) : cellText(ctx, table, col, v).text);
  const value = (v) => (typeof v === 'number' ? v : null); // "<5" (suppressed) becomes a gap
  let gaps = 0;
  const plot = (v) => {
    if (typeof v === 'string') gaps++;
    return value(v);
  };
  const columnName = (i) => pick(ctx, table.columns[i].labelZh, table.columns[i].labelEn);
  const groupNames = groupIdx.slice(0, 2).map(columnName);

  if (g2 === undefined) {
    const labels = table.rows.map((r) => name(c1, r[g1]));
    if (c1.type === 'MONTH') {
      return {
        type: 'line', kind: 'st.chartLine', labels, groupNames,
        measure: measures.map(columnName).join(ctx.lang === 'en' ? ', ' : '、'),
        datasets: measures.map((m, k) => ({
          label: columnName(m), data: table.rows.map((r) => plot(r[m])),
          borderColor: COLOURS[k % COLOURS.length], backgroundColor: COLOURS[k % COLOURS.length],
          pointRadius: 4, pointHoverRadius: 6, borderWidth: 2.5, spanGaps: false, tension: 0,
          order: k, // the first column on top
        })),
        gaps,
      };
    }
    const m = measures[0];
    return {
      type: 'bar', kind: 'st.chartBar', labels, groupNames, measure: columnName(m),
      datasets: [{ label: columnName(m), data: table.rows.map((r) => plot(r[m])), backgroundColor: COLOURS[0] }],
      gaps,
    };
  }

  // two groupings: one stacked bar per value of the first, one dataset per value of the second
  const c2 = table.columns[g2];
  const m = measures[0];
  const xs = [];
  const series = [];
  const cells = new Map();
  for (const r of table.rows) {
    const x = String(r[g1]);
    const s = String(r[g2]);
    if (!xs.some((v) => v.key === x)) xs.push({ key: x, name: name(c1, r[g1]) });
    if (!series.some((v) => v.key === s)) series.push({ key: s, name: name(c2, r[g2]) });
    cells.set(`${x}\u0000${s}`, r[m]);
  }
  return {
    type: 'bar', kind: 'st.chartStacked', labels: xs.map((x) => x.name), groupNames, measure: columnName(m), stacked: true,
    datasets: series.map((s, k) => ({
      label: s.name,
      // a group the table does not list counted nothing; a suppressed one is a gap
      data: xs.map((x) => (cells.has(`${x.key}\u0000${s.key}`) ? plot(cells.get(`${x.key}\u0000${s.key}`)) : 0)),
      backgroundColor: COLOURS[k % COLOURS.length],
    })),
    gaps,
  };
}

async function drawChart(ctx, figure, box, table) {
  const { t } = ctx;
  const spec = chartData(ctx, table);
  if (!spec) {
    figure.classList.add('st-figure-none');
    box.replaceWith(el('p', { class: 'hint', id: 'st-chart-none' }, t('st.chartNone')));
    return;
  }
  if (!spec.datasets.some((d) => d.data.some((v) => typeof v === 'number' && v > 0))) {
    figure.classList.add('st-figure-none');
    box.replaceWith(el('p', { class: 'hint', id: 'st-chart-suppressed' }, t('st.chartAllSuppressed', { n: threshold(table) })));
    return;
  }
  const labelText = t('st.chartLabel', {
    kind: t(spec.kind), measure: spec.measure, groups: spec.groupNames.join(ctx.lang === 'en' ? ' and ' : '、'),
  });
  const canvas = el('canvas', { id: 'st-chart', role: 'img', 'aria-label': labelText }, labelText);
  box.append(canvas);
  figure.append(el('figcaption', {},
    el('span', { class: 'st-caption' }, labelText),
    spec.gaps > 0 ? el('span', { class: 'st-gaps', id: 'st-chart-gaps' }, ` ${t('st.chartGaps', { n: threshold(table) })}`) : null));
  let Chart;
  try {
    Chart = await loadChart();
  } catch (e) {
    console.error(e);
    box.replaceWith(el('p', { class: 'form-error', id: 'st-chart-failed' }, t('st.chartFailed')));
    return;
  }
  if (!ctx.isCurrent()) return;
  destroyChart();
  const style = getComputedStyle(document.documentElement);
  Chart.defaults.font.family = style.fontFamily || Chart.defaults.font.family;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#1b1f24';
  const integer = table.columns.every((c) => c.type !== 'DECIMAL');
  const number = new Intl.NumberFormat(locale(ctx), { maximumFractionDigits: integer ? 0 : 1 });
  currentChart = new Chart(canvas, {
    type: spec.type,
    data: { labels: spec.labels, datasets: spec.datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: locale(ctx),
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { display: spec.datasets.length > 1, position: 'bottom', labels: { boxWidth: 14 } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label}${ctx.lang === 'en' ? ': ' : '：'}${item.raw == null ? `<${threshold(table)}` : number.format(item.raw)}`,
          },
        },
      },
      scales: {
        x: {
          stacked: !!spec.stacked, grid: { display: false },
          // Long labels (office names) are shortened on narrow screens so that no axis label is cut off; the
          // tooltip and the table give the whole name.
          ticks: {
            autoSkip: true, maxRotation: 60,
            callback(value) {
              const label = String(this.getLabelForValue(value) ?? '');
              const max = tickLength(this.chart.width);
              return label.length > max ? `${label.slice(0, max - 1)}…` : label;
            },
          },
        },
        y: {
          stacked: !!spec.stacked, beginAtZero: true, grid: { color: '#e3e7ed' },
          ticks: { precision: integer ? 0 : undefined, callback: (v) => number.format(v) },
          title: { display: true, text: spec.measure },
        },
      },
    },
  });
}

/** How many characters of an x-axis label the chart's width leaves room for. */
export function tickLength(width) {
  return width < 560 ? 8 : width < 900 ? 12 : 24;
}
