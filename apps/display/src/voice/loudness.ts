/**
 * Loudness of a mono clip per ITU-R BS.1770-4 / EBU R128: K-weighting (a high shelf then a high pass),
 * mean square over 400 ms blocks with 75 % overlap, an absolute gate at −70 LUFS and a relative gate
 * 10 LU below the ungated mean. Pure; used by the voice generator to normalise every clip to one
 * loudness and by the tests that check the shipped set.
 *
 * A call is built from clips of 0.2–2.5 s. The standard cannot measure a clip shorter than one 400 ms
 * block (a number word lasts about 300 ms), and for one under a few seconds the 100 ms block grid leaves
 * its last part counted less than the rest, so measuring the same clip with a few samples more or less
 * moves the result by up to 1 LU. A clip shorter than 3 s is therefore measured as if looped to at least
 * 3 s, which weighs every sample equally and keeps its mean square.
 */

interface Biquad {
  b: [number, number, number];
  a: [number, number, number];
}

/** The two K-weighting stages for any sample rate (coefficients derived as libebur128 does). */
function kWeighting(sampleRate: number): [Biquad, Biquad] {
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = Math.pow(10, gainDb / 20);
  const vb = Math.pow(vh, 0.4996667741545416);
  let a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b: [(vh + (vb * k) / q + k * k) / a0, (2 * (k * k - vh)) / a0, (vh - (vb * k) / q + k * k) / a0],
    a: [1, (2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0],
  };
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRate);
  a0 = 1 + k / q + k * k;
  const highPass: Biquad = { b: [1, -2, 1], a: [1, (2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0] };
  return [shelf, highPass];
}

function filter(samples: Float32Array, { b, a }: Biquad): Float64Array {
  const out = new Float64Array(samples.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i] ?? 0;
    const y = b[0] * x + b[1] * x1 + b[2] * x2 - a[1] * y1 - a[2] * y2;
    out[i] = y;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
  }
  return out;
}

const BLOCK_SECONDS = 0.4;
const STEP_SECONDS = 0.1;
const ABSOLUTE_GATE_LUFS = -70;
const RELATIVE_GATE_LU = 10;
const SHORT_CLIP_SECONDS = 3;

function toLufs(meanSquare: number): number {
  return meanSquare > 0 ? -0.691 + 10 * Math.log10(meanSquare) : -Infinity;
}

/** Whole repetitions of the clip, at least `length` samples (a longer clip is returned as it is). */
function loopTo(samples: Float32Array, length: number): Float32Array {
  if (samples.length === 0 || samples.length >= length) return samples;
  const out = new Float32Array(Math.ceil(length / samples.length) * samples.length);
  for (let offset = 0; offset < out.length; offset += samples.length) out.set(samples, offset);
  return out;
}

/** Integrated loudness in LUFS of a mono clip; −Infinity for silence. */
export function integratedLoudness(samples: Float32Array, sampleRate: number): number {
  const block = Math.round(BLOCK_SECONDS * sampleRate);
  const step = Math.round(STEP_SECONDS * sampleRate);
  const input = loopTo(samples, SHORT_CLIP_SECONDS * sampleRate);
  const [shelf, highPass] = kWeighting(sampleRate);
  const weighted = filter(Float32Array.from(filter(input, shelf)), highPass);
  const squares = new Float64Array(weighted.length + 1); // prefix sums of squares
  for (let i = 0; i < weighted.length; i++) squares[i + 1] = (squares[i] ?? 0) + (weighted[i] ?? 0) ** 2;
  const blocks: number[] = [];
  for (let start = 0; start + block <= weighted.length; start += step) {
    blocks.push(((squares[start + block] ?? 0) - (squares[start] ?? 0)) / block);
  }
  const mean = (list: number[]): number => list.reduce((sum, v) => sum + v, 0) / list.length;
  const audible = blocks.filter((ms) => toLufs(ms) > ABSOLUTE_GATE_LUFS);
  if (audible.length === 0) return -Infinity;
  const relativeGate = toLufs(mean(audible)) - RELATIVE_GATE_LU;
  const gated = audible.filter((ms) => toLufs(ms) > relativeGate);
  return toLufs(mean(gated));
}

/** Highest absolute sample value in dBFS (sample peak, not true peak). */
export function samplePeakDb(samples: Float32Array): number {
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  return peak > 0 ? 20 * Math.log10(peak) : -Infinity;
}
