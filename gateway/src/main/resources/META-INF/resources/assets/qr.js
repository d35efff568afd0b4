// A small QR code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1–10, the
// mask with the lowest penalty. Written here rather than taken from a library because the pages load
// nothing from a CDN and have no bundler, a check-in token is short (24 characters → version 2), and
// drawing it in the browser keeps the token off any other endpoint. The e2e suite decodes what it draws.

// Per version 1..10 at level M: error-correction codewords per block and number of blocks.
const EC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5];
const FORMAT_M = 0; // the two level bits of M in the format information

/** The modules of the QR code of `text` (UTF-8): an array of rows of booleans (true = dark). */
export function qrMatrix(text) {
    const bytes = new TextEncoder().encode(text);
    let version = 1;
    while (version <= 10 && dataCapacityBits(version) < 4 + countBits(version) + bytes.length * 8) version++;
    if (version > 10) throw new Error(`too long for a QR code here: ${bytes.length} bytes`);
    const codewords = interleave(version, dataCodewords(version, bytes));
    const size = version * 4 + 17;
    let best = null;
    for (let mask = 0; mask < 8; mask++) {
        const symbol = new Symbol(size);
        symbol.drawFunctionPatterns(version);
        symbol.drawCodewords(codewords);
        symbol.applyMask(mask);
        symbol.drawFormat(mask);
        const penalty = symbol.penalty();
        if (!best || penalty < best.penalty) best = { penalty, symbol };
    }
    return best.symbol.modules;
}

/** The QR code as an SVG element: one path of unit squares, a 4-module quiet zone, crisp edges. */
export function qrSvg(text, { label = text, className = 'qr' } = {}) {
    const modules = qrMatrix(text);
    const size = modules.length, quiet = 4, ns = 'http://www.w3.org/2000/svg';
    let d = '';
    let dark = 0;
    modules.forEach((row, y) => row.forEach((on, x) => {
        if (on) { d += `M${x + quiet} ${y + quiet}h1v1h-1z`; dark++; }
    }));
    const svg = document.createElementNS(ns, 'svg');
    const full = size + 2 * quiet;
    for (const [name, value] of Object.entries({ viewBox: `0 0 ${full} ${full}`, class: className, role: 'img', 'aria-label': label,
        'shape-rendering': 'crispEdges', 'data-modules': size, 'data-dark': dark })) svg.setAttribute(name, value);
    const ground = document.createElementNS(ns, 'rect');
    for (const [name, value] of Object.entries({ width: full, height: full, fill: '#fff' })) ground.setAttribute(name, value);
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', '#000');
    svg.append(ground, path);
    return svg;
}

function countBits(version) {
    return version < 10 ? 8 : 16;
}

function rawCodewords(version) {
    let modules = (16 * version + 128) * version + 64;
    if (version >= 2) {
        const align = Math.floor(version / 7) + 2;
        modules -= (25 * align - 10) * align - 55;
        if (version >= 7) modules -= 36;
    }
    return Math.floor(modules / 8);
}

function dataCapacityBits(version) {
    return (rawCodewords(version) - EC_PER_BLOCK[version - 1] * BLOCKS[version - 1]) * 8;
}

function dataCodewords(version, bytes) {
    const bits = [];
    const put = (value, length) => { for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
    put(0b0100, 4); // byte mode
    put(bytes.length, countBits(version));
    bytes.forEach(b => put(b, 8));
    const capacity = dataCapacityBits(version);
    put(0, Math.min(4, capacity - bits.length)); // terminator
    while (bits.length % 8) bits.push(0);
    const out = [];
    for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
    for (let pad = 0xEC; out.length < capacity / 8; pad ^= 0xEC ^ 0x11) out.push(pad);
    return out;
}

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Array(512), LOG = new Array(256);
for (let i = 0, x = 1; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11D;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
const mul = (a, b) => (a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]]);

function generator(degree) {
    // (x - α^0)(x - α^1)…(x - α^(degree-1)), highest coefficient first (the leading 1 left out).
    let poly = [1];
    for (let i = 0; i < degree; i++) {
        const next = new Array(poly.length + 1).fill(0);
        poly.forEach((c, j) => { next[j] ^= c; next[j + 1] ^= mul(c, EXP[i]); });
        poly = next;
    }
    return poly.slice(1);
}

function remainder(data, degree) {
    const gen = generator(degree);
    const rem = new Array(degree).fill(0);
    for (const b of data) {
        const factor = b ^ rem.shift();
        rem.push(0);
        gen.forEach((g, i) => { rem[i] ^= mul(g, factor); });
    }
    return rem;
}

function interleave(version, data) {
    const blocks = BLOCKS[version - 1], ec = EC_PER_BLOCK[version - 1], raw = rawCodewords(version);
    const shortBlocks = blocks - (raw % blocks);
    const shortData = Math.floor(raw / blocks) - ec;
    const dataBlocks = [], ecBlocks = [];
    for (let b = 0, k = 0; b < blocks; b++) {
        const length = shortData + (b < shortBlocks ? 0 : 1);
        const block = data.slice(k, k + length);
        k += length;
        dataBlocks.push(block);
        ecBlocks.push(remainder(block, ec));
    }
    const out = [];
    for (let i = 0; i <= shortData; i++) dataBlocks.forEach(block => { if (i < block.length) out.push(block[i]); });
    for (let i = 0; i < ec; i++) ecBlocks.forEach(block => out.push(block[i]));
    return out;
}

class Symbol {
    constructor(size) {
        this.size = size;
        this.modules = Array.from({ length: size }, () => new Array(size).fill(false));
        this.reserved = Array.from({ length: size }, () => new Array(size).fill(false));
    }

    set(x, y, dark) {
        this.modules[y][x] = dark;
        this.reserved[y][x] = true;
    }

    drawFunctionPatterns(version) {
        const size = this.size;
        for (let i = 0; i < size; i++) {
            this.set(6, i, i % 2 === 0);
            this.set(i, 6, i % 2 === 0);
        }
        for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
            for (let dy = -4; dy <= 4; dy++) {
                for (let dx = -4; dx <= 4; dx++) {
                    const x = cx + dx, y = cy + dy;
                    if (x < 0 || y < 0 || x >= size || y >= size) continue;
                    const ring = Math.max(Math.abs(dx), Math.abs(dy));
                    this.set(x, y, ring !== 2 && ring !== 4);
                }
            }
        }
        const centres = alignmentCentres(version);
        for (const cy of centres) {
            for (const cx of centres) {
                if ((cx === 6 && cy === 6) || (cx === 6 && cy === size - 7) || (cx === size - 7 && cy === 6)) continue;
                for (let dy = -2; dy <= 2; dy++) {
                    for (let dx = -2; dx <= 2; dx++) this.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
                }
            }
        }
        this.drawFormat(0); // reserves the format areas; redrawn after masking
        if (version >= 7) {
            let rem = version;
            for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1F25);
            const bits = (version << 12) | rem;
            for (let i = 0; i < 18; i++) {
                const dark = ((bits >>> i) & 1) === 1, a = size - 11 + (i % 3), b = Math.floor(i / 3);
                this.set(a, b, dark);
                this.set(b, a, dark);
            }
        }
    }

    drawFormat(mask) {
        const size = this.size;
        const data = (FORMAT_M << 3) | mask;
        let rem = data;
        for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
        const bits = ((data << 10) | rem) ^ 0x5412;
        const bit = i => ((bits >>> i) & 1) === 1;
        for (let i = 0; i <= 5; i++) this.set(8, i, bit(i));
        this.set(8, 7, bit(6));
        this.set(8, 8, bit(7));
        this.set(7, 8, bit(8));
        for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(i));
        for (let i = 0; i < 8; i++) this.set(size - 1 - i, 8, bit(i));
        for (let i = 8; i < 15; i++) this.set(8, size - 15 + i, bit(i));
        this.set(8, size - 8, true); // the dark module
    }

    drawCodewords(codewords) {
        const size = this.size;
        let i = 0;
        for (let right = size - 1; right >= 1; right -= 2) {
            if (right === 6) right = 5; // the vertical timing pattern's column is skipped
            const upward = ((right + 1) & 2) === 0;
            for (let step = 0; step < size; step++) {
                const y = upward ? size - 1 - step : step;
                for (let j = 0; j < 2; j++) {
                    const x = right - j;
                    if (this.reserved[y][x]) continue;
                    if (i < codewords.length * 8) this.modules[y][x] = ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
                    i++;
                }
            }
        }
    }

    applyMask(mask) {
        const test = [
            (x, y) => (x + y) % 2 === 0,
            (x, y) => y % 2 === 0,
            (x, y) => x % 3 === 0,
            (x, y) => (x + y) % 3 === 0,
            (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
            (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
            (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
            (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0
        ][mask];
        for (let y = 0; y < this.size; y++) {
            for (let x = 0; x < this.size; x++) {
                if (!this.reserved[y][x] && test(x, y)) this.modules[y][x] = !this.modules[y][x];
            }
        }
    }

    /** The standard's penalty: runs, 2×2 blocks, finder-like patterns, dark/light balance. */
    penalty() {
        const size = this.size, m = this.modules;
        let score = 0;
        const lines = [];
        for (let i = 0; i < size; i++) {
            lines.push(m[i]);
            lines.push(m.map(row => row[i]));
        }
        for (const line of lines) {
            let run = 1;
            for (let i = 1; i <= size; i++) {
                if (i < size && line[i] === line[i - 1]) {
                    run++;
                } else {
                    if (run >= 5) score += 3 + (run - 5);
                    run = 1;
                }
            }
            const text = line.map(on => (on ? '1' : '0')).join('');
            for (const pattern of ['10111010000', '00001011101']) {
                for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) score += 40;
            }
        }
        let dark = 0;
        for (let y = 0; y < size; y++) {
            for (let x = 0; x < size; x++) {
                if (m[y][x]) dark++;
                if (x < size - 1 && y < size - 1 && m[y][x] === m[y][x + 1] && m[y][x] === m[y + 1][x] && m[y][x] === m[y + 1][x + 1]) score += 3;
            }
        }
        const total = size * size;
        score += Math.max(0, Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10;
        return score;
    }
}

function alignmentCentres(version) {
    if (version === 1) return [];
    const count = Math.floor(version / 7) + 2;
    const size = version * 4 + 17;
    const step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
    const centres = [6];
    for (let pos = size - 7; centres.length < count; pos -= step) centres.splice(1, 0, pos);
    return centres;
}
