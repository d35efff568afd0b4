// Desks, rooms and booths: availability (list and floor plan), booking, my bookings, cancelling, the
// waitlist, check-in with the QR code's token and the private calendar feed (all coworking-service).
import { addDictionary, api, h, problemText, showProblem, t, fmtDateTime, fmtTime, seoulToday, seoulIso } from '/assets/core.js';
import { qrSvg } from '/assets/qr.js';

addDictionary({
    ko: {
        'sp.title': '자리·회의실 예약', 'sp.type': '공간 유형', 'sp.DESK': '좌석 (하루)', 'sp.MEETING_ROOM': '회의실', 'sp.BOOTH': '부스',
        'sp.day': '날짜', 'sp.start': '시작', 'sp.end': '종료', 'sp.find': '빈 자리 찾기', 'sp.free': '예약 가능', 'sp.taken': '예약 불가',
        'sp.book': '예약하기', 'sp.wait': '대기 신청', 'sp.booked': '{code} 예약이 완료되었습니다.', 'sp.waiting': '{code} 대기 명단에 올랐습니다.',
        'sp.plan': '층 평면도', 'sp.list': '공간 목록', 'sp.capacity': '{count}인', 'sp.none': '조건에 맞는 공간이 없습니다.',
        'mine.title': '내 예약', 'mine.cancel': '예약 취소', 'mine.cancelled': '예약을 취소했습니다.', 'mine.checkIn': '체크인',
        'mine.checkedIn': '체크인되었습니다.', 'mine.token': 'QR 체크인 코드', 'mine.ics': '캘린더에 추가 (.ics)', 'mine.none': '예약이 없습니다.',
        'mine.waitlist': '내 대기 신청', 'mine.leave': '대기 취소', 'mine.feed': '개인 캘린더 구독 주소', 'mine.feedMake': '구독 주소 만들기',
        'mine.feedHelp': '새 주소를 만들면 이전 주소는 더 이상 쓸 수 없습니다.', 'mine.scan': '체크인 코드 (QR을 스캔하거나 입력)',
        'mine.showAll': '지난 예약도 보기',
        'bst.CONFIRMED': '예약 확정', 'bst.CHECKED_IN': '체크인 완료', 'bst.CANCELLED': '취소됨', 'bst.NO_SHOW': '노쇼',
        'wst.WAITING': '대기 중', 'wst.PROMOTED': '예약으로 전환됨', 'wst.LEFT': '대기 취소',
        'mine.qrHelp': '입구 리더기에 이 QR 코드를 보여 주세요. 읽히지 않으면 아래 코드를 입력하세요.',
        'ci.check-in-too-early': '아직 체크인할 수 없습니다. 시작 15분 전부터 가능합니다.', 'ci.check-in-too-late': '체크인 시간이 지났습니다.',
        'ci.booking-not-active': '이미 체크인했거나 취소된 예약입니다.', 'ci.not-found': '내 예약의 체크인 코드가 아닙니다.'
    },
    en: {
        'sp.title': 'Book a desk or room', 'sp.type': 'Kind of space', 'sp.DESK': 'Desk (whole day)', 'sp.MEETING_ROOM': 'Meeting room', 'sp.BOOTH': 'Booth',
        'sp.day': 'Day', 'sp.start': 'From', 'sp.end': 'To', 'sp.find': 'Find free spaces', 'sp.free': 'Free', 'sp.taken': 'Not bookable',
        'sp.book': 'Book', 'sp.wait': 'Join the waitlist', 'sp.booked': '{code} is booked.', 'sp.waiting': 'You are on the waitlist for {code}.',
        'sp.plan': 'Floor plan', 'sp.list': 'Spaces', 'sp.capacity': '{count} people', 'sp.none': 'No space matches.',
        'mine.title': 'My bookings', 'mine.cancel': 'Cancel booking', 'mine.cancelled': 'The booking is cancelled.', 'mine.checkIn': 'Check in',
        'mine.checkedIn': 'You are checked in.', 'mine.token': 'QR check-in code', 'mine.ics': 'Add to calendar (.ics)', 'mine.none': 'No bookings.',
        'mine.waitlist': 'My waitlist places', 'mine.leave': 'Leave the waitlist', 'mine.feed': 'Private calendar feed', 'mine.feedMake': 'Make a feed address',
        'mine.feedHelp': 'A new address stops the previous one.', 'mine.scan': 'Check-in code (scan the QR code or type it)',
        'mine.showAll': 'Show past bookings too',
        'bst.CONFIRMED': 'Confirmed', 'bst.CHECKED_IN': 'Checked in', 'bst.CANCELLED': 'Cancelled', 'bst.NO_SHOW': 'No-show',
        'wst.WAITING': 'Waiting', 'wst.PROMOTED': 'Booked from the waitlist', 'wst.LEFT': 'Left',
        'mine.qrHelp': 'Show this QR code to the reader at the door; if it does not read, type the code below.',
        'ci.check-in-too-early': 'Too early to check in: it opens 15 minutes before the start.', 'ci.check-in-too-late': 'Too late to check in.',
        'ci.booking-not-active': 'This booking is already checked in or cancelled.', 'ci.not-found': 'Not the check-in code of one of your bookings.'
    }
});

const TYPES = ['DESK', 'MEETING_ROOM', 'BOOTH'];

function label(key, fallback) {
    return t(key) === key ? fallback : t(key);
}

export async function spacesView(main) {
    const type = h('select', { id: 'space-type', name: 'type' }, ...TYPES.map(v => h('option', { value: v }, t(`sp.${v}`))));
    const day = h('input', { type: 'date', id: 'space-day', name: 'day', value: seoulToday(1), min: seoulToday(0), required: true });
    const start = h('input', { type: 'time', id: 'space-start', name: 'start', value: '10:00', step: 1800 });
    const end = h('input', { type: 'time', id: 'space-end', name: 'end', value: '11:00', step: 1800 });
    const times = h('div', { class: 'grid' },
        h('div', { class: 'field' }, h('label', { for: 'space-start' }, t('sp.start')), start),
        h('div', { class: 'field' }, h('label', { for: 'space-end' }, t('sp.end')), end));
    const form = h('form', { id: 'space-search' }, h('div', { class: 'form-error' }),
        h('div', { class: 'grid' },
            h('div', { class: 'field' }, h('label', { for: 'space-type' }, t('sp.type')), type),
            h('div', { class: 'field' }, h('label', { for: 'space-day' }, t('sp.day')), day)),
        times, h('p', {}, h('button', { type: 'submit', id: 'find-spaces' }, t('sp.find'))));
    const message = h('div', { class: 'notice', role: 'status', id: 'booking-result' });
    const plan = h('div', { id: 'floor-plan' });
    const list = h('ul', { class: 'list', id: 'space-list' });
    const syncTimes = () => times.classList.toggle('hidden', type.value === 'DESK');
    type.addEventListener('change', syncTimes);
    syncTimes();

    let latest = 0;
    async function find() {
        // Only the answer to the latest search is shown, whatever order the answers arrive in.
        const mine = ++latest;
        try {
            // Desks are booked whole days, from each space's opening to its closing time.
            let ranges;
            if (type.value === 'DESK') {
                const spaces = await api('/api/coworking/spaces?type=DESK&size=100');
                const hours = new Set(spaces.items.map(s => `${s.opensAt.slice(0, 5)}-${s.closesAt.slice(0, 5)}`));
                ranges = [...hours].map(pair => pair.split('-'));
            } else {
                ranges = [[start.value, end.value]];
            }
            const found = [];
            for (const [from, to] of ranges) {
                const query = new URLSearchParams({ from: seoulIso(day.value, from), to: seoulIso(day.value, to), type: type.value, size: 100 });
                const page = await api(`/api/coworking/availability?${query}`);
                page.items.filter(a => type.value !== 'DESK' || `${a.space.opensAt.slice(0, 5)}` === from)
                    .forEach(a => found.push({ ...a, from: seoulIso(day.value, from), to: seoulIso(day.value, to) }));
            }
            if (mine !== latest) return;
            found.sort((a, b) => a.space.code.localeCompare(b.space.code));
            list.replaceChildren(...(found.length ? found.map(item) : [h('li', {}, t('sp.none'))]));
            // What the list shows now, for people (and tests) who need to know the answer is current.
            list.dataset.query = `${type.value} ${day.value}`;
            await drawPlan(found);
        } catch (e) {
            showProblem(form, e);
        }
    }

    function item(a) {
        const error = h('p', { class: 'form-error', role: 'alert' });
        const onlyTaken = !a.available && a.reasons.every(r => r.type === 'slot-taken');
        const act = async (path, okKey) => {
            error.textContent = '';
            try {
                await api(path, { method: 'POST', body: { spaceId: a.space.id, start: a.from, end: a.to }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
                message.textContent = t(okKey, { code: a.space.code });
                await find();
                message.focus?.();
            } catch (e) {
                error.textContent = problemText(e);
            }
        };
        return h('li', { id: `spaceitem-${a.space.code}`, dataset: { spaceId: a.space.id, available: a.available } },
            h('strong', {}, `${a.space.code} · ${a.space.name}`), ' ',
            h('span', { class: `badge ${a.available ? 'CONFIRMED' : 'CANCELLED'}` }, a.available ? t('sp.free') : t('sp.taken')),
            h('div', { class: 'small muted' }, `${t('sp.capacity', { count: a.space.capacity })} · ${(a.space.equipment || []).join(', ')} · ${fmtTime(a.from)}–${fmtTime(a.to)}`),
            a.available ? null : h('ul', { class: 'small' }, ...a.reasons.map(r => h('li', {}, r.detail || r.type))),
            h('div', { class: 'actions' },
                a.available ? h('button', { type: 'button', class: 'book', onclick: () => act('/api/coworking/bookings', 'sp.booked') }, t('sp.book')) : null,
                onlyTaken ? h('button', { type: 'button', class: 'secondary waitlist', onclick: () => act('/api/coworking/waitlist', 'sp.waiting') }, t('sp.wait')) : null),
            error);
    }

    async function drawPlan(found) {
        const floors = [...new Set(found.map(a => a.space.floor))];
        plan.replaceChildren();
        for (const floor of floors) {
            try {
                const text = await api(`/api/coworking/floors/${floor}/plan.svg`, { headers: { Accept: 'image/svg+xml' } });
                const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
                if (svg.nodeName !== 'svg') continue;
                svg.classList.add('plan');
                svg.setAttribute('role', 'img');
                svg.setAttribute('aria-label', `${t('sp.plan')} ${floor}F`);
                svg.querySelectorAll('script, foreignObject').forEach(el => el.remove());
                for (const a of found.filter(f => f.space.floor === floor)) {
                    const g = svg.querySelector(`[data-space-id="${a.space.id}"]`);
                    if (!g) continue;
                    g.classList.add(a.available ? 'free' : 'taken');
                    g.addEventListener('click', () => document.getElementById(`spaceitem-${a.space.code}`)?.querySelector('button')?.focus());
                }
                plan.append(h('figure', { class: 'card' }, h('figcaption', {}, `${t('sp.plan')} · ${floor}F`), document.importNode(svg, true),
                    h('ul', { class: 'legend' }, h('li', {}, h('span', { class: 'swatch free' }), t('sp.free')), h('li', {}, h('span', { class: 'swatch taken' }), t('sp.taken')))));
            } catch (e) {
                plan.append(h('p', { class: 'muted' }, problemText(e)));
            }
        }
    }

    form.addEventListener('submit', event => {
        event.preventDefault();
        message.textContent = '';
        find();
    });
    main.append(h('h2', {}, t('sp.title')), h('div', { class: 'card' }, form), message, h('h3', {}, t('sp.list')), list, plan);
    await find();
}

export async function mineView(main) {
    const message = h('div', { class: 'notice', role: 'status', id: 'mine-result' });
    const showAll = h('input', { type: 'checkbox', id: 'mine-all' });
    const list = h('ul', { class: 'list', id: 'my-bookings' });
    const waits = h('ul', { class: 'list', id: 'my-waitlist' });
    const feed = h('div', { id: 'calendar-feed' });

    const checkInForm = h('form', { id: 'check-in-form', class: 'row' }, h('div', { class: 'form-error' }),
        h('div', { class: 'field' }, h('label', { for: 'check-in-token' }, t('mine.scan')), h('input', { id: 'check-in-token', name: 'token', required: true, autocomplete: 'off' })),
        h('button', { type: 'submit' }, t('mine.checkIn')));
    checkInForm.addEventListener('submit', async event => {
        event.preventDefault();
        await checkIn(checkInForm.token.value, checkInForm);
    });

    async function checkIn(token, form) {
        try {
            await api('/api/coworking/bookings/check-in', { method: 'POST', body: { token } });
            message.textContent = t('mine.checkedIn');
            message.dataset.problem = '';
            await load();
        } catch (e) {
            // The service's titles are English; the rules a founder meets at the door are said in the page's language.
            const slug = String(e?.problem?.type || '').split(':').pop();
            const known = t(`ci.${slug}`) === `ci.${slug}` ? null : `${t(`ci.${slug}`)} (${e.problem.detail || ''})`;
            if (form) showProblem(form, e);
            if (form && known) form.querySelector('.form-error').textContent = known;
            if (!form) message.textContent = known || problemText(e);
            message.dataset.problem = slug;
        }
    }

    async function load() {
        const query = showAll.checked ? '' : `?from=${seoulToday(0)}`;
        const [mine, waiting, spaces] = await Promise.all([api(`/api/coworking/bookings/mine${query}${query ? '&' : '?'}size=100`),
            api('/api/coworking/waitlist/mine?size=100'), api('/api/coworking/spaces?size=100').catch(() => ({ items: [] }))]);
        // A waitlist place names its space by id only.
        spaces.items.forEach(space => spaceCodes.set(space.id, space.code));
        list.replaceChildren(...(mine.items.length ? mine.items.map(booking) : [h('li', { id: 'no-bookings' }, t('mine.none'))]));
        const active = waiting.items.filter(w => w.status === 'WAITING');
        waits.replaceChildren(...(active.length ? active.map(wait) : [h('li', {}, t('common.none'))]));
    }

    function booking(b) {
        const error = h('p', { class: 'form-error', role: 'alert' });
        const actions = h('div', { class: 'actions' });
        if (b.status === 'CONFIRMED') {
            actions.append(
                h('button', { type: 'button', class: 'check-in secondary', onclick: () => checkIn(b.checkInToken) }, t('mine.checkIn')),
                h('button', { type: 'button', class: 'cancel danger', onclick: async () => {
                    error.textContent = '';
                    try {
                        await api(`/api/coworking/bookings/${b.id}/cancel`, { method: 'POST' });
                        message.textContent = t('mine.cancelled');
                        await load();
                    } catch (e) {
                        error.textContent = problemText(e);
                    }
                } }, t('mine.cancel')));
        }
        if (b.calendarUrl) actions.append(h('a', { href: b.calendarUrl, class: 'button secondary', download: `${b.spaceCode}.ics` }, t('mine.ics')));
        // The QR code carries the token alone (what the door reader posts to check-in); the text stays as a fallback.
        const code = b.checkInToken && b.status === 'CONFIRMED'
            ? h('figure', { class: 'qr-code' }, qrSvg(b.checkInToken, { label: `${t('mine.token')} ${b.spaceCode}` }),
                h('figcaption', { class: 'small muted' }, t('mine.qrHelp'), h('br'), `${t('mine.token')}: `, h('code', { class: 'token' }, b.checkInToken)))
            : null;
        return h('li', { id: `booking-${b.id}`, class: 'booking', dataset: { status: b.status, space: b.spaceCode } },
            h('strong', {}, `${b.spaceCode} · ${b.spaceName || ''}`), ' ', h('span', { class: `badge ${b.status}` }, label(`bst.${b.status}`, b.status)),
            h('div', {}, `${fmtDateTime(b.start)} – ${fmtTime(b.end)}`),
            code, actions, error);
    }

    const spaceCodes = new Map();
    function wait(w) {
        return h('li', { id: `wait-${w.id}`, class: 'wait', dataset: { status: w.status } }, `${spaceCodes.has(w.spaceId) ? `${spaceCodes.get(w.spaceId)} · ` : ''}${fmtDateTime(w.start)} – ${fmtTime(w.end)} `,
            h('span', { class: `badge ${w.status}` }, label(`wst.${w.status}`, w.status)),
            h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: async () => {
                try {
                    await api(`/api/coworking/waitlist/${w.id}/leave`, { method: 'POST' });
                    await load();
                } catch (e) {
                    message.textContent = problemText(e);
                }
            } }, t('mine.leave'))));
    }

    const makeFeed = h('button', { type: 'button', class: 'secondary', id: 'make-feed', onclick: async () => {
        try {
            const issued = await api('/api/coworking/calendar/feed', { method: 'POST' });
            const url = new URL(issued.url, location.origin).href;
            feed.replaceChildren(h('label', { for: 'feed-url' }, t('mine.feed')), h('input', { id: 'feed-url', readonly: true, value: url }));
        } catch (e) {
            feed.replaceChildren(h('p', { class: 'form-error' }, problemText(e)));
        }
    } }, t('mine.feedMake'));

    showAll.addEventListener('change', load);
    main.append(h('h2', {}, t('mine.title')), message,
        h('p', {}, h('label', { class: 'inline', for: 'mine-all' }, showAll, t('mine.showAll'))), list,
        h('div', { class: 'card' }, checkInForm),
        h('h3', {}, t('mine.waitlist')), waits,
        h('div', { class: 'card' }, h('h3', {}, t('mine.feed')), h('p', { class: 'small muted' }, t('mine.feedHelp')), makeFeed, feed));
    await load();
}
