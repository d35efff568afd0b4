// CSV import: POST /api/residents/imports (text/csv), then the job's progress and row report from
// GET /api/residents/imports/{id}, polled once a second until it is finished.
import { addDictionary, api, h, showProblem, t } from '/assets/core.js';

addDictionary({
    ko: { 'imp.title': 'CSV 일괄 등록', 'imp.file': 'CSV 파일 (UTF-8, 한글 또는 영문 머리글)', 'imp.start': '가져오기',
        'imp.progress': '{done} / {total}행 처리 · 등록 {imported} · 건너뜀 {skipped} · 실패 {failed}', 'imp.status': '상태: {status}', 'imp.RUNNING': '진행 중', 'imp.DONE': '완료',
        'imp.line': '행', 'imp.field': '항목', 'imp.problem': '문제', 'imp.noProblems': '문제가 있는 행이 없습니다.',
        'imp.help': '필수 열: 이름, 생년월일, 성별, 행정동, 단지. 같은 파일을 다시 가져오면 이미 등록한 행은 건너뜁니다.' },
    en: { 'imp.title': 'Import residents from CSV', 'imp.file': 'CSV file (UTF-8, Korean or English headers)', 'imp.start': 'Import',
        'imp.progress': '{done} of {total} rows · imported {imported} · skipped {skipped} · failed {failed}', 'imp.status': 'Status: {status}', 'imp.RUNNING': 'running', 'imp.DONE': 'done',
        'imp.line': 'Line', 'imp.field': 'Field', 'imp.problem': 'Problem', 'imp.noProblems': 'No row had a problem.',
        'imp.help': 'Required columns: name, birth date, sex, dong, complex. Importing the same file again skips the rows imported before.' }
});

export function importView(main) {
    const file = h('input', { type: 'file', id: 'import-file', name: 'file', accept: '.csv,text/csv', required: true });
    const form = h('form', { id: 'import-form' }, h('div', { class: 'form-error' }),
        h('div', { class: 'field' }, h('label', { for: 'import-file' }, t('imp.file')), file),
        h('p', { class: 'small muted' }, t('imp.help')),
        h('button', { type: 'submit' }, t('imp.start')));
    const progress = h('div', { id: 'import-progress', 'aria-live': 'polite' });
    let timer;
    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearTimeout(timer);
        if (!file.files.length) return;
        try {
            const job = await api('/api/residents/imports', { method: 'POST', body: await file.files[0].text(), headers: { 'Content-Type': 'text/csv; charset=UTF-8' } });
            const poll = async () => {
                const current = await api(`/api/residents/imports/${job.id}`);
                progress.replaceChildren(renderJob(current));
                if (!current.finishedAt) timer = setTimeout(poll, 1000);
            };
            progress.replaceChildren(renderJob(job));
            await poll();
        } catch (e) {
            showProblem(form, e);
        }
    });
    main.append(h('h2', {}, t('imp.title')), h('div', { class: 'card' }, form), progress);
    return () => clearTimeout(timer);
}

function renderJob(job) {
    const bar = h('progress', { max: Math.max(job.total, 1), value: job.done, id: 'import-bar', 'aria-label': t('imp.title') });
    const report = job.report || [];
    return h('div', { class: 'card' },
        h('p', {}, t('imp.status', { status: t(`imp.${job.status}`) === `imp.${job.status}` ? job.status : t(`imp.${job.status}`) })), bar,
        h('p', { id: 'import-counts' }, t('imp.progress', job)),
        report.length
            ? h('div', { class: 'table-wrap' }, h('table', { id: 'import-report' },
                h('thead', {}, h('tr', {}, ...['imp.line', 'imp.field', 'imp.problem'].map(k => h('th', { scope: 'col' }, t(k))))),
                h('tbody', {}, ...report.map(p => h('tr', {}, h('td', {}, p.line), h('td', {}, p.field || ''), h('td', {}, p.problem))))))
            : h('p', { class: 'muted' }, t('imp.noProblems')));
}
