/**
 * Ticket render + encode benchmark / Đo thời gian dựng và mã hoá vé.
 *   npx tsx bench/printer.bench.ts
 * Target: p95 ≤ 50 ms per ticket (render SVG → resvg → 1-bit → ESC/POS raster).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeRasterJob, encodeTicketText, renderTicketBitmap, sampleTicket } from '@motcua/printer';
import type { PaperWidth } from '@motcua/printer';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 20;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

interface Row {
  case: string;
  paperWidth: PaperWidth;
  mode: 'raster' | 'text';
  iterations: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  bytesPerTicket: number;
  imageHeightDots: number | null;
}

function run(paperWidth: PaperWidth, mode: 'raster' | 'text'): Row {
  const times: number[] = [];
  let bytes = 0;
  let height: number | null = null;
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const doc = sampleTicket({
      label: `A${String(i % 1000).padStart(3, '0')}`,
      peopleAhead: i % 40,
      etaMinutes: (i * 3) % 90,
    });
    const t0 = performance.now();
    let out: Uint8Array;
    if (mode === 'raster') {
      const bm = renderTicketBitmap(doc, { paperWidth });
      out = encodeRasterJob(bm, { cut: 'partial', density: 4 });
      height = bm.height;
    } else {
      out = encodeTicketText(doc, { paperWidth, codePage: 'tcvn3', cut: 'partial' });
    }
    const dt = performance.now() - t0;
    if (i >= WARMUP) times.push(dt);
    bytes = out.length;
  }
  times.sort((a, b) => a - b);
  const r = (x: number): number => Math.round(x * 100) / 100;
  return {
    case: `${mode} ${paperWidth} mm`,
    paperWidth,
    mode,
    iterations: ITERATIONS,
    p50Ms: r(percentile(times, 50)),
    p95Ms: r(percentile(times, 95)),
    maxMs: r(times[times.length - 1] ?? NaN),
    bytesPerTicket: bytes,
    imageHeightDots: height,
  };
}

const rows = [run(80, 'raster'), run(58, 'raster'), run(80, 'text'), run(58, 'text')];
console.table(rows.map(({ paperWidth: _w, mode: _m, ...rest }) => rest));
const targetMs = 50;
const pass = rows.every((r) => r.p95Ms <= targetMs);
console.log(`p95 target ≤ ${targetMs} ms: ${pass ? 'PASS' : 'FAIL'}`);

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'printer.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: availableParallelism(),
      targetP95Ms: targetMs,
      pass,
      rows,
    },
    null,
    2,
  ) + '\n',
);
console.log(`→ ${out}`);
