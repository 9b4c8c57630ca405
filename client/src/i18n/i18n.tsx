import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { EVENT_NAMES, MESSAGES, ROLE_NAMES, STAGE_NAMES, type Language, type MessageKey } from './messages';

const STORAGE_KEY = 'workplan.language';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  stage(stage: string): string;
  event(event: string): string;
  role(role: string): string;
}

export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'zh-CN'; // Chinese unless the user chose English
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, language: fixed }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(fixed ?? initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
      stage: (stage) => STAGE_NAMES[language][stage as keyof (typeof STAGE_NAMES)['en']] ?? stage,
      event: (event) => EVENT_NAMES[language][event as keyof (typeof EVENT_NAMES)['en']] ?? event,
      role: (role) => ROLE_NAMES[language][role as keyof (typeof ROLE_NAMES)['en']] ?? role,
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
