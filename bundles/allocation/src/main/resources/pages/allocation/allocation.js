// The allocation page (隊伍分配) in the Safenest web shell, for Hong Kong's supervisors, analysts and administrators:
// the installed strategies and the active one (administrators switch it), plans run with a chosen strategy, plans
// compared side by side (the compare endpoint's metrics, small bar charts, a map of the units and team bases drawn as
// SVG from the reference data's coordinates, no tile server), the units and cases that change operator, adoption
// with a confirmation, and the report (XLSX, printable page). Served by safenest-allocation at /pages/allocation/.
import { el, clear } from '/dom.js';
import { errorText, resetErrors, showErrors } from '/forms.js';

const TEXTS = {
  'zh-Hant': {
    'al.title': '隊伍分配',
    'al.intro': '比較學前單位社工服務的隊伍分配方案：自組聯盟（保留現時隊伍）與地區為本（按綜合家庭服務中心服務範圍重新配對）等策略，以相同數據計算，並排比較延續性、工作量及路程。',
    'al.synthetic': '合成數據：學生人數、服務中個案、營辦機構及現時隊伍分配均為生成數據，並非真實資料；幼稚園、所屬地區及座標為真實公開資料。',
    'al.noUnits': '此區域沒有可分配的學前單位，因此無法計算分配方案。',
    'al.unreachable': '無法連線到伺服器，所以目前無法顯示這份資料。',
    'al.listFailed': '無法載入{what}（{status}）。',
    'al.retry': '重試',
    'al.what.strategies': '策略清單',
    'al.what.plans': '方案清單',
    'al.what.input': '單位及隊伍資料',
    'al.what.plan': '方案',
    'al.what.inform': '需通知的個案',
    'al.strategies': '已安裝的策略',
    'al.col.strategy': '策略',
    'al.col.id': '代碼',
    'al.col.description': '說明（英文）',
    'al.col.parameters': '參數',
    'al.activeMark': '使用中',
    'al.active': '使用中的策略：{name}',
    'al.activeMissing': '設定的策略「{id}」未安裝，改用後備策略「{fallback}」。',
    'al.readOnly': '只有系統管理員可以更改使用中的策略。',
    'al.activeSelect': '更改使用中的策略',
    'al.activate': '設為使用中',
    'al.activated': '使用中的策略已改為「{name}」。',
    'al.current': '現時分配：方案 #{id}（{strategy}），{by} 於 {at} 採用。',
    'al.currentPilot': '現時分配：試驗計劃的初始分配（合成），尚未採用任何方案。',
    'al.run': '計算方案',
    'al.runHint': '以選定的策略計算一個方案並儲存（不會改變現時分配）。最佳化策略可能需要數秒。',
    'al.runStrategy': '策略',
    'al.parameters': '參數（選填，留空即用預設值）',
    'al.default': '預設值：{value}',
    'al.runButton': '計算',
    'al.running': '正在以「{name}」計算方案…已 {s} 秒',
    'al.comparing': '正在比較 {n} 個方案…已 {s} 秒',
    'al.ran': '已計算方案 #{id}（{name}）：{units} 個單位轉換營辦機構，{cases} 宗個案受影響。',
    'al.plans': '方案',
    'al.plansHint': '勾選兩個或以上的方案，再按「並排比較」。',
    'al.noPlans': '尚未計算任何方案。',
    'al.pick': '比較',
    'al.pickPlan': '比較方案 #{id}',
    'al.col.plan': '方案',
    'al.col.status': '狀態',
    'al.col.computed': '計算時間',
    'al.col.by': '計算者',
    'al.col.changing': '轉換營辦機構的單位',
    'al.col.cases': '受影響個案',
    'al.col.actions': '動作',
    'al.open': '查看 #{id}',
    'al.compare': '並排比較',
    'al.pickTwo': '請勾選最少兩個方案。',
    'al.status.PROPOSED': '建議',
    'al.status.ADOPTED': '已採用',
    'al.status.SUPERSEDED': '已被取代',
    'al.comparison': '方案比較',
    'al.comparisonHint': '各方案的策略及參數以今日的數據重新計算（比較端點），所以數字與方案儲存時可能不同。',
    'al.col.measure': '指標',
    'al.chart': '主要指標圖表',
    'al.chartLabel': '{measure}：各方案的長條圖，數字見上表。',
    'al.map': '單位及隊伍地圖',
    'al.mapOf': '顯示',
    'al.mapCurrent': '現時分配',
    'al.mapPlan': '方案 #{id}（{name}）',
    'al.mapHint': '圓點為學前單位（按營辦機構著色），方塊為隊伍基地，灰色空心圓為未獲服務的單位。按經緯度投影，沒有底圖。',
    'al.mapLabel': '{what}的地圖：{units} 個單位，{teams} 隊隊伍。',
    'al.mapNoCoordinates': '{n} 個單位沒有座標，未能繪出。',
    'al.legend': '圖例',
    'al.legendOperator': '{name}：{teams} 隊，{units} 個單位',
    'al.legendBase': '隊伍基地',
    'al.legendUnserved': '未獲服務的單位（{n}）',
    'al.consortium': '聯合營辦',
    'al.detail': '方案 #{id}（{name}）',
    'al.detailMeta': '{status} · {at} 由 {by} 計算',
    'al.adoptedMeta': '{by} 於 {at} 採用',
    'al.affected': '轉換營辦機構的單位',
    'al.affectedCount': '與現時分配相比：{units} 個單位轉換營辦機構，{cases} 宗服務中個案受影響。',
    'al.affectedNone': '沒有單位轉換營辦機構。',
    'al.col.unit': '單位',
    'al.col.name': '名稱',
    'al.col.district': '地區',
    'al.col.from': '現時營辦機構',
    'al.col.to': '方案的營辦機構',
    'al.col.fromTeam': '之前的隊伍',
    'al.col.toTeam': '現在的隊伍',
    'al.none': '（無）',
    'al.adopt': '採用此方案…',
    'al.adoptNotAllowed': '只有督導主任及系統管理員可以採用方案。',
    'al.confirmTitle': '確認採用方案 #{id}？',
    'al.confirmText': '採用方案 #{id}（{name}）將取代{before}：{units} 個單位轉換營辦機構，須先諮詢及通知 {cases} 宗服務中個案的家長或照顧者。',
    'al.confirmBeforePlan': '現時分配（方案 #{id}）',
    'al.confirmBeforePilot': '試驗計劃的初始分配',
    'al.confirmYes': '確認採用',
    'al.confirmNo': '取消',
    'al.adopting': '正在採用…',
    'al.adopted': '已採用方案 #{id}。',
    'al.inform': '需諮詢及通知的個案',
    'al.informCount': '{units} 個單位轉換營辦機構，共 {cases} 宗服務中個案（之前：{before}）。',
    'al.report': '報告',
    'al.reportHint': '報告以所有已安裝的策略計算，可能需要數秒。',
    'al.xlsx': '下載 Excel（XLSX）',
    'al.html': '開啟可列印的報告',
    'al.downloading': '下載中…',
    'al.downloaded': '已下載 {file}。',
    'al.downloadFailed': '無法下載（{status}），請稍後再試。',
    'al.failed': '無法完成（{status}）：{message}',
    'al.fixErrors': '請修正標示的欄位。',
    'al.forbidden': '您沒有權限進行此操作。',
    'al.s.retain': '自組聯盟（保留現時隊伍）',
    'al.s.district': '地區為本',
    'al.s.hkcss': '社聯方案',
    'al.s.needs-weighted': '按需要加權',
    'al.s.optimal': '最佳化',
    'al.m.unitsChangingOperator': '轉換營辦機構的單位',
    'al.m.casesAffected': '受影響個案',
    'al.m.teams': '隊伍',
    'al.m.completeTeams': '完整隊伍',
    'al.m.incompleteTeams': '不完整隊伍',
    'al.m.unservedUnits': '未獲服務的單位',
    'al.m.pupilsPerWorkerMax': '每名社工對學生人數（最高）',
    'al.m.pupilsPerWorkerMin': '每名社工對學生人數（最低）',
    'al.m.pupilsPerWorkerSpread': '每名社工對學生人數（差距）',
    'al.m.teamsOverRatio': '超出比例的隊伍',
    'al.m.workers': '社工人數',
    'al.m.travelKmMean': '平均路程（公里）',
    'al.m.travelKmMax': '最長路程（公里）',
    'al.m.hotSpotDistricts': '熱點地區',
  },
  en: {
    'al.title': 'Team allocation',
    'al.intro': 'Compare plans for matching operators\' teams to pre-primary units (學前單位): the self-formed alliances kept (retain), district-based teams per IFSC catchment and the other strategies, computed on the same data and set side by side for continuity, workload and travel.',
    'al.synthetic': 'Synthetic data: pupils, cases in service, operators and the current assignment of teams are generated, not real; the kindergartens, their districts and coordinates are real public data.',
    'al.noUnits': 'This region has no pre-primary units to allocate, so no plan can be computed.',
    'al.unreachable': 'The server cannot be reached, so this cannot be shown now.',
    'al.listFailed': 'The {what} could not be loaded ({status}).',
    'al.retry': 'Try again',
    'al.what.strategies': 'list of strategies',
    'al.what.plans': 'list of plans',
    'al.what.input': 'units and teams',
    'al.what.plan': 'plan',
    'al.what.inform': 'cases to inform',
    'al.strategies': 'Installed strategies',
    'al.col.strategy': 'Strategy',
    'al.col.id': 'Id',
    'al.col.description': 'Description',
    'al.col.parameters': 'Parameters',
    'al.activeMark': 'active',
    'al.active': 'Active strategy: {name}',
    'al.activeMissing': 'The configured strategy “{id}” is not installed; the fallback “{fallback}” runs instead.',
    'al.readOnly': 'Only an administrator may change the active strategy.',
    'al.activeSelect': 'Change the active strategy',
    'al.activate': 'Make active',
    'al.activated': 'The active strategy is now “{name}”.',
    'al.current': 'Current allocation: plan #{id} ({strategy}), adopted by {by} on {at}.',
    'al.currentPilot': 'Current allocation: the pilot\'s initial assignment (synthetic); no plan adopted yet.',
    'al.run': 'Run a plan',
    'al.runHint': 'Computes a plan with the chosen strategy and stores it (the current allocation does not change). The optimiser may take a few seconds.',
    'al.runStrategy': 'Strategy',
    'al.parameters': 'Parameters (optional; empty takes the default)',
    'al.default': 'Default: {value}',
    'al.runButton': 'Run',
    'al.running': 'Computing a plan with “{name}”… {s} s',
    'al.comparing': 'Comparing {n} plans… {s} s',
    'al.ran': 'Plan #{id} ({name}) computed: {units} units change operator, {cases} cases affected.',
    'al.plans': 'Plans',
    'al.plansHint': 'Tick two or more plans, then press “Compare side by side”.',
    'al.noPlans': 'No plan has been computed yet.',
    'al.pick': 'Compare',
    'al.pickPlan': 'Compare plan #{id}',
    'al.col.plan': 'Plan',
    'al.col.status': 'Status',
    'al.col.computed': 'Computed',
    'al.col.by': 'By',
    'al.col.changing': 'Units changing operator',
    'al.col.cases': 'Cases affected',
    'al.col.actions': 'Actions',
    'al.open': 'Open #{id}',
    'al.compare': 'Compare side by side',
    'al.pickTwo': 'Tick at least two plans.',
    'al.status.PROPOSED': 'Proposed',
    'al.status.ADOPTED': 'Adopted',
    'al.status.SUPERSEDED': 'Superseded',
    'al.comparison': 'Plans compared',
    'al.comparisonHint': 'Each plan\'s strategy and parameters run again on today\'s data (the compare endpoint), so figures may differ from those stored with the plan.',
    'al.col.measure': 'Measure',
    'al.chart': 'Key measures',
    'al.chartLabel': '{measure}: a bar per plan; the figures are in the table above.',
    'al.map': 'Map of units and teams',
    'al.mapOf': 'Show',
    'al.mapCurrent': 'Current allocation',
    'al.mapPlan': 'Plan #{id} ({name})',
    'al.mapHint': 'Dots are pre-primary units in their operator\'s colour, squares team bases, grey rings unserved units. Longitude and latitude projected, no base map.',
    'al.mapLabel': 'Map of {what}: {units} units, {teams} teams.',
    'al.mapNoCoordinates': '{n} units have no coordinates and are not drawn.',
    'al.legend': 'Legend',
    'al.legendOperator': '{name}: {teams} teams, {units} units',
    'al.legendBase': 'Team base',
    'al.legendUnserved': 'Unserved units ({n})',
    'al.consortium': 'consortium',
    'al.detail': 'Plan #{id} ({name})',
    'al.detailMeta': '{status} · computed {at} by {by}',
    'al.adoptedMeta': 'adopted by {by} on {at}',
    'al.affected': 'Units changing operator',
    'al.affectedCount': 'Against the current allocation: {units} units change operator, {cases} cases in service are affected.',
    'al.affectedNone': 'No unit changes operator.',
    'al.col.unit': 'Unit',
    'al.col.name': 'Name',
    'al.col.district': 'District',
    'al.col.from': 'Operator now',
    'al.col.to': 'Operator under the plan',
    'al.col.fromTeam': 'Team before',
    'al.col.toTeam': 'Team now',
    'al.none': '(none)',
    'al.adopt': 'Adopt this plan…',
    'al.adoptNotAllowed': 'Only supervisors and administrators may adopt a plan.',
    'al.confirmTitle': 'Adopt plan #{id}?',
    'al.confirmText': 'Adopting plan #{id} ({name}) replaces {before}: {units} units change operator, and the parents or carers of {cases} cases in service must be consulted and informed first.',
    'al.confirmBeforePlan': 'the current allocation (plan #{id})',
    'al.confirmBeforePilot': 'the pilot\'s initial assignment',
    'al.confirmYes': 'Adopt',
    'al.confirmNo': 'Cancel',
    'al.adopting': 'Adopting…',
    'al.adopted': 'Plan #{id} is adopted.',
    'al.inform': 'Cases to consult and inform',
    'al.informCount': '{units} units changed operator, with {cases} cases in service (before: {before}).',
    'al.report': 'Report',
    'al.reportHint': 'The report runs every installed strategy and may take a few seconds.',
    'al.xlsx': 'Download Excel (XLSX)',
    'al.html': 'Open the printable report',
    'al.downloading': 'Downloading…',
    'al.downloaded': '{file} downloaded.',
    'al.downloadFailed': 'The download failed ({status}); try again later.',
    'al.failed': 'This could not be done ({status}): {message}',
    'al.fixErrors': 'Correct the marked fields.',
    'al.forbidden': 'You may not do this.',
    'al.m.unitsChangingOperator': 'Units changing operator',
    'al.m.casesAffected': 'Cases affected',
    'al.m.teams': 'Teams',
    'al.m.completeTeams': 'Complete teams',
    'al.m.incompleteTeams': 'Incomplete teams',
    'al.m.unservedUnits': 'Unserved units',
    'al.m.pupilsPerWorkerMax': 'Pupils per worker, max',
    'al.m.pupilsPerWorkerMin': 'Pupils per worker, min',
    'al.m.pupilsPerWorkerSpread': 'Pupils per worker, spread',
    'al.m.teamsOverRatio': 'Teams over ratio',
    'al.m.workers': 'Workers',
    'al.m.travelKmMean': 'Travel km, mean',
    'al.m.travelKmMax': 'Travel km, max',
    'al.m.hotSpotDistricts': 'Hot-spot districts',
  },
};

const CSS_URL = new URL('./allocation.css', import.meta.url).href;
const SVG_NS = 'http://www.w3.org/2000/svg';
// the compared plans' colours in the charts (colour-blind safe, as the statistics page's)
const PLAN_COLOURS = ['#0b5394', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#8c6d00', '#4a5260'];

/** The measures of a plan, in the compare endpoint's order (ComparisonTable); decimals: how they are shown. */
const MEASURES = [
  ['unitsChangingOperator', (m) => m.unitsChangingOperator, 0],
  ['casesAffected', (m) => m.casesAffected, 0],
  ['teams', (m) => m.teams.length, 0],
  ['completeTeams', (m) => m.completeTeams, 0],
  ['incompleteTeams', (m) => m.incompleteTeams, 0],
  ['unservedUnits', (m) => m.unservedUnits, 0],
  ['pupilsPerWorkerMax', (m) => m.pupilsPerWorkerMax, 1],
  ['pupilsPerWorkerMin', (m) => m.pupilsPerWorkerMin, 1],
  ['pupilsPerWorkerSpread', (m) => m.pupilsPerWorkerSpread, 1],
  ['teamsOverRatio', (m) => m.teamsOverRatio, 0],
  ['workers', (m) => m.workers, 0],
  ['travelKmMean', (m) => m.travelKmMean, 1],
  ['travelKmMax', (m) => m.travelKmMax, 1],
  ['hotSpotDistricts', (m) => (m.districts || []).filter((d) => d.overRatio).length, 0],
];
/** The measures drawn as charts: continuity, workload, coverage and travel. */
const CHARTED = ['unitsChangingOperator', 'casesAffected', 'pupilsPerWorkerSpread', 'teamsOverRatio', 'unservedUnits', 'travelKmMean'];

const base = (ctx) => `/api/regions/${encodeURIComponent(ctx.region.code)}/allocation`;
const locale = (ctx) => (ctx.lang === 'en' ? 'en-GB' : 'zh-HK');

function loadCss() {
  if (!document.querySelector(`link[href="${CSS_URL}"]`)) {
    document.head.append(el('link', { rel: 'stylesheet', href: CSS_URL }));
  }
}

/** An SVG element (el() makes HTML ones). */
function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

export function formatNumber(ctx, value, decimals) {
  return new Intl.NumberFormat(locale(ctx), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

function formatTime(ctx, iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(ctx), { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.region.timeZone || undefined })
    .format(new Date(iso));
}

function strategyName(ctx, id, strategies) {
  const key = `al.s.${id}`;
  const text = ctx.t(key);
  if (text !== key && ctx.lang !== 'en') return text;
  const s = strategies.find((x) => x.id === id);
  return s ? s.name : id;
}

/** A failed load: what could not be loaded, with a button that draws the page again. */
function failure(ctx, id, answer, what) {
  const text = answer.status === 0 ? ctx.t('al.unreachable')
    : ctx.t('al.listFailed', { what: ctx.t(`al.what.${what}`), status: answer.status });
  return el('div', { class: 'form-error al-failure', id, role: 'alert' }, el('p', {}, text),
    el('button', { type: 'button', class: 'secondary', id: `${id}-retry`, onclick: () => ctx.retry() }, ctx.t('al.retry')));
}

/** The message of a failed call that is not about fields. */
function failedText(ctx, answer) {
  if (answer.status === 0) return ctx.t('al.unreachable');
  if (answer.status === 403) return ctx.t('al.forbidden');
  return ctx.t('al.failed', { status: answer.status, message: answer.body && answer.body.message ? answer.body.message : '' });
}

/** A status line with an indeterminate progress bar and the seconds elapsed, while a long call runs. */
function progress(id) {
  const text = el('span', { id: `${id}-text` });
  const box = el('div', { class: 'al-progress', id, role: 'status', 'aria-live': 'polite', hidden: true }, el('progress', {}), text);
  let timer = null;
  return {
    box,
    async during(textOf, work) {
      const started = Date.now();
      const tick = () => { text.textContent = textOf(Math.floor((Date.now() - started) / 1000)); };
      tick();
      box.hidden = false;
      timer = setInterval(tick, 1000);
      try {
        return await work();
      } finally {
        clearInterval(timer);
        box.hidden = true;
      }
    },
  };
}

/** Appends the children that are there (the DOM's append() would write "null"). */
function put(node, ...children) {
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
}

function table(id, headers, rows, caption) {
  return el('div', { class: rows.length > 20 ? 'al-wrap al-long' : 'al-wrap' }, el('table', { class: 'al-table', id },
    caption ? el('caption', { class: 'sr-only' }, caption) : null,
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows)));
}

export default {
  async render(container, ctx) {
    ctx.addTexts(TEXTS);
    loadCss();
    const { t, api } = ctx;
    const root = base(ctx);
    const [strategiesAnswer, plansAnswer, inputAnswer, currentAnswer] = await Promise.all([
      api.get(`${root}/strategies`), api.get(`${root}/plans`), api.get(`${root}/input`), api.get(`${root}/current`)]);
    if (!ctx.isCurrent()) return;

    const canAdopt = ctx.hasRole('supervisor');
    const isAdmin = ctx.hasRole('admin');
    const strategies = strategiesAnswer.ok ? strategiesAnswer.body.available : [];
    const input = inputAnswer.ok ? inputAnswer.body : null;
    const unitsByCode = new Map(input ? input.units.map((u) => [u.preschool.code, u]) : []);
    const operatorNames = new Map(input ? input.operators.map((o) => [o.id, o.name]) : []);
    const operatorIndex = new Map(input ? input.operators.map((o, i) => [o.id, i]) : []);
    const current = currentAnswer.ok ? currentAnswer.body : null;
    const name = (id) => strategyName(ctx, id, strategies);
    const operators = (ids) => (ids && ids.length ? ids.map((o) => operatorNames.get(o) || o).join('、') : t('al.none'));
    const unitName = (code) => {
      const u = unitsByCode.get(code);
      return u ? (ctx.lang === 'en' ? u.preschool.nameEn || u.preschool.nameZh : u.preschool.nameZh || u.preschool.nameEn) : '';
    };

    // ---- strategies, the active one, the current allocation ----
    const strategiesSection = el('section', { 'aria-labelledby': 'al-strategies-title' },
      el('h2', { id: 'al-strategies-title' }, t('al.strategies')));
    if (!strategiesAnswer.ok) {
      strategiesSection.append(failure(ctx, 'al-strategies-failed', strategiesAnswer, 'strategies'));
    } else {
      const s = strategiesAnswer.body;
      strategiesSection.append(...[
        el('p', { id: 'al-active', 'data-strategy': s.active, class: 'al-active' }, t('al.active', { name: name(s.active) })),
        s.activeInstalled ? null : el('p', { class: 'form-error' }, t('al.activeMissing', { id: s.active, fallback: s.fallback })),
        el('p', { id: 'al-current', 'data-plan': current ? current.id : '' }, current
          ? t('al.current', { id: current.id, strategy: name(current.plan.strategy), by: current.adoptedBy, at: formatTime(ctx, current.adoptedAt) })
          : t('al.currentPilot')),
        table('al-strategies', [t('al.col.strategy'), t('al.col.id'), t('al.col.description'), t('al.col.parameters')],
          s.available.map((x) => el('tr', { 'data-strategy': x.id, class: x.id === s.active ? 'al-is-active' : null },
            el('td', {}, name(x.id), x.id === s.active ? el('span', { class: 'status al-active-mark' }, t('al.activeMark')) : null),
            el('td', {}, el('code', {}, x.id)),
            el('td', { lang: 'en' }, x.description),
            el('td', {}, x.parameters.length ? el('ul', { class: 'al-params' },
              ...x.parameters.map((p) => el('li', {}, el('code', {}, p.key), p.defaultValue === null ? '' : ` = ${p.defaultValue}`))) : '–')))),
        isAdmin ? activeForm(ctx, s, name) : el('p', { class: 'hint', id: 'al-read-only' }, t('al.readOnly'))].filter(Boolean));
    }

    // ---- the map (the current allocation until plans are compared) ----
    const mapSection = el('section', { 'aria-labelledby': 'al-map-title' }, el('h2', { id: 'al-map-title' }, t('al.map')));
    const mapChoice = el('select', { id: 'al-map-of' });
    const mapBox = el('div', { id: 'al-map-box' });
    const mapOptions = [];
    function setMapOptions(choices) {
      mapOptions.length = 0;
      mapOptions.push(...choices);
      clear(mapChoice);
      choices.forEach((c, i) => mapChoice.append(el('option', { value: String(i) }, c.label)));
      mapChoice.value = String(choices.length > 1 ? 1 : 0);
      showMap();
    }
    function showMap() {
      const c = mapOptions[Number(mapChoice.value)];
      clear(mapBox);
      if (c) mapBox.append(drawMap(ctx, input, c.teams, c.label, operatorIndex, operatorNames));
    }
    mapChoice.addEventListener('change', showMap);
    const hasUnits = input && input.units.some((u) => u.preschool.location);
    if (!input) {
      mapSection.append(failure(ctx, 'al-input-failed', inputAnswer, 'input'));
    } else if (hasUnits) {
      mapSection.append(el('p', { class: 'hint' }, t('al.mapHint')),
        el('div', { class: 'field al-inline' }, el('label', { for: 'al-map-of' }, t('al.mapOf')), mapChoice), mapBox);
    }

    // ---- plans: the list, running one, comparing ----
    const status = el('div', { id: 'al-status', role: 'status', 'aria-live': 'polite' });
    const plansSection = el('section', { 'aria-labelledby': 'al-plans-title' });
    const comparison = el('section', { id: 'al-comparison', 'aria-labelledby': 'al-comparison-title', hidden: true });
    const detail = el('section', { id: 'al-detail', 'aria-labelledby': 'al-detail-title', hidden: true });
    const running = progress('al-progress');
    let plans = plansAnswer.ok ? plansAnswer.body : [];
    const picked = new Set();
    const pickSet = el('fieldset', { id: 'al-pick' });
    const pickError = el('p', { class: 'field-error', id: 'al-pick-error', hidden: true });

    function planRows() {
      clear(pickSet);
      pickSet.append(el('legend', {}, t('al.plans')));
      if (plans.length === 0) {
        pickSet.append(el('p', { id: 'al-no-plans' }, t('al.noPlans')));
        return;
      }
      const rows = plans.map((p) => {
        const box = el('input', { type: 'checkbox', id: `al-pick-${p.id}`, value: p.id, checked: picked.has(p.id),
          'aria-label': t('al.pickPlan', { id: p.id }) });
        box.addEventListener('change', () => { if (box.checked) picked.add(p.id); else picked.delete(p.id); });
        const m = p.metrics || {};
        return el('tr', { 'data-plan': p.id, 'data-status': p.status },
          el('td', {}, box),
          el('td', {}, `#${p.id} `, name(p.strategy), Object.keys(p.parameters || {}).length
            ? el('span', { class: 'hint' }, ` (${Object.entries(p.parameters).map(([k, v]) => `${k}=${v}`).join(', ')})`) : null),
          el('td', {}, el('span', { class: 'status' }, t(`al.status.${p.status}`))),
          el('td', {}, formatTime(ctx, p.computedAt)),
          el('td', {}, p.storedBy || ''),
          el('td', { class: 'al-num' }, m.unitsChangingOperator === undefined ? '' : formatNumber(ctx, m.unitsChangingOperator, 0)),
          el('td', { class: 'al-num' }, m.casesAffected === undefined ? '' : formatNumber(ctx, m.casesAffected, 0)),
          el('td', {}, el('button', { type: 'button', class: 'secondary', id: `al-open-${p.id}`, onclick: () => openPlan(p.id) },
            t('al.open', { id: p.id }))));
      });
      pickSet.append(table('al-plans', [t('al.pick'), t('al.col.plan'), t('al.col.status'), t('al.col.computed'), t('al.col.by'),
        t('al.col.changing'), t('al.col.cases'), t('al.col.actions')], rows));
    }

    async function reloadPlans() {
      const a = await api.get(`${root}/plans`);
      if (!ctx.isCurrent()) return false;
      if (!a.ok) {
        clear(pickSet);
        pickSet.append(failure(ctx, 'al-plans-failed', a, 'plans'));
        return false;
      }
      plans = a.body;
      planRows();
      return true;
    }

    const runForm = el('form', { id: 'al-run-form', novalidate: true });
    if (strategiesAnswer.ok && input && input.units.length > 0) {
      const choice = el('select', { id: 'al-run-strategy' },
        ...strategies.map((x) => el('option', { value: x.id }, name(x.id))));
      choice.value = strategies.some((x) => x.id === strategiesAnswer.body.active) ? strategiesAnswer.body.active : choice.value;
      const params = el('div', { id: 'al-run-parameters' });
      const fillParams = () => {
        clear(params);
        const s = strategies.find((x) => x.id === choice.value);
        if (!s || s.parameters.length === 0) return;
        params.append(el('details', {}, el('summary', {}, t('al.parameters')),
          el('div', { class: 'al-param-grid' }, ...s.parameters.map((p) => {
            const id = `al-param-${p.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
            return el('div', { class: 'field' }, el('label', { for: id }, el('code', {}, p.key)),
              el('input', { id, name: p.key, placeholder: p.defaultValue ?? '', 'aria-describedby': `${id}-hint` }),
              el('p', { class: 'hint', id: `${id}-hint`, lang: 'en' }, p.description,
                p.defaultValue === null ? '' : ` ${t('al.default', { value: p.defaultValue })}`),
              el('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
          }))));
      };
      choice.addEventListener('change', fillParams);
      fillParams();
      const runButton = el('button', { type: 'submit', id: 'al-run' }, t('al.runButton'));
      runForm.append(el('h2', { id: 'al-run-title' }, t('al.run')), el('p', { class: 'hint' }, t('al.runHint')),
        el('div', { class: 'field' }, el('label', { for: 'al-run-strategy' }, t('al.runStrategy')), choice,
          el('p', { class: 'field-error', id: 'al-run-strategy-error', hidden: true })),
        params, el('div', { class: 'al-actions' }, runButton), running.box);
      runForm.addEventListener('submit', async (e) => {
        e.preventDefault();
        resetErrors(runForm);
        clear(status);
        const parameters = {};
        params.querySelectorAll('input').forEach((i) => { if (i.value.trim()) parameters[i.name] = i.value.trim(); });
        const strategy = choice.value;
        runButton.disabled = true;
        const a = await running.during((s) => t('al.running', { name: name(strategy), s }),
          () => api.post(`${root}/plans`, { strategy, parameters }));
        runButton.disabled = false;
        if (!ctx.isCurrent()) return;
        if (a.ok) {
          picked.add(a.body.id);
          await reloadPlans();
          const m = a.body.plan.metrics;
          status.append(el('p', { class: 'form-ok', id: 'al-ran', 'data-plan': a.body.id },
            t('al.ran', { id: a.body.id, name: name(strategy), units: formatNumber(ctx, m.unitsChangingOperator, 0),
              cases: formatNumber(ctx, m.casesAffected, 0) })));
        } else {
          const fields = a.status === 400 && a.body && a.body.fields ? a.body.fields : [];
          const shown = showErrors(runForm, fields, (f) => (f.field && f.field.startsWith('parameters.')
            ? `al-param-${f.field.slice(11).replace(/[^A-Za-z0-9_-]/g, '-')}` : 'al-run-strategy'),
          (f) => errorText(t, 'al', f));
          if (shown.first) {
            const details = shown.first.closest('details');
            if (details) details.open = true;
            shown.first.focus();
          }
          status.append(el('p', { class: 'form-error' }, fields.length ? [t('al.fixErrors'), ...shown.unplaced].join(' ') : failedText(ctx, a)));
        }
        ctx.announce(status.textContent);
      });
    }

    const compareButton = el('button', { type: 'button', id: 'al-compare' }, t('al.compare'));
    const comparing = progress('al-compare-progress');
    compareButton.addEventListener('click', async () => {
      resetErrors(plansSection);
      clear(status);
      // the list is newest first; the columns go in the order the plans were computed
      const chosen = plans.filter((p) => picked.has(p.id)).reverse();
      if (chosen.length < 2) {
        const shown = showErrors(plansSection, [{ code: 'pick-two' }], () => 'al-pick', () => t('al.pickTwo'));
        if (shown.first) shown.first.focus();
        return;
      }
      compareButton.disabled = true;
      const a = await comparing.during((s) => t('al.comparing', { n: chosen.length, s }),
        () => api.post(`${root}/compare`, { runs: chosen.map((p) => ({ strategy: p.strategy, parameters: p.parameters || {} })) }));
      compareButton.disabled = false;
      if (!ctx.isCurrent()) return;
      if (!a.ok) {
        status.append(el('p', { class: 'form-error' }, failedText(ctx, a)));
        ctx.announce(status.textContent);
        return;
      }
      const columns = chosen.map((p, i) => ({ id: p.id, label: `#${p.id} ${name(p.strategy)}`, plan: a.body.plans[i], colour: PLAN_COLOURS[i % PLAN_COLOURS.length] }));
      showComparison(ctx, comparison, columns);
      if (hasUnits) {
        setMapOptions([{ label: t('al.mapCurrent'), teams: input.currentTeams },
          ...columns.map((c) => ({ label: t('al.mapPlan', { id: c.id, name: name(c.plan.strategy) }), teams: c.plan.teams }))]);
      }
      comparison.querySelector('h2').focus();
      ctx.announce(t('al.comparison'));
    });

    if (plansAnswer.ok) {
      planRows();
      plansSection.append(el('h2', { id: 'al-plans-title' }, t('al.plans')), el('p', { class: 'hint' }, t('al.plansHint')),
        pickSet, pickError, el('div', { class: 'al-actions' }, compareButton), comparing.box);
    } else {
      plansSection.append(el('h2', { id: 'al-plans-title' }, t('al.plans')), failure(ctx, 'al-plans-failed', plansAnswer, 'plans'));
    }

    // ---- one plan: the units that change operator, adoption, the cases to inform ----
    async function openPlan(id) {
      clear(detail);
      detail.hidden = false;
      const a = await api.get(`${root}/plans/${encodeURIComponent(id)}`);
      if (!ctx.isCurrent()) return;
      if (!a.ok) {
        detail.append(failure(ctx, 'al-detail-failed', a, 'plan'));
        return;
      }
      const p = a.body;
      const m = p.plan.metrics;
      const title = el('h2', { id: 'al-detail-title', tabindex: '-1', 'data-plan': p.id }, t('al.detail', { id: p.id, name: name(p.plan.strategy) }));
      put(detail, title,
        el('p', { class: 'meta', id: 'al-detail-status', 'data-status': p.status },
          t('al.detailMeta', { status: t(`al.status.${p.status}`), at: formatTime(ctx, p.plan.computedAt), by: p.storedBy }),
          p.adoptedAt ? ` · ${t('al.adoptedMeta', { by: p.adoptedBy, at: formatTime(ctx, p.adoptedAt) })}` : ''),
        (p.plan.notes || []).length ? el('ul', { class: 'hint', lang: 'en' }, ...p.plan.notes.map((n) => el('li', {}, n))) : null);
      if (p.status === 'PROPOSED') {
        put(detail, el('h3', {}, t('al.affected')),
          el('p', { id: 'al-affected-count', 'data-units': m.unitsChangingOperator, 'data-cases': m.casesAffected },
            m.unitsChangingOperator === 0 ? t('al.affectedNone') : t('al.affectedCount', {
              units: formatNumber(ctx, m.unitsChangingOperator, 0), cases: formatNumber(ctx, m.casesAffected, 0) })),
          m.affectedUnits.length ? table('al-affected', [t('al.col.unit'), t('al.col.name'), t('al.col.district'), t('al.col.from'),
            t('al.col.to'), t('al.col.cases')], [...m.affectedUnits].sort((x, y) => y.casesAffected - x.casesAffected)
            .map((u) => el('tr', { 'data-unit': u.unit }, el('td', {}, u.unit), el('td', {}, unitName(u.unit)), el('td', {}, u.district),
              el('td', {}, operators(u.fromOperators)), el('td', {}, operators(u.toOperators)),
              el('td', { class: 'al-num' }, formatNumber(ctx, u.casesAffected, 0))))) : null);
        detail.append(canAdopt ? adoptControls(p) : el('p', { class: 'hint' }, t('al.adoptNotAllowed')));
      } else if (canAdopt) {
        detail.append(await casesToInform(p));
      }
      title.focus();
    }

    function adoptControls(p) {
      const m = p.plan.metrics;
      const box = el('div', { class: 'al-actions' });
      const adopt = el('button', { type: 'button', id: 'al-adopt' }, t('al.adopt'));
      const result = el('div', { id: 'al-adopt-result', role: 'status', 'aria-live': 'polite' });
      const confirmBox = el('div', { class: 'al-confirm', id: 'al-confirm', role: 'group', 'aria-labelledby': 'al-confirm-title', hidden: true });
      adopt.addEventListener('click', () => {
        clear(confirmBox);
        const before = current ? t('al.confirmBeforePlan', { id: current.id }) : t('al.confirmBeforePilot');
        const yes = el('button', { type: 'button', id: 'al-confirm-yes' }, t('al.confirmYes'));
        const no = el('button', { type: 'button', class: 'secondary', id: 'al-confirm-no' }, t('al.confirmNo'));
        confirmBox.append(el('h3', { id: 'al-confirm-title' }, t('al.confirmTitle', { id: p.id })),
          el('p', { id: 'al-confirm-text' }, t('al.confirmText', { id: p.id, name: name(p.plan.strategy), before,
            units: formatNumber(ctx, m.unitsChangingOperator, 0), cases: formatNumber(ctx, m.casesAffected, 0) })),
          el('div', { class: 'al-actions' }, yes, no));
        confirmBox.hidden = false;
        adopt.disabled = true;
        no.addEventListener('click', () => { confirmBox.hidden = true; adopt.disabled = false; adopt.focus(); });
        yes.addEventListener('click', async () => {
          yes.disabled = true;
          no.disabled = true;
          clear(result);
          result.append(el('p', { class: 'loading' }, t('al.adopting')));
          const a = await api.post(`${root}/plans/${encodeURIComponent(p.id)}/adopt`);
          if (!ctx.isCurrent()) return;
          clear(result);
          if (!a.ok) {
            confirmBox.hidden = true;
            adopt.disabled = false;
            result.append(el('p', { class: 'form-error' }, failedText(ctx, a)));
            ctx.announce(result.textContent);
            return;
          }
          ctx.announce(t('al.adopted', { id: p.id }));
          // the current allocation changed: every figure on the page is measured against it, so draw it again,
          // with the adopted plan open (its cases to inform)
          sessionStorage.setItem('safenest.allocation.open', p.id);
          ctx.retry();
        });
        yes.focus();
      });
      box.append(adopt);
      return el('div', {}, box, confirmBox, result);
    }

    async function casesToInform(p) {
      const a = await api.get(`${root}/plans/${encodeURIComponent(p.id)}/cases-to-inform`);
      if (!a.ok) return failure(ctx, 'al-inform-failed', a, 'inform');
      const c = a.body;
      return el('div', {}, el('h3', {}, t('al.inform')),
        el('p', { id: 'al-inform-count', 'data-units': c.unitCount, 'data-cases': c.caseCount },
          t('al.informCount', { units: formatNumber(ctx, c.unitCount, 0), cases: formatNumber(ctx, c.caseCount, 0), before: c.before })),
        c.units.length ? table('al-inform', [t('al.col.unit'), t('al.col.name'), t('al.col.district'), t('al.col.cases'),
          t('al.col.fromTeam'), t('al.col.toTeam')], c.units.map((u) => el('tr', { 'data-unit': u.unit },
          el('td', {}, u.unit), el('td', {}, ctx.lang === 'en' ? u.nameEn : u.nameZh || u.nameEn), el('td', {}, u.district),
          el('td', { class: 'al-num' }, formatNumber(ctx, u.cases, 0)),
          el('td', {}, `${u.fromTeam} · ${operators(u.fromOperators)}`),
          el('td', {}, u.toTeam ? `${u.toTeam} · ${operators(u.toOperators)}` : t('al.none'))))) : null,
        el('ul', { class: 'hint', lang: 'en' }, ...(c.notes || []).map((n) => el('li', {}, n))));
    }

    // ---- the report ----
    const reportStatus = el('div', { id: 'al-report-status', role: 'status', 'aria-live': 'polite' });
    const xlsx = el('button', { type: 'button', class: 'secondary', id: 'al-xlsx' }, t('al.xlsx'));
    xlsx.addEventListener('click', async () => {
      xlsx.disabled = true;
      clear(reportStatus);
      reportStatus.append(el('p', { class: 'loading' }, t('al.downloading')));
      const a = await api.download(`${root}/export.xlsx`);
      xlsx.disabled = false;
      if (!ctx.isCurrent()) return;
      clear(reportStatus);
      if (!a.ok) {
        reportStatus.append(el('p', { class: 'form-error' }, t('al.downloadFailed', { status: a.status })));
        return;
      }
      const url = URL.createObjectURL(a.blob);
      const file = a.fileName || 'allocation-report.xlsx';
      const link = el('a', { href: url, download: file, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      reportStatus.append(el('p', { class: 'form-ok', id: 'al-downloaded', 'data-file': file }, t('al.downloaded', { file })));
    });
    const reportSection = el('section', { 'aria-labelledby': 'al-report-title' }, el('h2', { id: 'al-report-title' }, t('al.report')),
      el('p', { class: 'hint' }, t('al.reportHint')),
      el('div', { class: 'al-actions' }, xlsx,
        el('a', { class: 'button', id: 'al-html', href: `${root}/report.html`, target: '_blank', rel: 'noopener' }, t('al.html'))),
      reportStatus);

    clear(container);
    container.append(...[el('h1', {}, t('al.title')), el('p', {}, t('al.intro')),
      input && input.synthetic ? el('p', { class: 'demo-mode', id: 'al-synthetic' }, t('al.synthetic')) : null,
      input && input.units.length === 0 ? el('p', { class: 'notice', id: 'al-no-units' }, t('al.noUnits')) : null,
      strategiesSection, runForm.childElementCount ? runForm : null, status, plansSection, comparison, detail,
      !input || hasUnits ? mapSection : null,
      reportSection].filter(Boolean));
    if (hasUnits) setMapOptions([{ label: t('al.mapCurrent'), teams: input.currentTeams }]);
    // after an adoption the page is drawn again with the adopted plan open (its cases to inform)
    const reopen = sessionStorage.getItem('safenest.allocation.open');
    if (reopen) {
      sessionStorage.removeItem('safenest.allocation.open');
      if (plans.some((p) => p.id === reopen)) await openPlan(reopen);
    }
  },
};

/** The administrators' form to change the region's active strategy; field errors beside the choice. */
function activeForm(ctx, s, name) {
  const { t, api } = ctx;
  const form = el('form', { id: 'al-active-form', novalidate: true });
  const choice = el('select', { id: 'al-active-select' }, ...s.available.map((x) => el('option', { value: x.id }, name(x.id))));
  choice.value = s.available.some((x) => x.id === s.active) ? s.active : choice.value;
  const button = el('button', { type: 'submit', id: 'al-activate' }, t('al.activate'));
  const result = el('div', { role: 'status', 'aria-live': 'polite' });
  form.append(el('div', { class: 'field al-inline' }, el('label', { for: 'al-active-select' }, t('al.activeSelect')), choice, button),
    el('p', { class: 'field-error', id: 'al-active-select-error', hidden: true }), result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    resetErrors(form);
    clear(result);
    button.disabled = true;
    const a = await api.put(`/api/regions/${encodeURIComponent(ctx.region.code)}/allocation/active-strategy`, { strategy: choice.value });
    button.disabled = false;
    if (!ctx.isCurrent()) return;
    if (a.ok) {
      const active = document.getElementById('al-active');
      active.dataset.strategy = a.body.active;
      active.textContent = t('al.active', { name: name(a.body.active) });
      document.querySelectorAll('#al-strategies tbody tr').forEach((row) => {
        const on = row.dataset.strategy === a.body.active;
        row.classList.toggle('al-is-active', on);
        const mark = row.querySelector('.al-active-mark');
        if (on && !mark) row.firstChild.append(el('span', { class: 'status al-active-mark' }, t('al.activeMark')));
        if (!on && mark) mark.remove();
      });
      result.append(el('p', { class: 'form-ok', id: 'al-activated' }, t('al.activated', { name: name(a.body.active) })));
    } else if (a.status === 400 && a.body && a.body.fields) {
      const shown = showErrors(form, a.body.fields, () => 'al-active-select', (f) => errorText(t, 'al', f));
      if (shown.first) shown.first.focus();
    } else {
      result.append(el('p', { class: 'form-error' }, failedText(ctx, a)));
    }
    ctx.announce(result.textContent || t('al.fixErrors'));
  });
  return form;
}

/** The comparison: the metrics table, one column per plan, then a small bar chart per key measure. */
function showComparison(ctx, section, columns) {
  const { t } = ctx;
  clear(section);
  section.hidden = false;
  const rows = MEASURES.map(([key, read, decimals]) => el('tr', { 'data-measure': key },
    el('th', { scope: 'row' }, t(`al.m.${key}`)),
    ...columns.map((c) => {
      const value = read(c.plan.metrics);
      return el('td', { class: 'al-num', 'data-plan': c.id, 'data-value': value }, formatNumber(ctx, value, decimals));
    })));
  section.append(el('h2', { id: 'al-comparison-title', tabindex: '-1' }, t('al.comparison')),
    el('p', { class: 'hint' }, t('al.comparisonHint')),
    table('al-compare-table', [t('al.col.measure'), ...columns.map((c) => el('span', { 'data-plan': c.id },
      el('span', { class: 'al-swatch', style: `background:${c.colour}`, 'aria-hidden': 'true' }), c.label))], rows, t('al.comparison')),
    el('h3', {}, t('al.chart')),
    el('div', { class: 'al-charts', id: 'al-chart' }, ...CHARTED.map((key) => barChart(ctx, key, columns))));
}

/** One measure as horizontal bars, one per plan, drawn as SVG (no chart library: a handful of bars). */
function barChart(ctx, key, columns) {
  const [, read, decimals] = MEASURES.find(([k]) => k === key);
  const values = columns.map((c) => read(c.plan.metrics));
  const max = Math.max(...values, 0) || 1;
  const row = 26;
  const labelWidth = 120;
  const barWidth = 150;
  const figure = svg('svg', { viewBox: `0 0 ${labelWidth + barWidth + 70} ${columns.length * row + 6}`, role: 'img',
    'aria-label': ctx.t('al.chartLabel', { measure: ctx.t(`al.m.${key}`) }), class: 'al-bars' },
  ...columns.map((c, i) => svg('g', { transform: `translate(0 ${i * row + 3})`, 'data-plan': c.id },
    svg('text', { x: 0, y: 16, class: 'al-bar-label' }, c.label.length > 16 ? `${c.label.slice(0, 15)}…` : c.label),
    svg('rect', { x: labelWidth, y: 3, height: 18, width: Math.max(1, (values[i] / max) * barWidth), fill: c.colour }),
    svg('text', { x: labelWidth + Math.max(1, (values[i] / max) * barWidth) + 4, y: 16, class: 'al-bar-value' },
      formatNumber(ctx, values[i], decimals)))));
  return el('figure', { class: 'al-fig', 'data-measure': key }, el('figcaption', {}, ctx.t(`al.m.${key}`)), figure);
}

/** A colour per operator: hues spread by the golden angle, dark enough for white around the dots. */
function operatorColour(index) {
  return `hsl(${Math.round((index * 137.508) % 360)} 70% ${index % 2 ? 36 : 46}%)`;
}

/**
 * The units at their coordinates (longitude scaled by the cosine of the mean latitude, so distances look right),
 * each coloured by the lead operator of the team that serves it, grey rings for unserved units, squares for team
 * bases; a legend of the operators with their teams and units beside it.
 */
function drawMap(ctx, input, teams, what, operatorIndex, operatorNames) {
  const { t } = ctx;
  const located = input.units.filter((u) => u.preschool.location);
  const teamOf = new Map();
  teams.forEach((team) => team.units.forEach((u) => teamOf.set(u, team)));
  const lats = located.map((u) => u.preschool.location.latitude);
  const lons = located.map((u) => u.preschool.location.longitude);
  teams.forEach((team) => { if (team.base) { lats.push(team.base.latitude); lons.push(team.base.longitude); } });
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const minLon = Math.min(...lons);
  const maxLon = Math.max(...lons);
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const width = 900;
  const pad = 12;
  const scale = (width - 2 * pad) / Math.max((maxLon - minLon) * k, 1e-6);
  const height = Math.round((maxLat - minLat) * scale + 2 * pad);
  const x = (lon) => (pad + (lon - minLon) * k * scale).toFixed(1);
  const y = (lat) => (pad + (maxLat - lat) * scale).toFixed(1);
  const colour = (team) => operatorColour(operatorIndex.get(team.operators[0]) ?? 0);
  const dots = located.map((u) => {
    const team = teamOf.get(u.preschool.code);
    const label = `${u.preschool.code} ${ctx.lang === 'en' ? u.preschool.nameEn : u.preschool.nameZh || u.preschool.nameEn}`
      + (team ? ` – ${team.id} (${team.operators.map((o) => operatorNames.get(o) || o).join(', ')})` : ` – ${t('al.none')}`);
    return svg('circle', { cx: x(u.preschool.location.longitude), cy: y(u.preschool.location.latitude), r: 3.2,
      'data-unit': u.preschool.code, 'data-team': team ? team.id : '', class: team ? 'al-unit' : 'al-unit al-unserved',
      fill: team ? colour(team) : 'none' }, svg('title', {}, label));
  });
  const bases = teams.filter((team) => team.base).map((team) => svg('rect', { x: Number(x(team.base.longitude)) - 4,
    y: Number(y(team.base.latitude)) - 4, width: 8, height: 8, class: 'al-base', 'data-team': team.id, fill: colour(team) },
  svg('title', {}, `${team.id} (${team.operators.map((o) => operatorNames.get(o) || o).join(', ')})`)));
  const unserved = located.filter((u) => !teamOf.has(u.preschool.code)).length;
  const map = svg('svg', { id: 'al-map', viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'al-map',
    'aria-label': t('al.mapLabel', { what, units: located.length, teams: teams.length }) }, svg('g', {}, dots), svg('g', {}, bases));

  const byOperator = new Map();
  teams.forEach((team) => {
    const lead = team.operators[0];
    const entry = byOperator.get(lead) || { teams: 0, units: 0, consortium: false, colour: colour(team) };
    entry.teams += 1;
    entry.units += team.units.length;
    entry.consortium = entry.consortium || team.operators.length > 1;
    byOperator.set(lead, entry);
  });
  const legend = el('ul', { class: 'al-legend', id: 'al-legend', 'aria-label': t('al.legend') },
    el('li', {}, el('span', { class: 'al-key al-key-base', 'aria-hidden': 'true' }), t('al.legendBase')),
    el('li', {}, el('span', { class: 'al-key al-key-unserved', 'aria-hidden': 'true' }), t('al.legendUnserved', { n: unserved })),
    ...[...byOperator.entries()].sort((a, b) => b[1].units - a[1].units).map(([op, e]) => el('li', { 'data-operator': op },
      el('span', { class: 'al-key', style: `background:${e.colour}`, 'aria-hidden': 'true' }),
      t('al.legendOperator', { name: operatorNames.get(op) || op, teams: e.teams, units: e.units }),
      e.consortium ? ` (${t('al.consortium')})` : '')));
  const missing = input.units.length - located.length;
  return el('div', { class: 'al-map-layout' }, el('div', { class: 'al-map-frame' }, map),
    el('div', { class: 'al-legend-box' }, el('h3', {}, t('al.legend')), legend,
      missing > 0 ? el('p', { class: 'hint' }, t('al.mapNoCoordinates', { n: missing })) : null));
}
