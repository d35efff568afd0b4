// The City Map: GET /api/residents/map (GeoJSON) drawn as SVG, no tile server: each building (or a
// complex's merged smaller buildings) is a circle sized by residents and coloured by its average risk.
import { addDictionary, api, h, t } from '/assets/core.js';

addDictionary({
    ko: { 'map.title': '시티맵 — 복지 수요', 'map.dong': '행정동', 'map.all': '전체', 'map.show': '보기',
        'map.suppressed': '개인 식별을 막기 위해 {count}명은 표시하지 않았습니다 (건물당 최소 {min}명).',
        'map.building': '동/건물', 'map.residents': '대상자', 'map.avg': '평균 위험 점수', 'map.needs': '주요 수요', 'map.merged': '소규모 건물 합산',
        'map.empty': '표시할 건물이 없습니다.', 'map.label': '단지별 복지 수요 지도' },
    en: { 'map.title': 'City Map — welfare demand', 'map.dong': 'Dong', 'map.all': 'All', 'map.show': 'Show',
        'map.suppressed': '{count} residents are left out so no one can be singled out (at least {min} per building).',
        'map.building': 'Building', 'map.residents': 'Residents', 'map.avg': 'Average risk score', 'map.needs': 'Top needs', 'map.merged': 'smaller buildings merged',
        'map.empty': 'No building to show.', 'map.label': 'Map of welfare demand by complex' }
});

export function levelOf(score) {
    return score >= 70 ? 'CRITICAL' : score >= 50 ? 'HIGH' : score >= 30 ? 'MEDIUM' : 'LOW';
}
const COLOURS = { LOW: '#4caf50', MEDIUM: '#f2c037', HIGH: '#f08a24', CRITICAL: '#d32f2f' };

export async function mapView(main) {
    const out = h('div', { id: 'city-map' });
    const dong = h('input', { id: 'map-dong', name: 'dong' });
    const form = h('form', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'map-dong' }, t('map.dong')), dong),
        h('button', { type: 'submit' }, t('map.show')));
    form.addEventListener('submit', event => { event.preventDefault(); load(); });
    main.append(h('h2', {}, t('map.title')), h('div', { class: 'card' }, form), out);
    async function load() {
        const geo = await api(`/api/residents/map${dong.value ? `?dong=${encodeURIComponent(dong.value)}` : ''}`);
        out.replaceChildren(drawMap(geo));
    }
    await load();
}

export function drawMap(geo) {
    const features = geo.features || [];
    const legend = h('ul', { class: 'legend' }, ...Object.keys(COLOURS).map(level => h('li', {}, h('span', { class: `swatch ${level}` }), t(`risk.${level}`))));
    const note = geo.suppressedResidents ? h('p', { class: 'small muted' }, t('map.suppressed', { count: geo.suppressedResidents, min: geo.minResidentsPerFeature })) : null;
    if (!features.length) return h('div', {}, h('p', { class: 'muted' }, t('map.empty')), note);
    const W = 800, H = 520, P = 50;
    const lons = features.map(f => f.geometry.coordinates[0]), lats = features.map(f => f.geometry.coordinates[1]);
    const minLon = Math.min(...lons), maxLon = Math.max(...lons), minLat = Math.min(...lats), maxLat = Math.max(...lats);
    // Equirectangular at this latitude: one degree of longitude is cos(lat) of one of latitude.
    const k = Math.cos((minLat + maxLat) / 2 * Math.PI / 180);
    const spanX = Math.max((maxLon - minLon) * k, 0.002), spanY = Math.max(maxLat - minLat, 0.002);
    const scale = Math.min((W - 2 * P) / spanX, (H - 2 * P) / spanY);
    // Centred on the middle of the buildings, so one building alone sits in the middle too.
    const midLon = (minLon + maxLon) / 2, midLat = (minLat + maxLat) / 2;
    const x = lon => W / 2 + (lon - midLon) * k * scale;
    const y = lat => H / 2 - (lat - midLat) * scale;
    const svg = h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': t('map.label') });
    svg.append(h('svg:rect', { x: 0, y: 0, width: W, height: H, fill: '#eef2f6' }));
    // One outline per complex around its buildings.
    const byComplex = new Map();
    features.forEach(f => {
        const key = `${f.properties.dong} ${f.properties.complex}`;
        byComplex.set(key, [...(byComplex.get(key) || []), f]);
    });
    for (const [key, list] of byComplex) {
        const xs = list.map(f => x(f.geometry.coordinates[0])), ys = list.map(f => y(f.geometry.coordinates[1]));
        const x1 = Math.min(...xs) - 36, y1 = Math.min(...ys) - 36, x2 = Math.max(...xs) + 36, y2 = Math.max(...ys) + 30;
        svg.append(h('svg:rect', { x: x1, y: y1, width: x2 - x1, height: y2 - y1, rx: 12, fill: '#ffffff', stroke: '#9aa5b1', 'stroke-dasharray': '4 3' }),
            h('svg:text', { x: x1, y: y1 - 6 }, key));
    }
    const maxResidents = Math.max(...features.map(f => f.properties.residents));
    for (const f of features) {
        const p = f.properties;
        const level = levelOf(p.averageRiskScore);
        const cx = x(f.geometry.coordinates[0]), cy = y(f.geometry.coordinates[1]);
        const r = 10 + 16 * Math.sqrt(p.residents / maxResidents);
        const label = `${p.complex} ${p.building ?? t('map.merged')}: ${p.residents} · ${p.averageRiskScore} ${level}`;
        svg.append(h('svg:g', { class: `building ${level}`, dataset: { level } },
            h('svg:circle', { cx, cy, r, fill: COLOURS[level], 'fill-opacity': 0.85, stroke: '#1d2530' }, h('svg:title', {}, label)),
            h('svg:text', { x: cx + r + 3, y: cy + 4 }, p.building ?? '*')));
    }
    const rows = features.map(f => f.properties).map(p => h('tr', {},
        h('td', {}, `${p.dong} ${p.complex} ${p.building ?? `(${t('map.merged')}: ${p.mergedBuildings})`}`),
        h('td', {}, p.residents), h('td', {}, h('span', { class: `badge ${levelOf(p.averageRiskScore)}` }, p.averageRiskScore)),
        h('td', {}, (p.topNeeds || []).map(n => `${t(`cat.${n.need}`)} ${n.residents}`).join(', '))));
    return h('div', {}, h('figure', { class: 'card' }, svg, legend), note,
        h('div', { class: 'table-wrap' }, h('table', {},
            h('thead', {}, h('tr', {}, ...['map.building', 'map.residents', 'map.avg', 'map.needs'].map(k => h('th', { scope: 'col' }, t(k))))),
            h('tbody', {}, ...rows))));
}
