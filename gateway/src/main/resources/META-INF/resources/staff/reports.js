// Reports: the shared office's occupancy (GET /api/coworking/reports/occupancy, space managers) and an
// agency's mentoring figures (GET /api/mentoring/agencies/{id}/report, admins).
import { addDictionary, api, h, showProblem, t, seoulToday } from '/assets/core.js';

addDictionary({
    ko: { 'rep.occupancy': '공유오피스 이용률', 'rep.from': '시작일', 'rep.to': '종료일', 'rep.show': '보기', 'rep.space': '공간',
        'rep.type': '유형', 'rep.booked': '예약 시간', 'rep.open': '운영 시간', 'rep.rate': '이용률', 'rep.noShows': '노쇼 {noShows}건 / 이용 {attended}건 ({rate})',
        'rep.csv': 'CSV 내려받기', 'rep.byHour': '시간대별 예약 시간', 'rep.mentoring': '멘토링 보고서', 'rep.agency': '기관',
        'rep.mentor': '멘토', 'rep.sessions': '세션', 'rep.noShowHost': '멘토 노쇼', 'rep.noShowGuest': '창업가 노쇼', 'rep.rating': '평점' },
    en: { 'rep.occupancy': 'Coworking occupancy', 'rep.from': 'From', 'rep.to': 'To', 'rep.show': 'Show', 'rep.space': 'Space',
        'rep.type': 'Type', 'rep.booked': 'Booked hours', 'rep.open': 'Open hours', 'rep.rate': 'Occupancy', 'rep.noShows': '{noShows} no-shows / {attended} attended ({rate})',
        'rep.csv': 'Download CSV', 'rep.byHour': 'Booked hours by hour of day', 'rep.mentoring': 'Mentoring report', 'rep.agency': 'Agency',
        'rep.mentor': 'Mentor', 'rep.sessions': 'Sessions', 'rep.noShowHost': 'Mentor no-shows', 'rep.noShowGuest': 'Founder no-shows', 'rep.rating': 'Rating' }
});

const pct = value => `${Math.round(value * 100)}%`;

function periodForm(id, extra = []) {
    return h('form', { id, class: 'row' }, h('div', { class: 'form-error' }), ...extra,
        h('div', { class: 'field' }, h('label', { for: `${id}-from` }, t('rep.from')), h('input', { type: 'date', id: `${id}-from`, name: 'from', value: seoulToday(-27) })),
        h('div', { class: 'field' }, h('label', { for: `${id}-to` }, t('rep.to')), h('input', { type: 'date', id: `${id}-to`, name: 'to', value: seoulToday(0) })),
        h('button', { type: 'submit' }, t('rep.show')));
}

export async function occupancyView(main) {
    const form = periodForm('occupancy');
    const out = h('div', { id: 'occupancy-report' });
    async function load() {
        const query = new URLSearchParams({ from: form.from.value, to: form.to.value });
        try {
            const report = await api(`/api/coworking/reports/occupancy?${query}`);
            out.replaceChildren(renderOccupancy(report, query));
        } catch (e) {
            showProblem(form, e);
        }
    }
    form.addEventListener('submit', event => { event.preventDefault(); load(); });
    main.append(h('h2', {}, t('rep.occupancy')), h('div', { class: 'card' }, form), out);
    await load();
}

function renderOccupancy(report, query) {
    const max = Math.max(1, ...report.byHour.map(b => b.bookedHours));
    const W = 640, H = 160, barW = W / 24;
    const chart = h('svg:svg', { viewBox: `0 0 ${W} ${H + 20}`, class: 'chart', role: 'img', 'aria-label': t('rep.byHour') },
        ...report.byHour.map(b => h('svg:rect', { x: b.hour * barW + 2, y: H - b.bookedHours / max * H, width: barW - 4, height: b.bookedHours / max * H, fill: '#0b5cad' },
            h('svg:title', {}, `${b.hour}:00 — ${b.bookedHours.toFixed(1)} h`))),
        ...[0, 6, 12, 18, 23].map(hour => h('svg:text', { x: hour * barW + 4, y: H + 14 }, `${hour}`)));
    return h('div', {},
        h('div', { class: 'card' }, h('div', { class: 'table-wrap' }, h('table', {},
            h('thead', {}, h('tr', {}, ...['rep.space', 'rep.type', 'rep.booked', 'rep.open', 'rep.rate'].map(k => h('th', { scope: 'col' }, t(k))))),
            h('tbody', {}, ...report.bySpace.map(s => h('tr', {}, h('td', {}, s.spaceCode), h('td', {}, s.type),
                h('td', {}, s.bookedHours.toFixed(1)), h('td', {}, s.openHours.toFixed(1)), h('td', {}, pct(s.occupancy))))))),
            h('p', {}, t('rep.noShows', { ...report.noShows, rate: pct(report.noShows.rate) })),
            h('p', {}, h('a', { href: `/api/coworking/reports/occupancy.csv?${query}`, download: true }, t('rep.csv')))),
        h('div', { class: 'card' }, h('h3', {}, t('rep.byHour')), chart));
}

export async function mentoringView(main) {
    const agencies = await api('/api/mentoring/agencies?size=100');
    const agency = h('select', { id: 'mentoring-agency', name: 'agency' }, ...agencies.items.map(a => h('option', { value: a.id }, a.name)));
    const form = periodForm('mentoring', [h('div', { class: 'field' }, h('label', { for: 'mentoring-agency' }, t('rep.agency')), agency)]);
    const out = h('div', { id: 'mentoring-report' });
    async function load() {
        if (!agency.value) return;
        try {
            const r = await api(`/api/mentoring/agencies/${encodeURIComponent(agency.value)}/report?from=${form.from.value}&to=${form.to.value}`);
            const sessions = m => Object.entries(m || {}).map(([k, v]) => `${k} ${v}`).join(', ') || '0';
            out.replaceChildren(h('div', { class: 'card' },
                h('p', {}, `${t('rep.sessions')}: ${sessions(r.sessions)} · ${t('rep.noShowHost')} ${r.noShowsHost} · ${t('rep.noShowGuest')} ${r.noShowsGuest} · ${t('rep.rating')} ${r.averageRating?.toFixed(1) ?? '—'} (${r.ratings})`),
                h('div', { class: 'table-wrap' }, h('table', {},
                    h('thead', {}, h('tr', {}, ...['rep.mentor', 'rep.sessions', 'rep.noShowHost', 'rep.noShowGuest', 'rep.rating'].map(k => h('th', { scope: 'col' }, t(k))))),
                    h('tbody', {}, ...r.mentors.map(m => h('tr', {}, h('td', {}, m.name), h('td', {}, sessions(m.sessions)), h('td', {}, m.noShowsHost),
                        h('td', {}, m.noShowsGuest), h('td', {}, m.averageRating?.toFixed(1) ?? '—'))))))));
        } catch (e) {
            showProblem(form, e);
        }
    }
    form.addEventListener('submit', event => { event.preventDefault(); load(); });
    main.append(h('h2', {}, t('rep.mentoring')), h('div', { class: 'card' }, form), out);
    await load();
}
