// The referral board's page (轉介溝通平台) in the Safenest web shell: the next meeting's agenda, the proposal form,
// the chair's decision form, the reminders with the decisions' follow-ups, and past meetings. Served by
// safenest-referral-board at /pages/referral/. A list that cannot be loaded shows the shell's "Try again" (/lists.js).
import { el, clear } from '/dom.js';
import { errorText as fieldErrorText, resetErrors, showErrors as showFieldErrors } from '/forms.js';
import { loadList } from '/lists.js';

const TEXTS = {
  'zh-Hant': {
    'rb.title': '轉介溝通平台',
    'rb.intro': '脆弱家庭服務與兒少保護之間的轉介討論：社福中心與家防中心提案，每月線上會議由主席決議。',
    'rb.tabs': '轉介溝通平台頁面',
    'rb.tab.agenda': '下次會議議程',
    'rb.tab.propose': '提案',
    'rb.tab.decide': '主席決議',
    'rb.tab.meetings': '歷次會議',
    'rb.tab.reminders': '提醒與後續執行',
    'rb.remindersIntro': '需要處理的事項，逾期的排在最前面。決議須轉案時，由負責的人在此記錄執行情形，提醒隨即移除。',
    'rb.remindersNone': '目前沒有需要處理的事項。',
    'rb.remindersCount': '共 {n} 項，其中 {overdue} 項逾期。',
    'rb.reminder.PROPOSAL_WAITING': '提案 {id} 等候決議',
    'rb.reminder.MEETING_COMING': '{date} 會議',
    'rb.reminder.DECISION_NOT_CARRIED_OUT': '{id} 的決議尚未執行',
    'rb.reminderDetail.onAgenda': '排在 {date} 會議議程。',
    'rb.reminderDetail.awaitsDecision': '已排入 {date} 會議議程，尚待主席決議。',
    'rb.reminderDetail.cutoff': '提案截止日：{date}。',
    'rb.reminderDetail.meetingDay': '會議日：{date}。',
    'rb.reminderDetail.decided': '{date} 決議：{outcome}；主責：{lead}。通報/系統號：{number}。',
    'rb.due.overdue': '逾期',
    'rb.due.today': '今日到期',
    'rb.due.coming': '尚未到期',
    'rb.dueOn': '到期日：{date}',
    'rb.field.note': '執行情形',
    'rb.field.followUpNote': '執行情形',
    'rb.field.followUpDoneAt': '執行記錄時間',
    'rb.hint.note': '寫明做了什麼，例如已由哪個單位開案或交接。請勿填寫姓名、身分證號、電話、電子郵件、地址或出生日期。',
    'rb.recordFollowUp': '記錄後續執行',
    'rb.followedUp': '已記錄 {id} 的後續執行，提醒已移除。',
    'rb.fixFollowUp': '後續執行未記錄，請修正標示的欄位。',
    'rb.followUpConflict': '此決議不需執行，或已經有人記錄執行。',
    'rb.followUpPending': '此決議須轉案，尚待執行：',
    'rb.seeReminders': '前往「提醒與後續執行」',
    'rb.err.note.too-long': '內容過長，最多 1,000 字。',
    'rb.nextMeeting': '下次會議：{date}',
    'rb.meeting': '{date} 會議',
    'rb.cutoff': '提案截止日：{date}',
    'rb.agendaCount': '議程共 {n} 案',
    'rb.agendaEmpty': '議程目前沒有提案。',
    'rb.status.SCHEDULED': '預定召開',
    'rb.status.HELD': '已召開',
    'rb.status.NOT_HELD': '停開',
    'rb.proposal.ON_AGENDA': '待決議',
    'rb.proposal.DECIDED': '已決議',
    'rb.direction.FF_TO_CP': '脆家轉兒保（脆弱家庭 → 兒少保護）',
    'rb.direction.CP_TO_FF': '兒保轉脆家（兒少保護 → 脆弱家庭）',
    'rb.outcome.FF_KEEPS': '由社福中心續處',
    'rb.outcome.CP_TAKES': '由兒保社工開案',
    'rb.outcome.JOINT': '兒保、脆家社工共同服務',
    'rb.outcome.OTHER': '其他',
    'rb.lead.FRAGILE_FAMILY': '脆弱家庭服務（社福中心）',
    'rb.lead.CHILD_PROTECTION': '兒少保護（家防中心）',
    'rb.followUp.NOT_NEEDED': '無須轉案',
    'rb.followUp.PENDING': '待執行',
    'rb.followUp.DONE': '已執行',
    'rb.field.proposingOffice': '提案單位',
    'rb.field.district': '案家區域',
    'rb.field.reportNumber': '通報/系統號',
    'rb.field.childAge': '個案年齡（歲）',
    'rb.field.summary': '案情說明',
    'rb.field.reason': '需轉案原因',
    'rb.field.direction': '轉介方向',
    'rb.field.submittedBy': '提案人',
    'rb.field.outcome': '決議',
    'rb.field.lead': '主責單位',
    'rb.field.rationale': '決議理由',
    'rb.field.bestInterest': '依兒少最佳利益裁決',
    'rb.field.followUp': '後續執行',
    'rb.field.transferredCase': '已轉案案號',
    'rb.field.decidedBy': '決議人',
    'rb.hint.noPersonalData': '請勿填寫姓名、身分證號、電話、電子郵件、地址或出生日期。',
    'rb.hint.reportNumber': '例：KHH-2023-000123',
    'rb.hint.lead': '決議為共同服務或其他時必填；續處與開案時可留空。',
    'rb.hint.bestInterest': '雙方意見不一致，由主席依兒少最佳利益決定',
    'rb.choose': '請選擇',
    'rb.officeGroup.WELFARE_SERVICE_CENTRE': '社福中心',
    'rb.officeGroup.PROTECTION_STATION': '家防中心',
    'rb.submit': '送出提案',
    'rb.submitting': '送出中…',
    'rb.submitted': '已送出提案 {id}，排入 {date} 會議議程。',
    'rb.seeAgenda': '查看議程',
    'rb.fixErrors': '提案未送出，請修正標示的欄位。',
    'rb.fixDecision': '決議未記錄，請修正標示的欄位。',
    'rb.decideIntro': '會議當天起可記錄決議，每案只能決議一次。',
    'rb.decideNone': '目前沒有可決議的提案（會議當天起才能決議）。',
    'rb.decideWhich': '提案',
    'rb.decideOption': '{id}（{date} 會議）',
    'rb.record': '記錄決議',
    'rb.recorded': '已記錄 {id} 的決議：{outcome}。',
    'rb.pastNone': '尚無已召開或停開的會議。',
    'rb.notHeldNote': '截止時議程無提案，本次會議停開。',
    'rb.decisionTitle': '決議',
    'rb.yes': '是',
    'rb.no': '否',
    'rb.forbidden': '您沒有權限執行此操作。',
    'rb.conflict': '此提案目前不能決議：會議日尚未到，或已經決議。',
    'rb.failed': '操作失敗，請稍後再試。',
    'rb.err.required': '此欄為必填。',
    'rb.err.unknown': '找不到此項目，請重新選擇。',
    'rb.err.not-a-member': '只有社福中心與家防中心可以提案。',
    'rb.err.invalid': '格式不正確。',
    'rb.err.out-of-range': '個案年齡須在 0 到 17 歲之間。',
    'rb.err.too-long': '內容過長，最多 2,000 字。',
    'rb.err.inconsistent': '主責單位與決議不一致。',
    'rb.err.personal-data': '此欄含有個人資料（{kind}），請刪除後再送出。',
    'rb.pd.name': '姓名',
    'rb.pd.taiwan-id': '身分證統一編號',
    'rb.pd.hong-kong-id': '香港身份證號碼',
    'rb.pd.phone': '電話號碼',
    'rb.pd.email': '電子郵件地址',
    'rb.pd.address': '地址',
    'rb.pd.date-of-birth': '出生日期',
  },
  en: {
    'rb.title': 'Referral board',
    'rb.intro': 'Referrals between fragile-family service and child protection: welfare service centres and protection-centre stations propose, and the chair decides at the monthly online meeting.',
    'rb.tabs': 'Referral board pages',
    'rb.tab.agenda': 'Next meeting',
    'rb.tab.propose': 'Propose',
    'rb.tab.decide': 'Chair’s decisions',
    'rb.tab.meetings': 'Past meetings',
    'rb.tab.reminders': 'Reminders and follow-ups',
    'rb.remindersIntro': 'What needs doing, overdue first. When a decision moves a case, the person responsible records here what was done, and the reminder goes.',
    'rb.remindersNone': 'Nothing needs doing now.',
    'rb.remindersCount': '{n} item(s), {overdue} overdue.',
    'rb.reminder.PROPOSAL_WAITING': 'Proposal {id} waits for its decision',
    'rb.reminder.MEETING_COMING': 'Meeting of {date}',
    'rb.reminder.DECISION_NOT_CARRIED_OUT': 'The decision on {id} is not carried out yet',
    'rb.reminderDetail.onAgenda': 'On the agenda of the meeting of {date}.',
    'rb.reminderDetail.awaitsDecision': 'Was on the agenda of the meeting of {date} and waits for the chair’s decision.',
    'rb.reminderDetail.cutoff': 'Proposals by {date}.',
    'rb.reminderDetail.meetingDay': 'The meeting is on {date}.',
    'rb.reminderDetail.decided': 'Decided on {date}: {outcome}; lead: {lead}. Report or system number: {number}.',
    'rb.due.overdue': 'Overdue',
    'rb.due.today': 'Due today',
    'rb.due.coming': 'Not due yet',
    'rb.dueOn': 'Due: {date}',
    'rb.field.note': 'What was done',
    'rb.field.followUpNote': 'What was done',
    'rb.field.followUpDoneAt': 'Recorded at',
    'rb.hint.note': 'Say what was done, such as which office opened or took over the case. No names, ID numbers, phone numbers, e-mail or street addresses, or dates of birth.',
    'rb.recordFollowUp': 'Record the follow-up',
    'rb.followedUp': 'Follow-up of {id} recorded; its reminder is gone.',
    'rb.fixFollowUp': 'The follow-up was not recorded. Correct the marked field.',
    'rb.followUpConflict': 'This decision needs no follow-up, or someone has already recorded it.',
    'rb.followUpPending': 'This decision moves the case and is still to be carried out:',
    'rb.seeReminders': 'Go to “Reminders and follow-ups”',
    'rb.err.note.too-long': 'Too long: at most 1,000 characters.',
    'rb.nextMeeting': 'Next meeting: {date}',
    'rb.meeting': 'Meeting of {date}',
    'rb.cutoff': 'Proposals by: {date}',
    'rb.agendaCount': '{n} on the agenda',
    'rb.agendaEmpty': 'There is no proposal on the agenda yet.',
    'rb.status.SCHEDULED': 'Scheduled',
    'rb.status.HELD': 'Held',
    'rb.status.NOT_HELD': 'Not held',
    'rb.proposal.ON_AGENDA': 'Awaiting decision',
    'rb.proposal.DECIDED': 'Decided',
    'rb.direction.FF_TO_CP': 'Fragile family → child protection',
    'rb.direction.CP_TO_FF': 'Child protection → fragile family',
    'rb.outcome.FF_KEEPS': 'Fragile-family service keeps the case',
    'rb.outcome.CP_TAKES': 'Child protection takes the case',
    'rb.outcome.JOINT': 'Both serve jointly',
    'rb.outcome.OTHER': 'Other',
    'rb.lead.FRAGILE_FAMILY': 'Fragile-family service (welfare centre)',
    'rb.lead.CHILD_PROTECTION': 'Child protection (protection centre)',
    'rb.followUp.NOT_NEEDED': 'No transfer needed',
    'rb.followUp.PENDING': 'To be carried out',
    'rb.followUp.DONE': 'Carried out',
    'rb.field.proposingOffice': 'Proposing office',
    'rb.field.district': 'Family’s district',
    'rb.field.reportNumber': 'Report or system number',
    'rb.field.childAge': 'Child’s age (years)',
    'rb.field.summary': 'Case summary',
    'rb.field.reason': 'Reason for the transfer',
    'rb.field.direction': 'Direction',
    'rb.field.submittedBy': 'Proposed by',
    'rb.field.outcome': 'Outcome',
    'rb.field.lead': 'Lead',
    'rb.field.rationale': 'Rationale',
    'rb.field.bestInterest': 'Decided on the child’s best interest',
    'rb.field.followUp': 'Follow-up',
    'rb.field.transferredCase': 'Transferred case',
    'rb.field.decidedBy': 'Decided by',
    'rb.hint.noPersonalData': 'No names, ID numbers, phone numbers, e-mail or street addresses, or dates of birth.',
    'rb.hint.reportNumber': 'For example KHH-2023-000123',
    'rb.hint.lead': 'Required for a joint or other decision; may stay empty when one side keeps or takes the case.',
    'rb.hint.bestInterest': 'The two sides disagreed and the chair decided on the child’s best interest',
    'rb.choose': 'Choose',
    'rb.officeGroup.WELFARE_SERVICE_CENTRE': 'Welfare service centres',
    'rb.officeGroup.PROTECTION_STATION': 'Protection-centre stations',
    'rb.submit': 'Submit the proposal',
    'rb.submitting': 'Submitting…',
    'rb.submitted': 'Proposal {id} submitted, on the agenda of the meeting of {date}.',
    'rb.seeAgenda': 'See the agenda',
    'rb.fixErrors': 'The proposal was not submitted. Correct the marked fields.',
    'rb.fixDecision': 'The decision was not recorded. Correct the marked fields.',
    'rb.decideIntro': 'A decision can be recorded from the meeting day on, once per proposal.',
    'rb.decideNone': 'No proposal can be decided now (decisions start on the meeting day).',
    'rb.decideWhich': 'Proposal',
    'rb.decideOption': '{id} (meeting of {date})',
    'rb.record': 'Record the decision',
    'rb.recorded': 'Decision on {id} recorded: {outcome}.',
    'rb.pastNone': 'No meeting has been held or cancelled yet.',
    'rb.notHeldNote': 'Not held: the agenda was empty at the cutoff.',
    'rb.decisionTitle': 'Decision',
    'rb.yes': 'Yes',
    'rb.no': 'No',
    'rb.forbidden': 'You may not do this.',
    'rb.conflict': 'This proposal cannot be decided now: its meeting day has not come, or it is already decided.',
    'rb.failed': 'That did not work. Try again later.',
    'rb.err.required': 'This field is required.',
    'rb.err.unknown': 'Not found. Choose again.',
    'rb.err.not-a-member': 'Only welfare service centres and protection-centre stations propose.',
    'rb.err.invalid': 'This is not valid.',
    'rb.err.out-of-range': 'The child’s age is from 0 to 17 years.',
    'rb.err.too-long': 'Too long: at most 2,000 characters.',
    'rb.err.inconsistent': 'The lead does not fit the outcome.',
    'rb.err.personal-data': 'This field contains personal data ({kind}). Remove it and submit again.',
    'rb.pd.name': 'a name',
    'rb.pd.taiwan-id': 'a Taiwan ID number',
    'rb.pd.hong-kong-id': 'a Hong Kong identity card number',
    'rb.pd.phone': 'a phone number',
    'rb.pd.email': 'an e-mail address',
    'rb.pd.address': 'a street address',
    'rb.pd.date-of-birth': 'a date of birth',
  },
};

const MEMBER_TYPES = ['WELFARE_SERVICE_CENTRE', 'PROTECTION_STATION'];
const reference = new Map();
// Words that name a region's own services: Kaohsiung's (the board's first region) as written in TEXTS, Hong Kong's
// (Integrated Family Service Centres, Family and Child Protective Services Units), and neutral words for any other
// region. The page looks a key up as `key@region` first, so the words follow the region in view.
const REGION_WORDS = {
  'hong-kong': {
    'zh-Hant': {
      'rb.intro': '脆弱家庭服務與兒少保護之間的轉介討論：綜合家庭服務中心與保護家庭及兒童服務課提案，每月線上會議由主席決議。',
      'rb.outcome.FF_KEEPS': '由綜合家庭服務中心續處',
      'rb.lead.FRAGILE_FAMILY': '脆弱家庭服務（綜合家庭服務中心）',
      'rb.lead.CHILD_PROTECTION': '兒少保護（保護家庭及兒童服務課）',
      'rb.officeGroup.WELFARE_SERVICE_CENTRE': '綜合家庭服務中心',
      'rb.officeGroup.PROTECTION_STATION': '保護家庭及兒童服務課',
      'rb.err.not-a-member': '只有綜合家庭服務中心與保護家庭及兒童服務課可以提案。',
    },
    en: {
      'rb.intro': 'Referrals between fragile-family service and child protection: Integrated Family Service Centres and Family and Child Protective Services Units propose, and the chair decides at the monthly online meeting.',
      'rb.outcome.FF_KEEPS': 'The Integrated Family Service Centre keeps the case',
      'rb.lead.FRAGILE_FAMILY': 'Fragile-family service (Integrated Family Service Centre)',
      'rb.lead.CHILD_PROTECTION': 'Child protection (Family and Child Protective Services Unit)',
      'rb.officeGroup.WELFARE_SERVICE_CENTRE': 'Integrated Family Service Centres',
      'rb.officeGroup.PROTECTION_STATION': 'Family and Child Protective Services Units',
      'rb.err.not-a-member': 'Only Integrated Family Service Centres and Family and Child Protective Services Units propose.',
    },
  },
  '*': {
    'zh-Hant': {
      'rb.intro': '脆弱家庭服務與兒少保護之間的轉介討論：家庭服務單位與兒少保護單位提案，每月線上會議由主席決議。',
      'rb.outcome.FF_KEEPS': '由家庭服務單位續處',
      'rb.lead.FRAGILE_FAMILY': '脆弱家庭服務（家庭服務單位）',
      'rb.lead.CHILD_PROTECTION': '兒少保護（兒少保護單位）',
      'rb.officeGroup.WELFARE_SERVICE_CENTRE': '家庭服務單位',
      'rb.officeGroup.PROTECTION_STATION': '兒少保護單位',
      'rb.err.not-a-member': '只有家庭服務單位與兒少保護單位可以提案。',
    },
    en: {
      'rb.intro': 'Referrals between fragile-family service and child protection: family service offices and child-protection offices propose, and the chair decides at the monthly online meeting.',
      'rb.outcome.FF_KEEPS': 'The family service office keeps the case',
      'rb.lead.FRAGILE_FAMILY': 'Fragile-family service (family service office)',
      'rb.lead.CHILD_PROTECTION': 'Child protection (child-protection office)',
      'rb.officeGroup.WELFARE_SERVICE_CENTRE': 'Family service offices',
      'rb.officeGroup.PROTECTION_STATION': 'Child-protection offices',
      'rb.err.not-a-member': 'Only family service offices and child-protection offices propose.',
    },
  },
};
const KAOHSIUNG = 'kaohsiung'; // TEXTS hold its words

/** The region's words: `key@region` when the region has its own, else the neutral ones, else TEXTS (Kaohsiung). */
function regionTexts(ctx) {
  const words = ctx.region.code === KAOHSIUNG ? null : REGION_WORDS[ctx.region.code] || REGION_WORDS['*'];
  if (!words) return ctx.t;
  const table = words[ctx.lang] || words['zh-Hant'];
  return (key, values) => (key in table ? ctx.t(`${key}@${ctx.region.code}`, values) : ctx.t(key, values));
}

let textsAdded = false;

export default {
  async render(container, pageContext) {
    if (!textsAdded) {
      pageContext.addTexts(TEXTS);
      textsAdded = true;
    }
    const words = pageContext.region.code === KAOHSIUNG ? null
      : REGION_WORDS[pageContext.region.code] || REGION_WORDS['*'];
    if (words) {
      const suffixed = (table) => Object.fromEntries(Object.entries(table).map(([k, v]) => [`${k}@${pageContext.region.code}`, v]));
      pageContext.addTexts({ 'zh-Hant': suffixed(words['zh-Hant']), en: suffixed(words.en) });
    }
    const ctx = { ...pageContext, t: regionTexts(pageContext) };
    const { t } = ctx;
    const views = [
      { id: 'agenda', render: agenda },
      { id: 'propose', render: propose, roles: ['social-worker', 'supervisor'] },
      { id: 'decide', render: decide, roles: ['board-chair'] },
      { id: 'reminders', render: reminders, roles: ['social-worker', 'supervisor', 'board-chair'] },
      { id: 'meetings', render: meetings },
    ].filter((v) => !v.roles || ctx.hasRole(...v.roles));
    const view = views.find((v) => v.id === ctx.sub) || views[0];
    const regionName = ctx.lang === 'en' ? ctx.region.nameEn : ctx.region.nameZh;
    container.append(
      el('h1', {}, `${t('rb.title')}｜${regionName}`),
      el('p', { class: 'hint' }, t('rb.intro')),
      el('nav', { class: 'tabs', 'aria-label': t('rb.tabs') }, el('ul', {}, views.map((v) => el('li', {},
        el('a', { href: ctx.link(v.id), id: `rb-tab-${v.id}`, 'aria-current': v === view ? 'page' : null }, t(`rb.tab.${v.id}`)))))));
    const body = el('div', { id: `rb-${view.id}` });
    container.append(body);
    loadCss();
    // offices and districts first (every view names them), then the view's own list; each with its "Try again"
    await listInto(body, ctx, 'rb-reference-error', () => loadReference(ctx), (answer) => view.render(body, ctx, answer.body));
  },
};

const CSS_URL = new URL('./referral.css', import.meta.url).href;

function loadCss() {
  if (!document.querySelector(`link[href="${CSS_URL}"]`)) {
    document.head.append(el('link', { rel: 'stylesheet', href: CSS_URL }));
  }
}

/** Loads a list into `box` with the shell's message and "Try again" (reloading just this list) when it fails. */
function listInto(box, ctx, id, load, show) {
  return loadList(box, { t: ctx.t, id, load, show, isCurrent: ctx.isCurrent });
}

/** The region's offices and districts, as an answer: `{ ok, status, body: { offices, districts } }`. */
async function loadReference(ctx) {
  const code = ctx.region.code;
  if (!reference.has(code)) {
    const [offices, districts] = await Promise.all([
      ctx.api.get(`/api/regions/${code}/offices`), ctx.api.get(`/api/regions/${code}/districts`)]);
    const failed = [offices, districts].find((a) => a.status !== 200);
    if (failed) return failed;
    reference.set(code, { offices: offices.body, districts: districts.body });
  }
  return { ok: true, status: 200, body: reference.get(code) };
}

const base = (ctx) => `/api/regions/${encodeURIComponent(ctx.region.code)}`;

function today(ctx) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ctx.region.timeZone || 'UTC' }).format(new Date());
}

function date(ctx, iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'zh-TW', { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`));
}

function dateTime(ctx, instant) {
  const d = new Date(typeof instant === 'number' && instant < 1e11 ? instant * 1000 : instant);
  if (Number.isNaN(d.getTime())) return String(instant);
  return new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'zh-TW',
    { dateStyle: 'long', timeStyle: 'short', timeZone: ctx.region.timeZone || 'UTC' }).format(d);
}

function name(ctx, list, code) {
  const item = list.find((x) => x.code === code);
  if (!item) return code || '';
  return ctx.lang === 'en' ? item.nameEn || item.nameZh : item.nameZh || item.nameEn;
}

function failure(ctx, answer) {
  const key = answer.status === 403 ? 'rb.forbidden' : answer.status === 409 ? 'rb.conflict' : 'rb.failed';
  return el('p', { class: 'form-error', role: 'alert' }, ctx.t(key));
}

function proposalCard(ctx, ref, p, headingLevel = 'h3') {
  const { t } = ctx;
  const f = p.proposal;
  const card = el('article', { class: 'card proposal', id: `proposal-${p.id}`, 'data-id': p.id },
    el(headingLevel, {}, `${p.id}　${t(`rb.direction.${f.direction}`)}`),
    el('ul', { class: 'meta' },
      el('li', {}, el('span', { class: 'status' }, t(`rb.proposal.${p.status}`))),
      el('li', {}, `${t('rb.field.proposingOffice')}：${name(ctx, ref.offices, f.proposingOffice)}`),
      el('li', {}, `${t('rb.field.district')}：${name(ctx, ref.districts, f.district)}`),
      el('li', {}, `${t('rb.field.submittedBy')}：${p.submittedBy}`)),
    el('dl', {},
      el('dt', {}, t('rb.field.reportNumber')), el('dd', {}, f.reportNumber),
      el('dt', {}, t('rb.field.childAge')), el('dd', {}, String(f.childAge)),
      el('dt', {}, t('rb.field.summary')), el('dd', {}, f.summary),
      el('dt', {}, t('rb.field.reason')), el('dd', {}, f.reason)));
  if (p.decision) {
    const d = p.decision;
    card.append(el('section', { class: 'decision', 'aria-label': t('rb.decisionTitle') },
      el('h4', {}, `${t('rb.decisionTitle')}：${t(`rb.outcome.${d.outcome}`)}`),
      el('dl', {},
        el('dt', {}, t('rb.field.lead')), el('dd', {}, t(`rb.lead.${d.lead}`)),
        el('dt', {}, t('rb.field.rationale')), el('dd', {}, d.rationale),
        el('dt', {}, t('rb.field.bestInterest')), el('dd', {}, t(d.decidedOnBestInterest ? 'rb.yes' : 'rb.no')),
        el('dt', {}, t('rb.field.followUp')), el('dd', {}, t(`rb.followUp.${d.followUp}`)),
        d.transferredCase ? [el('dt', {}, t('rb.field.transferredCase')), el('dd', {}, d.transferredCase)] : null,
        d.followUpNote ? [el('dt', {}, t('rb.field.followUpNote')), el('dd', { class: 'rb-follow-up-note' }, d.followUpNote)] : null,
        d.followUpDoneAt ? [el('dt', {}, t('rb.field.followUpDoneAt')), el('dd', {}, dateTime(ctx, d.followUpDoneAt))] : null,
        el('dt', {}, t('rb.field.decidedBy')), el('dd', {}, d.decidedBy))));
  }
  return card;
}

function meetingHeader(ctx, m, key, level = 'h2') {
  const { t } = ctx;
  return [
    el(level, {}, t(key, { date: date(ctx, m.date) })),
    el('ul', { class: 'meta' },
      el('li', {}, el('span', { class: 'status', 'data-status': m.status }, t(`rb.status.${m.status}`))),
      el('li', {}, t('rb.cutoff', { date: date(ctx, m.cutoff) })),
      el('li', {}, t('rb.agendaCount', { n: m.agenda.length }))),
  ];
}

// ---- the next meeting's agenda ----
async function agenda(body, ctx, ref) {
  await listInto(body, ctx, 'rb-list-error', () => ctx.api.get(`${base(ctx)}/referral-meetings/next`), (answer) => {
    const m = answer.body;
    body.append(...meetingHeader(ctx, m, 'rb.nextMeeting'));
    if (m.agenda.length === 0) {
      body.append(el('p', { class: 'notice' }, ctx.t('rb.agendaEmpty')));
    }
    const list = el('div', { id: 'rb-agenda-list' });
    m.agenda.forEach((p) => list.append(proposalCard(ctx, ref, p)));
    body.append(list);
  });
}

// ---- field errors beside their fields ----
function errorText(ctx, error) {
  const { t } = ctx;
  if (error.code && error.code.startsWith('personal-data.')) {
    const kind = error.code.slice('personal-data.'.length);
    const kindText = t(`rb.pd.${kind}`);
    return t('rb.err.personal-data', { kind: kindText === `rb.pd.${kind}` ? kind : kindText });
  }
  return fieldErrorText(t, 'rb', error);
}

function fieldBlock(ctx, id, control, hintKey, labelKey = `rb.field.${id}`) {
  const hintId = `rb-${id}-hint`;
  const errorId = `rb-${id}-error`;
  control.id = `rb-${id}`;
  control.name = id;
  control.setAttribute('aria-describedby', `${hintKey ? `${hintId} ` : ''}${errorId}`);
  const error = el('p', { class: 'field-error', id: errorId, hidden: true });
  return el('div', { class: 'field', 'data-field': id },
    el('label', { for: control.id }, ctx.t(labelKey)),
    hintKey ? el('p', { class: 'hint', id: hintId }, ctx.t(hintKey)) : null,
    control, error);
}

function radioGroup(ctx, id, values, labelPrefix) {
  const errorId = `rb-${id}-error`;
  return el('fieldset', { id: `rb-${id}`, 'data-field': id, 'aria-describedby': errorId },
    el('legend', {}, ctx.t(`rb.field.${id}`)),
    values.map((v) => el('div', { class: 'choice' },
      el('input', { type: 'radio', name: id, value: v, id: `rb-${id}-${v}` }),
      el('label', { for: `rb-${id}-${v}` }, ctx.t(`${labelPrefix}.${v}`)))),
    el('p', { class: 'field-error', id: errorId, hidden: true }));
}

/** Shows each field error beside its field; answers the first control to focus and the errors without a field. */
function showErrors(ctx, form, errors) {
  return showFieldErrors(form, errors, (e) => `rb-${e.field}`, (e) => errorText(ctx, e));
}

function textOf(form, name) {
  const v = form.elements[name] ? form.elements[name].value.trim() : '';
  return v === '' ? null : v;
}

// ---- the proposal form ----
async function propose(body, ctx, ref) {
  const { t } = ctx;
  const office = el('select', { required: true }, el('option', { value: '' }, t('rb.choose')),
    MEMBER_TYPES.map((type) => el('optgroup', { label: t(`rb.officeGroup.${type}`) },
      ref.offices.filter((o) => o.type === type).map((o) => el('option', { value: o.code }, name(ctx, ref.offices, o.code))))));
  const district = el('select', { required: true }, el('option', { value: '' }, t('rb.choose')),
    ref.districts.map((d) => el('option', { value: d.code }, name(ctx, ref.districts, d.code))));
  const message = el('div', { id: 'rb-propose-message', tabindex: '-1' });
  const submit = el('button', { type: 'submit', id: 'rb-propose-submit' }, t('rb.submit'));
  const form = el('form', { class: 'card', id: 'rb-propose-form', novalidate: true },
    el('div', { class: 'grid' },
      fieldBlock(ctx, 'proposingOffice', office),
      fieldBlock(ctx, 'district', district),
      fieldBlock(ctx, 'reportNumber', el('input', { required: true, maxlength: '64', autocomplete: 'off' }), 'rb.hint.reportNumber'),
      fieldBlock(ctx, 'childAge', el('input', { type: 'number', min: '0', max: '17', step: '1', inputmode: 'numeric', required: true }))),
    fieldBlock(ctx, 'summary', el('textarea', { required: true, maxlength: '2000', rows: '4' }), 'rb.hint.noPersonalData'),
    fieldBlock(ctx, 'reason', el('textarea', { required: true, maxlength: '2000', rows: '4' }), 'rb.hint.noPersonalData'),
    radioGroup(ctx, 'direction', ['FF_TO_CP', 'CP_TO_FF'], 'rb.direction'),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    resetErrors(form);
    clear(message);
    const age = textOf(form, 'childAge');
    const direction = form.querySelector('input[name="direction"]:checked');
    const proposal = {
      proposingOffice: textOf(form, 'proposingOffice'),
      district: textOf(form, 'district'),
      reportNumber: textOf(form, 'reportNumber'),
      childAge: age === null || Number.isNaN(Number(age)) ? null : Math.trunc(Number(age)),
      summary: textOf(form, 'summary'),
      reason: textOf(form, 'reason'),
      direction: direction ? direction.value : null,
    };
    submit.disabled = true;
    submit.textContent = t('rb.submitting');
    const answer = await ctx.api.post(`${base(ctx)}/referrals`, proposal);
    submit.disabled = false;
    submit.textContent = t('rb.submit');
    if (answer.status === 201) {
      const p = answer.body;
      message.append(el('p', { class: 'form-ok', role: 'status', id: 'rb-submitted', 'data-id': p.id },
        t('rb.submitted', { id: p.id, date: date(ctx, p.meetingDate) }), ' ',
        el('a', { href: ctx.link('agenda') }, t('rb.seeAgenda'))));
      form.reset();
      message.focus();
      ctx.announce(t('rb.submitted', { id: p.id, date: date(ctx, p.meetingDate) }));
    } else if (answer.status === 400 && answer.body && Array.isArray(answer.body.fields)) {
      const { first, unplaced } = showErrors(ctx, form, answer.body.fields);
      message.append(el('p', { class: 'form-error', role: 'alert' }, t('rb.fixErrors'), ...unplaced.map((u) => ` ${u}`)));
      if (first) first.focus();
    } else {
      message.append(failure(ctx, answer));
    }
  });
  body.append(message, form);
}

// ---- the chair's decision form ----
async function decide(body, ctx, ref, notice) {
  await listInto(body, ctx, 'rb-list-error', () => ctx.api.get(`${base(ctx)}/referral-meetings`),
    (answer) => decisionForm(body, ctx, ref, answer, notice));
}

function decisionForm(body, ctx, ref, answer, notice) {
  const { t } = ctx;
  const day = today(ctx);
  const open = answer.body.filter((m) => m.date <= day)
    .flatMap((m) => m.agenda.filter((p) => p.status === 'ON_AGENDA'));
  const message = el('div', { id: 'rb-decide-message', tabindex: '-1' });
  if (notice) message.append(notice);
  body.append(el('p', { class: 'hint' }, t('rb.decideIntro')), message);
  if (open.length === 0) {
    body.append(el('p', { class: 'notice', id: 'rb-decide-none' }, t('rb.decideNone')));
    if (notice) message.focus();
    return;
  }
  const which = el('select', {}, open.map((p) => el('option', { value: p.id },
    t('rb.decideOption', { id: p.id, date: date(ctx, p.meetingDate) }))));
  const shown = el('div', { id: 'rb-decide-proposal-card' });
  const showProposal = () => {
    clear(shown);
    shown.append(proposalCard(ctx, ref, open.find((p) => p.id === which.value), 'h2'));
  };
  which.addEventListener('change', showProposal);
  showProposal();
  const lead = el('select', {}, el('option', { value: '' }, t('rb.choose')),
    ['FRAGILE_FAMILY', 'CHILD_PROTECTION'].map((l) => el('option', { value: l }, t(`rb.lead.${l}`))));
  const bestInterest = el('input', { type: 'checkbox', id: 'rb-bestInterest', name: 'bestInterest' });
  const submit = el('button', { type: 'submit', id: 'rb-decide-submit' }, t('rb.record'));
  const form = el('form', { class: 'card', id: 'rb-decide-form', novalidate: true },
    radioGroup(ctx, 'outcome', ['FF_KEEPS', 'CP_TAKES', 'JOINT', 'OTHER'], 'rb.outcome'),
    fieldBlock(ctx, 'lead', lead, 'rb.hint.lead'),
    fieldBlock(ctx, 'rationale', el('textarea', { required: true, maxlength: '2000', rows: '4' }), 'rb.hint.noPersonalData'),
    el('div', { class: 'choice' }, bestInterest, el('label', { for: 'rb-bestInterest' }, t('rb.hint.bestInterest'))),
    el('p', {}, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    resetErrors(form);
    clear(message);
    const outcome = form.querySelector('input[name="outcome"]:checked');
    const decision = {
      outcome: outcome ? outcome.value : null,
      lead: lead.value || null,
      rationale: textOf(form, 'rationale'),
      decidedOnBestInterest: bestInterest.checked,
    };
    const id = which.value;
    submit.disabled = true;
    const result = await ctx.api.post(`${base(ctx)}/referrals/${encodeURIComponent(id)}/decision`, decision);
    submit.disabled = false;
    if (result.status === 200) {
      const text = t('rb.recorded', { id, outcome: t(`rb.outcome.${result.body.decision.outcome}`) });
      const pending = result.body.decision.followUp === 'PENDING';
      clear(body);
      await decide(body, ctx, ref, el('div', { class: 'form-ok', role: 'status', id: 'rb-decided', 'data-id': id },
        el('p', {}, text),
        pending ? el('p', { id: 'rb-decided-follow-up' }, t('rb.followUpPending'), ' ',
          el('a', { href: ctx.link('reminders'), id: 'rb-decided-reminders' }, t('rb.seeReminders'))) : null));
      ctx.announce(pending ? `${text} ${t('rb.followUpPending')}` : text);
    } else if (result.status === 400 && result.body && Array.isArray(result.body.fields)) {
      const { first, unplaced } = showErrors(ctx, form, result.body.fields);
      message.append(el('p', { class: 'form-error', role: 'alert' }, t('rb.fixDecision'), ...unplaced.map((u) => ` ${u}`)));
      if (first) first.focus();
    } else {
      message.append(failure(ctx, result));
      message.focus();
    }
  });
  body.append(el('div', { class: 'field' }, el('label', { for: 'rb-decide-proposal' }, t('rb.decideWhich')), which), shown, form);
  which.id = 'rb-decide-proposal';
  if (notice) message.focus();
}

// ---- past meetings with their decisions ----
async function meetings(body, ctx, ref) {
  await listInto(body, ctx, 'rb-list-error', () => ctx.api.get(`${base(ctx)}/referral-meetings`),
    (answer) => pastMeetings(body, ctx, ref, answer));
}

function pastMeetings(body, ctx, ref, answer) {
  const day = today(ctx);
  const past = answer.body.filter((m) => m.date <= day || m.status !== 'SCHEDULED')
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  if (past.length === 0) {
    body.append(el('p', { class: 'notice' }, ctx.t('rb.pastNone')));
    return;
  }
  for (const m of past) {
    const section = el('section', { class: 'meeting', id: `meeting-${m.date}` }, ...meetingHeader(ctx, m, 'rb.meeting'));
    if (m.status === 'NOT_HELD') section.append(el('p', { class: 'hint' }, ctx.t('rb.notHeldNote')));
    m.agenda.forEach((p) => section.append(proposalCard(ctx, ref, p)));
    body.append(section);
  }
}

// ---- reminders, and the decisions' follow-ups ----
const URGENCY = { overdue: 0, today: 1, coming: 2 };

/** Whether a reminder is overdue (its day has passed), due today, or coming, on the region's day `day`. */
export function urgency(reminder, day) {
  if (reminder.due < day) return 'overdue';
  return reminder.due === day ? 'today' : 'coming';
}

/** The reminders overdue first, then due today, then coming; by due day within each, else in the server's order. */
export function byUrgency(list, day) {
  return list.map((r, i) => ({ r, i, u: URGENCY[urgency(r, day)] }))
    .sort((a, b) => a.u - b.u || (a.r.due < b.r.due ? -1 : a.r.due > b.r.due ? 1 : a.i - b.i))
    .map((x) => x.r);
}

/**
 * The region's reminders and, for each decision not carried out, its proposal (outcome, lead, report number), as one
 * answer: `{ ok, status, body: { reminders, proposals } }`, or the first answer that failed.
 */
async function loadReminders(ctx) {
  const answer = await ctx.api.get(`${base(ctx)}/referral-reminders`);
  if (answer.status !== 200 || !Array.isArray(answer.body)) return answer;
  const ids = [...new Set(answer.body.filter((r) => r.kind === 'DECISION_NOT_CARRIED_OUT').map((r) => r.proposalId))];
  const proposals = await Promise.all(ids.map((id) => ctx.api.get(`${base(ctx)}/referrals/${encodeURIComponent(id)}`)));
  const failed = proposals.find((a) => a.status !== 200);
  if (failed) return failed;
  return { ok: true, status: 200, body: { reminders: answer.body, proposals: new Map(proposals.map((a) => [a.body.id, a.body])) } };
}

async function reminders(body, ctx, ref) {
  const { t } = ctx;
  const message = el('div', { id: 'rb-reminders-message', tabindex: '-1' });
  const list = el('div', { id: 'rb-reminders-list' });
  body.append(el('p', { class: 'hint' }, t('rb.remindersIntro')), message, list);
  const reload = () => listInto(list, ctx, 'rb-reminders-error', () => loadReminders(ctx),
    (answer) => showReminders(list, ctx, ref, answer.body, followedUp));
  // a follow-up recorded: say so above the list and load the list again, without the reminder
  async function followedUp(id) {
    clear(message);
    const text = t('rb.followedUp', { id });
    message.append(el('p', { class: 'form-ok', role: 'status', id: 'rb-followed-up', 'data-id': id }, text));
    await reload();
    message.focus();
    ctx.announce(text);
  }
  await reload();
}

function showReminders(list, ctx, ref, { reminders: all, proposals }, followedUp) {
  const { t } = ctx;
  const day = today(ctx);
  if (all.length === 0) {
    list.append(el('p', { class: 'notice', id: 'rb-reminders-none' }, t('rb.remindersNone')));
    return;
  }
  const sorted = byUrgency(all, day);
  const overdue = sorted.filter((r) => urgency(r, day) === 'overdue').length;
  list.append(el('p', { id: 'rb-reminders-count' }, t('rb.remindersCount', { n: sorted.length, overdue })),
    el('ol', { class: 'rb-reminders' }, sorted.map((r) => reminderItem(ctx, ref, r, urgency(r, day), proposals, followedUp))));
}

function reminderItem(ctx, ref, r, state, proposals, followedUp) {
  const { t } = ctx;
  const key = r.proposalId || r.meetingDate;
  const headingId = `reminder-${r.kind}-${key}-title`;
  const item = el('li', { class: `card rb-reminder rb-${state}`, id: `reminder-${r.kind}-${key}`, 'data-kind': r.kind,
    'data-proposal': r.proposalId || null, 'data-state': state, 'aria-labelledby': headingId },
  el('h2', { id: headingId }, t(`rb.reminder.${r.kind}`, { id: r.proposalId, date: date(ctx, r.meetingDate) })),
  el('ul', { class: 'meta' },
    el('li', {}, el('span', { class: 'status rb-due', 'data-state': state }, t(`rb.due.${state}`))),
    el('li', {}, t('rb.dueOn', { date: date(ctx, r.due) }))));
  const day = today(ctx);
  if (r.kind === 'PROPOSAL_WAITING') {
    item.append(el('p', {}, t(r.meetingDate <= day ? 'rb.reminderDetail.awaitsDecision' : 'rb.reminderDetail.onAgenda',
      { date: date(ctx, r.meetingDate) })));
  } else if (r.kind === 'MEETING_COMING') {
    // due is the cutoff while proposals are open, else the meeting day (the two may be the same day)
    item.append(el('p', {}, r.due < r.meetingDate ? t('rb.reminderDetail.cutoff', { date: date(ctx, r.due) })
      : t('rb.reminderDetail.meetingDay', { date: date(ctx, r.meetingDate) })));
  } else if (r.kind === 'DECISION_NOT_CARRIED_OUT') {
    const p = proposals.get(r.proposalId);
    if (p && p.decision) {
      item.append(el('p', {}, t('rb.reminderDetail.decided', {
        date: date(ctx, r.due), outcome: t(`rb.outcome.${p.decision.outcome}`), lead: t(`rb.lead.${p.decision.lead}`),
        number: p.proposal.reportNumber,
      })));
    }
    item.append(followUpForm(ctx, r.proposalId, followedUp));
  }
  return item;
}

/** The follow-up of one decision: what was done (POST .../follow-up { note }); the error beside the field. */
function followUpForm(ctx, id, followedUp) {
  const { t } = ctx;
  const noteId = `rb-note-${id}`;
  const note = el('textarea', { id: noteId, name: 'note', required: true, maxlength: '1000', rows: '3',
    'aria-describedby': `${noteId}-hint ${noteId}-error` });
  const message = el('div', { id: `rb-follow-up-message-${id}` });
  const submit = el('button', { type: 'submit', id: `rb-follow-up-submit-${id}` }, t('rb.recordFollowUp'));
  const form = el('form', { class: 'rb-follow-up', id: `rb-follow-up-${id}`, novalidate: true, 'data-id': id },
    el('div', { class: 'field', 'data-field': 'note' },
      el('label', { for: noteId }, t('rb.field.note')),
      el('p', { class: 'hint', id: `${noteId}-hint` }, t('rb.hint.note')),
      note,
      el('p', { class: 'field-error', id: `${noteId}-error`, hidden: true })),
    message,
    el('p', {}, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    resetErrors(form);
    clear(message);
    submit.disabled = true;
    const result = await ctx.api.post(`${base(ctx)}/referrals/${encodeURIComponent(id)}/follow-up`, { note: note.value });
    submit.disabled = false;
    if (!ctx.isCurrent()) return;
    if (result.status === 200) {
      await followedUp(id);
    } else if (result.status === 400 && result.body && Array.isArray(result.body.fields)) {
      const { first, unplaced } = showFieldErrors(form, result.body.fields, (e) => (e.field === 'note' ? noteId : null),
        (e) => (e.code === 'too-long' ? t('rb.err.note.too-long') : errorText(ctx, e)));
      message.append(el('p', { class: 'form-error', role: 'alert' }, t('rb.fixFollowUp'), ...unplaced.map((u) => ` ${u}`)));
      if (first) first.focus();
    } else {
      message.append(result.status === 409 ? el('p', { class: 'form-error', role: 'alert' }, t('rb.followUpConflict'))
        : failure(ctx, result));
      submit.focus();
    }
  });
  return form;
}
