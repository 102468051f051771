// The administrators' capabilities page (功能模組) in the Safenest web shell: the Safenest features installed and
// available, installed or removed while Safenest serves (with a confirmation, showing progress until done), through
// /api/capabilities. Served by safenest-core at /pages/admin/.
import { el, clear } from '/dom.js';
import { loadCss, unreachable } from './admin-common.js';

const TEXTS = {
  'zh-Hant': {
    'cp.title': '功能模組',
    'cp.intro': '已安裝與可安裝的 Safenest 功能。安裝或移除時 Safenest 持續服務。',
    'cp.guarantee': '執行期模組化的保證：安裝或移除一個功能，只會啟動或停止該功能自己的 bundle，其他功能不會重新啟動，也不會失敗；移除期間，該功能的網址回應 404。資料保留在資料庫中，重新安裝後即可再使用。',
    'cp.platform': '平台本身（safenest-core：登入、稽核、地區；safenest-web：網頁）不能移除。',
    'cp.col.name': '功能',
    'cp.col.description': '說明',
    'cp.col.state': '狀態',
    'cp.col.actions': '動作',
    'cp.installed': '已安裝',
    'cp.available': '可安裝',
    'cp.platformOnly': '平台的一部分，不能移除',
    'cp.install': '安裝 {name}',
    'cp.installShort': '安裝',
    'cp.removeShort': '移除',
    'cp.remove': '移除 {name}',
    'cp.confirmInstall': '確定安裝 {name}？',
    'cp.confirmRemove': '確定移除 {name}？其網址在重新安裝前會回應 404，資料會保留。',
    'cp.running.install': '正在安裝 {name}…',
    'cp.running.uninstall': '正在移除 {name}…',
    'cp.done': '完成：{message}',
    'cp.failed': '未完成：{message}',
    'cp.refused': '未執行（HTTP {status}）：{message}',
    'cp.loadFailed': '無法載入功能清單。',
    'cp.retry': '重試',
  },
  en: {
    'cp.title': 'Capabilities',
    'cp.intro': 'The Safenest features installed and available. Safenest keeps serving while one is installed or removed.',
    'cp.guarantee': 'What runtime modularity guarantees: installing or removing a capability starts or stops only that capability\'s own bundle; no other capability restarts or fails meanwhile, and while it is absent its addresses answer 404. Its data stays in the database and is there again once it is reinstalled.',
    'cp.platform': 'The platform itself (safenest-core: login, audit, regions; safenest-web: the web) cannot be removed.',
    'cp.col.name': 'Capability',
    'cp.col.description': 'What',
    'cp.col.state': 'State',
    'cp.col.actions': 'Actions',
    'cp.installed': 'installed',
    'cp.available': 'available',
    'cp.platformOnly': 'part of the platform, cannot be removed',
    'cp.install': 'Install {name}',
    'cp.installShort': 'Install',
    'cp.removeShort': 'Remove',
    'cp.remove': 'Remove {name}',
    'cp.confirmInstall': 'Install {name}?',
    'cp.confirmRemove': 'Remove {name}? Its addresses answer 404 until it is installed again; its data is kept.',
    'cp.running.install': 'Installing {name}…',
    'cp.running.uninstall': 'Removing {name}…',
    'cp.done': 'Done: {message}',
    'cp.failed': 'Not done: {message}',
    'cp.refused': 'Not done (HTTP {status}): {message}',
    'cp.loadFailed': 'The capabilities cannot be loaded.',
    'cp.retry': 'Try again',
  },
};

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

export default {
  async render(container, ctx, message) {
    ctx.addTexts(TEXTS);
    loadCss();
    const { t, api } = ctx;
    const answer = await api.get('/api/capabilities');
    if (!ctx.isCurrent()) return;
    clear(container);
    container.append(el('h1', {}, t('cp.title')));
    if (!answer.ok) {
      container.append(...unreachable(ctx, 'cp-retry', t('cp.loadFailed'), t('cp.retry')));
      return;
    }
    const status = el('div', { id: 'cp-status', role: 'status', 'aria-live': 'polite' });
    if (message) status.append(message);
    const buttons = [];

    /** Polls until the operation is done, showing progress; then shows the list again with the outcome. */
    const follow = async (op) => {
      buttons.forEach((b) => { b.disabled = true; });
      clear(status);
      const progress = el('progress', { id: 'cp-progress', 'aria-label': t(`cp.running.${op.action}`, { name: op.feature }) });
      status.append(el('p', { class: 'notice', id: 'cp-running' }, t(`cp.running.${op.action}`, { name: op.feature }), ' ', progress));
      ctx.announce(t(`cp.running.${op.action}`, { name: op.feature }));
      let current = op;
      while (current && current.state === 'running') {
        await sleep(500);
        if (!ctx.isCurrent()) return;
        const a = await api.get('/api/capabilities');
        if (a.ok) current = a.body.operation;
      }
      if (!ctx.isCurrent()) return;
      const ok = current && current.state === 'done';
      const outcome = el('p', { class: ok ? 'notice' : 'form-error', id: 'cp-outcome' },
        t(ok ? 'cp.done' : 'cp.failed', { message: current ? current.message : '' }));
      await this.render(container, ctx, outcome);
      ctx.announce(outcome.textContent);
    };

    const rows = answer.body.capabilities.map((c) => {
      let action;
      if (c.installed && c.platform) {
        action = el('span', { class: 'hint' }, t('cp.platformOnly'));
      } else {
        // the button says what it does; its accessible name also says to which capability
        const button = el('button', { type: 'button', class: c.installed ? 'secondary' : '', id: `cp-${c.installed ? 'remove' : 'install'}-${c.name}`,
          'aria-label': t(c.installed ? 'cp.remove' : 'cp.install', { name: c.name }) }, t(c.installed ? 'cp.removeShort' : 'cp.installShort'));
        button.addEventListener('click', async () => {
          if (!window.confirm(t(c.installed ? 'cp.confirmRemove' : 'cp.confirmInstall', { name: c.name }))) return;
          const path = `/api/capabilities/${encodeURIComponent(c.name)}`;
          const a = c.installed ? await api.delete(path) : await api.post(path);
          if (!ctx.isCurrent()) return;
          if (a.status === 202) {
            await follow(a.body);
          } else {
            clear(status);
            status.append(el('p', { class: 'form-error' }, t('cp.refused', { status: a.status, message: a.body ? a.body.message : '' })));
            ctx.announce(status.textContent);
          }
        });
        buttons.push(button);
        action = button;
      }
      return el('tr', { 'data-feature': c.name, 'data-installed': String(c.installed) },
        el('td', {}, c.name),
        el('td', {}, c.description || ''),
        el('td', { class: 'cp-state' }, t(c.installed ? 'cp.installed' : 'cp.available')),
        el('td', {}, action));
    });
    container.append(
      el('p', {}, t('cp.intro')),
      el('p', { class: 'notice', id: 'cp-guarantee' }, t('cp.guarantee')),
      el('p', { class: 'hint' }, t('cp.platform')),
      status,
      el('div', { class: 'ad-wrap' }, el('table', { class: 'ad-table', id: 'cp-features' },
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t('cp.col.name')),
          el('th', { scope: 'col' }, t('cp.col.description')),
          el('th', { scope: 'col' }, t('cp.col.state')),
          el('th', { scope: 'col' }, t('cp.col.actions')))),
        el('tbody', {}, ...rows))));
    const op = answer.body.operation;
    if (op && op.state === 'running') follow(op);
  },
};
