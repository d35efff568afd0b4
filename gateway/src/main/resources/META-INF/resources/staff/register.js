// Registering a resident: POST /api/residents; the service's field errors appear next to each field.
import { addDictionary, api, clearProblems, h, showProblem, t } from '/assets/core.js';

addDictionary({
    ko: {
        'reg.title': '대상자 등록', 'reg.person': '인적 사항', 'reg.name': '이름', 'reg.birthDate': '생년월일', 'reg.sex': '성별',
        'reg.sex.F': '여', 'reg.sex.M': '남', 'reg.rrn': '주민등록번호 (선택, 예: 450302-2345678)', 'reg.phone': '연락처',
        'reg.address': '주소', 'reg.dong': '행정동', 'reg.complex': '단지', 'reg.building': '동', 'reg.unit': '호',
        'reg.categories': '분류', 'cat.ELDERLY': '고령', 'cat.LIVING_ALONE': '독거', 'cat.BASIC_LIVELIHOOD': '기초생활수급',
        'cat.DISABLED': '장애', 'cat.CHRONIC_ILLNESS': '만성질환', 'cat.NO_EMERGENCY_CONTACT': '비상 연락처 없음', 'reg.benefits': '급여 종류 (기초생활수급)',
        'ben.LIVELIHOOD': '생계', 'ben.MEDICAL': '의료', 'ben.HOUSING': '주거', 'ben.EDUCATION': '교육',
        'reg.conditions': '질환 (쉼표로 구분, 만성질환)', 'reg.contact': '비상 연락처', 'reg.contactName': '이름',
        'reg.relation': '관계', 'reg.contactPhone': '연락처', 'reg.careWorker': '담당 돌봄 인력 (사용자 이름)',
        'reg.consents': '동의', 'con.CARE_SERVICES': '돌봄 서비스 제공', 'con.CONTACT': '연락 수신',
        'con.DATA_SHARING_PARTNERS': '협력 기관 정보 제공', 'reg.submit': '등록', 'reg.done': '{name} 님이 등록되었습니다.',
        'reg.open': '기록 보기'
    },
    en: {
        'reg.title': 'Register a resident', 'reg.person': 'Person', 'reg.name': 'Name', 'reg.birthDate': 'Date of birth', 'reg.sex': 'Sex',
        'reg.sex.F': 'Female', 'reg.sex.M': 'Male', 'reg.rrn': 'Registration number (optional, e.g. 450302-2345678)', 'reg.phone': 'Phone',
        'reg.address': 'Address', 'reg.dong': 'Dong', 'reg.complex': 'Complex', 'reg.building': 'Building', 'reg.unit': 'Unit',
        'reg.categories': 'Categories', 'cat.ELDERLY': 'Elderly', 'cat.LIVING_ALONE': 'Living alone', 'cat.BASIC_LIVELIHOOD': 'Basic livelihood',
        'cat.DISABLED': 'Disabled', 'cat.CHRONIC_ILLNESS': 'Chronic illness', 'cat.NO_EMERGENCY_CONTACT': 'No emergency contact', 'reg.benefits': 'Benefit types (basic livelihood)',
        'ben.LIVELIHOOD': 'Livelihood', 'ben.MEDICAL': 'Medical', 'ben.HOUSING': 'Housing', 'ben.EDUCATION': 'Education',
        'reg.conditions': 'Conditions (comma-separated, chronic illness)', 'reg.contact': 'Emergency contact', 'reg.contactName': 'Name',
        'reg.relation': 'Relation', 'reg.contactPhone': 'Phone', 'reg.careWorker': 'Assigned care worker (user name)',
        'reg.consents': 'Consents', 'con.CARE_SERVICES': 'Care services', 'con.CONTACT': 'Being contacted',
        'con.DATA_SHARING_PARTNERS': 'Sharing with partners', 'reg.submit': 'Register', 'reg.done': '{name} is registered.',
        'reg.open': 'Open the record'
    }
});

export const CATEGORIES = ['ELDERLY', 'LIVING_ALONE', 'BASIC_LIVELIHOOD', 'DISABLED', 'CHRONIC_ILLNESS'];
const BENEFITS = ['LIVELIHOOD', 'MEDICAL', 'HOUSING', 'EDUCATION'];
const CONSENTS = ['CARE_SERVICES', 'CONTACT', 'DATA_SHARING_PARTNERS'];
const RELATIONS = ['SON', 'DAUGHTER', 'SPOUSE', 'SIBLING', 'RELATIVE', 'NEIGHBOUR', 'OTHER'];

function field(name, labelKey, attrs = {}) {
    const id = `reg-${name.replace(/[^\w]/g, '-')}`;
    return h('div', { class: 'field' },
        h('label', { for: id }, t(labelKey)),
        attrs.options
            ? h('select', { id, name }, ...attrs.options.map(([value, text]) => h('option', { value }, text)))
            : h('input', { id, name, type: attrs.type || 'text', autocomplete: 'off', required: attrs.required, inputmode: attrs.inputmode }));
}

function checks(name, legendKey, values, prefix, checked = []) {
    return h('fieldset', { class: 'field' }, h('legend', {}, t(legendKey)),
        ...values.map(value => h('label', { class: 'inline' },
            h('input', { type: 'checkbox', name, value, checked: checked.includes(value) }), t(`${prefix}.${value}`))));
}

export function registerView(main) {
    const result = h('div', { class: 'notice', role: 'status', id: 'register-result' });
    const form = h('form', { id: 'register-form', novalidate: true },
        h('div', { class: 'form-error' }),
        h('fieldset', {}, h('legend', {}, t('reg.person')), h('div', { class: 'grid' },
            field('name', 'reg.name', { required: true }),
            field('birthDate', 'reg.birthDate', { type: 'date', required: true }),
            field('sex', 'reg.sex', { options: [['', '—'], ['F', t('reg.sex.F')], ['M', t('reg.sex.M')]] }),
            field('rrn', 'reg.rrn'),
            field('phone', 'reg.phone', { type: 'tel' }))),
        h('fieldset', {}, h('legend', {}, t('reg.address')), h('div', { class: 'grid' },
            field('address.dong', 'reg.dong', { required: true }),
            field('address.complex', 'reg.complex', { required: true }),
            field('address.building', 'reg.building'),
            field('address.unit', 'reg.unit'))),
        checks('categories', 'reg.categories', CATEGORIES, 'cat'),
        checks('benefitTypes', 'reg.benefits', BENEFITS, 'ben'),
        h('div', { class: 'field' }, h('label', { for: 'reg-conditions' }, t('reg.conditions')), h('input', { id: 'reg-conditions', name: 'conditions' })),
        h('fieldset', {}, h('legend', {}, t('reg.contact')), h('div', { class: 'grid' },
            field('emergencyContacts[0].name', 'reg.contactName'),
            field('emergencyContacts[0].relation', 'reg.relation', { options: [['', '—'], ...RELATIONS.map(r => [r, r])] }),
            field('emergencyContacts[0].phone', 'reg.contactPhone', { type: 'tel' }))),
        field('assignedCareWorker', 'reg.careWorker'),
        checks('consents', 'reg.consents', CONSENTS, 'con', ['CARE_SERVICES']),
        h('button', { type: 'submit', id: 'register-submit' }, t('reg.submit')));

    form.addEventListener('submit', async event => {
        event.preventDefault();
        result.replaceChildren();
        clearProblems(form);
        const body = toRequest(new FormData(form));
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        try {
            const created = await api('/api/residents', { method: 'POST', body });
            result.replaceChildren(t('reg.done', { name: created.name }), ' ',
                h('a', { href: `#residents/${created.id}`, id: 'register-open' }, t('reg.open')));
            form.reset();
        } catch (e) {
            showProblem(form, e);
        } finally {
            button.disabled = false;
        }
    });
    main.append(h('h2', {}, t('reg.title')), h('div', { class: 'card' }, form, result));
}

function toRequest(data) {
    const text = name => (data.get(name) || '').trim() || undefined;
    const contactName = text('emergencyContacts[0].name');
    const given = data.getAll('consents');
    return {
        name: text('name'), birthDate: text('birthDate'), sex: text('sex'), rrn: text('rrn'), phone: text('phone'),
        address: { dong: text('address.dong'), complex: text('address.complex'), building: text('address.building'), unit: text('address.unit') },
        categories: data.getAll('categories'),
        benefitTypes: data.getAll('benefitTypes'),
        conditions: (text('conditions') || '').split(',').map(s => s.trim()).filter(Boolean),
        emergencyContacts: contactName || text('emergencyContacts[0].phone')
            ? [{ name: contactName, relation: text('emergencyContacts[0].relation'), phone: text('emergencyContacts[0].phone') }]
            : [],
        assignedCareWorker: text('assignedCareWorker'),
        consents: CONSENTS.map(purpose => ({ purpose, given: given.includes(purpose) }))
    };
}
