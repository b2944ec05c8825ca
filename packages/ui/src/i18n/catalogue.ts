import type { Language, LocalizedName } from '@motcua/core';
import { useCallback } from 'react';
import { useLanguage } from '../language.js';

/**
 * An app's words in one place: each key has its Vietnamese and English text. A value that changes (a number, a
 * name) is written `{name}` in both languages and filled in when shown, so a reviewer reads whole sentences.
 */
export type Catalogue<Key extends string = string> = Record<Key, { vi: string; en: string }>;

/** What fills the `{name}` places of a catalogue text; a LocalizedName gives each language its own words. */
export type TextValues = Record<string, string | number | LocalizedName>;

/** The `{name}` places of one text, e.g. ["seconds"]. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/**
 * A text with its `{name}` places filled, in `language` (for values that are LocalizedNames; English falls back to
 * Vietnamese). A place without a value stays as written so the gap shows in review.
 */
export function fillText(text: string, values?: TextValues, language: Language = 'vi'): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (place, name: string) => {
    const value = values[name];
    if (value === undefined) return place;
    if (typeof value !== 'object') return String(value);
    return language === 'en' && value.en ? value.en : value.vi;
  });
}

/** One catalogue entry in both languages, filled: for code outside React that hands a LocalizedName on. */
export function localizedText(entry: LocalizedName, values?: TextValues): LocalizedName {
  return { vi: fillText(entry.vi, values, 'vi'), en: fillText(entry.en, values, 'en') };
}

/** The catalogue's texts in the language picked on screen. */
export function useCatalogue<Key extends string>(catalogue: Catalogue<Key>): (key: Key, values?: TextValues) => string {
  const { t } = useLanguage();
  return useCallback((key, values) => t(localizedText(catalogue[key], values)), [catalogue, t]);
}
