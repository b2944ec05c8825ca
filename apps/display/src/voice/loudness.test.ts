import { describe, expect, it } from 'vitest';
import { integratedLoudness, samplePeakDb } from './loudness.js';

function sine(amplitude: number, hz: number, seconds: number, rate: number): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * rate) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate),
  );
}

describe('integratedLoudness (ITU-R BS.1770-4)', () => {
  it('reads a 1 kHz sine at −20 dBFS as −23.0 LUFS (the standard calibration), at 48 and 22.05 kHz', () => {
    expect(integratedLoudness(sine(0.1, 1000, 5, 48000), 48000)).toBeCloseTo(-23.0, 1);
    expect(integratedLoudness(sine(0.1, 1000, 5, 22050), 22050)).toBeCloseTo(-23.0, 1);
  });

  it('follows gain exactly: 6 dB more signal is 6 LU louder', () => {
    const quiet = integratedLoudness(sine(0.1, 440, 3, 48000), 48000);
    const loud = integratedLoudness(sine(0.2, 440, 3, 48000), 48000);
    expect(loud - quiet).toBeCloseTo(20 * Math.log10(2), 2);
  });

  it('ignores silence around the sound (gating), so trailing silence does not make a clip quieter', () => {
    const tone = sine(0.1, 1000, 3, 48000);
    const padded = new Float32Array(tone.length + 48000 * 3);
    padded.set(tone, 48000);
    expect(integratedLoudness(padded, 48000)).toBeCloseTo(integratedLoudness(tone, 48000), 0);
  });

  it('measures a 300 ms word (shorter than one block) and gives the same answer a few samples longer', () => {
    const word = sine(0.1, 1000, 0.3, 48000);
    expect(integratedLoudness(word, 48000)).toBeCloseTo(-23.0, 0);
    const longer = sine(0.1, 1000, 0.3 + 312 / 48000, 48000);
    expect(Math.abs(integratedLoudness(longer, 48000) - integratedLoudness(word, 48000))).toBeLessThan(0.2);
  });

  it('is −Infinity for silence; sample peak in dBFS', () => {
    expect(integratedLoudness(new Float32Array(48000), 48000)).toBe(-Infinity);
    expect(samplePeakDb(sine(0.5, 1000, 1, 48000))).toBeCloseTo(-6.02, 1);
  });
});
