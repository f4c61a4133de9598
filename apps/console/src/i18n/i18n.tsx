import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from 'antd/es/locale';
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

/** English, once loaded (loadEnglish): its catalogue and Ant Design's locale. */
let english: { messages: Record<string, string>; antd: Locale } | null = null;

export async function loadEnglish(): Promise<void> {
  if (english) return;
  const m = await import('./english');
  english = { messages: m.messages, antd: m.antd };
}

/** Ant Design's English locale, once loadEnglish has run. */
export function antdEnglish(): Locale | undefined {
  return english?.antd;
}

/** Whether the stored choice is English: main.tsx loads it before the first render. */
export function storedLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
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
      (lang === 'en-US' ? (english?.messages[key] ?? lazyEn[key]) : undefined) ??
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
  // English is used only once its catalogue is here (main.tsx awaits it for a stored choice).
  const [lang, setLangState] = useState<Lang>(() =>
    storedLang() === 'en-US' && english ? 'en-US' : 'zh-CN',
  );
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: translator(lang),
      setLang(next) {
        const apply = () => {
          localStorage.setItem(STORAGE_KEY, next);
          document.documentElement.lang = next;
          setLangState(next);
        };
        if (next === 'en-US') void loadEnglish().then(apply);
        else apply();
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
