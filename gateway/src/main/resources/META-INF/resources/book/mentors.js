// Mentoring: find mentors by expertise, see their free slots, book; my sessions with cancel and
// reschedule (the service enforces the notice rules and answers problem+json when one is broken).
import { addDictionary, api, h, problemText, t, fmtDateTime, fmtTime, seoulToday } from '/assets/core.js';

addDictionary({
    ko: { 'mt.title': '멘토 찾기', 'mt.expertise': '전문 분야 (예: 마케팅)', 'mt.find': '찾기', 'mt.none': '조건에 맞는 멘토가 없습니다.',
        'mt.slots': '가능한 시간 보기', 'mt.type': '세션 종류', 'mt.book': '이 시간 예약', 'mt.booked': '세션을 신청했습니다 ({status}).',
        'mt.noSlots': '2주 안에 가능한 시간이 없습니다.', 'mt.mine': '내 멘토링 세션', 'mt.cancel': '취소', 'mt.reason': '사유',
        'mt.reschedule': '시간 변경', 'mt.moveTo': '새 시간', 'mt.cancelled': '세션을 취소했습니다.', 'mt.moved': '시간을 변경했습니다.',
        'mt.seats': '남은 자리 {count}', 'mt.minutes': '{count}분', 'mt.showAll': '지난 세션도 보기' },
    en: { 'mt.title': 'Find a mentor', 'mt.expertise': 'Expertise (e.g. marketing)', 'mt.find': 'Find', 'mt.none': 'No mentor matches.',
        'mt.slots': 'See free times', 'mt.type': 'Session type', 'mt.book': 'Book this time', 'mt.booked': 'Session requested ({status}).',
        'mt.noSlots': 'No free time in the next two weeks.', 'mt.mine': 'My mentoring sessions', 'mt.cancel': 'Cancel', 'mt.reason': 'Reason',
        'mt.reschedule': 'Reschedule', 'mt.moveTo': 'New time', 'mt.cancelled': 'The session is cancelled.', 'mt.moved': 'The session is moved.',
        'mt.seats': '{count} seats left', 'mt.minutes': '{count} min', 'mt.showAll': 'Show past sessions too' }
});

// When moving a session, the service leaves that session out of the founder's limits and of the mentor's time.
const slotsOf = (mentor, type, moving) => api(`/api/mentoring/mentors/${mentor}/slots?sessionType=${type}&from=${seoulToday(0)}&to=${seoulToday(14)}${moving ? `&rescheduling=${moving}` : ''}`);

export async function mentorsView(main) {
    const message = h('div', { class: 'notice', role: 'status', id: 'mentoring-result' });
    const expertise = h('input', { id: 'expertise', name: 'expertise', type: 'search' });
    const form = h('form', { id: 'mentor-search', role: 'search', class: 'row' },
        h('div', { class: 'field' }, h('label', { for: 'expertise' }, t('mt.expertise')), expertise),
        h('button', { type: 'submit' }, t('mt.find')));
    const mentors = h('ul', { class: 'list', id: 'mentor-list' });
    const sessions = h('ul', { class: 'list', id: 'my-sessions' });
    const showAll = h('input', { type: 'checkbox', id: 'mt-mine-all' });
    const typesByAgency = new Map();
    const types = agency => {
        if (!typesByAgency.has(agency)) typesByAgency.set(agency, api(`/api/mentoring/session-types?agency=${encodeURIComponent(agency)}&size=100`).then(p => p.items));
        return typesByAgency.get(agency);
    };

    let latest = 0;
    async function find() {
        // Only the answer to the latest search is shown, whatever order the answers arrive in.
        const mine = ++latest;
        const wanted = expertise.value.trim();
        const page = await api(`/api/mentoring/mentors?${wanted ? `expertise=${encodeURIComponent(wanted)}&` : ''}size=50`);
        if (mine !== latest) return;
        mentors.replaceChildren(...(page.items.length ? page.items.map(mentor) : [h('li', {}, t('mt.none'))]));
        mentors.dataset.query = wanted;
    }

    function mentor(m) {
        const slotsBox = h('div');
        const error = h('p', { class: 'form-error', role: 'alert' });
        const typeSelect = h('select', { id: `type-${m.id}` });
        const loadTypes = types(m.agencyId).then(list => list.forEach(st =>
            typeSelect.append(h('option', { value: st.id }, `${st.name} (${t('mt.minutes', { count: st.durationMinutes })})`))));
        loadTypes.catch(e => { error.textContent = problemText(e); });
        let latestShow = 0;
        const show = async () => {
            error.textContent = '';
            const mine = ++latestShow;
            try {
                await loadTypes;
                const slots = await slotsOf(m.id, typeSelect.value);
                // A newer request (another type chosen, the button pressed again) answers for itself.
                if (mine !== latestShow) return;
                slotsBox.replaceChildren(slots.length
                    ? h('div', { class: 'actions' }, ...slots.slice(0, 12).map(s => h('button', { type: 'button', class: 'secondary slot', onclick: () => book(m, typeSelect.value, s.start, error) },
                        `${fmtDateTime(s.start)}${s.seatsLeft > 1 ? ` · ${t('mt.seats', { count: s.seatsLeft })}` : ''}`)))
                    : h('p', { class: 'muted' }, t('mt.noSlots')));
            } catch (e) {
                error.textContent = problemText(e);
            }
        };
        typeSelect.addEventListener('change', show);
        return h('li', { class: 'mentor' }, h('strong', {}, m.name), h('div', { class: 'small muted' }, `${(m.expertise || []).join(', ')} · ${m.agencyId}`),
            m.bio ? h('p', { class: 'small' }, m.bio) : null,
            h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: `type-${m.id}` }, t('mt.type')), typeSelect),
                h('button', { type: 'button', class: 'show-slots', onclick: show }, t('mt.slots'))),
            slotsBox, error);
    }

    async function book(m, type, start, error) {
        try {
            const session = await api('/api/mentoring/sessions', { method: 'POST', body: { mentorId: m.id, sessionTypeId: type, start }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
            message.textContent = t('mt.booked', { status: session.status });
            message.dataset.session = session.id;
            await mine();
        } catch (e) {
            error.textContent = problemText(e);
        }
    }

    // From today on, soonest first, unless the founder asks for the whole history (latest first).
    async function mine() {
        const from = showAll.checked ? null : seoulToday(0);
        const page = await api(`/api/mentoring/sessions/mine?${from ? `from=${from}&` : ''}size=50`);
        sessions.replaceChildren(...(page.items.length ? page.items.map(session) : [h('li', {}, t('common.none'))]));
        sessions.dataset.from = from || 'all';
    }

    function session(s) {
        const error = h('p', { class: 'form-error', role: 'alert' });
        const reason = h('input', { id: `reason-${s.id}`, maxlength: 500 });
        const moveTo = h('select', { id: `move-${s.id}` });
        const open = ['REQUESTED', 'CONFIRMED'].includes(s.status);
        const post = async (path, body, okKey) => {
            error.textContent = '';
            try {
                await api(`/api/mentoring/sessions/${s.id}/${path}`, { method: 'POST', body });
                message.textContent = t(okKey);
                await mine();
            } catch (e) {
                error.textContent = problemText(e);
            }
        };
        const loadMoves = async () => {
            if (moveTo.options.length) return;
            try {
                (await slotsOf(s.mentorId, s.sessionTypeId, s.id)).slice(0, 20).forEach(slot => moveTo.append(h('option', { value: slot.start }, fmtDateTime(slot.start))));
            } catch (e) {
                error.textContent = problemText(e);
            }
        };
        return h('li', { id: `session-${s.id}`, class: 'session', dataset: { status: s.status, start: s.start } }, h('strong', {}, `${fmtDateTime(s.start)} – ${fmtTime(s.end)}`), ' ',
            h('span', { class: `badge ${s.status}` }, s.status), h('div', { class: 'small muted' }, `${s.kind} · ${s.agencyId}`),
            open ? h('div', {},
                h('div', { class: 'field' }, h('label', { for: `reason-${s.id}` }, t('mt.reason')), reason),
                s.seats === 1
                    ? h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: `move-${s.id}` }, t('mt.moveTo')), moveTo),
                        h('button', { type: 'button', class: 'secondary', onfocus: loadMoves, onmouseenter: loadMoves,
                            onclick: async () => { await loadMoves(); if (moveTo.value) post('reschedule', { start: moveTo.value, reason: reason.value || null }, 'mt.moved'); } }, t('mt.reschedule')))
                    : null,
                h('div', { class: 'actions' }, h('button', { type: 'button', class: 'danger cancel', onclick: () => post('cancel', { reason: reason.value || null }, 'mt.cancelled') }, t('mt.cancel'))))
                : null,
            error);
    }

    form.addEventListener('submit', event => { event.preventDefault(); find(); });
    showAll.addEventListener('change', mine);
    main.append(h('h2', {}, t('mt.title')), message, h('div', { class: 'card' }, form), mentors, h('h3', {}, t('mt.mine')),
        h('p', {}, h('label', { class: 'inline', for: 'mt-mine-all' }, showAll, t('mt.showAll'))), sessions);
    await Promise.all([find(), mine()]);
}
