// A resident's vitals as an SVG chart: GET /api/care/residents/{id}/vitals (hourly buckets, last 24 h).
import { addDictionary, api, h, problemText, t, fmtTime } from '/assets/core.js';

addDictionary({
    ko: { 'vit.type': '항목', 'vit.HEART_RATE': '심박수', 'vit.SPO2': '산소포화도', 'vit.STEPS': '걸음 수', 'vit.SKIN_TEMP': '피부 온도',
        'vit.ACTIVITY': '활동량', 'vit.DOOR': '출입문', 'vit.BATTERY': '배터리', 'vit.HEARTBEAT': '기기 신호', 'vit.SOS': '응급 호출', 'vit.FALL': '낙상',
        'vit.SMOKE': '연기', 'vit.GAS': '가스',
        'vit.empty': '이 기간의 측정값이 없습니다.', 'vit.summary': '{count}개 구간 · 최저 {min} · 최고 {max}' },
    en: { 'vit.type': 'Measure', 'vit.HEART_RATE': 'Heart rate', 'vit.SPO2': 'SpO2', 'vit.STEPS': 'Steps', 'vit.SKIN_TEMP': 'Skin temperature',
        'vit.ACTIVITY': 'Activity', 'vit.DOOR': 'Door', 'vit.BATTERY': 'Battery', 'vit.HEARTBEAT': 'Heartbeat', 'vit.SOS': 'SOS', 'vit.FALL': 'Fall',
        'vit.SMOKE': 'Smoke', 'vit.GAS': 'Gas',
        'vit.empty': 'No readings in this period.', 'vit.summary': '{count} buckets · lowest {min} · highest {max}' }
});

const TYPES = ['HEART_RATE', 'SPO2', 'STEPS', 'SKIN_TEMP'];

export function vitalsChart(container, residentId) {
    const select = h('select', { id: 'vitals-type' }, ...TYPES.map(type => h('option', { value: type }, t(`vit.${type}`))));
    const area = h('div', { id: 'vitals-chart' });
    container.append(h('div', { class: 'field' }, h('label', { for: 'vitals-type' }, t('vit.type')), select), area);
    async function load() {
        try {
            const trend = await api(`/api/care/residents/${residentId}/vitals?type=${select.value}`);
            area.replaceChildren(draw(trend));
        } catch (e) {
            area.replaceChildren(h('p', { class: 'muted' }, problemText(e)));
        }
    }
    select.addEventListener('change', load);
    load();
}

/** Mean per bucket as a line, min–max as a band; buckets without readings leave gaps. */
export function draw(trend) {
    const buckets = (trend.buckets || []).filter(b => b.count > 0);
    if (!buckets.length) return h('p', { class: 'muted' }, t('vit.empty'));
    const W = 640, H = 220, L = 44, R = 10, T = 10, B = 28;
    const x0 = Date.parse(trend.from), x1 = Date.parse(trend.to);
    const lo = Math.min(...buckets.map(b => b.min)), hi = Math.max(...buckets.map(b => b.max));
    const pad = (hi - lo) * 0.1 || 1;
    const yMin = lo - pad, yMax = hi + pad;
    const x = time => L + (Date.parse(time) - x0) / (x1 - x0) * (W - L - R);
    const y = value => T + (yMax - value) / (yMax - yMin) * (H - T - B);
    const svg = h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img',
        'aria-label': `${t(`vit.${trend.type}`)} ${t('vit.summary', { count: buckets.length, min: lo, max: hi })}` });
    for (const tick of [yMin + pad, (yMin + yMax) / 2, yMax - pad]) {
        svg.append(h('svg:line', { x1: L, x2: W - R, y1: y(tick), y2: y(tick), stroke: '#d5dbe3' }),
            h('svg:text', { x: 4, y: y(tick) + 4 }, tick.toFixed(trend.type === 'SKIN_TEMP' ? 1 : 0)));
    }
    for (const time of [trend.from, new Date((x0 + x1) / 2).toISOString(), trend.to]) {
        svg.append(h('svg:text', { x: Math.min(x(time), W - 40), y: H - 8 }, fmtTime(time)));
    }
    const band = buckets.map(b => `${x(b.start)},${y(b.max)}`).concat([...buckets].reverse().map(b => `${x(b.start)},${y(b.min)}`));
    svg.append(h('svg:polygon', { points: band.join(' '), fill: '#cfe0f3' }));
    svg.append(h('svg:polyline', { points: buckets.map(b => `${x(b.start)},${y(b.mean)}`).join(' '), fill: 'none', stroke: '#0b5cad', 'stroke-width': 2 }));
    buckets.forEach(b => svg.append(h('svg:circle', { cx: x(b.start), cy: y(b.mean), r: 3, fill: '#0b5cad' },
        h('svg:title', {}, `${fmtTime(b.start)}: ${b.mean.toFixed(1)} ${trend.unit || ''}`))));
    return h('figure', {}, svg, h('figcaption', { class: 'small muted' },
        `${t(`vit.${trend.type}`)} (${trend.unit || ''}) — ${t('vit.summary', { count: buckets.length, min: lo, max: hi })}`));
}
