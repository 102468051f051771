// The administrators' users page (使用者) in the Safenest web shell: the users of this node's built-in user store
// (etc/users.properties) with their roles and region roles; create one, change its roles, reset its password, remove
// it, through /api/users. Served by safenest-core at /pages/admin/.
import { el, clear } from '/dom.js';
import { resetErrors, showErrors, errorText } from '/forms.js';
import { loadCss, unreachable } from './admin-common.js';

const TEXTS = {
  'zh-Hant': {
    'us.title': '使用者',
    'us.intro': '內建使用者庫的帳號：角色與可工作的地區。沒有任何地區的使用者可在所有地區工作。',
    'us.node': '內建使用者庫是每個節點各自的檔案（etc/users.properties）：有多個節點時，請在每個節點上做相同的變更。',
    'us.directory': '使用者來自目錄服務（{url}）：請在目錄中管理他們。此處的編輯僅適用於本機帳號（例如目錄無法使用時的管理員）。',
    'us.hashing': '密碼以 {algorithm} 雜湊儲存。',
    'us.plain': '密碼以明文儲存（示範模式）。正式模式會以雜湊儲存。',
    'us.list': '帳號',
    'us.col.name': '帳號',
    'us.col.roles': '角色',
    'us.col.regions': '地區',
    'us.col.actions': '動作',
    'us.allRegions': '所有地區',
    'us.edit': '編輯 {name}',
    'us.new': '新增使用者',
    'us.editing': '編輯 {name}',
    'us.name': '帳號名稱',
    'us.nameHint': '英文字母、數字、「.」「_」「-」，最多 64 字元。',
    'us.password': '密碼',
    'us.passwordHint': '至少 12 個字元，不可包含帳號名稱或逗號。',
    'us.roles': '角色',
    'us.regions': '限定地區',
    'us.regionsHint': '不勾選任何地區：可在所有地區工作。',
    'us.create': '建立使用者',
    'us.save': '儲存角色',
    'us.cancel': '取消',
    'us.newPassword': '新密碼',
    'us.reset': '重設密碼',
    'us.remove': '刪除 {name}',
    'us.removeConfirm': '確定刪除使用者 {name}？',
    'us.created': '已建立使用者 {name}。',
    'us.saved': '已儲存 {name} 的角色。',
    'us.resetDone': '已重設 {name} 的密碼，其登入工作階段已結束。',
    'us.removed': '已刪除使用者 {name}。',
    'us.failed': '未完成（HTTP {status}）：{message}',
    'us.loadFailed': '無法載入使用者清單。',
    'us.retry': '重試',
    'us.err.invalid-name': '帳號名稱只能包含英文字母、數字、「.」「_」「-」，且以字母或數字開頭。',
    'us.err.weak-password': '密碼至少 12 個字元，不可包含帳號名稱、逗號，也不可以空白開頭或結尾。',
    'us.err.no-role': '請至少選擇一個角色。',
    'role.admin': '系統管理員', 'role.intake': '受理窗口', 'role.dispatcher': '派案', 'role.social-worker': '社工',
    'role.supervisor': '督導', 'role.board-chair': '轉介會議主席', 'role.analyst': '統計分析',
  },
  en: {
    'us.title': 'Users',
    'us.intro': 'The accounts of the built-in user store: their roles and the regions they may work in. A user without any region works in every region.',
    'us.node': 'The built-in user store is a file of each node (etc/users.properties): with several nodes, make the same change on every node.',
    'us.directory': 'Users come from the directory ({url}): manage them there. Editing here is for local accounts only (such as an administrator for when the directory is down).',
    'us.hashing': 'Passwords are stored as {algorithm} hashes.',
    'us.plain': 'Passwords are stored in plain text (demo mode). Production mode stores hashes.',
    'us.list': 'Accounts',
    'us.col.name': 'User',
    'us.col.roles': 'Roles',
    'us.col.regions': 'Regions',
    'us.col.actions': 'Actions',
    'us.allRegions': 'every region',
    'us.edit': 'Edit {name}',
    'us.new': 'New user',
    'us.editing': 'Edit {name}',
    'us.name': 'User name',
    'us.nameHint': 'Letters, digits, ".", "_" or "-", at most 64 characters.',
    'us.password': 'Password',
    'us.passwordHint': 'At least 12 characters, without the user name or a comma.',
    'us.roles': 'Roles',
    'us.regions': 'Limited to the regions',
    'us.regionsHint': 'No region ticked: the user works in every region.',
    'us.create': 'Create user',
    'us.save': 'Save roles',
    'us.cancel': 'Cancel',
    'us.newPassword': 'New password',
    'us.reset': 'Reset password',
    'us.remove': 'Remove {name}',
    'us.removeConfirm': 'Remove the user {name}?',
    'us.created': 'User {name} created.',
    'us.saved': 'Roles of {name} saved.',
    'us.resetDone': 'Password of {name} reset; their sessions have ended.',
    'us.removed': 'User {name} removed.',
    'us.failed': 'Not done (HTTP {status}): {message}',
    'us.loadFailed': 'The users cannot be loaded.',
    'us.retry': 'Try again',
    'us.err.invalid-name': 'A user name has only letters, digits, ".", "_" or "-", and starts with a letter or digit.',
    'us.err.weak-password': 'A password has at least 12 characters, no user name, no comma, and no space at either end.',
    'us.err.no-role': 'Choose at least one role.',
    'role.admin': 'Administrator', 'role.intake': 'Intake', 'role.dispatcher': 'Dispatcher', 'role.social-worker': 'Social worker',
    'role.supervisor': 'Supervisor', 'role.board-chair': 'Board chair', 'role.analyst': 'Analyst',
  },
};

const FIELD_IDS = { name: 'us-name', password: 'us-password', roles: 'us-roles', regions: 'us-regions' };

function checkboxes(id, legend, hint, values, checked, label) {
  return el('fieldset', { id, 'aria-describedby': `${id}-error` },
    el('legend', {}, legend),
    hint ? el('p', { class: 'hint' }, hint) : null,
    el('div', { class: 'ad-choices' }, ...values.map((v) => el('div', { class: 'choice' },
      el('input', { type: 'checkbox', id: `${id}-${v}`, value: v, checked: checked.includes(v) }),
      el('label', { for: `${id}-${v}` }, label(v))))),
    el('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

function field(id, label, hint, input) {
  return el('div', { class: 'field' }, el('label', { for: id }, label), hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    input, el('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

const ticked = (form, id) => [...form.querySelectorAll(`#${id} input:checked`)].map((i) => i.value);

export default {
  async render(container, ctx) {
    ctx.addTexts(TEXTS);
    loadCss();
    const { t, api } = ctx;
    const [answer, regionList] = await Promise.all([api.get('/api/users'), api.get('/api/regions')]);
    if (!ctx.isCurrent()) return;
    clear(container);
    container.append(el('h1', {}, t('us.title')));
    if (!answer.ok) {
      container.append(...unreachable(ctx, 'us-retry', t('us.loadFailed'), t('us.retry')));
      return;
    }
    const store = answer.body;
    const regionName = (code) => {
      const r = (regionList.ok ? regionList.body : []).find((x) => x.code === code);
      return r ? `${ctx.lang === 'en' ? r.nameEn : r.nameZh} (${code})` : code;
    };
    const status = el('div', { id: 'us-status', role: 'status', 'aria-live': 'polite' });
    const formHolder = el('section', { id: 'us-form', class: 'ad-panel', 'aria-labelledby': 'us-form-title' });

    const say = (ok, text) => {
      clear(status);
      status.append(el('p', { class: ok ? 'notice' : 'form-error' }, text));
      ctx.announce(text);
    };
    const failed = (a) => t('us.failed', { status: a.status, message: a.body && a.body.message ? a.body.message : '' });
    const reload = async (message) => {
      await this.render(container, ctx);
      if (message) {
        const s = container.querySelector('#us-status');
        s.append(el('p', { class: 'notice' }, message));
        ctx.announce(message);
      }
    };
    /** A 400's errors beside their fields, anything else above the form. */
    const showAnswer = (form, a, ids) => {
      const errors = a.status === 400 && a.body && Array.isArray(a.body.fields) ? a.body.fields : [];
      const { first, unplaced } = showErrors(form, errors, (e) => ids[e.field] || null, (e) => errorText(t, 'us', e));
      if (errors.length === 0) unplaced.push(failed(a));
      if (unplaced.length > 0) say(false, unplaced.join(' '));
      if (first) first.focus();
    };

    function newForm() {
      clear(formHolder);
      const name = el('input', { id: 'us-name', autocomplete: 'off', 'aria-describedby': 'us-name-hint us-name-error' });
      const password = el('input', { id: 'us-password', type: 'password', autocomplete: 'new-password', 'aria-describedby': 'us-password-hint us-password-error' });
      const create = el('button', { type: 'submit', id: 'us-create' }, t('us.create'));
      const form = el('form', { novalidate: true },
        el('div', { class: 'grid' },
          field('us-name', t('us.name'), t('us.nameHint'), name),
          field('us-password', t('us.password'), t('us.passwordHint'), password)),
        checkboxes('us-roles', t('us.roles'), null, store.roles, [], (r) => t(`role.${r}`)),
        checkboxes('us-regions', t('us.regions'), t('us.regionsHint'), store.regions, [], regionName),
        el('div', { class: 'ad-actions' }, create));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        resetErrors(form);
        clear(status);
        create.disabled = true;
        const a = await api.post('/api/users', {
          name: name.value.trim(), password: password.value, roles: ticked(form, 'us-roles'), regions: ticked(form, 'us-regions'),
        });
        create.disabled = false;
        if (!ctx.isCurrent()) return;
        if (a.ok) {
          await reload(t('us.created', { name: a.body.name }));
        } else {
          showAnswer(form, a, FIELD_IDS);
        }
      });
      formHolder.append(el('h2', { id: 'us-form-title' }, t('us.new')), form);
    }

    function editForm(user) {
      clear(formHolder);
      clear(status);
      const save = el('button', { type: 'submit', id: 'us-save' }, t('us.save'));
      const cancel = el('button', { type: 'button', class: 'secondary', id: 'us-cancel' }, t('us.cancel'));
      cancel.addEventListener('click', () => newForm());
      const form = el('form', { novalidate: true },
        checkboxes('us-roles', t('us.roles'), null, store.roles, user.roles, (r) => t(`role.${r}`)),
        checkboxes('us-regions', t('us.regions'), t('us.regionsHint'), store.regions, user.regions, regionName),
        el('div', { class: 'ad-actions' }, save, cancel));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        resetErrors(form);
        clear(status);
        save.disabled = true;
        const a = await api.put(`/api/users/${encodeURIComponent(user.name)}`, { roles: ticked(form, 'us-roles'), regions: ticked(form, 'us-regions') });
        save.disabled = false;
        if (!ctx.isCurrent()) return;
        if (a.ok) await reload(t('us.saved', { name: user.name }));
        else showAnswer(form, a, FIELD_IDS);
      });
      const newPassword = el('input', { id: 'us-newpw', type: 'password', autocomplete: 'new-password', 'aria-describedby': 'us-newpw-hint us-newpw-error' });
      const reset = el('button', { type: 'submit', id: 'us-reset' }, t('us.reset'));
      const resetForm = el('form', { novalidate: true },
        field('us-newpw', t('us.newPassword'), t('us.passwordHint'), newPassword),
        el('div', { class: 'ad-actions' }, reset));
      resetForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        resetErrors(resetForm);
        clear(status);
        reset.disabled = true;
        const a = await api.put(`/api/users/${encodeURIComponent(user.name)}/password`, { password: newPassword.value });
        reset.disabled = false;
        if (!ctx.isCurrent()) return;
        if (a.ok) {
          newPassword.value = '';
          say(true, t('us.resetDone', { name: user.name }));
        } else {
          showAnswer(resetForm, a, { password: 'us-newpw' });
        }
      });
      const remove = el('button', { type: 'button', class: 'secondary', id: 'us-remove' }, t('us.remove', { name: user.name }));
      remove.addEventListener('click', async () => {
        if (!window.confirm(t('us.removeConfirm', { name: user.name }))) return;
        const a = await api.delete(`/api/users/${encodeURIComponent(user.name)}`);
        if (!ctx.isCurrent()) return;
        if (a.ok) await reload(t('us.removed', { name: user.name }));
        else say(false, failed(a));
      });
      formHolder.append(el('h2', { id: 'us-form-title' }, t('us.editing', { name: user.name })), form, resetForm,
        el('div', { class: 'ad-actions' }, remove));
      form.querySelector('input').focus();
    }

    const rows = store.users.map((u) => {
      const edit = el('button', { type: 'button', class: 'secondary', id: `us-edit-${u.name}` }, t('us.edit', { name: u.name }));
      edit.addEventListener('click', () => editForm(u));
      return el('tr', { 'data-user': u.name },
        el('td', {}, u.name),
        el('td', {}, u.roles.map((r) => t(`role.${r}`)).join('、')),
        el('td', {}, u.regions.length === 0 ? t('us.allRegions') : u.regions.map(regionName).join('、')),
        el('td', {}, edit));
    });
    newForm();
    container.append(
      el('p', {}, t('us.intro')),
      store.directory ? el('p', { class: 'notice', id: 'us-directory' }, t('us.directory', { url: store.directory })) : null,
      el('p', { class: 'hint', id: 'us-node' }, t('us.node')),
      el('p', { class: 'hint', id: 'us-hashing' }, store.passwordHashing === 'none' ? t('us.plain') : t('us.hashing', { algorithm: store.passwordHashing })),
      el('h2', {}, t('us.list')),
      el('div', { class: 'ad-wrap' }, el('table', { class: 'ad-table', id: 'us-users' },
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t('us.col.name')),
          el('th', { scope: 'col' }, t('us.col.roles')),
          el('th', { scope: 'col' }, t('us.col.regions')),
          el('th', { scope: 'col' }, t('us.col.actions')))),
        el('tbody', {}, ...rows))),
      status,
      formHolder);
  },
};
