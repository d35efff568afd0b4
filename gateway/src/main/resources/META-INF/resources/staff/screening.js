// Screenings on a resident's record: the form of each instrument (rendered from care-service's
// GET /api/care/screenings/instruments), the score as answers are entered (the same rules as the
// service's Scoring: reverse items, prorating up to maxMissing, bands, critical items), saving with
// POST /api/care/screenings, and the trend per instrument (GET /api/care/residents/{id}/screenings).
import { addDictionary, api, h, problemText, showProblem, t, fmtDateTime, lang } from '/assets/core.js';

addDictionary({
    ko: {
        'scr.title': '선별 검사', 'scr.note': '메모', 'scr.start': '문항에 답하는 대로 점수가 계산됩니다.', 'scr.instrument': '검사 도구', 'scr.save': '검사 결과 저장', 'scr.reset': '처음부터',
        'scr.live': '현재 점수', 'scr.answered': '응답 {answered}/{items}문항', 'scr.total': '{total}점 (최대 {max}점)',
        'scr.prorated': '미응답 {missing}문항은 응답한 문항의 평균으로 보정됩니다.',
        'scr.incomplete': '미응답 {missing}문항: {max}문항까지만 보정되므로 지금 저장하면 “미완료”로 기록되고 점수가 매겨지지 않으며, 곧바로 재검사 대상이 됩니다.',
        'scr.followUp': '추적 관리 필요: 저장하면 담당자 방문이 계획됩니다.', 'scr.noFollowUp': '추적 관리 기준 미만',
        'scr.critical': '{item}번 문항({summary})에 “전혀 없음”이 아닌 응답: 저장하면 즉시 위기(CRITICAL) 경보가 울리고 1일 이내 방문이 계획됩니다. 지금 대상자의 안전을 확인하세요.',
        'scr.topicNote': '문항은 요지만 보여 줍니다. 질문은 검증된 한국어판 검사지 문구 그대로 읽어 주세요.',
        'scr.saved': '저장되었습니다: {instrument} {total} · {band}', 'scr.savedIncomplete': '저장되었습니다: {instrument} 미완료 (점수 없음)',
        'scr.alertRaised': '위기 경보가 발생했습니다.', 'scr.visitPlanned': '방문이 계획되었습니다.', 'scr.nextDue': '다음 검사 예정: {date}',
        'scr.cogTotal': '총점 (0–30)', 'scr.age': '나이', 'scr.education': '교육 연수 (년)', 'scr.cutoff': '기준점 {cutoff}점 (나이 {age}세, 교육 {edu}년): {cutoff}점 미만이면 인지 저하 의심',
        'scr.noCutoff': '이 나이·교육 연수에 맞는 기준표가 없습니다.', 'scr.needAge': '나이와 교육 연수를 입력하면 판정이 보입니다.',
        'scr.trend': '선별 검사 추이', 'scr.trendEmpty': '아직 검사 기록이 없습니다.', 'scr.due': '검사 예정일이 지났습니다', 'scr.dueAt': '다음 예정 {date}',
        'scr.latest': '최근: {total} · {band} ({date})', 'scr.item': '{n}번',
        'ans.0': '전혀 없음 (0)', 'ans.1': '며칠 동안 (1)', 'ans.2': '일주일 이상 (2)', 'ans.3': '거의 매일 (3)', 'ans.yes': '예', 'ans.no': '아니요',
        'band.MINIMAL': '최소', 'band.MILD': '경도', 'band.MODERATE': '중등도', 'band.MODERATELY_SEVERE': '중등도-고도', 'band.SEVERE': '고도',
        'band.NORMAL': '정상', 'band.IMPAIRED': '인지 저하 의심',
        'flag.SELF_HARM_RISK': '자해 위험', 'flag.PRORATED': '미응답 보정', 'status.SCORED': '채점됨', 'status.INCOMPLETE': '미완료',
        'inst.PHQ-9': 'PHQ-9 우울 선별', 'inst.GDS-15': 'GDS-15 노인 우울 척도(단축형)', 'inst.COGNITIVE': '인지 선별 (MMSE형 총점)'
    },
    en: {
        'scr.title': 'Screenings', 'scr.note': 'Note', 'scr.start': 'The score is worked out as you answer.', 'scr.instrument': 'Instrument', 'scr.save': 'Save the screening', 'scr.reset': 'Start again',
        'scr.live': 'Score so far', 'scr.answered': '{answered} of {items} answered', 'scr.total': '{total} points (of {max})',
        'scr.prorated': 'The {missing} unanswered item(s) count as the mean of the answered ones.',
        'scr.incomplete': '{missing} unanswered: only {max} can be prorated, so saving now records the form as INCOMPLETE, unscored and due again at once.',
        'scr.followUp': 'Follow-up: saving plans a visit.', 'scr.noFollowUp': 'Below the follow-up threshold',
        'scr.critical': 'Item {item} ({summary}) is above “not at all”: saving raises a CRITICAL alert at once and plans a visit within a day. Check the resident’s safety now.',
        'scr.topicNote': 'Items are shown as topics only; read the questions from the validated form.',
        'scr.saved': 'Saved: {instrument} {total} · {band}', 'scr.savedIncomplete': 'Saved: {instrument} incomplete (no score)',
        'scr.alertRaised': 'A critical alert was raised.', 'scr.visitPlanned': 'A visit was planned.', 'scr.nextDue': 'Next screening due {date}',
        'scr.cogTotal': 'Total (0–30)', 'scr.age': 'Age', 'scr.education': 'Years of education', 'scr.cutoff': 'Cutoff {cutoff} (age {age}, {edu} years of education): below {cutoff} suggests impairment',
        'scr.noCutoff': 'No cutoff is configured for this age and education.', 'scr.needAge': 'Enter age and years of education to see the band.',
        'scr.trend': 'Screening trend', 'scr.trendEmpty': 'No screenings yet.', 'scr.due': 'Due now', 'scr.dueAt': 'next due {date}',
        'scr.latest': 'Latest: {total} · {band} ({date})', 'scr.item': 'Item {n}',
        'ans.0': 'Not at all (0)', 'ans.1': 'Several days (1)', 'ans.2': 'More than half the days (2)', 'ans.3': 'Nearly every day (3)', 'ans.yes': 'Yes', 'ans.no': 'No',
        'band.MINIMAL': 'Minimal', 'band.MILD': 'Mild', 'band.MODERATE': 'Moderate', 'band.MODERATELY_SEVERE': 'Moderately severe', 'band.SEVERE': 'Severe',
        'band.NORMAL': 'Normal', 'band.IMPAIRED': 'Possible impairment',
        'flag.SELF_HARM_RISK': 'Self-harm risk', 'flag.PRORATED': 'Prorated', 'status.SCORED': 'Scored', 'status.INCOMPLETE': 'Incomplete',
        'inst.PHQ-9': 'PHQ-9 depression', 'inst.GDS-15': 'GDS-15 geriatric depression (short)', 'inst.COGNITIVE': 'Cognitive screening (MMSE-style total)'
    }
});

// The instrument files carry no item texts: these are short topics in our own words (ko, en), so a
// worker knows which question a row is; the questions themselves are read from the validated form.
const TOPICS = {
    'PHQ-9': {
        ko: ['흥미나 즐거움이 줄었음', '기분이 가라앉거나 희망이 없음', '잠들기 어렵거나 너무 많이 잠', '피곤하거나 기운이 없음', '식욕이 줄거나 과식함',
            '자신이 실패자라고 느낌', '집중하기 어려움', '느려지거나 안절부절못함', '죽는 게 낫겠다는 생각, 자해 생각'],
        en: ['Little interest or pleasure', 'Feeling down or hopeless', 'Trouble sleeping, or sleeping too much', 'Tired, little energy', 'Poor appetite or overeating',
            'Feeling like a failure', 'Trouble concentrating', 'Moving slowly, or restless', 'Better off dead, or hurting oneself']
    },
    'GDS-15': {
        ko: ['삶에 대체로 만족한다', '활동과 관심사가 많이 줄었다', '삶이 공허하다고 느낀다', '자주 지루하다', '대체로 기분이 좋다', '나쁜 일이 생길까 두렵다',
            '대체로 행복하다', '자주 무력감을 느낀다', '밖에 나가기보다 집에 있고 싶다', '남들보다 기억력 문제가 많다', '살아 있다는 것이 기쁘다',
            '지금의 자신이 쓸모없다고 느낀다', '기운이 넘친다', '자신의 처지가 희망이 없다고 느낀다', '다른 사람들이 자기보다 낫다고 느낀다'],
        en: ['Basically satisfied with life', 'Dropped many activities and interests', 'Life feels empty', 'Often bored', 'In good spirits most of the time',
            'Afraid something bad will happen', 'Happy most of the time', 'Often feels helpless', 'Prefers to stay at home', 'More memory problems than most',
            'Wonderful to be alive now', 'Feels worthless as they are now', 'Full of energy', 'Situation feels hopeless', 'Most people are better off']
    }
};

export function instrumentName(code) {
    const key = `inst.${code}`;
    return t(key) === key ? code : t(key);
}

export function bandName(band) {
    return band ? t(`band.${band}`) : '—';
}

let instrumentsCache;
function instruments() {
    instrumentsCache ??= api('/api/care/screenings/instruments').catch(e => { instrumentsCache = null; throw e; });
    return instrumentsCache;
}

/**
 * The score of a form as care-service computes it (screening/Scoring.java): answers are null for an
 * unanswered item, numbers for SCALE, booleans for YES_NO; TOTAL takes {total, age, educationYears}.
 */
export function score(instrument, form) {
    if (instrument.answerType === 'TOTAL') {
        const { total, age, educationYears } = form;
        if (total === null || age === null || educationYears === null) return { status: 'PENDING' };
        const cutoff = (instrument.cutoffs || []).find(c => c.minAge <= age && age <= c.maxAge
            && c.minEducation <= educationYears && educationYears <= c.maxEducation);
        if (!cutoff) return { status: 'NO_CUTOFF' };
        const band = instrument.bands.find(b => Boolean(b.belowCutoff) === (total < cutoff.cutoff));
        return { status: 'SCORED', total, band: band.band, followUp: band.followUp, flags: [], cutoff: cutoff.cutoff, critical: [] };
    }
    let sum = 0, answered = 0;
    const flags = [], critical = [];
    form.answers.forEach((answer, index) => {
        if (answer === null || answer === undefined) return;
        const item = index + 1;
        const reversed = (instrument.reverseItems || []).includes(item);
        const points = instrument.answerType === 'YES_NO'
            ? ((reversed ? !answer : answer) ? 1 : 0)
            : (reversed ? instrument.maxAnswer + instrument.minAnswer - answer : answer);
        for (const c of instrument.criticalItems || []) {
            if (c.item === item && points > c.above) { critical.push(c); flags.push(c.flag); }
        }
        sum += points;
        answered++;
    });
    const missing = instrument.items - answered;
    if (missing > instrument.maxMissing) {
        return { status: 'INCOMPLETE', answered, missing, total: null, band: null, followUp: critical.length > 0, flags, critical };
    }
    let total = sum;
    if (missing > 0) {
        // Java's Math.round: half up. The double arithmetic is the same IEEE arithmetic as the service's.
        total = Math.floor(sum * instrument.items / answered + 0.5);
        flags.push('PRORATED');
    }
    const band = instrument.bands.find(b => b.from <= total && total <= b.to);
    return { status: 'SCORED', answered, missing, total, band: band.band, followUp: band.followUp || critical.length > 0, flags, critical };
}

function maxTotal(instrument) {
    if (instrument.answerType === 'TOTAL') return instrument.maxTotal;
    return instrument.answerType === 'YES_NO' ? instrument.items : instrument.items * instrument.maxAnswer;
}

/** The screening card of a resident's record: instrument choice, form, live score, trend. */
export async function screeningCard(container, resident, onSaved = () => {}, trendCard = container) {
    const list = await instruments();
    const trendArea = h('div', { id: 'screening-trend' });
    const select = h('select', { id: 'screening-instrument' }, ...list.map(i => h('option', { value: i.code }, instrumentName(i.code))));
    const formArea = h('div', {});
    const result = h('div', { class: 'notice', role: 'status', id: 'screening-result' });
    container.append(
        h('div', { class: 'field' }, h('label', { for: 'screening-instrument' }, t('scr.instrument')), select),
        formArea, result);
    trendCard.append(h('h3', {}, t('scr.trend')), trendArea);

    async function loadTrend() {
        try {
            const trend = await api(`/api/care/residents/${resident.id}/screenings`);
            trendArea.replaceChildren(drawTrend(trend.instruments, list));
        } catch (e) {
            trendArea.replaceChildren(h('p', { class: 'muted' }, problemText(e)));
        }
    }
    function show() {
        const instrument = list.find(i => i.code === select.value);
        formArea.replaceChildren(screeningForm(instrument, resident, saved => {
            result.replaceChildren(...savedMessage(saved));
            Object.assign(result.dataset, { total: saved.total ?? '', band: saved.band ?? '', status: saved.status,
                followUp: saved.followUp, flags: (saved.flags || []).join(',') });
            show();
            loadTrend();
            onSaved(saved);
        }));
    }
    select.addEventListener('change', () => { result.replaceChildren(); show(); });
    show();
    await loadTrend();
}

function savedMessage(saved) {
    const parts = [saved.status === 'SCORED'
        ? t('scr.saved', { instrument: saved.instrument, total: saved.total, band: bandName(saved.band) })
        : t('scr.savedIncomplete', { instrument: saved.instrument })];
    if (saved.alertId) parts.push(' ', h('strong', {}, t('scr.alertRaised')));
    if (saved.visitId) parts.push(' ', t('scr.visitPlanned'));
    if (saved.nextDueAt) parts.push(' ', t('scr.nextDue', { date: fmtDateTime(saved.nextDueAt) }));
    return parts;
}

function age(birthDate) {
    if (!birthDate) return '';
    const born = new Date(birthDate), now = new Date();
    let years = now.getFullYear() - born.getFullYear();
    if (now.getMonth() < born.getMonth() || (now.getMonth() === born.getMonth() && now.getDate() < born.getDate())) years--;
    return String(years);
}

function screeningForm(instrument, resident, onSaved) {
    const form = h('form', { id: 'screening-form', dataset: { instrument: instrument.code } }, h('div', { class: 'form-error' }));
    const live = h('div', { class: 'score-live', id: 'screening-live', 'aria-live': 'polite' });
    const warning = h('div', { class: 'critical-warning hidden', id: 'screening-critical', role: 'alert' });
    const note = h('textarea', { name: 'note', id: 'screening-note', maxlength: 1000, rows: 2 });
    const save = h('button', { type: 'submit', id: 'screening-save' }, t('scr.save'));
    let read;

    if (instrument.answerType === 'TOTAL') {
        const total = h('input', { type: 'number', name: 'total', id: 'cog-total', min: instrument.minTotal, max: instrument.maxTotal, required: true, inputmode: 'numeric' });
        const years = h('input', { type: 'number', name: 'age', id: 'cog-age', min: 0, max: 130, value: age(resident.birthDate), required: true, inputmode: 'numeric' });
        const edu = h('input', { type: 'number', name: 'educationYears', id: 'cog-education', min: 0, max: 40, required: true, inputmode: 'numeric' });
        form.append(h('div', { class: 'grid' },
            h('div', { class: 'field' }, h('label', { for: 'cog-total' }, t('scr.cogTotal')), total),
            h('div', { class: 'field' }, h('label', { for: 'cog-age' }, t('scr.age')), years),
            h('div', { class: 'field' }, h('label', { for: 'cog-education' }, t('scr.education')), edu)));
        const num = input => (input.value === '' ? null : Number(input.value));
        read = () => ({ total: num(total), age: num(years), educationYears: num(edu) });
    } else {
        const topics = TOPICS[instrument.code]?.[lang()];
        const hasTopics = topics && topics.length === instrument.items;
        const choices = instrument.answerType === 'YES_NO'
            ? [[true, t('ans.yes')], [false, t('ans.no')]]
            : Array.from({ length: instrument.maxAnswer - instrument.minAnswer + 1 }, (_, k) => {
                const v = instrument.minAnswer + k;
                return [v, t(`ans.${v}`) === `ans.${v}` ? String(v) : t(`ans.${v}`)];
            });
        if (hasTopics) form.append(h('p', { class: 'small muted' }, t('scr.topicNote')));
        for (let item = 1; item <= instrument.items; item++) {
            const critical = (instrument.criticalItems || []).some(c => c.item === item);
            form.append(h('fieldset', { class: `item${critical ? ' critical-item' : ''}`, id: `item-${item}` },
                h('legend', {}, `${t('scr.item', { n: item })}${hasTopics ? ` · ${topics[item - 1]}` : ''}`),
                ...choices.map(([value, text]) => h('label', { class: 'inline choice' },
                    h('input', { type: 'radio', name: `q${item}`, value: String(value), dataset: { item } }), text))));
        }
        read = () => ({ answers: Array.from({ length: instrument.items }, (_, k) => {
            const checked = form.querySelector(`input[name="q${k + 1}"]:checked`);
            if (!checked) return null;
            return instrument.answerType === 'YES_NO' ? checked.value === 'true' : Number(checked.value);
        }) });
    }

    const update = () => {
        const s = score(instrument, read());
        const lines = [];
        if (instrument.answerType !== 'TOTAL') lines.push(h('span', {}, t('scr.answered', { answered: s.answered, items: instrument.items })));
        if (s.status === 'SCORED') {
            lines.push(h('strong', { class: 'live-total' }, t('scr.total', { total: s.total, max: maxTotal(instrument) })),
                h('span', { class: `badge band ${s.band}` }, bandName(s.band)),
                h('span', { class: s.followUp ? 'follow-up' : 'muted' }, s.followUp ? t('scr.followUp') : t('scr.noFollowUp')));
            if (s.flags.includes('PRORATED')) lines.push(h('span', { class: 'small' }, t('scr.prorated', { missing: s.missing })));
            if (s.cutoff !== undefined) {
                const v = read();
                lines.push(h('span', { class: 'small' }, t('scr.cutoff', { cutoff: s.cutoff, age: v.age, edu: v.educationYears })));
            }
        } else if (s.status === 'INCOMPLETE' && s.answered === 0) {
            lines.push(h('span', { class: 'muted' }, t('scr.start')));
        } else if (s.status === 'INCOMPLETE') {
            lines.push(h('span', { class: 'incomplete' }, t('scr.incomplete', { missing: s.missing, max: instrument.maxMissing })));
        } else if (s.status === 'NO_CUTOFF') {
            lines.push(h('span', { class: 'incomplete' }, t('scr.noCutoff')));
        } else {
            lines.push(h('span', { class: 'muted' }, t('scr.needAge')));
        }
        live.replaceChildren(h('h4', {}, t('scr.live')), ...lines.map(line => h('p', {}, line)));
        Object.assign(live.dataset, { status: s.status, total: s.total ?? '', band: s.band ?? '', followUp: Boolean(s.followUp), flags: (s.flags || []).join(',') });
        const critical = s.critical || [];
        // Nothing entered yet is nothing to save.
        save.disabled = instrument.answerType === 'TOTAL' ? s.status === 'PENDING' : s.answered === 0;
        warning.classList.toggle('hidden', critical.length === 0);
        // The instrument's summary of a critical item is English; the topic says the same in the page's language.
        warning.textContent = critical.map(c => t('scr.critical', { item: c.item, summary: TOPICS[instrument.code]?.[lang()]?.[c.item - 1] ?? c.summary })).join(' ');
    };
    form.addEventListener('input', update);
    form.addEventListener('change', update);

    form.append(warning, live,
        h('div', { class: 'field' }, h('label', { for: 'screening-note' }, t('scr.note')), note),
        h('p', { class: 'row' }, save, h('button', { type: 'reset', class: 'secondary' }, t('scr.reset'))));
    form.addEventListener('reset', () => setTimeout(update));
    // One key per filled-in form: a double click or a retry after a lost answer records it once.
    let key = crypto.randomUUID();
    form.addEventListener('input', () => { key = crypto.randomUUID(); });
    form.addEventListener('submit', async event => {
        event.preventDefault();
        save.disabled = true;
        try {
            const body = { residentId: resident.id, instrument: instrument.code, ...read(), note: note.value || null };
            onSaved(await api('/api/care/screenings', { method: 'POST', body, headers: { 'Idempotency-Key': key } }));
        } catch (e) {
            showProblem(form, e);
        } finally {
            update();
        }
    });
    update();
    return form;
}

/** Per instrument: totals over time as a line, band boundaries as faint lines, the latest and when next due. */
function drawTrend(byInstrument, list) {
    const shown = (byInstrument || []).filter(b => b.points?.length);
    if (!shown.length) return h('p', { class: 'muted', id: 'screening-trend-empty' }, t('scr.trendEmpty'));
    return h('div', { class: 'trends' }, ...shown.map(b => {
        const instrument = list.find(i => i.code === b.instrument);
        const max = instrument ? maxTotal(instrument) : Math.max(...b.points.map(p => p.total ?? 0), 1);
        const scored = b.points.filter(p => p.total !== null && p.total !== undefined);
        const W = 320, H = 140, L = 28, R = 10, T = 10, B = 22;
        const times = b.points.map(p => Date.parse(p.administeredAt));
        const t0 = Math.min(...times), t1 = Math.max(...times);
        const x = time => (t1 === t0 ? (L + W - R) / 2 : L + (Date.parse(time) - t0) / (t1 - t0) * (W - L - R));
        const y = value => T + (max - value) / max * (H - T - B);
        const svg = h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart trend', role: 'img', dataset: { instrument: b.instrument, points: b.points.length },
            'aria-label': `${instrumentName(b.instrument)}: ${scored.map(p => p.total).join(', ')}` });
        for (const band of instrument?.bands || []) {
            if (band.from === undefined || band.from === null || band.from === 0) continue;
            svg.append(h('svg:line', { x1: L, x2: W - R, y1: y(band.from - 0.5), y2: y(band.from - 0.5), stroke: '#d5dbe3', 'stroke-dasharray': '4 3' }),
                h('svg:text', { x: W - R - 2, y: y(band.from - 0.5) - 2, 'text-anchor': 'end' }, bandName(band.band)));
        }
        svg.append(h('svg:text', { x: 4, y: y(max) + 4 }, max), h('svg:text', { x: 4, y: y(0) + 4 }, 0));
        if (scored.length > 1) {
            svg.append(h('svg:polyline', { points: scored.map(p => `${x(p.administeredAt)},${y(p.total)}`).join(' '), fill: 'none', stroke: '#0b5cad', 'stroke-width': 2 }));
        }
        scored.forEach(p => svg.append(h('svg:circle', { cx: x(p.administeredAt), cy: y(p.total), r: 4, fill: p.followUp ? '#b3261e' : '#0b5cad' },
            h('svg:title', {}, `${fmtDateTime(p.administeredAt)}: ${p.total} ${bandName(p.band)}`))));
        const latest = b.latest;
        const caption = [instrumentName(b.instrument),
            latest ? t('scr.latest', { total: latest.total ?? t('status.INCOMPLETE'), band: bandName(latest.band), date: fmtDateTime(latest.administeredAt) }) : '',
            b.due ? t('scr.due') : (b.nextDueAt ? t('scr.dueAt', { date: fmtDateTime(b.nextDueAt) }) : '')].filter(Boolean).join(' · ');
        return h('figure', { class: `trend-figure${b.due ? ' due' : ''}` }, svg, h('figcaption', { class: 'small' }, caption));
    }));
}
