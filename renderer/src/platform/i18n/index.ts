/**
 * i18n: Simplified Chinese by default, English switchable; the choice persists in localStorage.
 * The catalogues are the app's (renderer/src/messages.ts: shared keys plus each feature's).
 */
import i18next, { type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
const STORAGE_KEY = 'hall.lang';

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyDocumentLang(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function initI18n(catalogues: Readonly<Record<Lang, ResourceKey>>): typeof i18next {
  const lng = storedLang();
  void i18next.use(initReactI18next).init({
    resources: { zh: { translation: catalogues.zh }, en: { translation: catalogues.en } },
    lng,
    fallbackLng: 'zh',
    // Resources are bundled: initialise synchronously so the first paint is already translated.
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  applyDocumentLang(lng);
  return i18next;
}

export function setLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or a locked-down wall display: the switch still works for this session.
  }
  applyDocumentLang(lang);
  void i18next.changeLanguage(lang);
}
