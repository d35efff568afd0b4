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
        'kind.INACTIVITY': '장시간 무활동', 'kind.LOW_BATTERY': '배터리 부족', 'kind.DEVICE_SILENT': '기기 무응답'
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
        'kind.INACTIVITY': 'Long inactivity', 'kind.LOW_BATTERY': 'Low battery', 'kind.DEVICE_SILENT': 'Device silent'
    }
});

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
            h('h3', {}, name, ' ', h('span', { class: `badge ${a.level}` }, a.level), ' ', h('span', { class: `badge status ${a.status}` }, a.status)),
            h('p', {}, h('strong', {}, t(`kind.${a.kind}`)), ' — ', a.summary || ''),
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
        alerts.set(alert.id, { ...alert, card: null });
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
