/**
 * The one loudness every default clip is normalised to (EBU R128 integrated, LUFS) and the highest
 * sample peak allowed after normalising. −22 LUFS is the loudest level at which espeak-ng's quietest
 * number words ("năm", "trăm") still stay 1 dB under full scale without a limiter, after the
 * correction for what Opus encoding takes away; the display's
 * volume setting and the amplifier do the rest.
 */
export const TARGET_LUFS = -22;
export const PEAK_CEILING_DB = -1;
/** How far a shipped clip may be from TARGET_LUFS after Opus encoding (EBU R128 asks for ±1 LU). */
export const LOUDNESS_TOLERANCE_LU = 1;
