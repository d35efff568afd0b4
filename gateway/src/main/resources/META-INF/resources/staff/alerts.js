// The live alert board: open alerts from GET /api/care/alerts, then every new or changed alert from the
// server-sent events of /api/care/alerts/stream; acknowledge, dispatch and resolve call care-service.
import { addDictionary, api, h, problemText, t, fmtDateTime } from '/assets/core.js';

addDictionary({
    ko: {
        'al.title': '실시간 경보', 'al.live': '실시간 연결됨', 'al.offline': '연결 끊김 — 다시 연결하는 중', 'al.empty': '처리할 경보가 없습니다.',
        'al.acknowledge': '확인', 'al.dispatch': '출동', 'al.resolve': '종결', 'al.note': '메모', 'al.method': '출동 방법',
        'al.method.VISIT': '방문', 'al.method.CALL_119': '119 신고', 'al.resolution': '처리 결과',
        'al.res.VISITED_OK': '방문 확인(이상 없음)', 'al.res.CALLED_OK': '통화 확인(이상 없음)', 'al.res.TAKEN_TO_HOSPITAL': '병원 이송',
        'al.res.RESOLVED_BY_119': '119 처리', 'al.res.DEVICE_FIXED': '기기 조치', 'al.res.RESIDENT_AWAY': '부재',
        'al.res.FALSE_ALARM': '오경보', 'al.res.ACCIDENTAL_PRESS': '실수로 누름', 'al.raisedAt': '발생', 'al.device': '기기',
        'al.by': '담당: {who}', 'al.occurrences': '{count}회', 'al.showClosed': '종결된 경보도 보기',
        'kind.SOS': '응급 호출(SOS)', 'kind.FALL': '낙상', 'kind.SMOKE': '연기 감지', 'kind.GAS': '가스 감지',
        'kind.HEART_RATE': '심박 이상', 'kind.SPO2': '산소포화도 저하',
        'kind.INACTIVITY': '장시간 무활동', 'kind.LOW_BATTERY': '배터리 부족', 'kind.DEVICE_SILENT': '기기 무응답',
        'kind.SELF_HARM': '자해 위험 (선별 검사)',
        'level.CRITICAL': '위급', 'level.WARNING': '주의', 'level.TECHNICAL': '기기 점검',
        'astatus.RAISED': '발생', 'astatus.ESCALATED': '상향 보고됨', 'astatus.ACKNOWLEDGED': '확인됨', 'astatus.DISPATCHED': '출동 중',
        'astatus.RESOLVED': '종결', 'astatus.FALSE_ALARM': '오경보 종결',
        'rule.EMERGENCY_EVENT': '기기에서 응급 신호가 들어와, 확인을 기다리지 않고 즉시 위급 경보를 올렸습니다.',
        'rule.VITAL_CLINICAL_LIMIT': '측정값이 임상 기준(심박 40 미만·130 초과, 산소포화도 90% 미만)을 벗어났습니다.',
        'rule.VITAL_PERSONAL_BASELINE': '측정값이 이 대상자의 평소 범위(최근 14일 기준)를 벗어났습니다.',
        'rule.INACTIVITY': '활동 시간대에 정해진 시간 이상 움직임·출입 기록이 없습니다.',
        'rule.LOW_BATTERY': '기기 배터리가 부족합니다. 충전이나 교체가 필요합니다.',
        'rule.SCREENING_CRITICAL_ITEM': '선별 검사의 위기 문항(PHQ-9 9번)에 응답이 있어 즉시 위급 경보를 올렸습니다.',
        'rule.DEVICE_SILENT': '설치된 기기가 정해진 주기 안에 신호를 보내지 않았습니다.',
        'al.details': '측정 근거 (원문)', 'al.method.label': '출동 방법: {method}'
    },
    en: {
        'al.title': 'Live alerts', 'al.live': 'Live', 'al.offline': 'Disconnected — reconnecting', 'al.empty': 'No alerts to handle.',
        'al.acknowledge': 'Acknowledge', 'al.dispatch': 'Dispatch', 'al.resolve': 'Resolve', 'al.note': 'Note', 'al.method': 'How',
        'al.method.VISIT': 'Visit', 'al.method.CALL_119': 'Call 119', 'al.resolution': 'Outcome',
        'al.res.VISITED_OK': 'Visited, all right', 'al.res.CALLED_OK': 'Called, all right', 'al.res.TAKEN_TO_HOSPITAL': 'Taken to hospital',
        'al.res.RESOLVED_BY_119': 'Handled by 119', 'al.res.DEVICE_FIXED': 'Device fixed', 'al.res.RESIDENT_AWAY': 'Resident away',
        'al.res.FALSE_ALARM': 'False alarm', 'al.res.ACCIDENTAL_PRESS': 'Pressed by accident', 'al.raisedAt': 'Raised', 'al.device': 'Device',
        'al.by': 'Taken by {who}', 'al.occurrences': '{count} times', 'al.showClosed': 'Show closed alerts too',
        'kind.SOS': 'SOS call', 'kind.FALL': 'Fall', 'kind.SMOKE': 'Smoke', 'kind.GAS': 'Gas',
        'kind.HEART_RATE': 'Heart rate', 'kind.SPO2': 'Low SpO2',
        'kind.INACTIVITY': 'Long inactivity', 'kind.LOW_BATTERY': 'Low battery', 'kind.DEVICE_SILENT': 'Device silent',
        'kind.SELF_HARM': 'Self-harm risk (screening)',
        'level.CRITICAL': 'Critical', 'level.WARNING': 'Warning', 'level.TECHNICAL': 'Technical',
        'astatus.RAISED': 'Raised', 'astatus.ESCALATED': 'Escalated', 'astatus.ACKNOWLEDGED': 'Acknowledged', 'astatus.DISPATCHED': 'Dispatched',
        'astatus.RESOLVED': 'Resolved', 'astatus.FALSE_ALARM': 'False alarm',
        'rule.EMERGENCY_EVENT': 'The device sent an emergency signal: critical at once, no confirmation awaited.',
        'rule.VITAL_CLINICAL_LIMIT': 'Outside the clinical limits (heart rate under 40 or over 130, SpO2 under 90 %).',
        'rule.VITAL_PERSONAL_BASELINE': 'Outside this resident’s own usual range (last 14 days).',
        'rule.INACTIVITY': 'No movement or door activity during active hours for longer than the quiet period.',
        'rule.LOW_BATTERY': 'The device’s battery is low: charge or replace it.',
        'rule.SCREENING_CRITICAL_ITEM': 'A screening’s critical item (PHQ-9 item 9) was answered: critical at once.',
        'rule.DEVICE_SILENT': 'An installed device has not been heard from within its heartbeat interval.',
        'al.details': 'What was measured (as recorded)', 'al.method.label': 'Dispatched by: {method}'
    }
});

export function kindName(kind) {
    return label(`kind.${kind}`, kind);
}
export function levelName(level) {
    return label(`level.${level}`, level);
}
export function statusName(status) {
    return label(`astatus.${status}`, status);
}
function label(key, fallback) {
    return t(key) === key ? fallback : t(key);
}

/**
 * The explanation in the page's language. care-service's Explanation has one structured field, the
 * rule; what was seen, the bound and the window are English sentences with the numbers, so they are
 * shown as recorded beneath the translated sentence.
 */
function explanation(a) {
    const rule = a.explanation?.rule;
    const key = `rule.${rule}`;
    const sentence = rule && t(key) !== key ? t(key) : null;
    return h('div', { class: 'explanation' },
        h('p', {}, h('strong', {}, kindName(a.kind)), sentence ? ` — ${sentence}` : ''),
        a.summary ? h('p', { class: 'small muted' }, `${t('al.details')}: `, h('span', { lang: 'en' }, a.summary)) : null);
}

const OPEN = ['RAISED', 'ESCALATED', 'ACKNOWLEDGED', 'DISPATCHED'];
const RESOLUTIONS = ['VISITED_OK', 'CALLED_OK', 'TAKEN_TO_HOSPITAL', 'RESOLVED_BY_119', 'DEVICE_FIXED', 'RESIDENT_AWAY', 'FALSE_ALARM', 'ACCIDENTAL_PRESS'];
const names = new Map();

function residentName(id) {
    if (!names.has(id)) {
        names.set(id, api(`/api/care/profiles/${id}`).then(p => p.name).catch(() => id.slice(0, 8)));
    }
    return names.get(id);
}

export async function alertsView(main) {
    const alerts = new Map();
    const live = h('span', { class: 'live', id: 'alerts-live', role: 'status' }, t('al.offline'));
    const showClosed = h('input', { type: 'checkbox', id: 'show-closed' });
    const board = h('div', { class: 'alerts', id: 'alert-board', 'aria-live': 'polite' });
    main.append(h('h2', {}, t('al.title')),
        h('p', { class: 'row' }, live, h('label', { class: 'inline', for: 'show-closed' }, showClosed, t('al.showClosed'))),
        board);

    function render() {
        const shown = [...alerts.values()]
            .filter(a => showClosed.checked || OPEN.includes(a.status))
            .sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt));
        const cards = shown.map(a => a.card || (a.card = card(a)));
        board.replaceChildren(...(cards.length ? cards : [h('p', { class: 'muted', id: 'alerts-empty' }, t('al.empty'))]));
    }

    function card(a) {
        const el = h('article', { class: `card alert-card ${a.level}`, id: `alert-${a.id}`, dataset: { status: a.status } });
        const name = h('span', { class: 'resident-name' }, '…');
        residentName(a.residentId).then(text => { name.textContent = text; });
        const error = h('p', { class: 'form-error', role: 'alert' });
        const actions = h('div', { class: 'actions row' });
        const act = async (path, body) => {
            error.textContent = '';
            try {
                upsert(await api(`/api/care/alerts/${a.id}/${path}`, { method: 'POST', body }));
            } catch (e) {
                error.textContent = problemText(e);
            }
        };
        const note = h('input', { name: 'note', id: `note-${a.id}`, maxlength: 500 });
        if (['RAISED', 'ESCALATED'].includes(a.status)) {
            actions.append(h('button', { type: 'button', class: 'acknowledge', onclick: () => act('acknowledge', { note: note.value || null }) }, t('al.acknowledge')));
        }
        if (a.status === 'ACKNOWLEDGED') {
            const method = h('select', { id: `method-${a.id}` }, ...['VISIT', 'CALL_119'].map(m => h('option', { value: m }, t(`al.method.${m}`))));
            actions.append(h('label', { for: `method-${a.id}`, class: 'inline' }, t('al.method')), method,
                h('button', { type: 'button', class: 'dispatch secondary', onclick: () => act('dispatch', { method: method.value, note: note.value || null }) }, t('al.dispatch')));
        }
        if (['ACKNOWLEDGED', 'DISPATCHED'].includes(a.status)) {
            const resolution = h('select', { id: `resolution-${a.id}` }, ...RESOLUTIONS.map(r => h('option', { value: r }, t(`al.res.${r}`))));
            actions.append(h('label', { for: `resolution-${a.id}`, class: 'inline' }, t('al.resolution')), resolution,
                h('button', { type: 'button', class: 'resolve', onclick: () => act('resolve', { resolution: resolution.value, note: note.value || null }) }, t('al.resolve')));
        }
        el.append(
            h('h3', {}, name, ' ', h('span', { class: `badge ${a.level}` }, levelName(a.level)), ' ', h('span', { class: `badge status ${a.status}` }, statusName(a.status))),
            explanation(a),
            h('p', { class: 'small muted' }, `${t('al.raisedAt')} ${fmtDateTime(a.raisedAt)} · ${t('al.device')} ${a.deviceSerial || '—'} · ${t('al.occurrences', { count: a.occurrences })}`,
                a.acknowledgedBy ? ` · ${t('al.by', { who: a.acknowledgedBy })}` : ''));
        if (OPEN.includes(a.status)) {
            el.append(h('div', { class: 'field' }, h('label', { for: `note-${a.id}` }, t('al.note')), note), actions);
        }
        el.append(error);
        return el;
    }

    function upsert(alert, fresh = false) {
        const known = alerts.get(alert.id);
        // The same state again (an action's answer, then its echo on the stream) keeps the card, so
        // a note being typed or a choice being made on it is not wiped.
        const same = known && known.card && ['status', 'level', 'occurrences', 'acknowledgedBy', 'summary']
            .every(field => known[field] === alert[field]);
        alerts.set(alert.id, { ...alert, card: same ? known.card : null });
        render();
        if (fresh && !known) document.getElementById(`alert-${alert.id}`)?.classList.add('new');
    }

    const page = await api('/api/care/alerts?size=100');
    page.items.forEach(a => alerts.set(a.id, a));
    render();
    showClosed.addEventListener('change', render);

    // The browser reconnects by itself after a drop; the gateway relays the session's token on each connect.
    const source = new EventSource('/api/care/alerts/stream');
    source.onopen = () => { live.textContent = t('al.live'); live.classList.add('on'); };
    source.onerror = () => { live.textContent = t('al.offline'); live.classList.remove('on'); };
    source.onmessage = event => upsert(JSON.parse(event.data), true);
    return () => source.close();
}
