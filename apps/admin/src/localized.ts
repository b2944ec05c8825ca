/** A Vietnamese text with its English version, as `t()` of @motcua/ui takes it. */
export interface LocalizedText {
  vi: string;
  en: string;
}
