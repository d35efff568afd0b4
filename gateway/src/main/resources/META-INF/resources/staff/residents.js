// Resident search and record: GET /api/residents, GET /api/residents/{id}?purpose=, rrn-reveal (welfare staff
// only, with a reason), the risk signals, and for care workers the vitals chart from care-service.
import { addDictionary, api, h, hasAny, problemText, showProblem, t, fmtDateTime } from '/assets/core.js';
import { CATEGORIES } from './register.js';
import { vitalsChart } from './vitals.js';

addDictionary({
    ko: {
        'res.title': '대상자 검색', 'res.q': '이름 또는 연락처', 'res.dong': '행정동', 'res.category': '분류', 'res.all': '전체',
        'res.minRisk': '최소 위험 점수', 'res.name': '이름', 'res.birthDate': '생년월일', 'res.complex': '단지', 'res.risk': '위험도',
        'res.total': '{count}명', 'res.purpose': '열람 목적', 'res.purpose.CONSULTATION': '상담', 'res.purpose.VISIT': '방문 준비',
        'res.purpose.EMERGENCY': '위기 대응', 'res.purpose.ADMIN': '행정 처리', 'res.open': '열람',
        'rec.title': '대상자 기록', 'rec.rrn': '주민등록번호', 'rec.reveal': '번호 보기', 'rec.reason': '열람 사유 (기록됩니다)',
        'rec.revealed': '공개된 번호', 'rec.phone': '연락처', 'rec.address': '주소', 'rec.categories': '분류',
        'rec.contacts': '비상 연락처', 'rec.careWorker': '담당 돌봄 인력', 'rec.status': '상태', 'rec.riskSignals': '위험 신호',
        'rec.points': '{points}점', 'rec.back': '← 검색으로', 'rec.vitals': '생체 신호 (최근 24시간)'
    },
    en: {
        'res.title': 'Find residents', 'res.q': 'Name or phone', 'res.dong': 'Dong', 'res.category': 'Category', 'res.all': 'All',
        'res.minRisk': 'Minimum risk score', 'res.name': 'Name', 'res.birthDate': 'Born', 'res.complex': 'Complex', 'res.risk': 'Risk',
        'res.total': '{count} residents', 'res.purpose': 'Purpose of reading', 'res.purpose.CONSULTATION': 'Consultation', 'res.purpose.VISIT': 'Preparing a visit',
        'res.purpose.EMERGENCY': 'Emergency', 'res.purpose.ADMIN': 'Administration', 'res.open': 'Open',
        'rec.title': 'Resident record', 'rec.rrn': 'Registration number', 'rec.reveal': 'Reveal', 'rec.reason': 'Reason (logged)',
        'rec.revealed': 'Revealed number', 'rec.phone': 'Phone', 'rec.address': 'Address', 'rec.categories': 'Categories',
        'rec.contacts': 'Emergency contacts', 'rec.careWorker': 'Care worker', 'rec.status': 'Status', 'rec.riskSignals': 'Risk signals',
        'rec.points': '{points} points', 'rec.back': '← Back to search', 'rec.vitals': 'Vitals (last 24 hours)'
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
        h('td', {}, h('span', { class: `badge ${r.riskLevel}` }, `${r.riskScore} ${r.riskLevel}`)),
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
        h('dt', {}, t('rec.status')), h('dd', {}, r.status),
        h('dt', {}, t('res.risk')), h('dd', {}, h('span', { class: `badge ${r.riskLevel}` }, `${r.riskScore} ${r.riskLevel}`)));
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
        h('ul', {}, ...(risk.signals || []).map(s => h('li', {}, `${s.signal}: ${t('rec.points', { points: s.points })}`, s.detail ? ` — ${s.detail}` : ''))));
    const parts = [card, signals];
    if (hasAny(ctx.me.roles, ['care-worker', 'care-supervisor'])) {
        const chart = h('div', { class: 'card' }, h('h3', {}, t('rec.vitals')));
        parts.push(chart);
        vitalsChart(chart, r.id);
    }
    return h('div', {}, ...parts);
}
