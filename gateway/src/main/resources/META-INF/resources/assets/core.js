// SmartTown web apps: the few helpers every page shares (language, API calls, forms, the shell).
// Plain ES modules, no build step: the pages are clients of the public /api/** paths, called with
// the session cookie (the gateway relays the session's access token to the services).

const LANG_KEY = 'smarttown.lang';
const dictionaries = { ko: {}, en: {} };
const langListeners = [];

export function addDictionary(dict) {
    for (const lang of Object.keys(dictionaries)) {
        Object.assign(dictionaries[lang], dict[lang] || {});
    }
}

export function lang() {
    const saved = localStorage.getItem(LANG_KEY);
    return saved === 'en' ? 'en' : 'ko';
}

export function setLang(value) {
    localStorage.setItem(LANG_KEY, value === 'en' ? 'en' : 'ko');
    applyLang();
    langListeners.forEach(listener => listener());
}

export function onLangChange(listener) {
    langListeners.push(listener);
}

/** The text for a key in the chosen language ({name} placeholders filled from vars). */
export function t(key, vars = {}) {
    const text = dictionaries[lang()][key] ?? dictionaries.ko[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ''));
}

/** Fills every data-i18n* element under root and sets the document's lang. */
export function applyLang(root = document) {
    document.documentElement.lang = lang();
    root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    root.querySelectorAll('[data-i18n-label]').forEach(el => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
    if (document.body.dataset.titleKey) {
        document.title = t(document.body.dataset.titleKey);
    }
}

/** h('button', {type: 'button', onclick: fn}, 'text', child...) */
export function h(tag, attrs = {}, ...children) {
    const el = tag.startsWith('svg:')
        ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
        : document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
        if (value === undefined || value === null || value === false) continue;
        if (name.startsWith('on') && typeof value === 'function') {
            el.addEventListener(name.slice(2), value);
        } else if (name === 'dataset') {
            Object.assign(el.dataset, value);
        } else {
            el.setAttribute(name, value === true ? '' : String(value));
        }
    }
    for (const child of children.flat()) {
        if (child === undefined || child === null || child === false) continue;
        el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
}

export class ApiError extends Error {
    constructor(status, problem) {
        super(problem?.detail || problem?.title || `HTTP ${status}`);
        this.status = status;
        this.problem = problem || { status, title: `HTTP ${status}` };
    }
}

/**
 * Calls a public API path with the session cookie. JSON in, JSON (or text) out; an error answer
 * becomes an ApiError carrying the problem+json body. A lost session (401) reloads the page, which
 * sends the browser through sign-in again.
 */
export async function api(path, { method = 'GET', body, headers = {}, raw = false } = {}) {
    const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin' };
    if (body !== undefined) {
        if (typeof body === 'string' || body instanceof Blob) {
            init.body = body;
        } else {
            init.body = JSON.stringify(body);
            init.headers['Content-Type'] = 'application/json';
        }
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
        location.reload();
        throw new ApiError(401, { title: t('common.signedOut') });
    }
    if (!response.ok) {
        let problem;
        try {
            problem = await response.json();
        } catch (e) {
            problem = { status: response.status, title: response.statusText };
        }
        throw new ApiError(response.status, problem);
    }
    if (raw) return response;
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
}

let meCache;
/** Who is signed in: {username, name, roles}. */
export function me() {
    meCache ??= api('/api/me');
    return meCache;
}

export function hasAny(roles, wanted) {
    return wanted.some(role => roles.includes(role));
}

/** Clears a form's messages. */
export function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach(el => el.remove());
    form.querySelectorAll('[aria-invalid]').forEach(el => {
        el.removeAttribute('aria-invalid');
        el.removeAttribute('aria-describedby');
    });
    const box = form.querySelector('.form-error');
    if (box) box.textContent = '';
}

/**
 * Shows a problem+json answer on a form: each entry of `errors` next to the field of that name
 * (the service's field path, e.g. "address.dong"), everything else in the form's .form-error box.
 */
export function showProblem(form, error) {
    clearProblems(form);
    const problem = error instanceof ApiError ? error.problem : { detail: String(error?.message || error) };
    const unplaced = [];
    for (const fieldError of problem.errors || []) {
        const input = findField(form, fieldError.field);
        if (input) {
            const id = `${input.id || input.name}-error`;
            const message = h('p', { class: 'field-error', id }, fieldError.message);
            input.setAttribute('aria-invalid', 'true');
            input.setAttribute('aria-describedby', id);
            (input.closest('.field') || input.parentElement).append(message);
        } else {
            unplaced.push(`${fieldError.field}: ${fieldError.message}`);
        }
    }
    const box = form.querySelector('.form-error');
    const summary = [problem.title, problem.detail].filter(Boolean).join(' — ');
    if (box) {
        box.textContent = [summary, ...unplaced].join(' · ');
        box.setAttribute('role', 'alert');
    }
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
}

function findField(form, field) {
    if (!field) return null;
    const candidates = [field, field.replace(/\[\d+\]/g, ''), field.split('.').pop()];
    for (const name of candidates) {
        const el = form.querySelector(`[name="${CSS.escape(name)}"]`);
        if (el) return el;
    }
    return null;
}

/** A problem as one line of text, for places without a form. */
export function problemText(error) {
    const problem = error instanceof ApiError ? error.problem : { detail: String(error?.message || error) };
    const fields = (problem.errors || []).map(e => `${e.field}: ${e.message}`);
    return [problem.title, problem.detail, ...fields].filter(Boolean).join(' — ');
}

export function formData(form) {
    return Object.fromEntries(new FormData(form).entries());
}

const ZONE = 'Asia/Seoul';
export function fmtDateTime(iso) {
    if (!iso) return '';
    return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'ko-KR', {
        timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
    }).format(new Date(iso));
}
export function fmtTime(iso) {
    return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'ko-KR', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .format(new Date(iso));
}
/** Today in the office's zone as YYYY-MM-DD. */
export function seoulToday(offsetDays = 0) {
    const d = new Date(Date.now() + offsetDays * 86400000);
    return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(d);
}
/** "2026-11-30" + "14:00" → ISO-8601 with the office's offset (+09:00; Korea has no DST). */
export function seoulIso(day, time) {
    return `${day}T${time}:00+09:00`;
}

addDictionary({
    ko: {
        'common.signOut': '로그아웃', 'common.lang': 'English', 'common.skip': '본문으로 건너뛰기',
        'common.loading': '불러오는 중…', 'common.none': '없습니다.', 'common.signedOut': '다시 로그인해 주세요.',
        'common.forbidden': '이 화면을 볼 권한이 없습니다.', 'common.save': '저장', 'common.cancel': '취소',
        'common.search': '검색', 'common.close': '닫기', 'common.done': '완료되었습니다.', 'common.more': '더 보기',
        'common.prev': '이전', 'common.next': '다음', 'common.page': '{page} / {pages} 쪽'
    },
    en: {
        'common.signOut': 'Sign out', 'common.lang': '한국어', 'common.skip': 'Skip to content',
        'common.loading': 'Loading…', 'common.none': 'Nothing here.', 'common.signedOut': 'Please sign in again.',
        'common.forbidden': 'Your role may not open this screen.', 'common.save': 'Save', 'common.cancel': 'Cancel',
        'common.search': 'Search', 'common.close': 'Close', 'common.done': 'Done.', 'common.more': 'More',
        'common.prev': 'Previous', 'common.next': 'Next', 'common.page': 'page {page} of {pages}'
    }
});

/**
 * The page shell: header (title, who is signed in, language switch, sign-out), navigation of the
 * views the role may open, and a hash router that renders one view into <main>.
 * views: [{id, key, roles, render(main, ctx)}]; ctx = {me, params, go(hash)}.
 */
export async function startShell({ titleKey, views }) {
    const header = document.querySelector('header.app');
    const nav = document.querySelector('nav.app ul');
    const main = document.querySelector('main');
    applyLang();
    let who;
    try {
        who = await me();
    } catch (e) {
        main.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, problemText(e)));
        return;
    }
    const allowed = views.filter(view => !view.roles || hasAny(who.roles, view.roles));
    header.replaceChildren(
        h('h1', { 'data-i18n': titleKey }, t(titleKey)),
        h('span', { class: 'who', id: 'who' }, `${who.name} (${who.username})`),
        h('button', { type: 'button', id: 'lang-switch', class: 'secondary', lang: lang() === 'ko' ? 'en' : 'ko',
            onclick: () => setLang(lang() === 'ko' ? 'en' : 'ko') }, t('common.lang')),
        h('a', { href: '/logout', class: 'button secondary', 'data-i18n': 'common.signOut' }, t('common.signOut')));
    const links = allowed.map(view => h('li', {}, h('a', { href: `#${view.id}`, 'data-i18n': view.key, dataset: { view: view.id } }, t(view.key))));
    nav.replaceChildren(...links);

    let leave = null;
    async function route() {
        const [id, ...rest] = location.hash.replace(/^#/, '').split('/');
        const view = allowed.find(v => v.id === id) || (views.some(v => v.id === id) ? null : allowed[0]);
        nav.querySelectorAll('a').forEach(a => a.toggleAttribute('aria-current', a.dataset.view === view?.id));
        nav.querySelectorAll('a[aria-current]').forEach(a => a.setAttribute('aria-current', 'page'));
        // A view may return a function that releases what it holds (an event stream, a timer).
        if (typeof leave === 'function') leave();
        leave = null;
        main.replaceChildren();
        if (!view) {
            main.append(h('p', { class: 'form-error', role: 'alert', id: 'forbidden' }, t('common.forbidden')));
            return;
        }
        try {
            leave = await view.render(main, { me: who, params: rest.map(decodeURIComponent), go: hash => { location.hash = hash; } });
        } catch (e) {
            main.append(h('p', { class: 'form-error', role: 'alert' }, problemText(e)));
        }
        applyLang(main);
    }
    window.addEventListener('hashchange', route);
    onLangChange(() => {
        const button = document.getElementById('lang-switch');
        button.textContent = t('common.lang');
        button.lang = lang() === 'ko' ? 'en' : 'ko';
        route();
    });
    await route();
}
