#!/usr/bin/env node
// Draws the add-in's ribbon and store icons as PNG files in assets/.
// Why a hand-written rasteriser: no canvas/native package is needed, the output is deterministic (same bytes on every
// machine), and the designs are simple geometry (a ledger page, rows, a round badge).
// Usage: node scripts/gen-icons.mjs   (rewrites assets/<name>-<size>.png)
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80];
const SUPERSAMPLE = 4; // 4×4 samples per pixel give smooth edges at 16 px

const TEAL = [0x1f, 0x6f, 0x5c, 255];
const WHITE = [255, 255, 255, 255];
const AMBER = [0xe8, 0x9b, 0x00, 255];
const RED = [0xc4, 0x31, 0x2b, 255];
const PALE = [0xd8, 0xeb, 0xe5, 255];

// ---- shapes in unit coordinates (0..1 across the icon) ----
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segment = (ax, ay, bx, by, halfWidth) => (x, y) => {
  const vx = bx - ax, vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const px = ax + t * vx - x, py = ay + t * vy - y;
  return px * px + py * py <= halfWidth * halfWidth;
};
const polyline = (points, halfWidth) => {
  const parts = points.slice(1).map((p, i) => segment(points[i][0], points[i][1], p[0], p[1], halfWidth));
  return (x, y) => parts.some((f) => f(x, y));
};

// Stroke widths grow a little at small sizes so lines stay at least ~1.3 px wide.
const stroke = (size, unit) => Math.max(unit, 0.65 / size);

/** The ledger page with its rows; `rows` fewer at 16 px so they stay distinct. */
function ledger(size, right = 0.74) {
  const rowCount = size <= 16 ? 2 : 3;
  const rowYs = rowCount === 2 ? [0.32, 0.52] : [0.3, 0.45, 0.6];
  return [
    [roundRect(0.12, 0.06, right, 0.94, 0.08), TEAL],
    // binding strip on the left: a ledger, not just a sheet
    [roundRect(0.12, 0.06, 0.2, 0.94, 0.04), [0x15, 0x52, 0x44, 255]],
    ...rowYs.map((y) => [segment(0.3, y, right - 0.1, y, stroke(size, 0.028)), WHITE]),
  ];
}

const BADGE = { cx: 0.7, cy: 0.72, r: 0.25 };
function badge(color) {
  return [
    [circle(BADGE.cx, BADGE.cy, BADGE.r + 0.045), WHITE],
    [circle(BADGE.cx, BADGE.cy, BADGE.r), color],
  ];
}

const DESIGNS = {
  // 校验 / add-in logo: ledger with a check mark
  icon: (size) => [
    ...ledger(size),
    ...badge(AMBER),
    [polyline([[0.585, 0.72], [0.67, 0.805], [0.82, 0.635]], stroke(size, 0.045)), WHITE],
  ],
  // 清除标记: ledger with a cross
  clear: (size) => [
    ...ledger(size),
    ...badge(RED),
    [segment(0.615, 0.635, 0.785, 0.805, stroke(size, 0.045)), WHITE],
    [segment(0.785, 0.635, 0.615, 0.805, stroke(size, 0.045)), WHITE],
  ],
  // 助手: a window whose right-hand pane is open beside the ledger rows
  pane: (size) => [
    [roundRect(0.06, 0.12, 0.94, 0.88, 0.08), TEAL],
    [roundRect(0.12, 0.2, 0.56, 0.8, 0.03), PALE],
    [roundRect(0.62, 0.2, 0.88, 0.8, 0.03), AMBER],
    ...(size <= 16 ? [0.4, 0.6] : [0.34, 0.5, 0.66]).map((y) => [segment(0.2, y, 0.48, y, stroke(size, 0.028)), TEAL]),
  ],
};

/** Rasterise painter-ordered layers into RGBA bytes (later layers cover earlier ones). */
function render(layers, size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color = null;
          for (const [shape, c] of layers) if (shape(x, y)) color = c;
          if (color) {
            // premultiplied accumulation so edge pixels do not darken
            const a = color[3] / 255;
            acc[0] += color[0] * a;
            acc[1] += color[1] * a;
            acc[2] += color[2] * a;
            acc[3] += a;
          }
        }
      }
      const o = (py * size + px) * 4;
      const alpha = acc[3] / (n * n);
      if (acc[3] > 0) {
        rgba[o] = Math.round(acc[0] / acc[3]);
        rgba[o + 1] = Math.round(acc[1] / acc[3]);
        rgba[o + 2] = Math.round(acc[2] / acc[3]);
      }
      rgba[o + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

// ---- PNG encoding (RGBA, 8 bit, no interlace) ----
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** Encode RGBA pixels as a PNG file. */
export function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter, interlace = 0
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Every icon file: name (e.g. "icon-16.png") → PNG bytes. */
export function renderIcons() {
  const files = new Map();
  for (const [name, design] of Object.entries(DESIGNS)) {
    // The add-in icon is also shown at 64 px (HighResolutionIconUrl); ribbon buttons use 16, 32 and 80 only.
    for (const size of SIZES) {
      if (size === 64 && name !== "icon") continue;
      files.set(`${name}-${size}.png`, encodePng(render(design(size), size), size, size));
    }
  }
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
  mkdirSync(outDir, { recursive: true });
  for (const [file, png] of renderIcons()) {
    writeFileSync(join(outDir, file), png);
    console.log(`wrote assets/${file}`);
  }
}
