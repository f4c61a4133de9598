import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { enUS } from './en-US';
import { zhCN, type MessageKey } from './zh-CN';

export type Lang = 'zh-CN' | 'en-US';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const STORAGE_KEY = 'tricolor.lang';

function format(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Catalogues that arrive with a lazy page (registerMessages), looked up after the main ones. */
const lazyZh: Record<string, string> = {};
const lazyEn: Record<string, string> = {};
export function registerMessages(zh: Record<string, string>, en: Record<string, string>): void {
  Object.assign(lazyZh, zh);
  Object.assign(lazyEn, en);
}

export function translator(lang: Lang): Translate {
  return (key, params) =>
    format(
      (lang === 'en-US' ? ((enUS as Record<string, string>)[key] ?? lazyEn[key]) : undefined) ??
        (zhCN as Record<string, string>)[key] ??
        lazyZh[key] ??
        key,
      params,
    );
}

/** A label for a vocabulary value (`status.agreed`), or the raw value when none is known. */
export function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in zhCN || key in lazyZh ? t(key as MessageKey) : value;
}

interface I18n {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN',
  );
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: translator(lang),
      setLang(next) {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLangState(next);
      },
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
