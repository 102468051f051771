// The intake window's page (受理窗口) in the Safenest web shell: the report form and its receipt, the manual dispatch
// queue, overdue follow-ups, the case search, my cases, caseloads and the case view with its actions. Served by safenest-intake at
// /pages/intake/.
import { el, clear } from '/dom.js';
import { errorText as fieldErrorText, resetErrors, showErrors as showFieldErrors } from '/forms.js';
import { loadFailure as sharedLoadFailure } from '/lists.js';

const TEXTS = {
  'zh-Hant': {
    // case search, my cases, caseloads, assignment
    'in.tab.mine': '我的案件',
    'in.tab.caseloads': '社工工作量',
    'in.search.title': '查詢案件',
    'in.search.form': '案件查詢條件',
    'in.search.intro': '依案號、案家或兒少參考編號、承辦單位、區域、狀態、案件類型、服務別或受理期間查詢；不填條件則列出全部案件，新到舊。參考編號須完整相符。',
    'in.search.caseNumber': '案號（完整或開頭）',
    'in.search.householdRef': '案家參考編號',
    'in.search.childRef': '兒少參考編號',
    'in.search.office': '承辦單位',
    'in.search.district': '區域',
    'in.search.status': '狀態',
    'in.search.caseType': '案件類型',
    'in.search.serviceLine': '服務別',
    'in.search.receivedFrom': '受理日期自',
    'in.search.receivedTo': '受理日期至',
    'in.search.any': '不限',
    'in.search.submit': '查詢',
    'in.search.reset': '清除條件',
    'in.search.count': '共 {n} 件符合',
    'in.search.none': '沒有符合條件的案件。',
    'in.search.caption': '查詢結果，第 {page} 頁，共 {pages} 頁',
    'in.search.sortBy': '依{col}排序',
    'in.col.receivedAt': '受理時間',
    'in.col.assignedTo': '承辦社工',
    'in.col.householdRef': '案家參考編號',
    'in.unassigned': '未分派',
    'in.mine.intro': '分派給您、尚未結案的案件：逾期追蹤在最前，其次依追蹤期限，其餘新到舊。',
    'in.mine.empty': '目前沒有分派給您的案件。',
    'in.mine.caption': '我的案件（{n} 件）',
    'in.mine.due': '追蹤期限',
    'in.mine.noDue': '無待辦追蹤',
    'in.caseloads.intro': '您督導的單位：每位社工承辦中的案件、待辦追蹤與逾期件數，以及尚未分派社工的案件。',
    'in.caseloads.empty': '設定中沒有您督導的單位（etc/org.safenest.intake.staff.cfg）。',
    'in.caseloads.office': '{office}：未分派 {n} 件',
    'in.caseloads.worker': '社工',
    'in.caseloads.open': '承辦中',
    'in.caseloads.due': '待辦追蹤',
    'in.caseloads.overdue': '逾期',
    'in.caseloads.nextDue': '最近期限',
    'in.caseloads.unassignedLink': '查看未分派案件',
    'in.case.assignedTo': '承辦社工',
    'in.case.assignments': '分派紀錄',
    'in.case.assignedLine': '{at}　{by}：{from}→{to}',
    'in.case.assignReason': '原因：{reason}',
    'in.action.assign': '分派社工',
    'in.action.assignIntro': '將本案分派給承辦單位的社工。',
    'in.action.reassign': '改派社工',
    'in.action.reassignIntro': '本案目前由 {worker} 承辦；改派須說明原因。',
    'in.action.assignSubmit': '分派',
    'in.action.reassignSubmit': '改派',
    'in.action.assigned': '已分派給 {worker}。',
    'in.field.worker': '社工',
    'in.field.assignReason': '改派原因',
    'in.err.not-in-office': '此社工不屬於本案的承辦單位。',
    'in.kind.ASSIGNED': '分派社工',
    'in.title': '受理窗口',
    'in.intro': '集中受理通報：依併案原則併入案件、依派案規則派案；人工派案、派案爭議、追蹤與轉案都在這裡處理。',
    'in.tabs': '受理窗口頁面',
    'in.tab.new': '新通報',
    'in.tab.queue': '人工派案佇列',
    'in.tab.overdue': '逾期追蹤',
    'in.tab.recent': '查詢案件',
    'in.tab.disputes': '派案爭議',
    'in.choose': '請選擇',
    'in.yes': '是',
    'in.no': '否',
    'in.unreachable': '無法連線到伺服器。已填寫的內容都還在，請稍後再送出一次；重新送出不會重複建案。',
    'in.forbidden': '您沒有權限執行此操作。',
    'in.conflict': '案件目前的狀態不允許此操作：{message}',
    'in.failed': '操作失敗，請稍後再試。',
    // the report form
    'in.form': '通報表單',
    'in.field.receivedAt': '受理時間',
    'in.field.caseType': '案件類型',
    'in.field.district': '案家區域',
    'in.field.districtPart': '區域範圍',
    'in.field.children': '通報對象（兒少）',
    'in.field.age': '年齡（歲）',
    'in.field.childRef': '兒少參考編號（選填）',
    'in.field.householdRef': '案家參考編號（選填）',
    'in.field.summary': '通報內容摘要',
    'in.field.source': '通報來源',
    'in.hint.receivedAt': '以{zone}填寫；預設為現在，不可晚於現在。派案依受理日當時施行的派案規則。',
    'in.hint.districtPart': '本區由不同單位分區服務，請選擇案家所在範圍。不確定時選「不確定」：需要分區才能派案的通報會進入人工派案佇列。',
    'in.partUnknown': '不確定',
    'in.hint.children': '每位兒少一列，年齡 0 到 17 歲；參考編號用來分辨同一位兒少與手足（併案）。',
    'in.hint.ref': '通報系統中的編號，不可填寫姓名或地址。',
    'in.hint.noPersonalData': '請勿填寫姓名、身分證號、電話、電子郵件、地址或出生日期；以年齡與參考編號描述即可。',
    'in.child': '第 {n} 位兒少',
    'in.addChild': '新增一位兒少',
    'in.removeChild': '移除第 {n} 位兒少',
    'in.source.113': '113 保護專線',
    'in.source.police': '警政',
    'in.source.school': '學校',
    'in.source.hospital': '醫療院所',
    'in.source.social-welfare': '社政單位',
    'in.source.judicial': '司法',
    'in.source.village': '村里幹事',
    'in.source.family': '親友鄰居',
    'in.source.other': '其他',
    'in.submit': '送出通報',
    'in.submitting': '送出中…',
    'in.clear': '清空，填寫新通報',
    'in.fixErrors': '通報未送出，請修正標示的欄位。',
    'in.part': '{part}',
    'in.partEn': '{part}',
    // the receipt
    'in.receipt.title': '已受理，案號 {n}',
    'in.receipt.replay': '此通報先前已送出過（同一份表單），以下為第一次受理的回執，沒有重複建案。',
    'in.receipt.recordedAt': '受理紀錄時間：{at}',
    'in.receipt.merge': '併案',
    'in.receipt.dispatch': '派案',
    'in.receipt.openCase': '查看案件 {n}',
    'in.merge.NEW_CASE': '新建案號：此家戶與兒少目前沒有處遇中的案件，通報開立新案號。',
    'in.merge.JOINED_CASE_IN_SERVICE': '處遇中案件，合併案號：此兒少的案件正在處遇中，通報併入該案。',
    'in.merge.MERGED_SIBLING_CASE': '處遇中家戶，合併手足案號：此家戶有手足的案件正在處遇中，通報併入家戶的案號。',
    'in.mergeShort.NEW_CASE': '新建案號',
    'in.mergeShort.JOINED_CASE_IN_SERVICE': '併入處遇中案件',
    'in.mergeShort.MERGED_SIBLING_CASE': '併入家戶手足案號',
    'in.dispatch.to': '派案至：{office}',
    'in.dispatch.rule': '第 {version} 版派案規則之規則 {rule}',
    'in.dispatch.byHand': '由 {by} 人工派案',
    'in.dispatch.manual': '沒有派案規則適用：本案在人工派案佇列等候派案員派案。',
    'in.dispatch.noVersion': '受理日沒有施行中的派案規則',
    'in.basis.RULE': '依派案規則',
    'in.basis.FALLBACK_RULE': '依備援規則',
    'in.basis.NO_RULE': '無規則適用（人工派案佇列）',
    'in.basis.BY_HAND': '人工派案',
    // lists
    'in.list.queue': '人工派案佇列：沒有派案規則適用、等候派案員派案的案件。',
    'in.list.overdue': '逾期追蹤：「尚未能確認」後應於 10 日內續填調查紀錄，已超過期限的案件。',
    'in.list.recent': '查詢案件。',
    'in.list.empty.queue': '人工派案佇列目前沒有案件。',
    'in.list.empty.overdue': '目前沒有逾期的追蹤。',
    'in.list.empty.recent': '目前沒有案件。',
    // the dispatch disputes for the coordination meeting
    'in.disputes.views': '派案爭議清單',
    'in.disputes.open': '待協調會議',
    'in.disputes.resolved': '已有結論',
    'in.disputes.count': '{title}（{n} 件）',
    'in.list.disputes.open': '派案員提出、列入集中受理與派案機制協調會議的派案爭議，舊到新。案件在提出爭議時已改派；協調會議的結論由督導記錄。',
    'in.list.disputes.resolved': '協調會議已有結論的派案爭議，舊到新。',
    'in.list.empty.disputes.open': '目前沒有待協調會議的派案爭議。',
    'in.list.empty.disputes.resolved': '目前沒有已有結論的派案爭議。',
    'in.list.caption': '{title}，第 {page} 頁',
    'in.col.caseNumber': '案號',
    'in.col.lastReceivedAt': '最近受理',
    'in.col.caseType': '案件類型',
    'in.col.district': '區域',
    'in.col.status': '狀態',
    'in.col.office': '承辦單位',
    'in.col.followUpDue': '追蹤期限',
    'in.col.reports': '通報數',
    'in.paging': '分頁',
    'in.prev': '上一頁',
    'in.next': '下一頁',
    'in.pageN': '第 {page} 頁',
    'in.inQueue': '人工派案佇列',
    'in.overdueMark': '（已逾期）',
    // the case
    'in.case.title': '案件 {n}',
    'in.case.back': '回到查詢案件',
    'in.case.notFound': '找不到案件 {n}。',
    'in.case.summary': '案件摘要',
    'in.case.status': '狀態',
    'in.case.caseType': '案件類型',
    'in.case.serviceLine': '服務別',
    'in.case.district': '案家區域',
    'in.case.office': '承辦單位',
    'in.case.openedAt': '開案時間',
    'in.case.householdRef': '案家參考編號',
    'in.case.followUp': '追蹤（10 日內續填調查紀錄）',
    'in.case.followUpDue': '期限：{due}',
    'in.case.followUpOverdue': '已逾期',
    'in.case.followUpDone': '{by} 已於 {at} 完成',
    'in.case.reports': '通報（{n}）',
    'in.case.report': '通報 {n}：{at} 受理',
    'in.case.recordedBy': '受理人員',
    'in.case.mergeRule': '併案',
    'in.case.children': '兒少',
    'in.case.childLine': '{age} 歲',
    'in.case.childLineRef': '{age} 歲（參考編號 {ref}）',
    'in.case.decisions': '派案決定',
    'in.case.basis': '依據',
    'in.case.ruleSet': '派案規則',
    'in.case.ruleSetVersion': '規則版本',
    'in.case.explanation': '說明',
    'in.case.decidedBy': '決定人',
    'in.case.disputes': '派案爭議',
    'in.case.dispute': '爭議 {id}：{status}',
    'in.case.disputeStatus.OPEN': '待協調會議',
    'in.case.disputeStatus.RESOLVED': '已有結論',
    'in.case.redispatch': '被爭議的派案 → 改派至',
    'in.case.reason': '理由',
    'in.case.raised': '提出',
    'in.case.outcome': '協調會議結論',
    'in.case.resolved': '結論記錄',
    'in.case.dispositions': '評估結果',
    'in.case.note': '說明',
    'in.case.unit': '知會或轉介單位',
    'in.case.unitConfirmed': '單位已確認',
    'in.case.by': '記錄',
    'in.case.transfers': '轉案',
    'in.case.transferLine': '{from} → {to}',
    'in.case.ground': '轉案原因',
    'in.case.referral': '轉介溝通平台提案',
    'in.case.history': '案件歷程',
    'in.case.historyAt': '時間',
    'in.case.historyActor': '人員',
    'in.case.historyKind': '事項',
    'in.case.historyDetail': '紀錄',
    'in.byAt': '{by}，{at}',
    'in.version': '第 {version} 版',
    'in.status.AWAITING_DISPATCH': '待人工派案',
    'in.status.ASSESSING': '調查評估中',
    'in.status.IN_SERVICE': '處遇中',
    'in.status.CLOSED': '已結案',
    'in.line.ADULT_PROTECTION': '成人保護',
    'in.line.CHILD_PROTECTION': '兒少保護',
    'in.line.SEXUAL_MISCONDUCT': '性不當對待',
    'in.line.FRAGILE_FAMILY': '脆弱家庭',
    'in.kind.RECEIVED': '受理通報',
    'in.kind.MERGED': '併案',
    'in.kind.DISPATCHED': '派案',
    'in.kind.DISPATCHED_BY_HAND': '人工派案',
    'in.kind.DISPUTED': '派案爭議',
    'in.kind.DISPOSITION_RECORDED': '記錄評估結果',
    'in.kind.FOLLOW_UP_COMPLETED': '追蹤完成',
    'in.kind.TRANSFERRED': '轉案',
    'in.kind.CLOSED': '結案',
    'in.kind.DISPUTE_RESOLVED': '爭議有結論',
    'in.h.opened': '通報開案：{caseType}，{district}',
    'in.h.merged': '{caseType}通報併入本案：{rule}',
    'in.h.rule': '依第 {version} 版派案規則之規則 {rule}，派至{office}',
    'in.h.fallback': '依第 {version} 版派案規則之備援規則 {rule}，派至{office}',
    'in.h.manualQueue': '沒有派案規則適用，案件在人工派案佇列等候派案',
    'in.h.fromQueue': '由人工派案佇列派至{office}',
    'in.h.afterDispute': '提出爭議 {dispute} 後改派至{office}',
    'in.h.raised': '對派至{fromOffice}的決定提出爭議 {dispute}，列入協調會議',
    'in.h.lineChange': '（已確認改變服務類別）',
    'in.h.resolved': '協調會議對爭議 {dispute} 的結論：{outcome}',
    'in.h.resolvedNoText': '協調會議已對爭議 {dispute} 作出結論',
    'in.h.disposition': '評估結果：{disposition}',
    'in.h.closed': '結案：{disposition}',
    'in.h.filed': '已提交進一步調查紀錄（期限 {due}）',
    'in.h.followUpClosedBy': '追蹤（期限 {due}）因評估結果「{disposition}」結束',
    'in.h.followUpClosedLine': '追蹤（期限 {due}）因案件轉為{line}結束',
    'in.h.transferred': '{direction}（{ground}）：{from} → {to}，原承辦單位{fromOffice}',
    'in.h.assigned': '分派給 {worker}',
    'in.h.reassigned': '由 {previousWorker} 改派給 {worker}',
    'in.h.moved': '案件由{fromOffice}移至{office}，不再由 {previousWorker} 承辦',
    'in.h.unassigned': '不再分派社工',
    'in.h.demoDue': '合成示範資料：追蹤期限由 {from} 改為 {due}',
    // actions
    'in.actions': '案件處理',
    'in.action.dispatch': '人工派案',
    'in.action.dispatchIntro': '本案沒有派案規則適用。請選擇承辦單位並說明理由。',
    'in.action.dispatchSubmit': '派案',
    'in.action.dispatched': '已人工派案至{office}。',
    'in.action.dispute': '派案爭議',
    'in.action.disputeIntro': '對目前的派案決定有爭議時：選擇應承辦的單位並說明理由。案件立即改派，爭議列入集中受理與派案機制協調會議。',
    'in.action.disputeSubmit': '提出爭議並改派',
    'in.action.disputed': '已提出爭議 {id}，案件改派至{office}，列入協調會議。',
    'in.action.resolve': '記錄爭議 {id} 的協調會議結論',
    'in.action.resolveIntro': '協調會議討論爭議 {id} 後，在此記錄會議的結論。記錄後不能修改；記錄結論不會變更案件的承辦單位。',
    'in.action.resolveSubmit': '記錄結論',
    'in.action.resolved': '已記錄爭議 {id} 的協調會議結論。',
    'in.action.disposition': '記錄評估結果',
    'in.action.dispositionIntro': '「尚未能確認」會設定 10 日後到期的追蹤；不開案、知會或轉介會結案。',
    'in.action.dispositionSubmit': '記錄評估結果',
    'in.action.dispositionRecorded': '已記錄評估結果：{disposition}。',
    'in.action.followUp': '完成追蹤',
    'in.action.followUpIntro': '續填的調查紀錄已完成時記錄於此（期限 {due}）。',
    'in.action.followUpSubmit': '記錄追蹤完成',
    'in.action.followUpDone': '已記錄追蹤完成。',
    'in.action.transfer': '轉案',
    'in.action.transferIntro': '{direction}。案號與歷程不變，並依新的服務別重新派案。處遇中的案件不能轉案。',
    'in.action.transferSubmit': '轉案',
    'in.action.transferred': '已轉案：{direction}，派案至{office}。',
    'in.field.office': '承辦單位',
    'in.field.reason': '理由',
    'in.field.disposition': '評估結果',
    'in.field.note': '說明',
    'in.field.unit': '知會或轉介的單位',
    'in.field.unitConfirmed': '已確認該單位仍在服務此家庭或已收案',
    'in.field.serviceLineChangeConfirmed': '確認改變服務類別：案件改由另一服務體系承辦，理由中已說明原因',
    'in.hint.lineChangeToFf': '此為{line}案件，所選單位是社會福利服務中心（脆弱家庭服務）：改派會改變服務類別，須勾選確認並在理由中說明。',
    'in.hint.lineChangeToProtection': '此為{line}案件，所選單位是家防中心保護服務單位：改派會改變服務類別，須勾選確認並在理由中說明。',
    'in.field.outcome': '協調會議結論',
    'in.field.ground': '轉案原因',
    'in.field.referral': '轉介溝通平台提案編號（選填）',
    'in.hint.note': '簡短服務與「不開案：其他」須填寫說明。',
    'in.hint.reasonOther': '原因為「其他」時須說明。',
    'in.hint.referral': '例：RB-2026-0001',
    'in.officeGroup.WELFARE_SERVICE_CENTRE': '社福中心',
    'in.officeGroup.PROTECTION_STATION': '家防中心',
    'in.officeGroup.FAMILY_SERVICE_CENTRE': '綜合家庭服務中心',
    'in.officeGroup.OTHER': '其他單位',
    'in.direction.CP_TO_FF': '兒保轉脆家（兒少保護 → 脆弱家庭）',
    'in.direction.FF_TO_CP': '脆家轉兒保（脆弱家庭 → 兒少保護）',
    'in.ground.MINOR_INJURY_LOW_RISK': '兒少受傷輕微或再受虐風險低，施虐者能自我反思',
    'in.ground.PARENTAL_ACCIDENT': '家長不慎造成之意外成傷',
    'in.ground.SEXUAL_ASSAULT_VICTIM_DIED': '家內性侵：被害人死亡且家屬無服務需求',
    'in.ground.SEXUAL_ASSAULT_CONTACT_FAILED': '家內性侵：電話或地址有誤，無法聯繫',
    'in.ground.SEXUAL_ASSAULT_FAMILY_FUNCTIONING_WELL': '家內性侵：家庭功能良好，且無其他服務需求',
    'in.ground.STATUTORY_REPORT': '經評估為保護事件，依法通報',
    'in.ground.REFERRAL_BOARD_DECISION': '轉介溝通平台決議',
    'in.ground.OTHER': '其他',
    'in.disposition.CASE_MANAGEMENT': '列入個案管理服務',
    'in.disposition.SHORT_TERM_SERVICE': '短期服務／1次關懷服務',
    'in.disposition.NOTIFY_SERVING_UNIT': '知會原提供服務單位',
    'in.disposition.REFER_TO_UNIT': '轉介相關單位提供服務',
    'in.disposition.REPORT_CHILD_PROTECTION': '依法通報：兒少保護',
    'in.disposition.REPORT_SEXUAL_ASSAULT': '依法通報：性侵害',
    'in.disposition.REPORT_DOMESTIC_VIOLENCE': '依法通報：家庭暴力',
    'in.disposition.REPORT_ELDER_PROTECTION': '依法通報：老人保護',
    'in.disposition.REPORT_DISABILITY_PROTECTION': '依法通報：身障保護',
    'in.disposition.BRIEF_SERVICE': '簡短服務',
    'in.disposition.NOT_OPENED_NO_INFORMATION': '不開案：無法獲得完整的服務資料',
    'in.disposition.NOT_OPENED_NOT_AS_REPORTED': '不開案：通報內容與事實不符，且無福利需求',
    'in.disposition.NOT_OPENED_DEATH': '不開案：死亡',
    'in.disposition.NOT_OPENED_LEFT_COUNTRY': '不開案：個案已出境',
    'in.disposition.NOT_OPENED_OTHER': '不開案：其他',
    'in.disposition.INVESTIGATION_CONTINUING': '尚未能確認，10 日內續填調查紀錄',
    'in.dispositionGroup.service': '開案服務',
    'in.dispositionGroup.unit': '知會或轉介',
    'in.dispositionGroup.report': '經評估為保護事件依法通報',
    'in.dispositionGroup.notOpened': '不開案',
    'in.dispositionGroup.pending': '調查中',
    'in.action.fixErrors': '未送出，請修正標示的欄位。',
    // field errors
    'in.err.required': '此欄為必填。',
    'in.err.unknown': '找不到此項目，請重新選擇。',
    'in.err.invalid': '格式不正確。',
    'in.err.in-the-future': '受理時間不可晚於現在。',
    'in.err.too-early': '受理時間太早，請檢查年份。',
    'in.err.too-long': '內容過長。',
    'in.err.too-many': '一份通報最多 50 位。',
    'in.err.not-split': '本區沒有分區，請不要選擇範圍。',
    'in.err.negative': '年齡不可小於 0。',
    'in.err.out-of-range': '兒少年齡須在 0 到 17 歲之間。',
    'in.err.unchanged': '本案已由此單位承辦，請選擇應改派的單位。',
    'in.err.confirmation-required': '改派至此單位會改變案件的服務類別：請勾選確認，並在理由中說明為何改由另一服務體系承辦；或選擇同一服務類別的單位。',
    'in.err.wrong-direction': '此原因不適用於這個轉案方向。',
    'in.err.wrong-service-line': '案件類型與轉案方向不符。',
    'in.err.personal-data.name': '此欄含有個人資料（姓名），請刪除後再送出；通報不可記載可識別個人的資料。',
    'in.err.personal-data.taiwan-id': '此欄含有個人資料（身分證或居留證號），請刪除後再送出；通報不可記載可識別個人的資料。',
    'in.err.personal-data.hong-kong-id': '此欄含有個人資料（香港身份證號碼），請刪除後再送出；通報不可記載可識別個人的資料。',
    'in.err.personal-data.phone': '此欄含有個人資料（電話號碼），請刪除後再送出；通報不可記載可識別個人的資料。',
    'in.err.personal-data.email': '此欄含有個人資料（電子郵件地址），請刪除後再送出；通報不可記載可識別個人的資料。',
    'in.err.personal-data.address': '此欄含有個人資料（地址），請刪除後再送出；通報不可記載可識別個人的資料。',
    'in.err.personal-data.date-of-birth': '此欄含有個人資料（出生日期），請刪除後再送出；通報不可記載可識別個人的資料。',
    'in.receipt.warnings': '已受理，但下列欄位含有個人資料，請依規定更正：',
  },
  en: {
    // case search, my cases, caseloads, assignment
    'in.tab.mine': 'My cases',
    'in.tab.caseloads': 'Caseloads',
    'in.search.title': 'Find cases',
    'in.search.form': 'Case search',
    'in.search.intro': 'Search by case number, household or child reference, office, district, status, case type, service or received period; with no criteria every case is listed, newest first. References must match in full.',
    'in.search.caseNumber': 'Case number (whole or its beginning)',
    'in.search.householdRef': 'Household reference',
    'in.search.childRef': 'Child reference',
    'in.search.office': 'Office',
    'in.search.district': 'District',
    'in.search.status': 'Status',
    'in.search.caseType': 'Case type',
    'in.search.serviceLine': 'Service',
    'in.search.receivedFrom': 'Received from',
    'in.search.receivedTo': 'Received to',
    'in.search.any': 'Any',
    'in.search.submit': 'Search',
    'in.search.reset': 'Clear criteria',
    'in.search.count': 'Cases found: {n}',
    'in.search.none': 'No case matches.',
    'in.search.caption': 'Search results, page {page} of {pages}',
    'in.search.sortBy': 'Sort by {col}',
    'in.col.receivedAt': 'Received',
    'in.col.assignedTo': 'Worker',
    'in.col.householdRef': 'Household reference',
    'in.unassigned': 'Not assigned',
    'in.mine.intro': 'Open cases assigned to you: overdue follow-ups first, then by follow-up due date, the rest newest first.',
    'in.mine.empty': 'No case is assigned to you.',
    'in.mine.caption': 'My cases ({n})',
    'in.mine.due': 'Follow-up due',
    'in.mine.noDue': 'No follow-up due',
    'in.caseloads.intro': 'The offices you supervise: each worker’s open cases, follow-ups due and overdue, and the cases without a worker.',
    'in.caseloads.empty': 'The configuration names no office you supervise (etc/org.safenest.intake.staff.cfg).',
    'in.caseloads.office': '{office}: {n} not assigned',
    'in.caseloads.worker': 'Worker',
    'in.caseloads.open': 'Open cases',
    'in.caseloads.due': 'Follow-ups due',
    'in.caseloads.overdue': 'Overdue',
    'in.caseloads.nextDue': 'Next due',
    'in.caseloads.unassignedLink': 'See the cases without a worker',
    'in.case.assignedTo': 'Worker',
    'in.case.assignments': 'Assignments',
    'in.case.assignedLine': '{at} {by}: {from} → {to}',
    'in.case.assignReason': 'Reason: {reason}',
    'in.action.assign': 'Assign a worker',
    'in.action.assignIntro': 'Assign the case to a worker of the office serving it.',
    'in.action.reassign': 'Reassign',
    'in.action.reassignIntro': '{worker} has the case now; a reassignment needs a reason.',
    'in.action.assignSubmit': 'Assign',
    'in.action.reassignSubmit': 'Reassign',
    'in.action.assigned': 'Assigned to {worker}.',
    'in.field.worker': 'Worker',
    'in.field.assignReason': 'Reason for the reassignment',
    'in.err.not-in-office': 'This worker does not belong to the office serving the case.',
    'in.kind.ASSIGNED': 'Worker assigned',
    'in.title': 'Intake',
    'in.intro': 'The central intake window: reports are merged into cases by the merge rules and dispatched by the dispatch rules; manual dispatch, dispatch disputes, follow-ups and transfers are handled here.',
    'in.tabs': 'Intake pages',
    'in.tab.new': 'New report',
    'in.tab.queue': 'Manual dispatch queue',
    'in.tab.overdue': 'Overdue follow-ups',
    'in.tab.recent': 'Find cases',
    'in.tab.disputes': 'Dispatch disputes',
    'in.choose': 'Choose',
    'in.yes': 'Yes',
    'in.no': 'No',
    'in.unreachable': 'The server cannot be reached. Everything you filled in is still here: submit again later; submitting again never opens a second case.',
    'in.forbidden': 'You may not do this.',
    'in.conflict': 'The case does not allow this now: {message}',
    'in.failed': 'That did not work. Try again later.',
    'in.form': 'Report form',
    'in.field.receivedAt': 'Received at',
    'in.field.caseType': 'Case type',
    'in.field.district': 'Family’s district',
    'in.field.districtPart': 'Part of the district',
    'in.field.children': 'Children concerned',
    'in.field.age': 'Age (years)',
    'in.field.childRef': 'Child reference (optional)',
    'in.field.householdRef': 'Household reference (optional)',
    'in.field.summary': 'Summary of the report',
    'in.field.source': 'Reported by',
    'in.hint.receivedAt': 'In {zone}; now by default, never later than now. Dispatch uses the rules in force on the day received.',
    'in.hint.districtPart': 'Different offices serve parts of this district: choose the family’s part. If you do not know it, choose “not known”: a report that needs the part to be dispatched waits in the manual dispatch queue.',
    'in.partUnknown': 'Not known',
    'in.hint.children': 'One row per child, aged 0 to 17. The reference tells the same child from a sibling (merging).',
    'in.hint.ref': 'The reference in the reporting system; never a name or an address.',
    'in.hint.noPersonalData': 'No names, ID numbers, phone numbers, e-mail or street addresses, or dates of birth: describe by age and reference.',
    'in.child': 'Child {n}',
    'in.addChild': 'Add a child',
    'in.removeChild': 'Remove child {n}',
    'in.source.113': '113 protection hotline',
    'in.source.police': 'Police',
    'in.source.school': 'School',
    'in.source.hospital': 'Hospital or clinic',
    'in.source.social-welfare': 'Social welfare agency',
    'in.source.judicial': 'Courts and prosecutors',
    'in.source.village': 'Village officer',
    'in.source.family': 'Family, friends or neighbours',
    'in.source.other': 'Other',
    'in.submit': 'Submit the report',
    'in.submitting': 'Submitting…',
    'in.clear': 'Clear for a new report',
    'in.fixErrors': 'The report was not submitted. Correct the marked fields.',
    'in.part': '{part}',
    'in.partEn': '{name} part ({part})',
    'in.receipt.title': 'Received: case {n}',
    'in.receipt.replay': 'This report (the same form) had been submitted before. This is the first receipt again; no second case was opened.',
    'in.receipt.recordedAt': 'Recorded at {at}',
    'in.receipt.merge': 'Merging',
    'in.receipt.dispatch': 'Dispatch',
    'in.receipt.openCase': 'Open case {n}',
    'in.merge.NEW_CASE': 'New case: no case of this household or child is in service, so the report opened a new case number.',
    'in.merge.JOINED_CASE_IN_SERVICE': 'Joined the case in service: this child’s case is in service, so the report joined that case.',
    'in.merge.MERGED_SIBLING_CASE': 'Merged into the household’s case: a sibling’s case of this household is in service, so the report was merged into the household’s case number.',
    'in.mergeShort.NEW_CASE': 'New case',
    'in.mergeShort.JOINED_CASE_IN_SERVICE': 'Joined the case in service',
    'in.mergeShort.MERGED_SIBLING_CASE': 'Merged into the household’s case',
    'in.dispatch.to': 'Dispatched to: {office}',
    'in.dispatch.rule': 'rule {rule} of dispatch rule-set version {version}',
    'in.dispatch.byHand': 'Dispatched by hand by {by}',
    'in.dispatch.manual': 'No dispatch rule matched: the case waits in the manual dispatch queue for a dispatcher.',
    'in.dispatch.noVersion': 'no rule set was in force on the day received',
    'in.basis.RULE': 'By rule',
    'in.basis.FALLBACK_RULE': 'By fallback rule',
    'in.basis.NO_RULE': 'No rule matched (manual dispatch queue)',
    'in.basis.BY_HAND': 'By hand',
    'in.list.queue': 'The manual dispatch queue: cases no dispatch rule matched, waiting for a dispatcher.',
    'in.list.overdue': 'Overdue follow-ups: cases whose further investigation record, due 10 days after “not yet confirmed”, is late.',
    'in.list.recent': 'Recently received cases, newest first.',
    'in.list.empty.queue': 'The manual dispatch queue is empty.',
    'in.list.empty.overdue': 'No follow-up is overdue.',
    'in.list.empty.recent': 'There are no cases yet.',
    'in.disputes.views': 'Dispute lists',
    'in.disputes.open': 'For the coordination meeting',
    'in.disputes.resolved': 'Resolved',
    'in.disputes.count': '{title} ({n})',
    'in.list.disputes.open': 'Dispatch disputes raised by dispatchers and listed for the coordination meeting of central intake and dispatch, oldest first. Each case was dispatched again when the dispute was raised; a supervisor records the meeting’s outcome.',
    'in.list.disputes.resolved': 'Dispatch disputes the coordination meeting has resolved, oldest first.',
    'in.list.empty.disputes.open': 'No dispatch dispute is waiting for the coordination meeting.',
    'in.list.empty.disputes.resolved': 'No dispatch dispute has been resolved yet.',
    'in.list.caption': '{title}, page {page}',
    'in.col.caseNumber': 'Case number',
    'in.col.lastReceivedAt': 'Last received',
    'in.col.caseType': 'Case type',
    'in.col.district': 'District',
    'in.col.status': 'Status',
    'in.col.office': 'Office',
    'in.col.followUpDue': 'Follow-up due',
    'in.col.reports': 'Reports',
    'in.paging': 'Pages',
    'in.prev': 'Previous page',
    'in.next': 'Next page',
    'in.pageN': 'Page {page}',
    'in.inQueue': 'Manual dispatch queue',
    'in.overdueMark': ' (overdue)',
    'in.case.title': 'Case {n}',
    'in.case.back': 'Back to the case search',
    'in.case.notFound': 'There is no case {n}.',
    'in.case.summary': 'Case summary',
    'in.case.status': 'Status',
    'in.case.caseType': 'Case type',
    'in.case.serviceLine': 'Service',
    'in.case.district': 'Family’s district',
    'in.case.office': 'Office',
    'in.case.openedAt': 'Opened at',
    'in.case.householdRef': 'Household reference',
    'in.case.followUp': 'Follow-up (further investigation record within 10 days)',
    'in.case.followUpDue': 'Due: {due}',
    'in.case.followUpOverdue': 'Overdue',
    'in.case.followUpDone': 'Done by {by} at {at}',
    'in.case.reports': 'Reports ({n})',
    'in.case.report': 'Report {n}: received {at}',
    'in.case.recordedBy': 'Recorded by',
    'in.case.mergeRule': 'Merging',
    'in.case.children': 'Children',
    'in.case.childLine': '{age} years',
    'in.case.childLineRef': '{age} years (reference {ref})',
    'in.case.decisions': 'Dispatch decisions',
    'in.case.basis': 'Basis',
    'in.case.ruleSet': 'Dispatch rule',
    'in.case.ruleSetVersion': 'Rule-set version',
    'in.case.explanation': 'Explanation',
    'in.case.decidedBy': 'Decided by',
    'in.case.disputes': 'Dispatch disputes',
    'in.case.dispute': 'Dispute {id}: {status}',
    'in.case.disputeStatus.OPEN': 'For the coordination meeting',
    'in.case.disputeStatus.RESOLVED': 'Resolved',
    'in.case.redispatch': 'Disputed office → dispatched instead to',
    'in.case.reason': 'Reason',
    'in.case.raised': 'Raised',
    'in.case.outcome': 'Coordination meeting’s outcome',
    'in.case.resolved': 'Outcome recorded',
    'in.case.dispositions': 'Dispositions',
    'in.case.note': 'Note',
    'in.case.unit': 'Unit notified or referred to',
    'in.case.unitConfirmed': 'Unit confirmed',
    'in.case.by': 'Recorded',
    'in.case.transfers': 'Transfers',
    'in.case.transferLine': '{from} → {to}',
    'in.case.ground': 'Ground',
    'in.case.referral': 'Referral board proposal',
    'in.case.history': 'History',
    'in.case.historyAt': 'When',
    'in.case.historyActor': 'Who',
    'in.case.historyKind': 'What',
    'in.case.historyDetail': 'Record',
    'in.byAt': '{by}, {at}',
    'in.version': 'version {version}',
    'in.status.AWAITING_DISPATCH': 'Awaiting manual dispatch',
    'in.status.ASSESSING': 'Assessing',
    'in.status.IN_SERVICE': 'In service',
    'in.status.CLOSED': 'Closed',
    'in.line.ADULT_PROTECTION': 'Adult protection',
    'in.line.CHILD_PROTECTION': 'Child and youth protection',
    'in.line.SEXUAL_MISCONDUCT': 'Sexual misconduct',
    'in.line.FRAGILE_FAMILY': 'Fragile family',
    'in.kind.RECEIVED': 'Report received',
    'in.kind.MERGED': 'Report merged',
    'in.kind.DISPATCHED': 'Dispatched',
    'in.kind.DISPATCHED_BY_HAND': 'Dispatched by hand',
    'in.kind.DISPUTED': 'Dispatch disputed',
    'in.kind.DISPOSITION_RECORDED': 'Disposition recorded',
    'in.kind.FOLLOW_UP_COMPLETED': 'Follow-up done',
    'in.kind.TRANSFERRED': 'Transferred',
    'in.kind.CLOSED': 'Closed',
    'in.kind.DISPUTE_RESOLVED': 'Dispute resolved',
    'in.h.opened': 'Report opened the case: {caseType}, {district}',
    'in.h.merged': '{caseType} report added to this case: {rule}',
    'in.h.rule': 'Dispatched to {office} by rule {rule} of dispatch rule-set version {version}',
    'in.h.fallback': 'Dispatched to {office} by fallback rule {rule} of dispatch rule-set version {version}',
    'in.h.manualQueue': 'No dispatch rule matched: the case waits in the manual dispatch queue',
    'in.h.fromQueue': 'Dispatched by hand to {office} from the manual dispatch queue',
    'in.h.afterDispute': 'Dispatched by hand to {office} after dispute {dispute}',
    'in.h.raised': 'Dispatch to {fromOffice} disputed (dispute {dispute}), listed for the coordination meeting',
    'in.h.lineChange': ' (change of service line confirmed)',
    'in.h.resolved': 'Coordination meeting’s outcome of dispute {dispute}: {outcome}',
    'in.h.resolvedNoText': 'The coordination meeting resolved dispute {dispute}',
    'in.h.disposition': 'Disposition: {disposition}',
    'in.h.closed': 'Closed: {disposition}',
    'in.h.filed': 'Further investigation record filed (due {due})',
    'in.h.followUpClosedBy': 'Follow-up (due {due}) ended by the disposition “{disposition}”',
    'in.h.followUpClosedLine': 'Follow-up (due {due}) ended: the case moved to {line}',
    'in.h.transferred': '{direction} ({ground}): {from} → {to}, from {fromOffice}',
    'in.h.assigned': 'Assigned to {worker}',
    'in.h.reassigned': 'Reassigned from {previousWorker} to {worker}',
    'in.h.moved': 'The case moved from {fromOffice} to {office} and left {previousWorker}',
    'in.h.unassigned': 'No worker assigned',
    'in.h.demoDue': 'Synthetic demo data: follow-up due date moved from {from} to {due}',
    'in.actions': 'Act on the case',
    'in.action.dispatch': 'Manual dispatch',
    'in.action.dispatchIntro': 'No dispatch rule matched this case. Choose the office and give the reason.',
    'in.action.dispatchSubmit': 'Dispatch',
    'in.action.dispatched': 'Dispatched by hand to {office}.',
    'in.action.dispute': 'Dispute the dispatch',
    'in.action.disputeIntro': 'If the current dispatch decision is disputed: choose the office that should serve the case and give the reason. The case goes there at once and the dispute is listed for the coordination meeting.',
    'in.action.disputeSubmit': 'Dispute and dispatch again',
    'in.action.disputed': 'Dispute {id} raised: the case now goes to {office}; listed for the coordination meeting.',
    'in.action.resolve': 'Record the coordination meeting’s outcome of dispute {id}',
    'in.action.resolveIntro': 'When the coordination meeting has discussed dispute {id}, record its outcome here. It cannot be changed afterwards; recording it does not change the case’s office.',
    'in.action.resolveSubmit': 'Record the outcome',
    'in.action.resolved': 'The coordination meeting’s outcome of dispute {id} is recorded.',
    'in.action.disposition': 'Record a disposition',
    'in.action.dispositionIntro': '“Not yet confirmed” sets a follow-up due 10 days later; not opened, notified or referred closes the case.',
    'in.action.dispositionSubmit': 'Record the disposition',
    'in.action.dispositionRecorded': 'Disposition recorded: {disposition}.',
    'in.action.followUp': 'Complete the follow-up',
    'in.action.followUpIntro': 'Record here when the further investigation record has been filed (due {due}).',
    'in.action.followUpSubmit': 'Record the follow-up as done',
    'in.action.followUpDone': 'Follow-up recorded as done.',
    'in.action.transfer': 'Transfer',
    'in.action.transferIntro': '{direction}. The case keeps its number and history and is dispatched again for the new service. A case under active treatment cannot be transferred.',
    'in.action.transferSubmit': 'Transfer',
    'in.action.transferred': 'Transferred: {direction}, dispatched to {office}.',
    'in.field.office': 'Office',
    'in.field.reason': 'Reason',
    'in.field.disposition': 'Disposition',
    'in.field.note': 'Note',
    'in.field.unit': 'Unit notified or referred to',
    'in.field.unitConfirmed': 'The unit confirmed that it still serves the family or accepted the referral',
    'in.field.serviceLineChangeConfirmed': 'I confirm the change of service line: another service will serve the case, and the reason says why',
    'in.hint.lineChangeToFf': 'This is a {line} case and the chosen office is a welfare service centre (fragile-family services): the dispute changes the case’s service line. Confirm it and say why in the reason.',
    'in.hint.lineChangeToProtection': 'This is a {line} case and the chosen office is a protection station: the dispute changes the case’s service line. Confirm it and say why in the reason.',
    'in.field.outcome': 'Outcome of the coordination meeting',
    'in.field.ground': 'Ground',
    'in.field.referral': 'Referral board proposal (optional)',
    'in.hint.note': 'Required for brief service and for “not opened: other”.',
    'in.hint.reasonOther': 'Required when the ground is “other”.',
    'in.hint.referral': 'For example RB-2026-0001',
    'in.officeGroup.WELFARE_SERVICE_CENTRE': 'Welfare service centres',
    'in.officeGroup.PROTECTION_STATION': 'Protection-centre stations',
    'in.officeGroup.FAMILY_SERVICE_CENTRE': 'Integrated family service centres',
    'in.officeGroup.OTHER': 'Other units',
    'in.direction.CP_TO_FF': 'Child protection → fragile family',
    'in.direction.FF_TO_CP': 'Fragile family → child protection',
    'in.ground.MINOR_INJURY_LOW_RISK': 'Minor injury or low risk of further abuse; the abuser sees the fault and reflects',
    'in.ground.PARENTAL_ACCIDENT': 'An accident caused by a parent’s carelessness',
    'in.ground.SEXUAL_ASSAULT_VICTIM_DIED': 'Sexual assault in the family: the victim died and the family needs no service',
    'in.ground.SEXUAL_ASSAULT_CONTACT_FAILED': 'Sexual assault in the family: wrong phone or address, no contact possible',
    'in.ground.SEXUAL_ASSAULT_FAMILY_FUNCTIONING_WELL': 'Sexual assault in the family: the family functions well and needs no other service',
    'in.ground.STATUTORY_REPORT': 'Assessed as a protection matter: statutory report',
    'in.ground.REFERRAL_BOARD_DECISION': 'Decision of the referral board',
    'in.ground.OTHER': 'Other',
    'in.disposition.CASE_MANAGEMENT': 'List for case management',
    'in.disposition.SHORT_TERM_SERVICE': 'Short-term service / one-off care',
    'in.disposition.NOTIFY_SERVING_UNIT': 'Notify the unit already serving the family',
    'in.disposition.REFER_TO_UNIT': 'Refer to another unit',
    'in.disposition.REPORT_CHILD_PROTECTION': 'Report as child protection',
    'in.disposition.REPORT_SEXUAL_ASSAULT': 'Report as sexual assault',
    'in.disposition.REPORT_DOMESTIC_VIOLENCE': 'Report as domestic violence',
    'in.disposition.REPORT_ELDER_PROTECTION': 'Report as elder protection',
    'in.disposition.REPORT_DISABILITY_PROTECTION': 'Report as disability protection',
    'in.disposition.BRIEF_SERVICE': 'Brief service',
    'in.disposition.NOT_OPENED_NO_INFORMATION': 'Not opened: no complete information obtainable',
    'in.disposition.NOT_OPENED_NOT_AS_REPORTED': 'Not opened: report does not match the facts, no welfare need',
    'in.disposition.NOT_OPENED_DEATH': 'Not opened: death',
    'in.disposition.NOT_OPENED_LEFT_COUNTRY': 'Not opened: left the country',
    'in.disposition.NOT_OPENED_OTHER': 'Not opened: other',
    'in.disposition.INVESTIGATION_CONTINUING': 'Not yet confirmed: further record within 10 days',
    'in.dispositionGroup.service': 'Opened for service',
    'in.dispositionGroup.unit': 'Notified or referred',
    'in.dispositionGroup.report': 'Assessed as a protection matter: statutory report',
    'in.dispositionGroup.notOpened': 'Not opened',
    'in.dispositionGroup.pending': 'Investigation continuing',
    'in.action.fixErrors': 'Not submitted. Correct the marked fields.',
    'in.err.required': 'This field is required.',
    'in.err.unknown': 'Not found. Choose again.',
    'in.err.invalid': 'This is not valid.',
    'in.err.in-the-future': 'The received time cannot be later than now.',
    'in.err.too-early': 'The received time is too early: check the year.',
    'in.err.too-long': 'Too long.',
    'in.err.too-many': 'A report concerns at most 50 persons.',
    'in.err.not-split': 'This district is not split: choose no part.',
    'in.err.negative': 'An age is 0 or more.',
    'in.err.out-of-range': 'A child’s age is from 0 to 17 years.',
    'in.err.unchanged': 'This office already serves the case: choose the office it should go to.',
    'in.err.confirmation-required': 'This office changes the case’s service line: confirm the change and say in the reason why another service should serve the case, or choose an office of the same service line.',
    'in.err.wrong-direction': 'This ground does not apply to this direction.',
    'in.err.wrong-service-line': 'The case type does not fit the direction.',
    'in.err.personal-data.name': 'This field contains personal data (a name). Remove it and submit again: a report must not identify anyone.',
    'in.err.personal-data.taiwan-id': 'This field contains personal data (a Taiwan ID or resident certificate number). Remove it and submit again: a report must not identify anyone.',
    'in.err.personal-data.hong-kong-id': 'This field contains personal data (a Hong Kong identity card number). Remove it and submit again: a report must not identify anyone.',
    'in.err.personal-data.phone': 'This field contains personal data (a phone number). Remove it and submit again: a report must not identify anyone.',
    'in.err.personal-data.email': 'This field contains personal data (an e-mail address). Remove it and submit again: a report must not identify anyone.',
    'in.err.personal-data.address': 'This field contains personal data (a street address). Remove it and submit again: a report must not identify anyone.',
    'in.err.personal-data.date-of-birth': 'This field contains personal data (a date of birth). Remove it and submit again: a report must not identify anyone.',
    'in.receipt.warnings': 'Recorded, but these fields contain personal data; correct them as your rules require:',
  },
};

const CSS_URL = new URL('./intake.css', import.meta.url).href;
const PAGE_SIZE = 20;
const SOURCES = ['113', 'police', 'school', 'hospital', 'social-welfare', 'judicial', 'village', 'family', 'other'];
const OFFICE_TYPES = ['WELFARE_SERVICE_CENTRE', 'PROTECTION_STATION', 'FAMILY_SERVICE_CENTRE', 'OTHER'];
const DISPOSITION_GROUPS = [
  ['service', ['CASE_MANAGEMENT', 'SHORT_TERM_SERVICE', 'BRIEF_SERVICE']],
  ['unit', ['NOTIFY_SERVING_UNIT', 'REFER_TO_UNIT']],
  ['report', ['REPORT_CHILD_PROTECTION', 'REPORT_SEXUAL_ASSAULT', 'REPORT_DOMESTIC_VIOLENCE', 'REPORT_ELDER_PROTECTION',
    'REPORT_DISABILITY_PROTECTION']],
  ['notOpened', ['NOT_OPENED_NO_INFORMATION', 'NOT_OPENED_NOT_AS_REPORTED', 'NOT_OPENED_DEATH', 'NOT_OPENED_LEFT_COUNTRY',
    'NOT_OPENED_OTHER']],
  ['pending', ['INVESTIGATION_CONTINUING']],
];
const NEEDS_NOTE = ['BRIEF_SERVICE', 'NOT_OPENED_OTHER'];
const NEEDS_UNIT = ['NOTIFY_SERVING_UNIT', 'REFER_TO_UNIT'];
const GROUNDS = {
  CP_TO_FF: ['MINOR_INJURY_LOW_RISK', 'PARENTAL_ACCIDENT', 'SEXUAL_ASSAULT_VICTIM_DIED', 'SEXUAL_ASSAULT_CONTACT_FAILED',
    'SEXUAL_ASSAULT_FAMILY_FUNCTIONING_WELL', 'REFERRAL_BOARD_DECISION', 'OTHER'],
  FF_TO_CP: ['STATUTORY_REPORT', 'REFERRAL_BOARD_DECISION', 'OTHER'],
};
const LISTS = {
  queue: 'manualQueue=true',
  overdue: 'overdue=true',
  recent: '',
};
// The dispute lists of the disputes tab (#/intake/disputes, #/intake/disputes/resolved) and their status filter.
const DISPUTE_LISTS = {
  open: 'OPEN',
  resolved: 'RESOLVED',
};
const MAX_OUTCOME = 4000;

let textsAdded = false;
let cssLoading = null;
const reference = new Map();
// The report form being filled in, per region: its values and its reportId, kept in this tab's memory only (never
// in storage) so that a network error, a language switch or a look at a list loses nothing and a retry reuses the id.
const drafts = new Map();

export default {
  async render(container, ctx) {
    if (!textsAdded) {
      ctx.addTexts(TEXTS);
      textsAdded = true;
    }
    const { t } = ctx;
    const [view = '', ...rest] = ctx.sub.split('/');
    const tabs = [
      { id: 'new', roles: ['intake', 'dispatcher'] },
      { id: 'queue' },
      { id: 'disputes' },
      { id: 'overdue' },
      { id: 'recent' },
      { id: 'mine', roles: ['social-worker', 'supervisor'] },
      { id: 'caseloads', roles: ['supervisor'] },
    ].filter((v) => !v.roles || ctx.hasRole(...v.roles));
    const isCase = view === 'case' && rest.length > 0;
    const current = isCase ? null : tabs.find((v) => v.id === view) || tabs[0];
    const regionName = ctx.lang === 'en' ? ctx.region.nameEn : ctx.region.nameZh;
    container.append(
      el('h1', {}, `${t('in.title')}｜${regionName}`),
      el('p', { class: 'hint in-intro' }, t('in.intro')),
      el('nav', { class: 'tabs', 'aria-label': t('in.tabs') }, el('ul', {}, tabs.map((v) => el('li', {},
        el('a', { href: ctx.link(v.id), id: `in-tab-${v.id}`, 'aria-current': v === current ? 'page' : null }, t(`in.tab.${v.id}`)))))));
    const body = el('div', { id: isCase ? 'in-case' : `in-${current.id}` });
    container.append(body);
    const [ref] = await Promise.all([loadReference(ctx), loadCss()]);
    if (!ctx.isCurrent()) return;
    if (!ref) {
      body.append(loadFailure(ctx, { status: -1 }, 'in-reference-error'));
      return;
    }
    if (isCase) {
      await caseView(body, ctx, ref, decodeURIComponent(rest.join('/')));
    } else if (current.id === 'new') {
      reportForm(body, ctx, ref);
    } else if (current.id === 'disputes') {
      await disputeList(body, ctx, ref, rest[0] === 'resolved' ? 'resolved' : 'open');
    } else if (current.id === 'recent') {
      await caseSearch(body, ctx, ref, Math.max(1, Number.parseInt(rest[0], 10) || 1));
    } else if (current.id === 'mine') {
      await myCases(body, ctx, ref);
    } else if (current.id === 'caseloads') {
      await caseloads(body, ctx, ref);
    } else {
      const page = Math.max(1, Number.parseInt(rest[0], 10) || 1);
      await caseList(body, ctx, ref, current.id, page);
    }
  },
};

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

/** The region's districts, offices and case types, loaded once per region; null when they cannot be loaded. */
async function loadReference(ctx) {
  const code = ctx.region.code;
  if (!reference.has(code)) {
    const [districts, offices, caseTypes] = await Promise.all([
      ctx.api.get(`${base(ctx)}/districts`), ctx.api.get(`${base(ctx)}/offices`), ctx.api.get(`${base(ctx)}/case-types`)]);
    if (districts.status !== 200 || offices.status !== 200 || caseTypes.status !== 200) return null;
    reference.set(code, { districts: districts.body, offices: offices.body, caseTypes: caseTypes.body });
  }
  return reference.get(code);
}

// ---- names, dates and times ----
const base = (ctx) => `/api/regions/${encodeURIComponent(ctx.region.code)}`;
const caseUrl = (ctx, caseNumber, path) => `${base(ctx)}/cases/${encodeURIComponent(caseNumber)}/${path}`;
const locale = (ctx) => (ctx.lang === 'en' ? 'en-GB' : 'zh-TW');
const zone = (ctx) => ctx.region.timeZone || 'UTC';

function name(ctx, list, code) {
  const item = list.find((x) => x.code === code);
  if (!item) return code || '';
  return ctx.lang === 'en' ? item.nameEn || item.nameZh : item.nameZh || item.nameEn;
}

function officeName(ctx, ref, code) {
  return code ? name(ctx, ref.offices, code) : ctx.t('in.inQueue');
}

function partName(ctx, district, partCode) {
  const part = district && district.parts.find((p) => p.code === partCode);
  if (!part) return partCode || '';
  return ctx.lang === 'en' ? ctx.t('in.partEn', { name: partCode, part: part.description }) : ctx.t('in.part', { part: part.description });
}

function districtName(ctx, ref, code, partCode) {
  const district = ref.districts.find((d) => d.code === code);
  const text = name(ctx, ref.districts, code);
  if (!partCode) return text;
  return ctx.lang === 'en' ? `${text}, ${partName(ctx, district, partCode)}` : `${text}（${partName(ctx, district, partCode)}）`;
}

function dateTime(ctx, iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(ctx), { dateStyle: 'medium', timeStyle: 'short', timeZone: zone(ctx) })
    .format(new Date(iso));
}

function day(ctx, iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(ctx), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(timeZone, date) {
  const parts = {};
  new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(date).forEach((p) => { parts[p.type] = p.value; });
  return parts;
}

/** Now in the region's time zone, as the value of a datetime-local input (YYYY-MM-DDTHH:MM). */
function nowLocal(ctx) {
  const p = wallClock(zone(ctx), new Date());
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A datetime-local value read as the region's wall-clock time, as an ISO instant; null when empty or invalid. */
function localToInstant(ctx, value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value || '');
  if (!m) return null;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  const offset = (at) => {
    const p = wallClock(zone(ctx), new Date(at));
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - at;
  };
  let instant = asUtc - offset(asUtc);
  instant = asUtc - offset(instant); // right across a change of offset
  return new Date(instant).toISOString();
}

function zoneLabel(ctx) {
  return new Intl.DateTimeFormat(locale(ctx), { timeZone: zone(ctx), timeZoneName: 'long' }).formatToParts(new Date())
    .filter((p) => p.type === 'timeZoneName').map((p) => p.value).join('') || zone(ctx);
}

// ---- fields and their errors ----
/** The element id for an API field name: children[0].age → in-children-0-age. */
function fieldId(prefix, field) {
  return `${prefix}-${field.replace(/\[(\d+)\]\.?/g, '-$1-').replace(/\./g, '-').replace(/-$/, '')}`;
}

function fieldBlock(ctx, prefix, field, control, labelKey, hintKey) {
  const id = fieldId(prefix, field);
  control.id = id;
  control.name = field;
  control.setAttribute('aria-describedby', `${hintKey ? `${id}-hint ` : ''}${id}-error`);
  return el('div', { class: 'field', 'data-field': field },
    el('label', { for: id }, ctx.t(labelKey)),
    hintKey ? el('p', { class: 'hint', id: `${id}-hint` }, ctx.t(hintKey)) : null,
    control,
    el('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

/** Shows each field error beside its field; answers the first control to focus and the errors without a field. */
function showErrors(ctx, form, prefix, errors) {
  return showFieldErrors(form, errors, (e) => fieldId(prefix, e.field || ''), (e) => fieldErrorText(ctx.t, 'in', e));
}

function failure(ctx, answer, id) {
  let text;
  if (answer.status === 0) text = ctx.t('in.unreachable');
  else if (answer.status === 403) text = ctx.t('in.forbidden');
  else if (answer.status === 409) text = ctx.t('in.conflict', { message: (answer.body && answer.body.message) || '' });
  else text = ctx.t('in.failed');
  return el('p', { class: 'form-error', role: 'alert', id }, text);
}

/** A list (or the case view) that could not be loaded, with the shell's "Try again" (/lists.js): draws the page again. */
function loadFailure(ctx, answer, id) {
  return sharedLoadFailure(ctx.t, answer, id, () => ctx.retry());
}

function officeSelect(ctx, ref, exclude) {
  return el('select', { required: true }, el('option', { value: '' }, ctx.t('in.choose')),
    OFFICE_TYPES.map((type) => {
      const offices = ref.offices.filter((o) => o.type === type && o.code !== exclude);
      return offices.length === 0 ? null : el('optgroup', { label: ctx.t(`in.officeGroup.${type}`) },
        offices.map((o) => el('option', { value: o.code }, name(ctx, ref.offices, o.code))));
    }));
}

const trimmed = (v) => (v.trim() === '' ? null : v.trim());

// ---- the report form ----
function newDraft(ctx) {
  return {
    reportId: crypto.randomUUID(),
    receivedAt: nowLocal(ctx),
    caseType: '',
    district: '',
    districtPart: '',
    children: [{ age: '', childRef: '' }],
    householdRef: '',
    summary: '',
    source: '',
  };
}

function reportForm(body, ctx, ref, receipt) {
  const { t } = ctx;
  const code = ctx.region.code;
  if (!drafts.has(code)) drafts.set(code, newDraft(ctx));
  const draft = drafts.get(code);

  const message = el('div', { id: 'in-message', tabindex: '-1' });
  if (receipt) message.append(receipt);
  const receivedAt = el('input', { type: 'datetime-local', required: true, max: nowLocal(ctx), value: draft.receivedAt });
  const caseType = el('select', { required: true }, el('option', { value: '' }, t('in.choose')),
    ref.caseTypes.map((c) => el('option', { value: c.code }, ctx.lang === 'en' ? c.nameEn : c.nameZh)));
  caseType.value = draft.caseType;
  const district = el('select', { required: true }, el('option', { value: '' }, t('in.choose')),
    ref.districts.map((d) => el('option', { value: d.code }, name(ctx, ref.districts, d.code))));
  district.value = draft.district;
  const part = el('select', {});
  const partBlock = fieldBlock(ctx, 'in', 'districtPart', part, 'in.field.districtPart', 'in.hint.districtPart');
  const showParts = () => {
    const d = ref.districts.find((x) => x.code === district.value);
    const parts = d ? d.parts : [];
    const kept = parts.some((p) => p.code === draft.districtPart) ? draft.districtPart : '';
    clear(part);
    part.append(el('option', { value: '' }, t('in.partUnknown')),
      ...parts.map((p) => el('option', { value: p.code }, partName(ctx, d, p.code))));
    part.value = kept;
    draft.districtPart = kept;
    partBlock.hidden = parts.length === 0;
  };
  district.addEventListener('change', showParts);
  showParts();

  const childRows = el('div', { class: 'in-children' });
  const childrenError = el('p', { class: 'field-error', id: 'in-children-error', hidden: true });
  const children = el('fieldset', { id: 'in-children', 'data-field': 'children', 'aria-describedby': 'in-children-hint in-children-error' },
    el('legend', {}, t('in.field.children')),
    el('p', { class: 'hint', id: 'in-children-hint' }, t('in.hint.children')),
    childRows, childrenError);
  const drawChildren = () => {
    clear(childRows);
    draft.children.forEach((c, i) => {
      const age = el('input', { type: 'number', min: '0', max: '17', step: '1', inputmode: 'numeric', required: true, value: c.age });
      const childRef = el('input', { maxlength: '100', autocomplete: 'off', value: c.childRef });
      ['input', 'change'].forEach((type) => {
        age.addEventListener(type, () => { c.age = age.value; });
        childRef.addEventListener(type, () => { c.childRef = childRef.value; });
      });
      const row = el('div', { class: 'in-child', id: `in-children-${i}`, 'data-index': i },
        el('p', { class: 'in-child-title' }, t('in.child', { n: i + 1 })),
        el('div', { class: 'in-child-fields' },
          fieldBlock(ctx, 'in', `children[${i}].age`, age, 'in.field.age'),
          fieldBlock(ctx, 'in', `children[${i}].childRef`, childRef, 'in.field.childRef')));
      if (draft.children.length > 1) {
        row.append(el('button', { type: 'button', class: 'secondary', id: `in-remove-child-${i}`,
          onclick: () => { draft.children.splice(i, 1); drawChildren(); childRows.querySelector('input').focus(); } },
        t('in.removeChild', { n: i + 1 })));
      }
      childRows.append(el('p', { class: 'field-error', id: `in-children-${i}-error`, hidden: true }), row);
    });
  };
  drawChildren();
  const addChild = el('button', { type: 'button', class: 'secondary', id: 'in-add-child', onclick: () => {
    draft.children.push({ age: '', childRef: '' });
    drawChildren();
    const inputs = childRows.querySelectorAll('input[type="number"]');
    inputs[inputs.length - 1].focus();
  } }, t('in.addChild'));
  children.insertBefore(addChild, childrenError);

  const householdRef = el('input', { maxlength: '100', autocomplete: 'off', value: draft.householdRef });
  const summary = el('textarea', { required: true, maxlength: '4000', rows: '5' });
  summary.value = draft.summary;
  const source = el('select', { required: true }, el('option', { value: '' }, t('in.choose')),
    SOURCES.map((s) => el('option', { value: s }, t(`in.source.${s}`))));
  source.value = draft.source;
  const submit = el('button', { type: 'submit', id: 'in-submit' }, t('in.submit'));
  const reset = el('button', { type: 'button', class: 'secondary', id: 'in-clear' }, t('in.clear'));
  const form = el('form', { class: 'card in-form', id: 'in-form', novalidate: true, 'aria-label': t('in.form'),
    'data-report-id': draft.reportId },
    el('div', { class: 'grid' },
      fieldBlock(ctx, 'in', 'receivedAt', receivedAt, 'in.field.receivedAt'),
      fieldBlock(ctx, 'in', 'caseType', caseType, 'in.field.caseType'),
      fieldBlock(ctx, 'in', 'district', district, 'in.field.district'),
      partBlock),
    children,
    el('div', { class: 'grid' },
      fieldBlock(ctx, 'in', 'householdRef', householdRef, 'in.field.householdRef', 'in.hint.ref'),
      fieldBlock(ctx, 'in', 'source', source, 'in.field.source')),
    fieldBlock(ctx, 'in', 'summary', summary, 'in.field.summary', 'in.hint.noPersonalData'),
    el('div', { class: 'in-buttons' }, submit, reset));
  const receivedHint = el('p', { class: 'hint', id: 'in-receivedAt-hint' }, t('in.hint.receivedAt', { zone: zoneLabel(ctx) }));
  receivedAt.before(receivedHint);
  receivedAt.setAttribute('aria-describedby', 'in-receivedAt-hint in-receivedAt-error');

  // Every change is kept in the draft at once.
  form.addEventListener('input', () => {
    draft.receivedAt = receivedAt.value;
    draft.caseType = caseType.value;
    draft.district = district.value;
    draft.districtPart = part.value;
    draft.householdRef = householdRef.value;
    draft.summary = summary.value;
    draft.source = source.value;
  });
  form.addEventListener('change', () => form.dispatchEvent(new Event('input')));
  reset.addEventListener('click', () => {
    drafts.set(code, newDraft(ctx));
    clear(body);
    reportForm(body, ctx, ref);
    body.querySelector('#in-receivedAt').focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    resetErrors(form);
    clear(message);
    const report = {
      reportId: draft.reportId,
      receivedAt: localToInstant(ctx, receivedAt.value),
      caseType: caseType.value || null,
      district: district.value || null,
      districtPart: partBlock.hidden ? null : part.value || null,
      children: draft.children.map((c) => ({
        age: String(c.age).trim() === '' || Number.isNaN(Number(c.age)) ? null : Math.trunc(Number(c.age)),
        childRef: trimmed(String(c.childRef)),
      })),
      householdRef: trimmed(householdRef.value),
      summary: trimmed(summary.value),
      source: source.value || null,
    };
    submit.disabled = true;
    submit.textContent = t('in.submitting');
    const answer = await ctx.api.post(`${base(ctx)}/intake`, report);
    if (!ctx.isCurrent()) return;
    submit.disabled = false;
    submit.textContent = t('in.submit');
    if ((answer.status === 201 || answer.status === 200) && answer.body) {
      drafts.set(code, newDraft(ctx));
      const shown = receiptCard(ctx, ref, answer.body);
      clear(body);
      reportForm(body, ctx, ref, shown);
      const box = body.querySelector('#in-message');
      box.focus();
      ctx.announce(t('in.receipt.title', { n: answer.body.caseNumber }));
    } else if (answer.status === 400 && answer.body && Array.isArray(answer.body.fields)) {
      reportErrors(ctx, form, message, answer.body.fields);
    } else {
      message.append(failure(ctx, answer, 'in-submit-error'));
      message.focus();
    }
  });
  body.append(message, form);
}

function reportErrors(ctx, form, message, errors) {
  const { first, unplaced } = showErrors(ctx, form, 'in', errors);
  message.append(el('p', { class: 'form-error', role: 'alert', id: 'in-fix-errors' }, ctx.t('in.fixErrors'),
    ...unplaced.map((u) => ` ${u}`)));
  if (first) first.focus();
}

function decisionLines(ctx, ref, d) {
  const { t } = ctx;
  if (d.manualQueue) {
    return [el('p', { class: 'in-manual', id: 'in-receipt-manual' }, t('in.dispatch.manual'))];
  }
  return [
    el('p', { class: 'in-office' }, t('in.dispatch.to', { office: '' }),
      el('strong', { id: 'in-receipt-office', 'data-office': d.office }, officeName(ctx, ref, d.office))),
    d.basis === 'BY_HAND'
      ? el('p', {}, t('in.dispatch.byHand', { by: d.decidedBy }))
      : el('p', {}, `${t(`in.basis.${d.basis}`)}：${d.ruleSetVersion > 0
        ? t('in.dispatch.rule', { rule: d.ruleId || '', version: d.ruleSetVersion }) : t('in.dispatch.noVersion')}`),
    // the server's explanation is English with codes: the lines above say the same in the user's language; a
    // decision by hand shows the dispatcher's own reason
    d.basis === 'BY_HAND' && d.explanation ? el('p', { class: 'in-explanation' }, d.explanation) : null,
  ];
}

function receiptCard(ctx, ref, r) {
  const { t } = ctx;
  return el('section', { class: 'card in-receipt form-ok', id: 'in-receipt', role: 'status', 'data-case': r.caseNumber,
    'aria-labelledby': 'in-receipt-title' },
  el('h2', { id: 'in-receipt-title' }, t('in.receipt.title', { n: r.caseNumber })),
  r.replay ? el('p', { class: 'in-replay', id: 'in-receipt-replay' }, t('in.receipt.replay')) : null,
  Array.isArray(r.warnings) && r.warnings.length ? el('div', { class: 'in-warnings', id: 'in-receipt-warnings' },
    el('p', {}, t('in.receipt.warnings')),
    el('ul', {}, ...r.warnings.map((w) => el('li', { 'data-field': w.field, 'data-code': w.code },
      `${w.field}: ${fieldErrorText(t, 'in', w)}`)))) : null,
  el('p', { class: 'hint' }, t('in.receipt.recordedAt', { at: dateTime(ctx, r.recordedAt) })),
  el('h3', {}, t('in.receipt.merge')),
  el('p', { id: 'in-receipt-merge', 'data-rule': r.mergeRule }, t(`in.merge.${r.mergeRule}`)),
  el('h3', {}, t('in.receipt.dispatch')),
  r.dispatch ? decisionLines(ctx, ref, r.dispatch) : null,
  el('p', {}, el('a', { href: ctx.link(`case/${encodeURIComponent(r.caseNumber)}`), id: 'in-receipt-link' },
    t('in.receipt.openCase', { n: r.caseNumber }))));
}

// ---- the lists ----
async function caseList(body, ctx, ref, kind, page) {
  const { t } = ctx;
  const filter = LISTS[kind];
  const query = `${filter ? `${filter}&` : ''}offset=${(page - 1) * PAGE_SIZE}&limit=${PAGE_SIZE + 1}`;
  const answer = await ctx.api.get(`${base(ctx)}/cases?${query}`);
  if (!ctx.isCurrent()) return;
  body.append(el('p', { class: 'hint' }, t(`in.list.${kind}`)));
  if (answer.status !== 200 || !Array.isArray(answer.body)) {
    body.append(loadFailure(ctx, answer, 'in-list-error'));
    return;
  }
  const cases = answer.body.slice(0, PAGE_SIZE);
  const more = answer.body.length > PAGE_SIZE;
  if (cases.length === 0 && page === 1) {
    body.append(el('p', { class: 'notice', id: 'in-list-empty' }, t(`in.list.empty.${kind}`)));
    return;
  }
  const overdue = kind === 'overdue';
  const columns = ['caseNumber', 'lastReceivedAt', 'caseType', 'district', 'status', 'office', overdue ? 'followUpDue' : 'reports'];
  const table = el('table', { class: 'in-table', id: 'in-list' },
    el('caption', {}, t('in.list.caption', { title: t(`in.tab.${kind}`), page })),
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, t(`in.col.${c}`))))),
    el('tbody', {}, cases.map((c) => el('tr', { 'data-case': c.caseNumber },
      el('th', { scope: 'row' }, el('a', { href: ctx.link(`case/${encodeURIComponent(c.caseNumber)}`) }, c.caseNumber)),
      el('td', {}, dateTime(ctx, c.lastReceivedAt)),
      el('td', {}, name(ctx, ref.caseTypes, c.caseType)),
      el('td', {}, districtName(ctx, ref, c.district, c.districtPart)),
      el('td', {}, el('span', { class: 'status', 'data-status': c.status }, t(`in.status.${c.status}`))),
      el('td', {}, officeName(ctx, ref, c.office)),
      overdue
        ? el('td', {}, day(ctx, c.followUpDue), c.overdue ? el('span', { class: 'in-overdue' }, t('in.overdueMark')) : null)
        : el('td', { class: 'num' }, String(c.reportCount))))));
  body.append(el('div', { class: 'in-table-wrap' }, table));
  if (page > 1 || more) {
    body.append(el('nav', { class: 'in-paging', 'aria-label': t('in.paging') },
      page > 1 ? el('a', { href: ctx.link(`${kind}/${page - 1}`), id: 'in-prev' }, t('in.prev')) : null,
      el('span', { 'aria-current': 'page' }, t('in.pageN', { page })),
      more ? el('a', { href: ctx.link(`${kind}/${page + 1}`), id: 'in-next' }, t('in.next')) : null));
  }
}

// ---- the dispatch disputes for the coordination meeting ----
async function disputeList(body, ctx, ref, list, notice) {
  const { t } = ctx;
  const answer = await ctx.api.get(`${base(ctx)}/disputes?status=${DISPUTE_LISTS[list]}`);
  if (!ctx.isCurrent()) return;
  const message = el('div', { id: 'in-disputes-message', tabindex: '-1' });
  if (notice) message.append(notice);
  body.append(
    el('nav', { class: 'in-switch', 'aria-label': t('in.disputes.views') }, el('ul', {}, Object.keys(DISPUTE_LISTS).map((l) => el('li', {},
      el('a', { href: ctx.link(l === 'open' ? 'disputes' : `disputes/${l}`), id: `in-disputes-${l}`, 'aria-current': l === list ? 'page' : null },
        t(`in.disputes.${l}`)))))),
    el('p', { class: 'hint' }, t(`in.list.disputes.${list}`)),
    message);
  if (answer.status !== 200 || !Array.isArray(answer.body)) {
    body.append(loadFailure(ctx, answer, 'in-list-error'));
    return;
  }
  if (answer.body.length === 0) {
    body.append(el('p', { class: 'notice', id: 'in-list-empty' }, t(`in.list.empty.disputes.${list}`)));
    return;
  }
  const reload = async (text) => {
    clear(body);
    await disputeList(body, ctx, ref, list, el('p', { class: 'form-ok', role: 'status', id: 'in-action-done' }, text));
    if (!ctx.isCurrent()) return;
    body.querySelector('#in-disputes-message').focus();
    ctx.announce(text);
  };
  body.append(
    el('h2', { id: 'in-disputes-title' }, t('in.disputes.count', { title: t(`in.disputes.${list}`), n: answer.body.length })),
    el('ol', { class: 'in-cards', id: 'in-disputes-list', 'data-status': DISPUTE_LISTS[list], 'aria-labelledby': 'in-disputes-title' },
      answer.body.map((d) => el('li', {}, disputeCard(ctx, ref, d, reload, { heading: 'h3', withCase: true })))));
}

/**
 * A dispatch dispute as a card (in the disputes tab with its case's number, in the case view without), with the form
 * for the coordination meeting's outcome while it is open and the reader is a supervisor; reload(text) after it.
 */
function disputeCard(ctx, ref, d, reload, { heading, withCase = false }) {
  const { t } = ctx;
  const title = `in-dispute-${d.id}-title`;
  return el('article', { class: 'card in-dispute', id: `in-dispute-${d.id}`, 'data-id': d.id, 'data-status': d.status,
    'data-case': d.caseNumber, 'aria-labelledby': title },
  el(heading, { id: title }, t('in.case.dispute', { id: d.id, status: t(`in.case.disputeStatus.${d.status}`) })),
  pairs([
    withCase ? [t('in.col.caseNumber'), el('a', { href: ctx.link(`case/${encodeURIComponent(d.caseNumber)}`), class: 'in-dispute-case' },
      d.caseNumber)] : null,
    [t('in.case.redispatch'), t('in.case.transferLine', { from: officeName(ctx, ref, d.disputed && d.disputed.office),
      to: officeName(ctx, ref, d.redispatchedTo) })],
    [t('in.case.reason'), el('span', { class: 'in-text' }, d.reason)],
    [t('in.case.raised'), t('in.byAt', { by: d.raisedBy, at: dateTime(ctx, d.raisedAt) })],
    d.outcome ? [t('in.case.outcome'), el('span', { class: 'in-text in-outcome', id: `in-dispute-${d.id}-outcome` }, d.outcome)] : null,
    d.resolvedAt ? [t('in.case.resolved'), t('in.byAt', { by: d.resolvedBy, at: dateTime(ctx, d.resolvedAt) })] : null,
  ]),
  d.status === 'OPEN' && ctx.hasRole('supervisor') ? resolveForm(ctx, d, reload, heading === 'h3' ? 'h4' : 'h5') : null);
}

/** The supervisor's form for the coordination meeting's outcome of an open dispute. */
function resolveForm(ctx, d, reload, heading) {
  return actionForm(ctx, `${base(ctx)}/disputes/${encodeURIComponent(d.id)}/resolve`, 'resolve', [
    (p) => fieldBlock(ctx, p, 'outcome', el('textarea', { required: true, maxlength: String(MAX_OUTCOME), rows: '3' }),
      'in.field.outcome', 'in.hint.noPersonalData'),
  ], (form) => ({ outcome: trimmed(form.elements.outcome.value) }),
  async () => reload(ctx.t('in.action.resolved', { id: d.id })), { values: { id: d.id }, prefix: `in-resolve-${d.id}`, heading });
}

// ---- the case view ----
async function caseView(body, ctx, ref, caseNumber, notice) {
  const { t } = ctx;
  const answer = await ctx.api.get(`${base(ctx)}/cases/${encodeURIComponent(caseNumber)}`);
  if (!ctx.isCurrent()) return;
  const back = el('p', {}, el('a', { href: ctx.link('recent') }, t('in.case.back')));
  if (answer.status === 404) {
    body.append(el('p', { class: 'notice', id: 'in-case-missing' }, t('in.case.notFound', { n: caseNumber })), back);
    return;
  }
  if (answer.status !== 200 || !answer.body) {
    body.append(loadFailure(ctx, answer, 'in-case-error'), back);
    return;
  }
  const c = answer.body;
  // the workers a supervisor of the case's office may assign it to (403 for other supervisors: no form)
  let workers = null;
  if (ctx.hasRole('supervisor') && c.office && c.status !== 'CLOSED' && c.status !== 'AWAITING_DISPATCH') {
    const loads = await ctx.api.get(`${base(ctx)}/caseloads?office=${encodeURIComponent(c.office)}`);
    if (!ctx.isCurrent()) return;
    if (loads.status === 200 && Array.isArray(loads.body) && loads.body.length > 0) {
      workers = loads.body[0].workers.map((w) => w.worker);
    }
  }
  const message = el('div', { id: 'in-case-message', tabindex: '-1' });
  if (notice) message.append(notice);
  const reload = async (text) => {
    clear(body);
    await caseView(body, ctx, ref, caseNumber, el('p', { class: 'form-ok', role: 'status', id: 'in-action-done' }, text));
    if (!ctx.isCurrent()) return;
    body.querySelector('#in-case-message').focus();
    ctx.announce(text);
  };
  body.append(...[
    el('h2', { id: 'in-case-title', 'data-case': c.caseNumber }, t('in.case.title', { n: c.caseNumber })),
    message,
    caseSummary(ctx, ref, c),
    actions(ctx, ref, c, reload, workers),
    reportsSection(ctx, ref, c),
    decisionsSection(ctx, ref, c),
    disputesSection(ctx, ref, c, reload),
    dispositionsSection(ctx, c),
    transfersSection(ctx, ref, c),
    assignmentsSection(ctx, ref, c),
    historySection(ctx, ref, c),
    back].filter(Boolean));
}

function pairs(list) {
  return el('dl', { class: 'in-pairs' }, list.filter(Boolean).flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

function caseSummary(ctx, ref, c) {
  const { t } = ctx;
  const f = c.followUp;
  let followUp = null;
  if (f) {
    const overdue = !f.completedAt && f.due < new Intl.DateTimeFormat('en-CA', { timeZone: zone(ctx) }).format(new Date());
    followUp = [t('in.case.followUp'), el('span', { id: 'in-case-follow-up' }, t('in.case.followUpDue', { due: day(ctx, f.due) }),
      overdue ? el('strong', { class: 'in-overdue' }, ` ${t('in.case.followUpOverdue')}`) : null,
      f.completedAt ? `；${t('in.case.followUpDone', { by: f.completedBy, at: dateTime(ctx, f.completedAt) })}` : null)];
  }
  return el('section', { class: 'card', 'aria-label': t('in.case.summary') }, pairs([
    [t('in.case.status'), el('span', { class: 'status', id: 'in-case-status', 'data-status': c.status }, t(`in.status.${c.status}`))],
    [t('in.case.caseType'), name(ctx, ref.caseTypes, c.caseType)],
    [t('in.case.serviceLine'), t(`in.line.${c.serviceLine}`)],
    [t('in.case.district'), districtName(ctx, ref, c.district, c.districtPart)],
    [t('in.case.office'), el('span', { id: 'in-case-office', 'data-office': c.office || '' }, officeName(ctx, ref, c.office))],
    [t('in.case.openedAt'), dateTime(ctx, c.openedAt)],
    c.householdRef ? [t('in.case.householdRef'), c.householdRef] : null,
    [t('in.case.assignedTo'), el('span', { id: 'in-case-worker', 'data-worker': c.assignedTo || '' },
      c.assignedTo || t('in.unassigned'))],
    followUp,
  ]));
}

function reportsSection(ctx, ref, c) {
  const { t } = ctx;
  return el('section', { class: 'in-section', id: 'in-case-reports' },
    el('h3', {}, t('in.case.reports', { n: c.reports.length })),
    c.reports.map((r, i) => el('article', { class: 'card in-report' },
      el('h4', {}, t('in.case.report', { n: i + 1, at: dateTime(ctx, r.report.receivedAt) })),
      pairs([
        [t('in.field.caseType'), name(ctx, ref.caseTypes, r.report.caseType)],
        [t('in.field.district'), districtName(ctx, ref, r.report.district, r.report.districtPart)],
        [t('in.case.children'), el('ul', { class: 'in-plain' }, (r.report.children || []).map((ch) => el('li', {},
          ch.childRef ? t('in.case.childLineRef', { age: ch.age, ref: ch.childRef }) : t('in.case.childLine', { age: ch.age }))))],
        [t('in.field.source'), sourceName(ctx, r.report.source)],
        [t('in.case.mergeRule'), t(`in.mergeShort.${r.mergeRule}`)],
        [t('in.case.recordedBy'), t('in.byAt', { by: r.recordedBy, at: dateTime(ctx, r.recordedAt) })],
        [t('in.field.summary'), el('span', { class: 'in-text' }, r.report.summary)],
      ]))));
}

function sourceName(ctx, source) {
  const key = `in.source.${source}`;
  const text = ctx.t(key);
  return text === key ? source : text;
}

function decisionsSection(ctx, ref, c) {
  const { t } = ctx;
  return el('section', { class: 'in-section', id: 'in-case-decisions' },
    el('h3', {}, t('in.case.decisions')),
    el('ol', { class: 'in-cards' }, c.decisions.map((d) => el('li', { class: 'card in-decision', 'data-basis': d.basis },
      pairs([
        [t('in.case.basis'), t(`in.basis.${d.basis}`)],
        [t('in.case.office'), officeName(ctx, ref, d.office)],
        d.ruleId ? [t('in.case.ruleSet'), t('in.dispatch.rule', { rule: d.ruleId, version: d.ruleSetVersion })]
          : d.basis === 'NO_RULE' && d.ruleSetVersion > 0 ? [t('in.case.ruleSetVersion'), t('in.version', { version: d.ruleSetVersion })] : null,
        d.basis === 'BY_HAND' && d.explanation ? [t('in.case.reason'), el('span', { class: 'in-text' }, d.explanation)] : null,
        [t('in.case.decidedBy'), t('in.byAt', { by: d.decidedBy, at: dateTime(ctx, d.decidedAt) })],
      ])))));
}

function disputesSection(ctx, ref, c, reload) {
  const { t } = ctx;
  if (c.disputes.length === 0) return null;
  return el('section', { class: 'in-section', id: 'in-case-disputes' },
    el('h3', {}, t('in.case.disputes')),
    c.disputes.map((d) => disputeCard(ctx, ref, d, reload, { heading: 'h4' })));
}

function dispositionsSection(ctx, c) {
  const { t } = ctx;
  if (c.dispositions.length === 0) return null;
  return el('section', { class: 'in-section', id: 'in-case-dispositions' },
    el('h3', {}, t('in.case.dispositions')),
    c.dispositions.map((d) => el('article', { class: 'card' },
      el('h4', {}, t(`in.disposition.${d.disposition}`)),
      pairs([
        d.note ? [t('in.case.note'), el('span', { class: 'in-text' }, d.note)] : null,
        d.unit ? [t('in.case.unit'), d.unit] : null,
        d.unit ? [t('in.case.unitConfirmed'), t(d.unitConfirmed ? 'in.yes' : 'in.no')] : null,
        [t('in.case.by'), t('in.byAt', { by: d.by, at: dateTime(ctx, d.at) })],
      ]))));
}

function transfersSection(ctx, ref, c) {
  const { t } = ctx;
  if (c.transfers.length === 0) return null;
  return el('section', { class: 'in-section', id: 'in-case-transfers' },
    el('h3', {}, t('in.case.transfers')),
    c.transfers.map((x) => el('article', { class: 'card' },
      el('h4', {}, t(`in.direction.${x.direction}`)),
      pairs([
        [t('in.case.caseType'), t('in.case.transferLine', { from: name(ctx, ref.caseTypes, x.fromCaseType), to: name(ctx, ref.caseTypes, x.toCaseType) })],
        [t('in.case.office'), t('in.case.transferLine', { from: officeName(ctx, ref, x.fromOffice), to: officeName(ctx, ref, x.dispatch && x.dispatch.office) })],
        [t('in.case.ground'), t(`in.ground.${x.ground}`)],
        x.reason ? [t('in.case.reason'), el('span', { class: 'in-text' }, x.reason)] : null,
        x.referral ? [t('in.case.referral'), x.referral] : null,
        [t('in.case.by'), t('in.byAt', { by: x.by, at: dateTime(ctx, x.at) })],
      ]))));
}

/**
 * The history entry in the user's language, built from its codes and parameters (issue 17): office, district and
 * case-type names, never codes. Entries written before the codes were kept: their English record in English, in
 * Chinese only their kind (and a dispute's resolution, found in the case's disputes).
 */
function historyText(ctx, ref, c, h) {
  const { t } = ctx;
  const p = h.params || {};
  let event = p.event;
  let dispute = p.dispute;
  if (!event && h.detail) {
    const old = /^dispute (\d+) resolved/.exec(h.detail);
    if (old) { event = 'resolved'; dispute = old[1]; }
  }
  const office = (code) => officeName(ctx, ref, code);
  const type = (code) => name(ctx, ref.caseTypes, code);
  const dueDay = (iso) => (iso && iso !== 'null' ? day(ctx, iso) : '');
  switch (`${h.kind}/${event}`) {
    case 'RECEIVED/opened': return t('in.h.opened', { caseType: type(p.caseType), district: districtName(ctx, ref, p.district, p.districtPart) });
    case 'MERGED/JOINED_CASE_IN_SERVICE': case 'MERGED/MERGED_SIBLING_CASE': case 'MERGED/NEW_CASE':
      return t('in.h.merged', { caseType: type(p.caseType), rule: t(`in.merge.${event}`).split(/[：:]/)[0] });
    case 'DISPATCHED/rule':
      return t(p.fallback ? 'in.h.fallback' : 'in.h.rule', { office: office(p.office), rule: p.ruleId || '', version: p.version || '' });
    case 'DISPATCHED/manual-queue': return t('in.h.manualQueue');
    case 'DISPATCHED_BY_HAND/from-queue': return t('in.h.fromQueue', { office: office(p.office) });
    case 'DISPATCHED_BY_HAND/after-dispute': return t('in.h.afterDispute', { office: office(p.office), dispute });
    case 'DISPUTED/raised':
      return t('in.h.raised', { fromOffice: office(p.fromOffice), dispute }) + (p.serviceLineChange ? t('in.h.lineChange') : '');
    case 'DISPUTE_RESOLVED/resolved': case 'DISPUTED/resolved': {
      const d = c.disputes.find((x) => String(x.id) === String(dispute));
      // the outcome is the meeting's own words, marked as such (class in-text)
      return d && d.outcome ? [t('in.h.resolved', { dispute, outcome: '' }), el('span', { class: 'in-text' }, d.outcome)]
        : t('in.h.resolvedNoText', { dispute });
    }
    case 'DISPOSITION_RECORDED/disposition': return t('in.h.disposition', { disposition: t(`in.disposition.${p.disposition}`) });
    case 'DISPOSITION_RECORDED/demo-due': return t('in.h.demoDue', { from: dueDay(p.from), due: dueDay(p.due) });
    case 'CLOSED/closed': return t('in.h.closed', { disposition: t(`in.disposition.${p.disposition}`) });
    case 'FOLLOW_UP_COMPLETED/filed': return t('in.h.filed', { due: dueDay(p.due) });
    case 'FOLLOW_UP_COMPLETED/closed':
      return p.disposition ? t('in.h.followUpClosedBy', { due: dueDay(p.due), disposition: t(`in.disposition.${p.disposition}`) })
        : t('in.h.followUpClosedLine', { due: dueDay(p.due), line: t(`in.line.${p.serviceLine}`) });
    case 'TRANSFERRED/transferred':
      return t('in.h.transferred', { direction: t(`in.direction.${p.direction}`), ground: t(`in.ground.${p.ground}`),
        from: type(p.fromCaseType), to: type(p.toCaseType), fromOffice: office(p.fromOffice) });
    case 'ASSIGNED/assigned': return t('in.h.assigned', { worker: p.worker });
    case 'ASSIGNED/reassigned': return t('in.h.reassigned', { worker: p.worker, previousWorker: p.previousWorker });
    case 'ASSIGNED/moved': return t('in.h.moved', { fromOffice: office(p.fromOffice), office: office(p.office), previousWorker: p.previousWorker || '' });
    case 'ASSIGNED/unassigned': return t('in.h.unassigned');
    default: return ctx.lang === 'en' ? (h.detail || '') : '';
  }
}

function historySection(ctx, ref, c) {
  const { t } = ctx;
  return el('section', { class: 'in-section', id: 'in-case-history' },
    el('h3', {}, t('in.case.history')),
    el('div', { class: 'in-table-wrap' }, el('table', { class: 'in-table', id: 'in-history' },
      el('caption', { class: 'sr-only' }, t('in.case.history')),
      el('thead', {}, el('tr', {}, ['historyAt', 'historyActor', 'historyKind', 'historyDetail'].map((k) => el('th', { scope: 'col' }, t(`in.case.${k}`))))),
      el('tbody', {}, c.history.map((h) => {
        // a resolution recorded before issue 17 under DISPUTED shows as one
        const kind = h.kind === 'DISPUTED' && !(h.params && h.params.event) && /^dispute \d+ resolved/.test(h.detail || '') ? 'DISPUTE_RESOLVED' : h.kind;
        return el('tr', { 'data-kind': kind, 'data-event': (h.params && h.params.event) || '' },
          el('td', { class: 'in-nowrap' }, dateTime(ctx, h.at)),
          el('td', {}, h.actor),
          el('th', { scope: 'row' }, t(`in.kind.${kind}`)),
          el('td', { class: 'in-detail' }, historyText(ctx, ref, c, h)));
      })))));
}

// ---- actions on the case ----
function actions(ctx, ref, c, reload, workers) {
  const { t } = ctx;
  const forms = [];
  if (workers && workers.length > 0) {
    const reassign = Boolean(c.assignedTo);
    const action = reassign ? 'reassign' : 'assign';
    const fields = [(p) => fieldBlock(ctx, p, 'worker', el('select', { required: true }, el('option', { value: '' }, t('in.choose')),
      workers.filter((w) => w !== c.assignedTo).map((w) => el('option', { value: w }, w))), 'in.field.worker')];
    if (reassign) {
      fields.push((p) => fieldBlock(ctx, p, 'reason', el('textarea', { required: true, maxlength: '2000', rows: '3' }),
        'in.field.assignReason', 'in.hint.noPersonalData'));
    }
    forms.push(actionForm(ctx, caseUrl(ctx, c.caseNumber, 'assignment'), action, fields,
      (form) => ({ worker: form.elements.worker.value || null, reason: reassign ? trimmed(form.elements.reason.value) : null }),
      async (sent) => reload(t('in.action.assigned', { worker: sent.worker })),
      { values: { worker: c.assignedTo || '' }, prefix: 'in-assign' }));
  }
  const open = c.status !== 'CLOSED';
  const current = c.decisions.length > 0 ? c.decisions[c.decisions.length - 1] : null;
  if (ctx.hasRole('dispatcher') && c.status === 'AWAITING_DISPATCH') {
    forms.push(actionForm(ctx, caseUrl(ctx, c.caseNumber, 'dispatch'), 'dispatch', [
      (p) => fieldBlock(ctx, p, 'office', officeSelect(ctx, ref, null), 'in.field.office'),
      (p) => fieldBlock(ctx, p, 'reason', el('textarea', { required: true, maxlength: '2000', rows: '3' }), 'in.field.reason', 'in.hint.noPersonalData'),
    ], (form) => ({ office: form.elements.office.value || null, reason: trimmed(form.elements.reason.value) }),
    async (bodyOut, answer) => reload(t('in.action.dispatched', { office: officeName(ctx, ref, answer.body.office) }))));
  }
  if (ctx.hasRole('dispatcher') && open && c.status !== 'AWAITING_DISPATCH' && current && !current.manualQueue) {
    // A dispute to an office of another service line (a welfare service centre for a protection case, a protection
    // station for a fragile-family case) needs the dispatcher's explicit confirmation; the server refuses it without.
    const officeChoice = officeSelect(ctx, ref, c.office);
    const protection = c.serviceLine !== 'FRAGILE_FAMILY';
    const changesLine = () => {
      const o = ref.offices.find((x) => x.code === officeChoice.value);
      return Boolean(o) && ((o.type === 'WELFARE_SERVICE_CENTRE' && protection) || (o.type === 'PROTECTION_STATION' && !protection));
    };
    let confirmBlock = null;
    const disputeForm = actionForm(ctx, caseUrl(ctx, c.caseNumber, 'dispute'), 'dispute', [
      (p) => fieldBlock(ctx, p, 'office', officeChoice, 'in.field.office'),
      (p) => {
        const box = el('input', { type: 'checkbox', id: `${p}-serviceLineChangeConfirmed`, name: 'serviceLineChangeConfirmed',
          'aria-describedby': `${p}-serviceLineChangeConfirmed-hint ${p}-serviceLineChangeConfirmed-error` });
        confirmBlock = el('div', { class: 'field', 'data-field': 'serviceLineChangeConfirmed' },
          el('p', { class: 'hint', id: `${p}-serviceLineChangeConfirmed-hint` },
            t(protection ? 'in.hint.lineChangeToFf' : 'in.hint.lineChangeToProtection', { line: t(`in.line.${c.serviceLine}`) })),
          el('div', { class: 'choice' }, box, el('label', { for: box.id }, t('in.field.serviceLineChangeConfirmed'))),
          el('p', { class: 'field-error', id: `${p}-serviceLineChangeConfirmed-error`, hidden: true }));
        return confirmBlock;
      },
      (p) => fieldBlock(ctx, p, 'reason', el('textarea', { required: true, maxlength: '2000', rows: '3' }), 'in.field.reason', 'in.hint.noPersonalData'),
    ], (form) => ({ office: form.elements.office.value || null, reason: trimmed(form.elements.reason.value),
      serviceLineChangeConfirmed: changesLine() ? form.elements.serviceLineChangeConfirmed.checked : null }),
    async (sent, answer) => reload(t('in.action.disputed', { id: answer.body.id, office: officeName(ctx, ref, answer.body.redispatchedTo) })));
    const showConfirm = () => { confirmBlock.hidden = !changesLine(); };
    officeChoice.addEventListener('change', showConfirm);
    showConfirm();
    forms.push(disputeForm);
  }
  const worker = ctx.hasRole('social-worker', 'supervisor');
  if (worker && (c.status === 'ASSESSING' || c.status === 'IN_SERVICE')) {
    forms.push(dispositionForm(ctx, c, reload));
  }
  if (worker && c.followUp && !c.followUp.completedAt) {
    forms.push(actionForm(ctx, caseUrl(ctx, c.caseNumber, 'follow-up'), 'followUp', [
      (p) => fieldBlock(ctx, p, 'note', el('textarea', { maxlength: '2000', rows: '3' }), 'in.field.note', 'in.hint.noPersonalData'),
    ], (form) => ({ note: trimmed(form.elements.note.value) }),
    async () => reload(t('in.action.followUpDone')), { values: { due: day(ctx, c.followUp.due) } }));
  }
  const direction = c.serviceLine === 'CHILD_PROTECTION' ? 'CP_TO_FF' : c.serviceLine === 'FRAGILE_FAMILY' ? 'FF_TO_CP' : null;
  if (ctx.hasRole('social-worker', 'supervisor', 'board-chair') && open && direction && c.status !== 'AWAITING_DISPATCH') {
    forms.push(actionForm(ctx, caseUrl(ctx, c.caseNumber, 'transfer'), 'transfer', [
      (p) => fieldBlock(ctx, p, 'ground', el('select', { required: true }, el('option', { value: '' }, t('in.choose')),
        GROUNDS[direction].map((g) => el('option', { value: g }, t(`in.ground.${g}`)))), 'in.field.ground'),
      (p) => fieldBlock(ctx, p, 'reason', el('textarea', { maxlength: '2000', rows: '3' }), 'in.field.reason', 'in.hint.reasonOther'),
      (p) => fieldBlock(ctx, p, 'referral', el('input', { maxlength: '100', autocomplete: 'off' }), 'in.field.referral', 'in.hint.referral'),
    ], (form) => ({ direction, ground: form.elements.ground.value || null, reason: trimmed(form.elements.reason.value),
      referral: trimmed(form.elements.referral.value) }),
    async (sent, answer) => reload(t('in.action.transferred', { direction: t(`in.direction.${direction}`),
      office: officeName(ctx, ref, answer.body.office) })), { values: { direction: t(`in.direction.${direction}`) } }));
  }
  if (forms.length === 0) return null;
  return el('section', { class: 'in-section in-actions', id: 'in-case-actions' }, el('h3', {}, t('in.actions')), forms);
}

/**
 * One action's form, posted to url: its fields (functions of the id prefix), the request body read from the form, and
 * what to do with a successful answer. Field errors of a 400 show beside their fields. The values fill the title and
 * the introduction; the prefix (in-{action} unless given) must be unique on the page.
 */
function actionForm(ctx, url, action, fields, read, done, { values = {}, prefix = `in-${action}`, heading = 'h4' } = {}) {
  const { t } = ctx;
  const message = el('div', { id: `${prefix}-message` });
  const submit = el('button', { type: 'submit', id: `${prefix}-submit` }, t(`in.action.${action}Submit`));
  const form = el('form', { class: 'card in-action', id: `${prefix}-form`, novalidate: true, 'aria-labelledby': `${prefix}-title` },
    el(heading, { id: `${prefix}-title` }, t(`in.action.${action}`, values)),
    el('p', { class: 'hint' }, t(`in.action.${action}Intro`, values)),
    fields.map((f) => f(prefix)),
    message,
    el('p', {}, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    resetErrors(form);
    clear(message);
    const sent = read(form);
    submit.disabled = true;
    const answer = await ctx.api.post(url, sent);
    if (!ctx.isCurrent()) return;
    submit.disabled = false;
    if (answer.ok && answer.body) {
      await done(sent, answer);
    } else if (answer.status === 400 && answer.body && Array.isArray(answer.body.fields)) {
      const { first, unplaced } = showErrors(ctx, form, prefix, answer.body.fields);
      message.append(el('p', { class: 'form-error', role: 'alert' }, t('in.action.fixErrors'), ...unplaced.map((u) => ` ${u}`)));
      if (first) first.focus();
    } else {
      message.append(failure(ctx, answer));
      submit.focus();
    }
  });
  return form;
}

function dispositionForm(ctx, c, reload) {
  const { t } = ctx;
  const select = el('select', { required: true }, el('option', { value: '' }, t('in.choose')),
    DISPOSITION_GROUPS.map(([group, options]) => el('optgroup', { label: t(`in.dispositionGroup.${group}`) },
      options.map((o) => el('option', { value: o }, t(`in.disposition.${o}`))))));
  const unitBlocks = [];
  const form = actionForm(ctx, caseUrl(ctx, c.caseNumber, 'disposition'), 'disposition', [
    (p) => fieldBlock(ctx, p, 'disposition', select, 'in.field.disposition'),
    (p) => fieldBlock(ctx, p, 'note', el('textarea', { maxlength: '2000', rows: '3' }), 'in.field.note', 'in.hint.note'),
    (p) => {
      const block = fieldBlock(ctx, p, 'unit', el('input', { maxlength: '200', autocomplete: 'off' }), 'in.field.unit');
      unitBlocks.push(block);
      return block;
    },
    (p) => {
      const box = el('input', { type: 'checkbox', id: `${p}-unitConfirmed`, name: 'unitConfirmed',
        'aria-describedby': `${p}-unitConfirmed-error` });
      const block = el('div', { class: 'field', 'data-field': 'unitConfirmed' },
        el('div', { class: 'choice' }, box, el('label', { for: box.id }, t('in.field.unitConfirmed'))),
        el('p', { class: 'field-error', id: `${p}-unitConfirmed-error`, hidden: true }));
      unitBlocks.push(block);
      return block;
    },
  ], (f) => ({
    disposition: select.value || null,
    note: trimmed(f.elements.note.value),
    unit: NEEDS_UNIT.includes(select.value) ? trimmed(f.elements.unit.value) : null,
    unitConfirmed: NEEDS_UNIT.includes(select.value) ? f.elements.unitConfirmed.checked : null,
  }), async (sent) => reload(t('in.action.dispositionRecorded', { disposition: t(`in.disposition.${sent.disposition}`) })));
  const note = form.elements.note;
  const showFields = () => {
    unitBlocks.forEach((b) => { b.hidden = !NEEDS_UNIT.includes(select.value); });
    note.required = NEEDS_NOTE.includes(select.value);
  };
  select.addEventListener('change', showFields);
  showFields();
  return form;
}

// ---- case search (#/intake/recent) ----
const SERVICE_LINES = ['CHILD_PROTECTION', 'FRAGILE_FAMILY', 'ADULT_PROTECTION', 'SEXUAL_MISCONDUCT'];
const STATUSES = ['AWAITING_DISPATCH', 'ASSESSING', 'IN_SERVICE', 'CLOSED'];
const SEARCH_FIELDS = ['caseNumber', 'householdRef', 'childRef', 'office', 'district', 'status', 'caseType', 'serviceLine',
  'receivedFrom', 'receivedTo'];
// The columns of the results and the sort key of each (GET cases?sort=); sorted by code on the server.
const SEARCH_COLUMNS = [['caseNumber', 'caseNumber'], ['lastReceivedAt', 'lastReceivedAt'], ['caseType', 'caseType'],
  ['district', 'district'], ['status', 'status'], ['office', 'office'], ['assignedTo', 'assignedTo'], ['followUpDue', 'followUpDue']];
// The search of each region, kept in this tab's memory (never in storage): criteria, sort and page.
const searches = new Map();

function anySelect(ctx, options) {
  return el('select', {}, el('option', { value: '' }, ctx.t('in.search.any')),
    options.map(([value, text]) => el('option', { value }, text)));
}

/** The query of a search: its criteria, the received period as instants of the region's days, sort and page. */
function searchQuery(ctx, s, page) {
  const q = new URLSearchParams();
  SEARCH_FIELDS.forEach((f) => {
    const v = (s.criteria[f] || '').trim();
    if (!v) return;
    if (f === 'receivedFrom') q.set(f, localToInstant(ctx, `${v}T00:00`));
    else if (f === 'receivedTo') {
      const next = new Date(`${v}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      q.set(f, localToInstant(ctx, `${next.toISOString().slice(0, 10)}T00:00`));
    } else q.set(f, v);
  });
  if (s.sort) q.set('sort', s.sort);
  q.set('offset', String((page - 1) * PAGE_SIZE));
  q.set('limit', String(PAGE_SIZE));
  return q.toString();
}

async function caseSearch(body, ctx, ref, page) {
  const { t } = ctx;
  const code = ctx.region.code;
  if (!searches.has(code)) searches.set(code, { criteria: {}, sort: null, page });
  const s = searches.get(code);
  s.page = page;
  const controls = {
    caseNumber: el('input', { maxlength: '40', autocomplete: 'off' }),
    householdRef: el('input', { maxlength: '100', autocomplete: 'off' }),
    childRef: el('input', { maxlength: '100', autocomplete: 'off' }),
    office: anySelect(ctx, ref.offices.map((o) => [o.code, name(ctx, ref.offices, o.code)])),
    district: anySelect(ctx, ref.districts.map((d) => [d.code, name(ctx, ref.districts, d.code)])),
    status: anySelect(ctx, STATUSES.map((x) => [x, t(`in.status.${x}`)])),
    caseType: anySelect(ctx, ref.caseTypes.map((c) => [c.code, ctx.lang === 'en' ? c.nameEn : c.nameZh])),
    serviceLine: anySelect(ctx, SERVICE_LINES.map((x) => [x, t(`in.line.${x}`)])),
    receivedFrom: el('input', { type: 'date' }),
    receivedTo: el('input', { type: 'date' }),
  };
  Object.entries(controls).forEach(([f, c]) => { c.value = s.criteria[f] || ''; });
  const submit = el('button', { type: 'submit', id: 'in-search-submit' }, t('in.search.submit'));
  const reset = el('button', { type: 'button', class: 'secondary', id: 'in-search-reset' }, t('in.search.reset'));
  const form = el('form', { class: 'card in-search', id: 'in-search-form', role: 'search', 'aria-label': t('in.search.form'), novalidate: true },
    el('div', { class: 'grid in-search-grid' }, SEARCH_FIELDS.map((f) => fieldBlock(ctx, 'in-search', f, controls[f], `in.search.${f}`))),
    el('div', { class: 'in-buttons' }, submit, reset));
  const results = el('div', { id: 'in-search-results', tabindex: '-1' });
  body.append(el('p', { class: 'hint' }, t('in.search.intro')), form, results);

  const show = async (n, focus) => {
    s.page = n;
    clear(results);
    resetErrors(form);
    const answer = await ctx.api.get(`${base(ctx)}/cases?${searchQuery(ctx, s, n)}`);
    if (!ctx.isCurrent()) return;
    if (answer.status === 400 && answer.body && Array.isArray(answer.body.fields)) {
      const { first } = showErrors(ctx, form, 'in-search', answer.body.fields);
      if (first) first.focus();
      return;
    }
    if (answer.status !== 200 || !Array.isArray(answer.body)) {
      results.append(loadFailure(ctx, answer, 'in-list-error'));
      return;
    }
    const total = answer.total === null ? answer.body.length : answer.total;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    results.append(el('p', { class: 'in-count', id: 'in-search-count', role: 'status', 'data-total': String(total) },
      total === 0 ? t('in.search.none') : t('in.search.count', { n: total })));
    if (answer.body.length > 0) {
      results.append(resultsTable(ctx, ref, answer.body, {
        caption: t('in.search.caption', { page: n, pages }),
        sort: s.sort,
        onSort: (key) => {
          s.sort = s.sort === key ? `-${key}` : key;
          show(1, `#in-sort-${key}`);
        },
      }));
    }
    if (pages > 1) {
      results.append(el('nav', { class: 'in-paging', 'aria-label': t('in.paging') },
        n > 1 ? el('button', { type: 'button', class: 'secondary', id: 'in-prev', onclick: () => show(n - 1, '#in-search-results') }, t('in.prev')) : null,
        el('span', { 'aria-current': 'page' }, t('in.pageN', { page: n })),
        n < pages ? el('button', { type: 'button', class: 'secondary', id: 'in-next', onclick: () => show(n + 1, '#in-search-results') }, t('in.next')) : null));
    }
    if (focus) {
      const target = results.querySelector(focus) || results;
      target.focus();
    }
    ctx.announce(total === 0 ? t('in.search.none') : t('in.search.count', { n: total }));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    SEARCH_FIELDS.forEach((f) => { s.criteria[f] = controls[f].value; });
    show(1, '#in-search-results');
  });
  reset.addEventListener('click', () => {
    s.criteria = {};
    s.sort = null;
    Object.values(controls).forEach((c) => { c.value = ''; });
    show(1);
    controls.caseNumber.focus();
  });
  await show(s.page);
}

/** A table of case lines; with onSort its column headers are buttons that sort the list (again: the other way). */
function resultsTable(ctx, ref, cases, { caption, sort, onSort, id = 'in-list', columns = SEARCH_COLUMNS }) {
  const { t } = ctx;
  const header = ([col, key]) => {
    if (!onSort) return el('th', { scope: 'col' }, t(`in.col.${col}`));
    const state = sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : null;
    return el('th', { scope: 'col', 'aria-sort': state || 'none' },
      el('button', { type: 'button', class: 'in-sort', id: `in-sort-${key}`, title: t('in.search.sortBy', { col: t(`in.col.${col}`) }),
        onclick: () => onSort(key) }, t(`in.col.${col}`), state ? (state === 'ascending' ? ' ▲' : ' ▼') : ''));
  };
  const cell = (c, col) => {
    switch (col) {
      case 'caseNumber': return el('th', { scope: 'row' }, el('a', { href: ctx.link(`case/${encodeURIComponent(c.caseNumber)}`) }, c.caseNumber));
      case 'lastReceivedAt': return el('td', {}, dateTime(ctx, c.lastReceivedAt));
      case 'caseType': return el('td', {}, name(ctx, ref.caseTypes, c.caseType));
      case 'district': return el('td', {}, districtName(ctx, ref, c.district, c.districtPart));
      case 'status': return el('td', {}, el('span', { class: 'status', 'data-status': c.status }, t(`in.status.${c.status}`)));
      case 'office': return el('td', {}, officeName(ctx, ref, c.office));
      case 'assignedTo': return el('td', { 'data-worker': c.assignedTo || '' }, c.assignedTo || t('in.unassigned'));
      case 'followUpDue': return el('td', { class: 'in-due' }, c.followUpDue ? day(ctx, c.followUpDue) : '',
        c.overdue ? el('span', { class: 'in-overdue' }, t('in.overdueMark')) : null);
      default: return el('td', {}, '');
    }
  };
  return el('div', { class: 'in-table-wrap' }, el('table', { class: 'in-table', id },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, columns.map(header))),
    el('tbody', {}, cases.map((c) => el('tr', { 'data-case': c.caseNumber, 'data-overdue': String(Boolean(c.overdue)) },
      columns.map(([col]) => cell(c, col)))))));
}

// ---- my cases (#/intake/mine) ----
async function myCases(body, ctx, ref) {
  const { t } = ctx;
  const answer = await ctx.api.get(`${base(ctx)}/caseload`);
  if (!ctx.isCurrent()) return;
  body.append(el('p', { class: 'hint' }, t('in.mine.intro')));
  if (answer.status !== 200 || !Array.isArray(answer.body)) {
    body.append(loadFailure(ctx, answer, 'in-list-error'));
    return;
  }
  if (answer.body.length === 0) {
    body.append(el('p', { class: 'notice', id: 'in-list-empty' }, t('in.mine.empty')));
    return;
  }
  body.append(resultsTable(ctx, ref, answer.body, {
    caption: t('in.mine.caption', { n: answer.body.length }),
    columns: [['caseNumber'], ['followUpDue'], ['status'], ['caseType'], ['district'], ['office'], ['lastReceivedAt']],
  }));
}

// ---- a supervisor's caseloads (#/intake/caseloads) ----
async function caseloads(body, ctx, ref) {
  const { t } = ctx;
  const answer = await ctx.api.get(`${base(ctx)}/caseloads`);
  if (!ctx.isCurrent()) return;
  body.append(el('p', { class: 'hint' }, t('in.caseloads.intro')));
  if (answer.status !== 200 || !Array.isArray(answer.body)) {
    body.append(loadFailure(ctx, answer, 'in-list-error'));
    return;
  }
  if (answer.body.length === 0) {
    body.append(el('p', { class: 'notice', id: 'in-list-empty' }, t('in.caseloads.empty')));
    return;
  }
  answer.body.forEach((o) => {
    const office = officeName(ctx, ref, o.office);
    body.append(el('div', { class: 'in-table-wrap' }, el('table', { class: 'in-table in-caseload', id: `in-caseload-${o.office}`, 'data-office': o.office },
      el('caption', {}, t('in.caseloads.office', { office, n: o.unassigned })),
      el('thead', {}, el('tr', {}, ['worker', 'open', 'due', 'overdue', 'nextDue'].map((c) => el('th', { scope: 'col' }, t(`in.caseloads.${c}`))))),
      el('tbody', {}, o.workers.map((w) => el('tr', { 'data-worker': w.worker },
        el('th', { scope: 'row' }, w.worker),
        el('td', { class: 'num' }, String(w.openCases)),
        el('td', { class: 'num' }, String(w.followUpsDue)),
        el('td', { class: 'num' }, w.overdue > 0 ? el('strong', { class: 'in-overdue' }, String(w.overdue)) : '0'),
        el('td', {}, w.nextDue ? day(ctx, w.nextDue) : '')))))));
  });
}

function assignmentsSection(ctx, ref, c) {
  const { t } = ctx;
  if (!c.assignments || c.assignments.length === 0) return null;
  return el('section', { class: 'in-section', id: 'in-case-assignments' }, el('h3', {}, t('in.case.assignments')),
    el('ul', {}, c.assignments.map((a) => el('li', {},
      t('in.case.assignedLine', { at: dateTime(ctx, a.assignedAt), by: a.assignedBy, from: a.previousWorker || t('in.unassigned'),
        to: a.worker || t('in.unassigned') }),
      a.reason ? el('span', { class: 'hint' }, ` ${t('in.case.assignReason', { reason: a.reason })}`) : null))));
}
