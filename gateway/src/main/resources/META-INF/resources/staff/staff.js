// The staff console: one view per task, each shown only to the roles whose API calls it makes.
import { addDictionary, startShell } from '/assets/core.js';
import { residentsView } from './residents.js';
import { registerView } from './register.js';
import { importView } from './import.js';
import { mapView } from './map.js';
import { alertsView } from './alerts.js';
import { occupancyView, mentoringView } from './reports.js';
import { vrView } from './vr.js';

addDictionary({
    ko: {
        'staff.title': '스마트타운 직원 콘솔', 'nav.residents': '대상자 검색', 'nav.register': '대상자 등록',
        'nav.import': 'CSV 일괄 등록', 'nav.map': '시티맵', 'nav.alerts': '실시간 경보', 'nav.occupancy': '공유오피스 이용률', 'nav.vr': 'VR 프로그램실',
        'nav.mentoring': '멘토링 보고서'
    },
    en: {
        'staff.title': 'SmartTown staff console', 'nav.residents': 'Residents', 'nav.register': 'Register resident',
        'nav.import': 'CSV import', 'nav.map': 'City Map', 'nav.alerts': 'Live alerts', 'nav.occupancy': 'Coworking occupancy', 'nav.vr': 'VR room',
        'nav.mentoring': 'Mentoring report'
    }
});

const CARE = ['care-worker', 'care-supervisor'];
startShell({
    titleKey: 'staff.title',
    views: [
        { id: 'residents', key: 'nav.residents', roles: ['welfare-staff', 'care-supervisor', 'admin', 'care-worker'], render: residentsView },
        { id: 'register', key: 'nav.register', roles: ['welfare-staff'], render: registerView },
        { id: 'import', key: 'nav.import', roles: ['welfare-staff'], render: importView },
        { id: 'map', key: 'nav.map', roles: ['welfare-staff', 'care-supervisor', 'admin'], render: mapView },
        { id: 'alerts', key: 'nav.alerts', roles: CARE, render: alertsView },
        { id: 'vr', key: 'nav.vr', roles: CARE, render: vrView },
        { id: 'occupancy', key: 'nav.occupancy', roles: ['space-manager'], render: occupancyView },
        { id: 'mentoring', key: 'nav.mentoring', roles: ['admin'], render: mentoringView }
    ]
});
