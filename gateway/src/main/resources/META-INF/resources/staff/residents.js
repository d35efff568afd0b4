// Resident search and record: GET /api/residents, GET /api/residents/{id}?purpose=, rrn-reveal (welfare staff
// only, with a reason), the risk signals, and for care workers the vitals chart from care-service.
import { addDictionary, api, h, hasAny, problemText, showProblem, t, fmtDateTime } from '/assets/core.js';
import { CATEGORIES } from './register.js';
import { vitalsChart } from './vitals.js';
import { screeningCard, bandName, instrumentName } from './screening.js';
import { kindName, levelName, statusName } from './alerts.js';

addDictionary({
    ko: {
        'res.title': '대상자 검색', 'res.q': '이름 또는 연락처', 'res.dong': '행정동', 'res.category': '분류', 'res.all': '전체',
        'res.minRisk': '최소 위험 점수', 'res.name': '이름', 'res.birthDate': '생년월일', 'res.complex': '단지', 'res.risk': '위험도',
        'res.total': '{count}명', 'res.purpose': '열람 목적', 'res.purpose.CONSULTATION': '상담', 'res.purpose.VISIT': '방문 준비',
        'res.purpose.EMERGENCY': '위기 대응', 'res.purpose.ADMIN': '행정 처리', 'res.open': '열람',
        'rec.title': '대상자 기록', 'rec.rrn': '주민등록번호', 'rec.reveal': '번호 보기', 'rec.reason': '열람 사유 (기록됩니다)',
        'rec.revealed': '공개된 번호', 'rec.phone': '연락처', 'rec.address': '주소', 'rec.categories': '분류',
        'rec.contacts': '비상 연락처', 'rec.careWorker': '담당 돌봄 인력', 'rec.status': '상태', 'rec.riskSignals': '위험 신호',
        'rec.points': '{points}점', 'rec.back': '← 검색으로', 'rec.vitals': '생체 신호 (최근 24시간)',
        'risk.LOW': '낮음', 'risk.MEDIUM': '보통', 'risk.HIGH': '높음', 'risk.CRITICAL': '매우 높음',
        'rstatus.ACTIVE': '관리 중', 'rstatus.MOVED_OUT': '전출', 'rstatus.DECEASED': '사망', 'rstatus.MERGED': '병합됨',
        'sig.LIVING_ALONE': '독거', 'sig.BASIC_LIVELIHOOD': '기초생활수급', 'sig.DISABLED': '장애 등록', 'sig.CHRONIC_ILLNESS': '만성 질환',
        'sig.NO_EMERGENCY_CONTACT': '비상 연락처 없음', 'sig.ALERT_OPEN': '처리 중인 경보', 'sig.CRITICAL_ALERT_OPEN': '처리 중인 위기 경보',
        'sig.VISIT_OVERDUE': '방문 기한 지남', 'sig.SCREENING': '선별 검사 결과: {band}',
        'sum.title': '돌봄 요약', 'sum.openAlerts': '처리 중인 경보', 'sum.noAlerts': '없음', 'sum.lastVitals': '최근 측정값',
        'sum.vr': 'VR 프로그램', 'sum.vrCounts': '참여 {attended}회 · 불참 {noShow}회 · 예정 {upcoming}회', 'sum.nextVisit': '다음 방문',
        'sum.overdue': '기한 지난 방문 {count}건', 'sum.conditions': '건강 상태', 'sum.none': '—'
    },
    en: {
        'res.title': 'Find residents', 'res.q': 'Name or phone', 'res.dong': 'Dong', 'res.category': 'Category', 'res.all': 'All',
        'res.minRisk': 'Minimum risk score', 'res.name': 'Name', 'res.birthDate': 'Born', 'res.complex': 'Complex', 'res.risk': 'Risk',
        'res.total': '{count} residents', 'res.purpose': 'Purpose of reading', 'res.purpose.CONSULTATION': 'Consultation', 'res.purpose.VISIT': 'Preparing a visit',
        'res.purpose.EMERGENCY': 'Emergency', 'res.purpose.ADMIN': 'Administration', 'res.open': 'Open',
        'rec.title': 'Resident record', 'rec.rrn': 'Registration number', 'rec.reveal': 'Reveal', 'rec.reason': 'Reason (logged)',
        'rec.revealed': 'Revealed number', 'rec.phone': 'Phone', 'rec.address': 'Address', 'rec.categories': 'Categories',
        'rec.contacts': 'Emergency contacts', 'rec.careWorker': 'Care worker', 'rec.status': 'Status', 'rec.riskSignals': 'Risk signals',
        'rec.points': '{points} points', 'rec.back': '← Back to search', 'rec.vitals': 'Vitals (last 24 hours)',
        'risk.LOW': 'Low', 'risk.MEDIUM': 'Medium', 'risk.HIGH': 'High', 'risk.CRITICAL': 'Critical',
        'rstatus.ACTIVE': 'Active', 'rstatus.MOVED_OUT': 'Moved out', 'rstatus.DECEASED': 'Deceased', 'rstatus.MERGED': 'Merged',
        'sig.LIVING_ALONE': 'Lives alone', 'sig.BASIC_LIVELIHOOD': 'Basic livelihood', 'sig.DISABLED': 'Registered disability', 'sig.CHRONIC_ILLNESS': 'Chronic illness',
        'sig.NO_EMERGENCY_CONTACT': 'No emergency contact', 'sig.ALERT_OPEN': 'Open alert', 'sig.CRITICAL_ALERT_OPEN': 'Open critical alert',
        'sig.VISIT_OVERDUE': 'Visit overdue', 'sig.SCREENING': 'Screening result: {band}',
        'sum.title': 'Care summary', 'sum.openAlerts': 'Open alerts', 'sum.noAlerts': 'None', 'sum.lastVitals': 'Latest readings',
        'sum.vr': 'VR programmes', 'sum.vrCounts': 'attended {attended} · no-show {noShow} · upcoming {upcoming}', 'sum.nextVisit': 'Next visit',
        'sum.overdue': '{count} overdue visit(s)', 'sum.conditions': 'Conditions', 'sum.none': '—'
    }
});

const PURPOSES = ['CONSULTATION', 'VISIT', 'EMERGENCY', 'ADMIN'];

export async function residentsView(main, ctx) {
    if (ctx.params[0]) {
        return recordView(main, ctx, ctx.params[0]);
    }
    const results = h('div', { id: 'resident-results', 'aria-live': 'polite' });
    const form = h('form', { id: 'resident-search', role: 'search' },
        h('div', { class: 'form-error' }),
        h('div', { class: 'grid' },
            h('div', { class: 'field' }, h('label', { for: 'q' }, t('res.q')), h('input', { id: 'q', name: 'q', type: 'search' })),
            h('div', { class: 'field' }, h('label', { for: 'dong' }, t('res.dong')), h('input', { id: 'dong', name: 'dong' })),
            h('div', { class: 'field' }, h('label', { for: 'category' }, t('res.category')),
                h('select', { id: 'category', name: 'category' }, h('option', { value: '' }, t('res.all')),
                    ...CATEGORIES.map(c => h('option', { value: c }, t(`cat.${c}`))))),
            h('div', { class: 'field' }, h('label', { for: 'minRisk' }, t('res.minRisk')),
                h('input', { id: 'minRisk', name: 'minRisk', type: 'number', min: 0, max: 100 }))),
        h('p', {}, h('button', { type: 'submit' }, t('common.search'))));

    async function search(page = 0) {
        const params = new URLSearchParams({ page, size: 20, sort: '-riskScore' });
        for (const [key, value] of new FormData(form)) if (value) params.set(key, value);
        try {
            const found = await api(`/api/residents?${params}`);
            results.replaceChildren(renderResults(found, search));
        } catch (e) {
            showProblem(form, e);
        }
    }
    form.addEventListener('submit', event => { event.preventDefault(); search(0); });
    main.append(h('h2', {}, t('res.title')), h('div', { class: 'card' }, form), results);
    await search(0);
}

function renderResults(found, search) {
    const rows = found.items.map(r => h('tr', {},
        h('td', {}, h('a', { href: `#residents/${r.id}` }, r.name)),
        h('td', {}, r.birthDate),
        h('td', {}, [r.address?.dong, r.address?.complex, r.address?.building].filter(Boolean).join(' ')),
        h('td', {}, h('span', { class: `badge ${r.riskLevel}` }, `${r.riskScore} ${riskName(r.riskLevel)}`)),
        h('td', {}, (r.categories || []).map(c => t(`cat.${c}`)).join(', '))));
    const pages = Math.max(1, Math.ceil(found.totalItems / found.size));
    return h('div', {},
        h('p', { class: 'muted' }, t('res.total', { count: found.totalItems })),
        h('div', { class: 'table-wrap' }, h('table', {},
            h('thead', {}, h('tr', {}, ...['res.name', 'res.birthDate', 'res.complex', 'res.risk', 'res.category'].map(k => h('th', { scope: 'col' }, t(k))))),
            h('tbody', {}, ...rows))),
        h('p', { class: 'row' },
            h('button', { type: 'button', class: 'secondary', disabled: found.page <= 0, onclick: () => search(found.page - 1) }, t('common.prev')),
            h('span', {}, t('common.page', { page: found.page + 1, pages })),
            h('button', { type: 'button', class: 'secondary', disabled: found.page + 1 >= pages, onclick: () => search(found.page + 1) }, t('common.next'))));
}

async function recordView(main, ctx, id) {
    // Every read of a record is logged with its purpose: ask for it first.
    const body = h('div', { id: 'record' });
    const purpose = h('select', { id: 'purpose', name: 'purpose' }, ...PURPOSES.map(p => h('option', { value: p }, t(`res.purpose.${p}`))));
    const form = h('form', { id: 'purpose-form', class: 'row' },
        h('div', { class: 'field' }, h('label', { for: 'purpose' }, t('res.purpose')), purpose),
        h('button', { type: 'submit', id: 'open-record' }, t('res.open')));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        try {
            const [resident, risk] = await Promise.all([
                api(`/api/residents/${encodeURIComponent(id)}?purpose=${encodeURIComponent(purpose.value)}`),
                api(`/api/residents/${encodeURIComponent(id)}/risk`)]);
            body.replaceChildren(renderRecord(resident, risk, ctx));
            form.remove();
        } catch (e) {
            body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, problemText(e)));
        }
    });
    main.append(h('p', {}, h('a', { href: '#residents' }, t('rec.back'))), h('h2', {}, t('rec.title')),
        h('div', { class: 'card' }, form), body);
}

function renderRecord(r, risk, ctx) {
    const rrnValue = h('span', { id: 'rrn-value' }, r.rrnMasked || '—');
    const facts = h('dl', { class: 'facts' },
        h('dt', {}, t('res.name')), h('dd', { id: 'record-name' }, r.name),
        h('dt', {}, t('res.birthDate')), h('dd', {}, r.birthDate),
        h('dt', {}, t('rec.rrn')), h('dd', {}, rrnValue),
        h('dt', {}, t('rec.phone')), h('dd', {}, r.phone || '—'),
        h('dt', {}, t('rec.address')), h('dd', {}, [r.address?.dong, r.address?.complex, r.address?.building, r.address?.unit].filter(Boolean).join(' ')),
        h('dt', {}, t('rec.categories')), h('dd', {}, (r.categories || []).map(c => t(`cat.${c}`)).join(', ') || '—'),
        h('dt', {}, t('rec.contacts')), h('dd', {}, (r.emergencyContacts || []).map(c => `${c.order}. ${c.name} (${c.relation}) ${c.phone}`).join(' · ') || '—'),
        h('dt', {}, t('rec.careWorker')), h('dd', {}, r.assignedCareWorker || '—'),
        h('dt', {}, t('rec.status')), h('dd', {}, labelOr(`rstatus.${r.status}`, r.status)),
        h('dt', {}, t('res.risk')), h('dd', {}, h('span', { class: `badge ${r.riskLevel}` }, `${r.riskScore} ${riskName(r.riskLevel)}`)));
    const card = h('div', { class: 'card' }, h('h3', {}, r.name), facts);

    if (r.rrnMasked && hasAny(ctx.me.roles, ['welfare-staff'])) {
        const reveal = h('form', { id: 'reveal-form', class: 'row' },
            h('div', { class: 'field' }, h('label', { for: 'reason' }, t('rec.reason')),
                h('input', { id: 'reason', name: 'reason', required: true, maxlength: 200 })),
            h('button', { type: 'submit', id: 'reveal' }, t('rec.reveal')),
            h('div', { class: 'form-error' }));
        reveal.addEventListener('submit', async event => {
            event.preventDefault();
            try {
                const shown = await api(`/api/residents/${r.id}/rrn-reveal`, { method: 'POST', body: { reason: reveal.reason.value } });
                rrnValue.textContent = shown.rrn;
                reveal.remove();
            } catch (e) {
                showProblem(reveal, e);
            }
        });
        card.append(reveal);
    }
    const signals = h('div', { class: 'card' }, h('h3', {}, t('rec.riskSignals')),
        h('ul', {}, ...(risk.signals || []).map(s => h('li', {}, `${signalName(s.signal)}: ${t('rec.points', { points: s.points })}`, s.detail ? ` — ${s.detail}` : ''))));
    const parts = [card, signals];
    if (hasAny(ctx.me.roles, ['care-worker', 'care-supervisor'])) {
        const summary = h('div', { class: 'card', id: 'care-summary' }, h('h3', {}, t('sum.title')), h('p', { class: 'muted' }, t('common.loading')));
        const chart = h('div', { class: 'card' }, h('h3', {}, t('rec.vitals')));
        const screenings = h('div', { class: 'card', id: 'screenings' }, h('h3', {}, t('scr.title')));
        const trend = h('div', { class: 'card', id: 'screening-trend-card' });
        // The care summary, the vitals and the screening trend side by side on a wide screen; the form below them.
        parts.push(h('div', { class: 'columns' }, summary, chart, trend), screenings);
        const loadSummary = () => api(`/api/care/residents/${r.id}/summary`).then(s => summary.replaceChildren(h('h3', {}, t('sum.title')), renderSummary(s)))
            .catch(e => summary.replaceChildren(h('h3', {}, t('sum.title')), h('p', { class: 'muted' }, problemText(e))));
        loadSummary();
        vitalsChart(chart, r.id);
        // A saved screening may have raised an alert and planned a visit: the summary is read again.
        screeningCard(screenings, r, loadSummary, trend).catch(e => screenings.append(h('p', { class: 'form-error', role: 'alert' }, problemText(e))));
    }
    return h('div', {}, ...parts);
}

function labelOr(key, fallback) {
    return t(key) === key ? fallback : t(key);
}

function riskName(level) {
    return labelOr(`risk.${level}`, level || '');
}

function signalName(signal) {
    if (signal?.startsWith('SCREENING_')) return t('sig.SCREENING', { band: bandName(signal.slice('SCREENING_'.length)) });
    return labelOr(`sig.${signal}`, signal);
}

/** care-service's one view of the resident: open alerts, latest readings, VR attendance, visits, screenings due. */
function renderSummary(s) {
    const alerts = (s.openAlerts || []).map(a => h('li', {}, h('span', { class: `badge ${a.level}` }, levelName(a.level)), ' ',
        kindName(a.kind), ' · ', h('span', { class: `badge status ${a.status}` }, statusName(a.status)), ' ', h('span', { class: 'small muted' }, fmtDateTime(a.raisedAt))));
    const vitals = (s.lastVitals || []).map(v => h('li', {}, `${labelOr(`vit.${v.type}`, v.type)}: ${v.value} ${v.unit || ''} `,
        h('span', { class: 'small muted' }, fmtDateTime(v.measuredAt))));
    const due = (s.screenings || []).map(b => `${instrumentName(b.instrument)} ${b.latest ? bandName(b.latest.band) : ''}${b.due ? ` (${t('scr.due')})` : ''}`);
    return h('dl', { class: 'facts' },
        h('dt', {}, t('sum.openAlerts')), h('dd', { id: 'summary-alerts' }, alerts.length ? h('ul', { class: 'plain' }, ...alerts) : t('sum.noAlerts')),
        h('dt', {}, t('sum.lastVitals')), h('dd', {}, vitals.length ? h('ul', { class: 'plain' }, ...vitals) : t('sum.none')),
        h('dt', {}, t('sum.conditions')), h('dd', {}, (s.conditions || []).map(c => labelOr(`cond.${c}`, c)).join(', ') || t('sum.none')),
        h('dt', {}, t('scr.title')), h('dd', {}, due.join(' · ') || t('sum.none')),
        h('dt', {}, t('sum.vr')), h('dd', { id: 'summary-vr' }, t('sum.vrCounts', { attended: s.vr?.attended ?? 0, noShow: s.vr?.noShow ?? 0, upcoming: s.vr?.upcoming ?? 0 })),
        h('dt', {}, t('sum.nextVisit')), h('dd', {}, s.nextVisit ? `${fmtDateTime(s.nextVisit.dueAt)} · ${s.nextVisit.purpose || ''} (${s.nextVisit.assignedTo || ''})` : t('sum.none'),
            s.overdueVisits ? h('strong', { class: 'overdue' }, ` ${t('sum.overdue', { count: s.overdueVisits })}`) : null));
}
