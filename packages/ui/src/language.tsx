import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Language, LocalizedName } from '@motcua/core';
import { uiStrings } from './i18n/strings.js';

interface LanguageContextValue {
  language: Language;
  setLanguage(language: Language): void;
  /** Picks the text in the current language; English falls back to Vietnamese when missing. */
  t(text: LocalizedName): string;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider({ children, initial = 'vi' }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguage] = useState<Language>(initial);
  const t = useCallback((text: LocalizedName) => (language === 'en' && text.en ? text.en : text.vi), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, t]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage needs a <LanguageProvider>');
  return value;
}

/** Vietnamese / English switch, Vietnamese first; each language is named in its own words, whichever is picked. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  return (
    <div
      className="ui-lang"
      role="group"
      aria-label={`${uiStrings['language.switch'].vi} / ${uiStrings['language.switch'].en}`}
    >
      <button type="button" aria-pressed={language === 'vi'} onClick={() => setLanguage('vi')}>
        <span>{uiStrings['language.vi'].vi}</span>
      </button>
      <button type="button" aria-pressed={language === 'en'} onClick={() => setLanguage('en')}>
        <span>{uiStrings['language.en'].en}</span>
      </button>
    </div>
  );
}
