// The VR room: the schedule (GET /api/care/vr/sessions, programmes from /api/care/vr/programmes), a new
// session, and one session's participants: enrol a resident found by name (care-service answers 409
// with a slug we name in words), withdraw before the start, attendance once it started. Overriding a
// contraindication is a care supervisor's decision: only they see the reason field.
import { addDictionary, api, h, hasAny, problemText, showProblem, t, fmtDateTime, fmtTime, seoulToday, seoulIso, ApiError } from '/assets/core.js';

addDictionary({
    ko: {
        'vr.title': 'VR 프로그램실', 'vr.schedule': '일정 (어제부터 7일)', 'vr.when': '시간', 'vr.programme': '프로그램', 'vr.room': '방',
        'vr.staff': '진행', 'vr.seats': '인원', 'vr.seatsOf': '{enrolled}/{capacity}명 (남은 자리 {left})', 'vr.open': '참여자 보기',
        'vr.none': '예정된 세션이 없습니다.', 'vr.new': '새 세션 만들기', 'vr.day': '날짜', 'vr.start': '시작 시각', 'vr.capacity': '헤드셋 수',
        'vr.create': '세션 만들기', 'vr.created': '세션을 만들었습니다.', 'vr.back': '← 일정으로', 'vr.participants': '참여자',
        'vr.noParticipants': '아직 참여자가 없습니다.', 'vr.enrol': '참여자 등록', 'vr.find': '대상자 이름', 'vr.search': '찾기',
        'vr.add': '등록', 'vr.enrolled': '{name} 님을 등록했습니다.', 'vr.override': '금기 사항 예외 등록 사유 (관리자)',
        'vr.overrideHelp': '금기 질환이 있는 대상자를 등록하려면 사유를 적으세요. 사유와 등록자는 기록됩니다.',
        'vr.overridden': '예외 등록: {by} — {reason} ({conditions})', 'vr.withdraw': '등록 취소', 'vr.attendance': '출석',
        'vr.minutes': '참여 시간(분)', 'vr.completed': '끝까지 완료', 'vr.score': '점수 (0–100)', 'vr.record': '기록',
        'vr.recorded': '기록: {who}', 'vr.notStarted': '세션이 시작되면 출석을 기록할 수 있습니다.', 'vr.heartRate': '심박 {min}–{max} (평균 {mean}, {count}회 측정)',
        'vr.contra': '금기', 'vr.suits': '권장 대상', 'vr.minutesLong': '{minutes}분', 'vr.started': '진행 중이거나 끝난 세션',
        'vrk.COGNITIVE_TRAINING': '인지 훈련', 'vrk.EXERCISE': '운동', 'vrk.RELAXATION': '이완',
        'vri.LOW': '낮은 강도', 'vri.MODERATE': '중간 강도', 'vri.HIGH': '높은 강도',
        'att.ATTENDED': '참석', 'att.NO_SHOW': '불참', 'att.none': '미기록',
        'vrp.session-full': '헤드셋이 모두 찼습니다. 다른 세션을 고르세요.',
        'vrp.room-taken': '그 시간에 이 방에는 이미 다른 세션이 있습니다. 다른 시간이나 다른 방을 고르세요.',
        'vrp.overlapping-session': '이 대상자는 같은 시간대의 다른 세션에 이미 등록되어 있습니다.',
        'vrp.contraindicated': '이 프로그램은 대상자의 건강 상태에 금기입니다. 관리자(care supervisor)만 사유를 남기고 예외로 등록할 수 있습니다.',
        'vrp.contraindicatedSupervisor': '이 프로그램은 대상자의 건강 상태에 금기입니다. 예외로 등록하려면 사유를 적고 다시 등록하세요.',
        'vrp.session-over': '이미 끝난 세션에는 등록할 수 없습니다.', 'vrp.profile-closed': '돌봄이 종료되었거나 동의가 철회된 대상자입니다.',
        'vrp.session-started': '세션이 시작되어 등록을 취소할 수 없습니다. 불참으로 기록하세요.',
        'vrp.session-not-started': '세션이 시작된 뒤에 출석을 기록할 수 있습니다.', 'vrp.not-found': '돌봄 대상자가 아닙니다 (돌봄 프로필 없음).',
        'cond.DEMENTIA_RISK': '치매 위험', 'cond.MILD_COGNITIVE_IMPAIRMENT': '경도 인지 장애', 'cond.DEPRESSION': '우울', 'cond.HYPERTENSION': '고혈압',
        'cond.DIABETES': '당뇨', 'cond.HEART_DISEASE': '심장 질환', 'cond.PACEMAKER': '심박 조율기', 'cond.EPILEPSY': '뇌전증', 'cond.VERTIGO': '어지럼증',
        'cond.MOTION_SICKNESS': '멀미', 'cond.RECENT_FALL': '최근 낙상', 'cond.VISUAL_IMPAIRMENT': '시각 장애', 'cond.HEARING_IMPAIRMENT': '청각 장애',
        'cond.ARTHRITIS': '관절염', 'cond.COPD': '만성 폐쇄성 폐질환', 'cond.CHRONIC_PAIN': '만성 통증'
    },
    en: {
        'vr.title': 'VR room', 'vr.schedule': 'Schedule (yesterday to 7 days ahead)', 'vr.when': 'When', 'vr.programme': 'Programme', 'vr.room': 'Room',
        'vr.staff': 'Staff', 'vr.seats': 'Places', 'vr.seatsOf': '{enrolled} of {capacity} ({left} free)', 'vr.open': 'Participants',
        'vr.none': 'No sessions scheduled.', 'vr.new': 'New session', 'vr.day': 'Day', 'vr.start': 'Starts at', 'vr.capacity': 'Headsets',
        'vr.create': 'Schedule', 'vr.created': 'Session scheduled.', 'vr.back': '← Back to the schedule', 'vr.participants': 'Participants',
        'vr.noParticipants': 'No participants yet.', 'vr.enrol': 'Enrol a resident', 'vr.find': 'Resident’s name', 'vr.search': 'Find',
        'vr.add': 'Enrol', 'vr.enrolled': '{name} is enrolled.', 'vr.override': 'Reason to enrol despite a contraindication (supervisor)',
        'vr.overrideHelp': 'To enrol a resident with a contraindicated condition, give a reason. The reason and who gave it are kept.',
        'vr.overridden': 'Override by {by} — {reason} ({conditions})', 'vr.withdraw': 'Withdraw', 'vr.attendance': 'Attendance',
        'vr.minutes': 'Minutes done', 'vr.completed': 'Completed', 'vr.score': 'Score (0–100)', 'vr.record': 'Record',
        'vr.recorded': 'Recorded by {who}', 'vr.notStarted': 'Attendance can be recorded once the session started.', 'vr.heartRate': 'Heart rate {min}–{max} (mean {mean}, {count} readings)',
        'vr.contra': 'Not for', 'vr.suits': 'Suits', 'vr.minutesLong': '{minutes} min', 'vr.started': 'Under way or over',
        'vrk.COGNITIVE_TRAINING': 'Cognitive training', 'vrk.EXERCISE': 'Exercise', 'vrk.RELAXATION': 'Relaxation',
        'vri.LOW': 'low intensity', 'vri.MODERATE': 'moderate intensity', 'vri.HIGH': 'high intensity',
        'att.ATTENDED': 'Attended', 'att.NO_SHOW': 'No-show', 'att.none': 'Not recorded',
        'vrp.session-full': 'All headsets are taken. Choose another session.',
        'vrp.room-taken': 'The room already has another session at that time. Choose another time or room.',
        'vrp.overlapping-session': 'This resident is already enrolled in another session at that time.',
        'vrp.contraindicated': 'This programme is contraindicated for the resident’s conditions. Only a care supervisor may enrol them, with a reason.',
        'vrp.contraindicatedSupervisor': 'This programme is contraindicated for the resident’s conditions. To enrol them anyway, give a reason and enrol again.',
        'vrp.session-over': 'The session is over.', 'vrp.profile-closed': 'The resident’s care has ended or consent was withdrawn.',
        'vrp.session-started': 'The session has started: record a no-show instead of withdrawing.',
        'vrp.session-not-started': 'Attendance can be recorded once the session started.', 'vrp.not-found': 'Not a resident in care (no care profile).',
        'cond.DEMENTIA_RISK': 'Dementia risk', 'cond.MILD_COGNITIVE_IMPAIRMENT': 'Mild cognitive impairment', 'cond.DEPRESSION': 'Depression', 'cond.HYPERTENSION': 'Hypertension',
        'cond.DIABETES': 'Diabetes', 'cond.HEART_DISEASE': 'Heart disease', 'cond.PACEMAKER': 'Pacemaker', 'cond.EPILEPSY': 'Epilepsy', 'cond.VERTIGO': 'Vertigo',
        'cond.MOTION_SICKNESS': 'Motion sickness', 'cond.RECENT_FALL': 'Recent fall', 'cond.VISUAL_IMPAIRMENT': 'Visual impairment', 'cond.HEARING_IMPAIRMENT': 'Hearing impairment',
        'cond.ARTHRITIS': 'Arthritis', 'cond.COPD': 'COPD', 'cond.CHRONIC_PAIN': 'Chronic pain'
    }
});

const label = (key, fallback) => (t(key) === key ? fallback : t(key));
const kindName = kind => label(`vrk.${kind}`, kind);
const conditions = list => (list || []).map(c => label(`cond.${c}`, c)).join(', ');

/** The problem's slug (urn:smarttown:problem:<slug>) in words, or the problem as it came. */
function vrProblem(error, supervisor) {
    const slug = error instanceof ApiError ? String(error.problem?.type || '').split(':').pop() : '';
    if (slug === 'contraindicated') return t(supervisor ? 'vrp.contraindicatedSupervisor' : 'vrp.contraindicated');
    if (error instanceof ApiError && error.status === 404) return t('vrp.not-found');
    const key = `vrp.${slug}`;
    return t(key) === key ? problemText(error) : t(key);
}

export async function vrView(main, ctx) {
    if (ctx.params[0]) return sessionView(main, ctx, ctx.params[0]);
    const programmes = (await api('/api/care/vr/programmes?size=100')).items;
    const table = h('div', { id: 'vr-schedule' });
    const message = h('div', { class: 'notice', role: 'status', id: 'vr-result' });

    async function load() {
        // From yesterday, so that a session under way or just over is at hand for attendance.
        const from = new Date(Date.now() - 86400000).toISOString(), to = new Date(Date.now() + 7 * 86400000).toISOString();
        const page = await api(`/api/care/vr/sessions?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&size=100`);
        const now = Date.now();
        const rows = page.items.map(s => h('tr', { id: `vrsession-${s.id}`, class: Date.parse(s.startsAt) <= now ? 'started' : '' },
            h('td', {}, `${fmtDateTime(s.startsAt)}–${fmtTime(s.endsAt)}`),
            h('td', {}, h('strong', {}, s.programme.name), h('br'), h('span', { class: 'small muted' }, `${kindName(s.programme.kind)} · ${t('vr.minutesLong', { minutes: s.programme.durationMinutes })}`)),
            h('td', {}, s.room), h('td', {}, s.staff),
            h('td', {}, h('span', { class: `badge ${s.seatsLeft ? 'CONFIRMED' : 'CANCELLED'}` }, t('vr.seatsOf', { enrolled: s.enrolled, capacity: s.capacity, left: s.seatsLeft }))),
            h('td', {}, h('a', { href: `#vr/${s.id}`, class: 'button secondary' }, t('vr.open')))));
        table.replaceChildren(rows.length
            ? h('div', { class: 'table-wrap' }, h('table', {},
                h('thead', {}, h('tr', {}, ...['vr.when', 'vr.programme', 'vr.room', 'vr.staff', 'vr.seats', 'vr.participants'].map(k => h('th', { scope: 'col' }, t(k))))),
                h('tbody', {}, ...rows)))
            : h('p', { class: 'muted' }, t('vr.none')));
    }

    const form = h('form', { id: 'vr-new' }, h('div', { class: 'form-error' }),
        h('div', { class: 'grid' },
            h('div', { class: 'field' }, h('label', { for: 'vr-programme' }, t('vr.programme')),
                h('select', { id: 'vr-programme', name: 'programmeId' }, ...programmes.map(p => h('option', { value: p.id },
                    `${p.name} · ${kindName(p.kind)} · ${t('vr.minutesLong', { minutes: p.durationMinutes })}`)))),
            h('div', { class: 'field' }, h('label', { for: 'vr-day' }, t('vr.day')), h('input', { type: 'date', id: 'vr-day', name: 'day', value: seoulToday(0), required: true })),
            h('div', { class: 'field' }, h('label', { for: 'vr-start' }, t('vr.start')), h('input', { type: 'time', id: 'vr-start', name: 'startsAt', value: '14:00', step: 300, required: true })),
            h('div', { class: 'field' }, h('label', { for: 'vr-capacity' }, t('vr.capacity')), h('input', { type: 'number', id: 'vr-capacity', name: 'capacity', min: 1, max: 100, value: 6, required: true })),
            h('div', { class: 'field' }, h('label', { for: 'vr-room' }, t('vr.room')), h('input', { id: 'vr-room', name: 'room', value: 'VR-1', maxlength: 40 }))),
        h('p', {}, h('button', { type: 'submit' }, t('vr.create'))));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        try {
            const created = await api('/api/care/vr/sessions', { method: 'POST', body: {
                programmeId: form.programmeId.value, startsAt: seoulIso(form.day.value, form.startsAt.value),
                capacity: Number(form.capacity.value), room: form.room.value || null } });
            message.textContent = t('vr.created');
            message.dataset.session = created.id;
            await load();
        } catch (e) {
            showProblem(form, e);
            // A room already taken is no field's fault: say it in the staff's own words.
            if (e instanceof ApiError && e.status === 409) form.querySelector('.form-error').textContent = vrProblem(e);
        }
    });
    main.append(h('h2', {}, t('vr.title')), h('h3', {}, t('vr.schedule')), table, message,
        h('details', { class: 'card', id: 'vr-new-card' }, h('summary', {}, t('vr.new')), form));
    await load();
}

async function sessionView(main, ctx, id) {
    const supervisor = hasAny(ctx.me.roles, ['care-supervisor']);
    const head = h('div', {});
    const participants = h('div', { id: 'vr-participants' });
    const message = h('div', { class: 'notice', role: 'status', id: 'vr-message' });
    let session;

    function render(s) {
        session = s;
        const p = s.programme;
        head.replaceChildren(h('div', { class: 'card', id: 'vr-session', dataset: { enrolled: s.enrolled, seatsLeft: s.seatsLeft } },
            h('h3', {}, `${p.name} · ${fmtDateTime(s.startsAt)}–${fmtTime(s.endsAt)}`),
            h('dl', { class: 'facts' },
                h('dt', {}, t('vr.programme')), h('dd', {}, `${kindName(p.kind)} · ${label(`vri.${p.intensity}`, p.intensity)} · ${t('vr.minutesLong', { minutes: p.durationMinutes })}`),
                h('dt', {}, t('vr.suits')), h('dd', {}, conditions(p.suits) || '—'),
                h('dt', {}, t('vr.contra')), h('dd', { class: 'contra' }, conditions(p.contraindications) || '—'),
                h('dt', {}, t('vr.room')), h('dd', {}, `${s.room} · ${t('vr.staff')} ${s.staff}`),
                h('dt', {}, t('vr.seats')), h('dd', { id: 'vr-seats' }, t('vr.seatsOf', { enrolled: s.enrolled, capacity: s.capacity, left: s.seatsLeft })))));
        const started = Date.parse(s.startsAt) <= Date.now();
        const list = (s.participants || []).map(x => participant(x, started));
        enrolCard.classList.toggle('hidden', Date.parse(s.endsAt) <= Date.now());
        participants.replaceChildren(...(list.length ? list : [h('p', { class: 'muted' }, t('vr.noParticipants'))]),
            started ? null : h('p', { class: 'small muted' }, t('vr.notStarted')));
    }

    function participant(x, started) {
        const error = h('p', { class: 'form-error', role: 'alert' });
        const item = h('article', { class: 'card participant', id: `participant-${x.residentId}`, dataset: { attendance: x.attendance || '' } },
            h('h4', {}, x.name || x.residentId, ' ', h('span', { class: `badge ${x.attendance === 'ATTENDED' ? 'CONFIRMED' : x.attendance === 'NO_SHOW' ? 'CANCELLED' : ''}` },
                x.attendance ? t(`att.${x.attendance}`) : t('att.none'))),
            x.override ? h('p', { class: 'small' }, t('vr.overridden', { by: x.override.by, reason: x.override.reason, conditions: conditions(x.override.conditions) })) : null,
            x.attendance === 'ATTENDED' ? h('p', { class: 'small' }, `${t('vr.minutes')} ${x.minutesDone} · ${x.completed ? t('vr.completed') : '—'} · ${t('vr.score')} ${x.score ?? '—'}`) : null,
            x.heartRate?.readings ? h('p', { class: 'small muted' }, t('vr.heartRate', { min: x.heartRate.min, max: x.heartRate.max, mean: x.heartRate.mean?.toFixed(0), count: x.heartRate.readings })) : null,
            x.recordedBy ? h('p', { class: 'small muted' }, t('vr.recorded', { who: x.recordedBy })) : null);
        if (!started) {
            item.append(h('button', { type: 'button', class: 'secondary withdraw', onclick: async () => {
                try {
                    await api(`/api/care/vr/sessions/${id}/enrolments/${x.residentId}`, { method: 'DELETE' });
                    render(await api(`/api/care/vr/sessions/${id}`));
                } catch (e) {
                    error.textContent = vrProblem(e, supervisor);
                }
            } }, t('vr.withdraw')));
        } else {
            const key = x.residentId;
            const attendance = h('select', { id: `att-${key}`, name: 'attendance' }, ...['ATTENDED', 'NO_SHOW'].map(a => h('option', { value: a, selected: x.attendance === a }, t(`att.${a}`))));
            const minutes = h('input', { type: 'number', id: `min-${key}`, name: 'minutesDone', min: 0, max: Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60000),
                value: x.minutesDone ?? '', inputmode: 'numeric' });
            const completed = h('input', { type: 'checkbox', id: `done-${key}`, name: 'completed', checked: Boolean(x.completed) });
            const score = h('input', { type: 'number', id: `score-${key}`, name: 'score', min: 0, max: 100, value: x.score ?? '', inputmode: 'numeric' });
            const form = h('form', { class: 'attendance', id: `attendance-${key}` }, h('div', { class: 'form-error' }),
                h('div', { class: 'grid' },
                    h('div', { class: 'field' }, h('label', { for: `att-${key}` }, t('vr.attendance')), attendance),
                    h('div', { class: 'field' }, h('label', { for: `min-${key}` }, t('vr.minutes')), minutes),
                    h('div', { class: 'field' }, h('label', { for: `score-${key}` }, t('vr.score')), score),
                    h('div', { class: 'field' }, h('label', { class: 'inline', for: `done-${key}` }, completed, t('vr.completed')))),
                h('button', { type: 'submit' }, t('vr.record')));
            // A no-show has no minutes, completion or score: the fields step aside.
            const sync = () => [minutes, score, completed].forEach(el => { el.disabled = attendance.value === 'NO_SHOW'; });
            attendance.addEventListener('change', sync);
            sync();
            form.addEventListener('submit', async event => {
                event.preventDefault();
                const attended = attendance.value === 'ATTENDED';
                const num = el => (el.value === '' ? null : Number(el.value));
                try {
                    render(await api(`/api/care/vr/sessions/${id}/enrolments/${x.residentId}/attendance`, { method: 'POST', body: {
                        attendance: attendance.value, minutesDone: attended ? num(minutes) : null, completed: attended ? completed.checked : null,
                        score: attended ? num(score) : null } }));
                } catch (e) {
                    showProblem(form, e);
                }
            });
            item.append(form);
        }
        item.append(error);
        return item;
    }

    // Enrolment: find the resident by name (resident-service's search), then enrol from the list.
    const results = h('ul', { class: 'list', id: 'vr-candidates' });
    const overrideField = supervisor
        ? h('div', { class: 'field', id: 'override-field' }, h('label', { for: 'vr-override' }, t('vr.override')),
            h('input', { id: 'vr-override', name: 'overrideReason', maxlength: 500 }), h('p', { class: 'small muted' }, t('vr.overrideHelp')))
        : null;
    const enrolError = h('p', { class: 'form-error', role: 'alert', id: 'vr-enrol-error' });
    const search = h('form', { id: 'vr-find', role: 'search', class: 'row' },
        h('div', { class: 'field' }, h('label', { for: 'vr-q' }, t('vr.find')), h('input', { id: 'vr-q', name: 'q', type: 'search', required: true })),
        h('button', { type: 'submit' }, t('vr.search')));
    search.addEventListener('submit', async event => {
        event.preventDefault();
        enrolError.textContent = '';
        try {
            const found = await api(`/api/residents?${new URLSearchParams({ q: search.q.value, size: 10 })}`);
            results.replaceChildren(...found.items.map(r => h('li', { dataset: { resident: r.id } }, `${r.name} · ${r.birthDate} · ${[r.address?.complex, r.address?.building].filter(Boolean).join(' ')} `,
                h('button', { type: 'button', class: 'enrol', onclick: () => enrol(r) }, t('vr.add')))));
            if (!found.items.length) results.replaceChildren(h('li', {}, t('common.none')));
        } catch (e) {
            enrolError.textContent = problemText(e);
        }
    });

    async function enrol(r) {
        enrolError.textContent = '';
        message.textContent = '';
        const reason = overrideField ? overrideField.querySelector('input').value.trim() : '';
        try {
            render(await api(`/api/care/vr/sessions/${id}/enrolments`, { method: 'POST', body: { residentId: r.id, overrideReason: reason || null } }));
            message.textContent = t('vr.enrolled', { name: r.name });
            results.replaceChildren();
        } catch (e) {
            enrolError.textContent = vrProblem(e, supervisor);
            enrolError.dataset.problem = e instanceof ApiError ? String(e.problem?.type || '').split(':').pop() : '';
            if (supervisor && enrolError.dataset.problem === 'contraindicated') overrideField.querySelector('input').focus();
        }
    }

    const enrolCard = h('div', { class: 'card', id: 'vr-enrol' }, h('h3', {}, t('vr.enrol')), search, overrideField, enrolError, results);
    main.append(h('p', {}, h('a', { href: '#vr' }, t('vr.back'))), h('h2', {}, t('vr.title')), head, message,
        h('h3', {}, t('vr.participants')), participants, enrolCard);
    render(await api(`/api/care/vr/sessions/${id}`));
}
