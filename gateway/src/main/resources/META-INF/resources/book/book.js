// The founders' page: book desks and rooms of the shared office, and mentoring sessions.
import { addDictionary, startShell } from '/assets/core.js';
import { spacesView, mineView } from './spaces.js';
import { mentorsView } from './mentors.js';

addDictionary({
    ko: { 'book.title': '청년 창업가 예약', 'nav.spaces': '자리·회의실 예약', 'nav.mine': '내 예약', 'nav.mentors': '멘토링' },
    en: { 'book.title': 'Founders’ bookings', 'nav.spaces': 'Book a desk or room', 'nav.mine': 'My bookings', 'nav.mentors': 'Mentoring' }
});

startShell({
    titleKey: 'book.title',
    views: [
        { id: 'spaces', key: 'nav.spaces', roles: ['founder'], render: spacesView },
        { id: 'mine', key: 'nav.mine', roles: ['founder'], render: mineView },
        { id: 'mentors', key: 'nav.mentors', roles: ['founder'], render: mentorsView }
    ]
});
