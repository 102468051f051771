// The dispatch rules page (分派規則) in the Safenest web shell, for dispatchers, supervisors and administrators: the
// region's rule-set versions with their dates, the rules of a version in words (office, district and case-type names),
// a draft uploaded as the same CSV files publishing takes (checked, with every error by file and line), the draft
// replayed on the reports of a past period (per office, cases received and cases it would receive; the cases whose
// office would change), then published with an effective date (supervisors and administrators).
// Served by safenest-dispatch at /pages/rules/. The file format: bundles/dispatch/README.md.
import { el, clear } from '/dom.js';
import { resetErrors, showErrors } from '/forms.js';

const TEXTS = {
  'zh-Hant': {
    'rs.title': '分派規則',
    'rs.intro': '本地區的案件分派規則版本、各版本的規則，以及新版本草案：先檢查、以過去一段期間的通報試算影響，再設定施行日發布。',
    'rs.versions': '規則版本',
    'rs.col.version': '版本',
    'rs.col.adopted': '訂定／修正日',
    'rs.col.effective': '施行日',
    'rs.col.count': '規則數',
    'rs.col.note': '說明',
    'rs.col.published': '發布',
    'rs.inForce': '現行',
    'rs.show': '檢視版本 {v} 的規則',
    'rs.rules': '規則',
    'rs.noVersions': '這個地區還沒有分派規則版本：所有通報都進入人工分派佇列。',
    'rs.rulesOf': '版本 {v} 的規則（{date} 起施行）',
    'rs.col.id': '規則',
    'rs.col.caseType': '案件類型',
    'rs.col.serviceLine': '服務類別',
    'rs.col.district': '行政區',
    'rs.col.part': '區域',
    'rs.col.office': '分派單位',
    'rs.col.fallback': '備援',
    'rs.col.explanation': '依據',
    'rs.any': '（不限）',
    'rs.yes': '是',
    'rs.serving': '服務該區的{type}',
    'rs.type.welfare-service-centre': '社會福利服務中心',
    'rs.type.protection-station': '家防中心服務站',
    'rs.type.family-service-centre': '家庭服務中心',
    'rs.type.other': '其他單位',
    'rs.line.ADULT_PROTECTION': '成人保護',
    'rs.line.CHILD_PROTECTION': '兒少保護',
    'rs.line.SEXUAL_MISCONDUCT': '性侵害及性騷擾',
    'rs.line.FRAGILE_FAMILY': '脆弱家庭',
    'rs.draft': '新版本草案',
    'rs.draftHint': '上傳與發布相同格式的 CSV 檔：單一規則檔（檔首以 # version:、# adopted_on:、# effective_from: 標明版本），或 versions.csv 及其規則檔。',
    'rs.files': '草案檔案（CSV）',
    'rs.from': '試算期間：起',
    'rs.to': '試算期間：迄',
    'rs.effective': '施行日（留空則依檔案）',
    'rs.check': '檢查',
    'rs.preview': '試算影響',
    'rs.publish': '發布',
    'rs.publishHint': '只有督導與系統管理員可以發布；請先試算影響。',
    'rs.working': '處理中…',
    'rs.noFiles': '請選擇草案的 CSV 檔。',
    'rs.valid': '草案沒有錯誤。',
    'rs.errors': '草案有 {n} 個錯誤，請修正後再上傳：',
    'rs.col.file': '檔案',
    'rs.col.line': '行',
    'rs.col.message': '問題',
    'rs.result': '試算結果',
    'rs.summary': '草案版本 {v}（{adopted} 訂定）：{from} 至 {to} 受理的 {n} 件通報中，有 {changed} 件的分派單位會改變。',
    'rs.skipped': '{n} 件通報的行政區或案件類型已不在本地區資料中，未列入試算。',
    'rs.truncated': '期間內的通報超過上限，只試算了最早的 {n} 件；請縮短期間。',
    'rs.offices': '各單位案件數',
    'rs.col.received': '實際分派',
    'rs.col.would': '依草案',
    'rs.col.diff': '增減',
    'rs.queue': '人工分派佇列',
    'rs.changed': '分派單位會改變的案件',
    'rs.changedMore': '列出前 {shown} 件，共 {total} 件。',
    'rs.noChanges': '沒有案件的分派單位會改變。',
    'rs.col.case': '案號',
    'rs.col.receivedAt': '受理日',
    'rs.col.now': '目前單位',
    'rs.col.draft': '依草案',
    'rs.published': '已發布版本 {v}，{date} 起施行。',
    'rs.unchanged': '這些版本都已發布，內容相同，沒有變更。',
    'rs.failed': '未完成（HTTP {status}）：{message}',
    'rs.unreachable': '無法連線到伺服器，所以目前無法顯示這份資料。請稍後再試。',
    'rs.loadFailed': '目前無法載入分派規則（HTTP {status}）。',
    'rs.retry': '重試',
  },
  en: {
    'rs.title': 'Dispatch rules',
    'rs.intro': 'The region\'s dispatch rule-set versions, the rules of each, and a draft of a new version: check it, replay the reports of a past period under it to see its impact, then publish it with an effective date.',
    'rs.versions': 'Versions',
    'rs.col.version': 'Version',
    'rs.col.adopted': 'Adopted',
    'rs.col.effective': 'In force from',
    'rs.col.count': 'Rules',
    'rs.col.note': 'Note',
    'rs.col.published': 'Published',
    'rs.inForce': 'in force',
    'rs.show': 'Show the rules of version {v}',
    'rs.rules': 'Rules',
    'rs.noVersions': 'This region has no dispatch rule set yet: every report goes to the manual dispatch queue.',
    'rs.rulesOf': 'Rules of version {v} (in force from {date})',
    'rs.col.id': 'Rule',
    'rs.col.caseType': 'Case type',
    'rs.col.serviceLine': 'Service',
    'rs.col.district': 'District',
    'rs.col.part': 'Part',
    'rs.col.office': 'Office',
    'rs.col.fallback': 'Fallback',
    'rs.col.explanation': 'Why',
    'rs.any': '(any)',
    'rs.yes': 'yes',
    'rs.serving': 'the {type} serving the district',
    'rs.type.welfare-service-centre': 'welfare service centre',
    'rs.type.protection-station': 'protection station',
    'rs.type.family-service-centre': 'family service centre',
    'rs.type.other': 'office',
    'rs.line.ADULT_PROTECTION': 'Adult protection',
    'rs.line.CHILD_PROTECTION': 'Child protection',
    'rs.line.SEXUAL_MISCONDUCT': 'Sexual misconduct',
    'rs.line.FRAGILE_FAMILY': 'Fragile families',
    'rs.draft': 'Draft of a new version',
    'rs.draftHint': 'Upload CSV files in the format publishing takes: one rule file (its # version:, # adopted_on:, # effective_from: lines above the header), or versions.csv with its rule files.',
    'rs.files': 'Draft files (CSV)',
    'rs.from': 'Replay period: from',
    'rs.to': 'Replay period: to',
    'rs.effective': 'In force from (empty: as in the file)',
    'rs.check': 'Check',
    'rs.preview': 'Preview the impact',
    'rs.publish': 'Publish',
    'rs.publishHint': 'Supervisors and administrators publish; preview the impact first.',
    'rs.working': 'Working…',
    'rs.noFiles': 'Choose the draft\'s CSV file(s).',
    'rs.valid': 'The draft has no errors.',
    'rs.errors': 'The draft has {n} error(s); correct them and upload again:',
    'rs.col.file': 'File',
    'rs.col.line': 'Line',
    'rs.col.message': 'Problem',
    'rs.result': 'Impact',
    'rs.summary': 'Draft version {v} (adopted {adopted}): of the {n} reports received from {from} to {to}, {changed} would go to another office.',
    'rs.skipped': '{n} report(s) name a district or case type the region no longer has and were left out.',
    'rs.truncated': 'The period holds more reports than a preview replays; only the first {n} were replayed. Choose a shorter period.',
    'rs.offices': 'Cases per office',
    'rs.col.received': 'Received',
    'rs.col.would': 'Under the draft',
    'rs.col.diff': 'Change',
    'rs.queue': 'Manual dispatch queue',
    'rs.changed': 'Cases that would change office',
    'rs.changedMore': 'The first {shown} of {total}.',
    'rs.noChanges': 'No case would change office.',
    'rs.col.case': 'Case',
    'rs.col.receivedAt': 'Received',
    'rs.col.now': 'Office now',
    'rs.col.draft': 'Under the draft',
    'rs.published': 'Version {v} published, in force from {date}.',
    'rs.unchanged': 'These versions are published already with the same content: nothing changed.',
    'rs.failed': 'Not done (HTTP {status}): {message}',
    'rs.unreachable': 'The server cannot be reached, so this cannot be shown now. Try again later.',
    'rs.loadFailed': 'The dispatch rules cannot be loaded now (HTTP {status}).',
    'rs.retry': 'Try again',
  },
};

const CSS_URL = new URL('./rules.css', import.meta.url).href;
const CHANGED_SHOWN = 200;

function loadCss() {
  if (!document.querySelector(`link[href="${CSS_URL}"]`)) {
    document.head.append(el('link', { rel: 'stylesheet', href: CSS_URL }));
  }
}

function table(id, headers, rows, caption) {
  return el('div', { class: 'rs-wrap' }, el('table', { class: 'rs-table', id },
    caption ? el('caption', { class: 'sr-only' }, caption) : null,
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows)));
}

/** Today in the region's time zone, as yyyy-mm-dd. */
function today(zone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone || 'UTC' }).format(new Date());
  } catch (e) {
    return new Date().toISOString().slice(0, 10);
  }
}

function minusDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/** The names of the region's offices, districts and case types in the user's language (codes when not found). */
function namer(ctx, ref) {
  const en = ctx.lang === 'en';
  const pick = (list, code) => {
    const x = list.find((i) => i.code === code);
    return x ? ((en ? x.nameEn : x.nameZh) || x.code) : code;
  };
  return {
    office: (code) => {
      if (code === null || code === undefined) return ctx.t('rs.queue');
      if (code.startsWith('serving:')) {
        const type = code.slice('serving:'.length);
        const key = `rs.type.${type}`;
        return ctx.t('rs.serving', { type: ctx.t(key) === key ? type : ctx.t(key) });
      }
      return pick(ref.offices, code);
    },
    district: (code) => (code ? pick(ref.districts, code) : ctx.t('rs.any')),
    caseType: (code) => (code ? pick(ref.caseTypes, code) : ctx.t('rs.any')),
    line: (line) => (line ? ctx.t(`rs.line.${line}`) : ctx.t('rs.any')),
  };
}

/** A 400's fields as errors by file and line ("v9.csv:5"), or a validation answer's list. */
function fileErrors(answer) {
  if (answer.ok && Array.isArray(answer.body)) {
    return answer.body.map((e) => ({ file: e.source, line: e.line, message: e.message }));
  }
  if (answer.status === 400 && answer.body && Array.isArray(answer.body.fields)) {
    return answer.body.fields.map((f) => {
      const m = /^(.*):(\d+)$/.exec(f.field || '');
      return m ? { file: m[1], line: Number(m[2]), message: f.message } : null;
    }).filter((e) => e !== null);
  }
  return [];
}

export default {
  async render(container, ctx) {
    ctx.addTexts(TEXTS);
    loadCss();
    const { t, api } = ctx;
    const base = `/api/regions/${encodeURIComponent(ctx.region.code)}`;
    const [versions, offices, districts, caseTypes] = await Promise.all([api.get(`${base}/dispatch/rule-sets`),
      api.get(`${base}/offices`), api.get(`${base}/districts`), api.get(`${base}/case-types`)]);
    if (!ctx.isCurrent()) return;
    clear(container);
    container.append(el('h1', {}, t('rs.title')), el('p', {}, t('rs.intro')));
    if (!versions.ok) {
      container.append(el('div', { class: 'form-error', role: 'alert', id: 'rs-load-failure' },
        el('p', {}, versions.status === 0 ? t('rs.unreachable') : t('rs.loadFailed', { status: versions.status })),
        el('button', { type: 'button', class: 'secondary', id: 'rs-retry', onclick: () => ctx.retry() }, t('rs.retry'))));
      return;
    }
    const ref = { offices: offices.ok ? offices.body : [], districts: districts.ok ? districts.body : [],
      caseTypes: caseTypes.ok ? caseTypes.body : [] };
    const name = namer(ctx, ref);
    const day = today(ctx.region.timeZone);

    // ---- the versions and the rules of one
    const list = versions.body;
    const inForce = list.filter((v) => v.effectiveFrom <= day)
      .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom.localeCompare(b.effectiveFrom)))
      .pop();
    const rulesBox = el('section', { id: 'rs-rules-box', 'aria-live': 'polite' });

    async function showRules(version, scroll) {
      const a = await api.get(`${base}/dispatch/rule-sets/${version}`);
      if (!ctx.isCurrent()) return;
      clear(rulesBox);
      if (!a.ok) {
        rulesBox.append(el('div', { class: 'form-error', role: 'alert', id: 'rs-rules-failure' },
          el('p', {}, a.status === 0 ? t('rs.unreachable') : t('rs.loadFailed', { status: a.status })),
          el('button', { type: 'button', class: 'secondary', id: 'rs-rules-retry', onclick: () => showRules(version) }, t('rs.retry'))));
        return;
      }
      const set = a.body;
      rulesBox.append(el('h2', { id: 'rs-rules-title', 'data-version': set.version }, t('rs.rulesOf', { v: set.version, date: set.effectiveFrom })),
        table('rs-rules', [t('rs.col.id'), t('rs.col.caseType'), t('rs.col.serviceLine'), t('rs.col.district'), t('rs.col.part'),
          t('rs.col.office'), t('rs.col.fallback'), t('rs.col.explanation')], set.rules.map((r) => el('tr', { 'data-rule': r.id },
          el('td', {}, r.id), el('td', {}, name.caseType(r.caseType)), el('td', {}, name.line(r.serviceLine)),
          el('td', {}, name.district(r.district)), el('td', {}, r.part || ''), el('td', { class: 'rs-office' }, name.office(r.office)),
          el('td', {}, r.fallback ? t('rs.yes') : ''), el('td', {}, r.explanation || '')))));
      if (scroll) rulesBox.scrollIntoView({ block: 'start' });
    }

    const versionRow = (v) => el('tr', { 'data-version': v.version },
      el('td', {}, String(v.version), inForce && inForce.version === v.version ? el('span', { class: 'status rs-in-force' }, t('rs.inForce')) : null),
      el('td', {}, v.adoptedOn), el('td', {}, v.effectiveFrom), el('td', {}, String(v.ruleCount)), el('td', {}, v.note || ''),
      el('td', {}, `${(v.publishedAt || '').slice(0, 10)} ${v.publishedBy || ''}`),
      el('td', {}, el('button', { type: 'button', class: 'secondary', id: `rs-show-${v.version}`, 'aria-label': t('rs.show', { v: v.version }),
        onclick: () => showRules(v.version, true) }, t('rs.rules'))));
    const versionRows = [...list].reverse().map(versionRow);
    const versionTable = (rows) => table('rs-versions', [t('rs.col.version'), t('rs.col.adopted'), t('rs.col.effective'),
      t('rs.col.count'), t('rs.col.note'), t('rs.col.published'), ''], rows);
    container.append(el('h2', {}, t('rs.versions')),
      list.length === 0 ? el('p', { class: 'notice', id: 'rs-no-versions' }, t('rs.noVersions')) : versionTable(versionRows));

    // ---- the draft
    const field = (id, label, control, hint) => el('div', { class: 'field' }, el('label', { for: id }, label), control,
      hint ? el('p', { class: 'hint' }, hint) : null, el('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
    const files = el('input', { type: 'file', id: 'rs-files', multiple: true, accept: '.csv,text/csv' });
    const from = el('input', { type: 'date', id: 'rs-from', value: minusDays(day, 30) });
    const to = el('input', { type: 'date', id: 'rs-to', value: day });
    const effective = el('input', { type: 'date', id: 'rs-effective' });
    const check = el('button', { type: 'button', id: 'rs-check', class: 'secondary' }, t('rs.check'));
    const preview = el('button', { type: 'button', id: 'rs-preview' }, t('rs.preview'));
    const mayPublish = ctx.hasRole('supervisor', 'admin');
    const publish = mayPublish ? el('button', { type: 'button', id: 'rs-publish', disabled: true }, t('rs.publish')) : null;
    let previewed = false;
    const status = el('div', { id: 'rs-status', role: 'status', 'aria-live': 'polite' });
    const result = el('div', { id: 'rs-result' });
    const form = el('form', { id: 'rs-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
      el('p', { class: 'hint' }, t('rs.draftHint')),
      field('rs-files', t('rs.files'), files),
      el('div', { class: 'grid' }, field('rs-from', t('rs.from'), from), field('rs-to', t('rs.to'), to)),
      field('rs-effective', t('rs.effective'), effective),
      el('div', { class: 'rs-actions' }, check, preview, publish),
      mayPublish ? null : el('p', { class: 'hint' }, t('rs.publishHint')),
      status);
    container.append(el('h2', {}, t('rs.draft')), form, result, rulesBox);

    /** The chosen files as the request's { files: { name: text } }, or null (an error beside the field) when none. */
    async function draftBody() {
      const chosen = [...(files.files || [])];
      if (chosen.length === 0) {
        showErrors(form, [{ field: 'files' }], () => 'rs-files', () => t('rs.noFiles')).first.focus();
        return null;
      }
      const body = { files: {} };
      for (const f of chosen) body.files[f.name] = await f.text();
      if (effective.value) body.effectiveFrom = effective.value;
      return body;
    }

    function busy(on) {
      [check, preview, publish].forEach((b) => { if (b) b.disabled = on || (b === publish && !previewed); });
      clear(status);
      if (on) status.append(el('p', { class: 'loading' }, t('rs.working')));
    }

    /** Shows an answer's problems: errors by file and line, field errors beside their fields, else a message. */
    function showFailure(a) {
      const byLine = fileErrors(a);
      if (byLine.length > 0) {
        result.append(el('p', { class: 'form-error', id: 'rs-errors-title' }, t('rs.errors', { n: byLine.length })),
          table('rs-errors', [t('rs.col.file'), t('rs.col.line'), t('rs.col.message')], byLine.map((e) => el('tr', {},
            el('td', {}, e.file), el('td', {}, e.line > 0 ? String(e.line) : '–'), el('td', {}, e.message)))));
        return;
      }
      if (a.status === 400 && a.body && Array.isArray(a.body.fields) && a.body.fields.length > 0) {
        const ids = { from: 'rs-from', to: 'rs-to', effectiveFrom: 'rs-effective', files: 'rs-files' };
        const shown = showErrors(form, a.body.fields, (e) => ids[e.field] || null, (e) => e.message);
        if (shown.first) shown.first.focus();
        shown.unplaced.forEach((m) => result.append(el('p', { class: 'form-error' }, m)));
        return;
      }
      result.append(el('p', { class: 'form-error', role: 'alert', id: 'rs-failed' }, a.status === 0 ? t('rs.unreachable')
        : t('rs.failed', { status: a.status, message: a.body ? a.body.message : '' })));
    }

    files.addEventListener('change', () => { previewed = false; if (publish) publish.disabled = true; });

    check.addEventListener('click', async () => {
      resetErrors(form);
      clear(result);
      const body = await draftBody();
      if (!body) return;
      busy(true);
      const a = await api.post(`${base}/dispatch/validate`, body);
      busy(false);
      if (!ctx.isCurrent()) return;
      if (a.ok && a.body.length === 0) {
        result.append(el('p', { class: 'form-ok', id: 'rs-valid' }, t('rs.valid')));
      } else {
        showFailure(a);
      }
      result.scrollIntoView({ block: 'nearest' });
      ctx.announce(result.textContent);
    });

    preview.addEventListener('click', async () => {
      resetErrors(form);
      clear(result);
      previewed = false;
      const body = await draftBody();
      if (!body) return;
      busy(true);
      const query = `from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}&limit=${CHANGED_SHOWN}`;
      const a = await api.post(`${base}/dispatch/rule-sets/preview?${query}`, body);
      if (!ctx.isCurrent()) return;
      previewed = a.ok;
      busy(false);
      if (!a.ok) {
        showFailure(a);
        result.scrollIntoView({ block: 'nearest' });
        ctx.announce(result.textContent);
        return;
      }
      const p = a.body;
      if (!effective.value) effective.value = p.draft.effectiveFrom;
      // (append() would write a null as the text "null")
      result.append(...[el('h2', {}, t('rs.result')),
        el('p', { class: 'notice', id: 'rs-summary', 'data-version': p.draft.version }, t('rs.summary', { v: p.draft.version,
          adopted: p.draft.adoptedOn, from: p.from, to: p.to, n: p.reports, changed: p.changedCount })),
        p.skipped > 0 ? el('p', { class: 'hint' }, t('rs.skipped', { n: p.skipped })) : null,
        p.truncated ? el('p', { class: 'form-error' }, t('rs.truncated', { n: p.reports + p.skipped })) : null,
        el('h3', {}, t('rs.offices')),
        table('rs-offices', [t('rs.col.office'), t('rs.col.received'), t('rs.col.would'), t('rs.col.diff')],
          p.offices.map((o) => {
            const diff = o.wouldReceive - o.received;
            return el('tr', { 'data-office': o.office === null ? '' : o.office, class: diff === 0 ? null : 'rs-moved' },
              el('td', {}, name.office(o.office)), el('td', { class: 'num' }, String(o.received)),
              el('td', { class: 'num' }, String(o.wouldReceive)), el('td', { class: 'num' }, diff > 0 ? `+${diff}` : String(diff)));
          })),
        el('h3', {}, t('rs.changed')),
        p.changedCount === 0 ? el('p', { id: 'rs-no-changes' }, t('rs.noChanges'))
          : table('rs-changed', [t('rs.col.case'), t('rs.col.receivedAt'), t('rs.col.district'), t('rs.col.caseType'),
            t('rs.col.now'), t('rs.col.draft')], p.changed.map((c) => el('tr', { 'data-case': c.caseNumber, 'data-now': c.officeNow || '',
            'data-draft': c.officeDraft || '' },
          el('td', {}, el('a', { href: `#/intake/case/${encodeURIComponent(c.caseNumber)}?region=${encodeURIComponent(ctx.region.code)}` },
            c.caseNumber)),
          el('td', {}, new Date(c.receivedAt).toLocaleDateString(ctx.lang === 'en' ? 'en-GB' : 'zh-TW', { timeZone: ctx.region.timeZone || 'UTC' })),
          el('td', {}, name.district(c.district) + (c.districtPart ? ` (${c.districtPart})` : '')),
          el('td', {}, name.caseType(c.caseType)),
          el('td', {}, name.office(c.officeNow)),
          el('td', {}, '→ ', name.office(c.officeDraft))))),
        p.changed.length < p.changedCount ? el('p', { class: 'hint' }, t('rs.changedMore', { shown: p.changed.length, total: p.changedCount })) : null]
        .filter((x) => x !== null));
      if (publish) publish.disabled = false;
      result.scrollIntoView({ block: 'start' });
      ctx.announce(result.querySelector('#rs-summary').textContent);
    });

    if (publish) {
      publish.addEventListener('click', async () => {
        resetErrors(form);
        const body = await draftBody();
        if (!body) return;
        busy(true);
        const a = await api.post(`${base}/dispatch/rule-sets`, body);
        busy(false);
        if (!ctx.isCurrent()) return;
        if (a.ok) {
          // published: a new draft (or this one again, which would change nothing) is previewed first
          previewed = false;
          publish.disabled = true;
          const v = a.body.published[0];
          clear(result);
          result.append(el('p', { class: 'form-ok', id: 'rs-published', 'data-version': v ? v.version : '' },
            v ? t('rs.published', { v: v.version, date: v.effectiveFrom }) : t('rs.unchanged')));
          ctx.announce(result.textContent);
          // the new version on top of the list
          const tbody = container.querySelector('#rs-versions tbody');
          const none = container.querySelector('#rs-no-versions');
          if (tbody && v) tbody.prepend(versionRow(v));
          else if (none && v) none.replaceWith(versionTable([versionRow(v)])); // a new region's first version
          result.scrollIntoView({ block: 'nearest' });
        } else {
          clear(result);
          showFailure(a);
          result.scrollIntoView({ block: 'nearest' });
          ctx.announce(result.textContent);
        }
      });
    }

    if (inForce) await showRules(inForce.version);
  },
};
