// The load tools of bench/run: plain Node.js (20+), no packages, so the bench needs nothing from
// the network. Every command prints one JSON object on stdout; bench/run writes the report.
//
//   node load.mjs latency  --url U --token T --rate R --seconds S
//   node load.mjs readings --url U --token T --serials a,b --batch N --connections C --seconds S
//   node load.mjs alerts   --readings-url U --stream-url U --alerts-url U --hub-token T
//                          --staff-token T --buttons a,b --iterations N --background-rate R
//                          --bands a,b
//   node load.mjs bookings --url U --tokens-file F --spaces-file F --connections C --seconds S
//
// Latency is measured open-model: requests are scheduled at a fixed rate and each one's latency
// counts from when it was due, not from when it was sent, so a stalled server cannot hide its
// queue (no coordinated omission).
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function args(argv) {
    const out = {};
    for (let i = 0; i < argv.length; i += 2) {
        if (!argv[i].startsWith('--')) throw new Error(`unexpected argument ${argv[i]}`);
        out[argv[i].slice(2)] = argv[i + 1];
    }
    return out;
}

function request(method, url, { token, body, headers = {} } = {}) {
    return new Promise((resolve, reject) => {
        const u = new URL(url);
        const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
        const req = http.request({
            agent, method, hostname: u.hostname, port: u.port, path: u.pathname + u.search,
            headers: {
                accept: 'application/json',
                ...(token ? { authorization: `Bearer ${token}` } : {}),
                ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
                ...headers,
            },
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
        });
        req.setTimeout(30000, () => req.destroy(new Error('timeout after 30 s')));
        req.on('error', reject);
        if (payload) req.write(payload);
        req.end();
    });
}

function percentile(sorted, p) {
    if (sorted.length === 0) return null;
    const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[i];
}

function summary(latencies) {
    const s = Float64Array.from(latencies).sort();
    const round = (v) => (v === null ? null : Math.round(v * 1000) / 1000);
    return {
        count: s.length,
        p50: round(percentile(s, 50)),
        p90: round(percentile(s, 90)),
        p99: round(percentile(s, 99)),
        max: round(s.length ? s[s.length - 1] : null),
    };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nowMs = () => performance.now();

// Open-model fixed-rate GETs; latency from the scheduled time.
async function latency(o) {
    const rate = Number(o.rate), seconds = Number(o.seconds);
    const total = Math.round(rate * seconds);
    const interval = 1000 / rate;
    const latencies = [];
    let errors = 0;
    const inflight = [];
    const start = nowMs();
    for (let i = 0; i < total; i++) {
        const due = start + i * interval;
        const wait = due - nowMs();
        if (wait > 1) await sleep(wait);
        inflight.push(request('GET', o.url, { token: o.token }).then((r) => {
            if (r.status === 200) latencies.push(nowMs() - due); else errors++;
        }, () => { errors++; }));
    }
    await Promise.all(inflight);
    const elapsed = (nowMs() - start) / 1000;
    return { rate, seconds, errors, achievedRate: Math.round((latencies.length / elapsed) * 10) / 10, latencyMs: summary(latencies) };
}

function readingBatch(serials, size, seqBase, counter) {
    const readings = [];
    const measuredAt = new Date().toISOString();
    for (let i = 0; i < size; i++) {
        const n = counter.next++;
        const serial = serials[n % serials.length];
        // Ordinary resting values: the detection path runs for each one, as in real traffic.
        readings.push({
            deviceSerial: serial, type: 'HEART_RATE', value: 66 + (n % 9), unit: '/min',
            measuredAt, sequence: seqBase + n,
        });
    }
    return { readings };
}

// Closed-model batch posting at C connections: readings accepted per second.
async function readings(o) {
    const serials = o.serials.split(','), size = Number(o.batch), connections = Number(o.connections);
    const seconds = Number(o.seconds);
    // Sequences unique per run: devices store (serial, sequence) once.
    const seqBase = Date.now() * 1000;
    const counter = { next: 0 };
    let accepted = 0, other = 0, failedBatches = 0;
    const batchLatencies = [];
    const start = nowMs();
    const end = start + seconds * 1000;
    async function worker() {
        while (nowMs() < end) {
            const body = readingBatch(serials, size, seqBase, counter);
            const t0 = nowMs();
            try {
                const r = await request('POST', o.url, { token: o.token, body });
                if (r.status !== 202) { failedBatches++; continue; }
                batchLatencies.push(nowMs() - t0);
                const answer = JSON.parse(r.body);
                accepted += answer.accepted;
                other += answer.duplicates + answer.rejected;
            } catch {
                failedBatches++;
            }
        }
    }
    await Promise.all(Array.from({ length: connections }, worker));
    const elapsed = (nowMs() - start) / 1000;
    return {
        batch: size, connections, seconds: Math.round(elapsed * 10) / 10, accepted, notAccepted: other, failedBatches,
        readingsPerSecond: Math.round(accepted / elapsed), batchLatencyMs: summary(batchLatencies),
    };
}

// Reads a server-sent-event stream, calling onEvent(parsedData) for each data event.
function openStream(url, token, onEvent) {
    return new Promise((resolve, reject) => {
        const u = new URL(url);
        const req = http.request({
            method: 'GET', hostname: u.hostname, port: u.port, path: u.pathname + u.search,
            headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
        }, (res) => {
            if (res.statusCode !== 200) { reject(new Error(`stream answered ${res.statusCode}`)); return; }
            let buffer = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => {
                buffer += chunk;
                let cut;
                while ((cut = buffer.indexOf('\n\n')) >= 0) {
                    const block = buffer.slice(0, cut);
                    buffer = buffer.slice(cut + 2);
                    const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
                    if (data) { try { onEvent(JSON.parse(data)); } catch { /* comments, keep-alives */ } }
                }
            });
            resolve(() => req.destroy());
        });
        req.on('error', reject);
        req.end();
    });
}

// A token from Keycloak, fetched again once it is older than four minutes (they live five).
function tokenSource(tokenUrl, form, fallback) {
    let token = fallback, fetchedAt = tokenUrl ? 0 : Infinity;
    return async () => {
        if (nowMs() - fetchedAt > 240_000) {
            const r = await request('POST', tokenUrl, {
                body: new URLSearchParams(form).toString(),
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
            });
            if (r.status !== 200) throw new Error(`token for ${form.client_id}: ${r.status} ${r.body}`);
            token = JSON.parse(r.body).access_token;
            fetchedAt = nowMs();
        }
        return token;
    };
}

// SOS → alert on the live stream, one button at a time, while background readings flow.
async function alerts(o) {
    // Dev-only demo credentials (k8s/keycloak/smarttown-realm.json), as bench/run uses.
    const hubToken = tokenSource(o['token-url'], { grant_type: 'client_credentials', client_id: 'device-hub',
        client_secret: 'device-hub-secret' }, o['hub-token']);
    const staffToken = tokenSource(o['token-url'], { grant_type: 'password', client_id: 'smarttown-cli',
        client_secret: 'smarttown-cli-secret', username: 'supervisor1', password: 'smarttown' }, o['staff-token']);
    const buttons = o.buttons.split(','), bands = o.bands.split(',');
    const iterations = Number(o.iterations), backgroundRate = Number(o['background-rate']);
    const waiters = new Map(); // serial -> resolve(alert)
    const close = await openStream(o['stream-url'], await staffToken(), (alert) => {
        if (alert.kind === 'SOS' && alert.status === 'RAISED' && waiters.has(alert.deviceSerial)) {
            const w = waiters.get(alert.deviceSerial);
            waiters.delete(alert.deviceSerial);
            w(alert);
        }
    });
    // Background: batches of 100 band readings at the given rate (readings per second).
    let running = true, backgroundSent = 0;
    const seqBase = Date.now() * 1000;
    const counter = { next: 0 };
    const background = (async () => {
        const perBatch = 100;
        const interval = (1000 * perBatch) / Math.max(backgroundRate, 1);
        let next = nowMs();
        while (running && backgroundRate > 0) {
            next += interval;
            const token = await hubToken();
            request('POST', o['readings-url'], { token, body: readingBatch(bands, perBatch, seqBase, counter) })
                .then((r) => { if (r.status === 202) backgroundSent += perBatch; }, () => {});
            const wait = next - nowMs();
            if (wait > 0) await sleep(wait);
        }
    })();
    await sleep(2000);
    const latencies = [];
    let missed = 0;
    const sosSeq = Date.now() * 1000 + 500_000_000;
    for (let i = 0; i < iterations; i++) {
        const serial = buttons[i % buttons.length];
        const arrived = new Promise((resolve) => waiters.set(serial, resolve));
        const t0 = nowMs();
        const sent = await request('POST', o['readings-url'], {
            token: await hubToken(),
            body: { readings: [{ deviceSerial: serial, type: 'SOS', value: 1, unit: '1', measuredAt: new Date().toISOString(), sequence: sosSeq + i }] },
        });
        if (sent.status !== 202) { missed++; waiters.delete(serial); continue; }
        const alert = await Promise.race([arrived, sleep(5000).then(() => null)]);
        if (!alert) { missed++; waiters.delete(serial); continue; }
        latencies.push(nowMs() - t0);
        // Close it, so that the next SOS of this button raises a new alert instead of grouping.
        const base = `${o['alerts-url']}/${alert.id}`;
        const staff = await staffToken();
        await request('POST', `${base}/acknowledge`, { token: staff, body: { note: 'bench' } });
        await request('POST', `${base}/resolve`, { token: staff, body: { resolution: 'ACCIDENTAL_PRESS', note: 'bench' } });
        await sleep(100);
    }
    running = false;
    await background;
    close();
    return { iterations, missed, backgroundReadingsPerSecond: backgroundRate, backgroundSent, sosToStreamMs: summary(latencies) };
}

// Booking creations per second: connection i books consecutive slots of space i as founder i.
async function bookings(o) {
    const tokens = readFileSync(o['tokens-file'], 'utf8').trim().split('\n');
    const spaces = readFileSync(o['spaces-file'], 'utf8').trim().split('\n');
    const connections = Number(o.connections), seconds = Number(o.seconds), slotMinutes = Number(o['slot-minutes'] ?? 30);
    // Slots start tomorrow 08:00 office time and walk forward through each day's opening hours.
    const firstDay = new Date(Date.now() + 86400000);
    const day0 = Date.UTC(firstDay.getUTCFullYear(), firstDay.getUTCMonth(), firstDay.getUTCDate()) - 9 * 3600000;
    const slotsPerDay = (14 * 60) / slotMinutes; // 08:00-22:00
    let created = 0, refused = 0, failed = 0;
    const refusals = {};
    const latencies = [];
    const start = nowMs();
    const end = start + seconds * 1000;
    async function worker(i) {
        let n = 0;
        while (nowMs() < end) {
            const day = Math.floor(n / slotsPerDay), slot = n % slotsPerDay;
            n++;
            const s = day0 + day * 86400000 + (8 * 60 + slot * slotMinutes) * 60000;
            const body = { spaceId: spaces[i % spaces.length], start: iso9(s), end: iso9(s + slotMinutes * 60000) };
            const t0 = nowMs();
            try {
                const r = await request('POST', o.url, { token: tokens[i % tokens.length], body, headers: { 'idempotency-key': randomUUID() } });
                if (r.status === 201) { created++; latencies.push(nowMs() - t0); } else {
                    refused++;
                    let type = String(r.status);
                    try { type += ' ' + JSON.parse(r.body).type; } catch { /* not JSON */ }
                    refusals[type] = (refusals[type] ?? 0) + 1;
                }
            } catch {
                failed++;
            }
        }
    }
    await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
    const elapsed = (nowMs() - start) / 1000;
    return {
        connections, seconds: Math.round(elapsed * 10) / 10, created, refused, failed, refusals,
        bookingsPerSecond: Math.round((created / elapsed) * 10) / 10, latencyMs: summary(latencies),
    };
}

// An ISO-8601 time with the office's +09:00 offset.
function iso9(epochMs) {
    return new Date(epochMs + 9 * 3600000).toISOString().replace('Z', '+09:00').replace('.000', '');
}

const [command, ...rest] = process.argv.slice(2);
const commands = { latency, readings, alerts, bookings };
if (!commands[command]) {
    console.error(`usage: node load.mjs ${Object.keys(commands).join('|')} --key value ...`);
    process.exit(2);
}
commands[command](args(rest)).then((result) => {
    console.log(JSON.stringify(result));
    process.exit(0);
}, (e) => {
    console.error(`load.mjs ${command}: ${e.stack ?? e}`);
    process.exit(1);
});
