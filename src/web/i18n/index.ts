/**
 * i18next set-up for the web app. Vietnamese by default; the choice is kept in localStorage. Server messages
 * (error codes, zod issue keys) come from the shared table in src/shared/i18n/messages.ts via `serverText`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS, messages, translate, type Lang } from '../../shared/i18n/messages.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';
import { tasksEn } from './tasks.en.ts';
import { tasksVi } from './tasks.vi.ts';
import { legalDocumentsEn } from './legal-documents.en.ts';
import { legalDocumentsVi } from './legal-documents.vi.ts';
import { homeEn } from '../pages/home/home.en.ts';
import { homeVi } from '../pages/home/home.vi.ts';
import { accountsEn } from './accounts.en.ts';
import { accountsVi } from './accounts.vi.ts';
import { enterpriseEn } from '../pages/enterprise/enterprise.en.ts';
import { enterpriseVi } from '../pages/enterprise/enterprise.vi.ts';
import { indicatorsEn } from '../pages/indicators/indicators.en.ts';
import { indicatorsVi } from '../pages/indicators/indicators.vi.ts';
import { incubationEn } from '../pages/incubation/incubation.en.ts';
import { incubationVi } from '../pages/incubation/incubation.vi.ts';
import { programmesEn } from '../pages/programmes/programmes.en.ts';
import { programmesVi } from '../pages/programmes/programmes.vi.ts';

export const LANG_STORAGE_KEY = 'khcn.lang';

function storedLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    if (v && (LANGS as readonly string[]).includes(v)) return v as Lang;
  } catch {
    // storage blocked: fall back to the default
  }
  return 'vi';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: { ...vi, ...tasksVi, ...legalDocumentsVi, ...accountsVi, ...homeVi, ...indicatorsVi, ...enterpriseVi, ...incubationVi, ...programmesVi } }, en: { translation: { ...en, ...tasksEn, ...legalDocumentsEn, ...accountsEn, ...homeEn, ...indicatorsEn, ...enterpriseEn, ...incubationEn, ...programmesEn } } },
  lng: storedLang(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export async function setLang(lang: Lang) {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // not persisted: still switch for this page
  }
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

/** A shared (server) message in the current UI language. */
export function serverText(key: string, params?: Record<string, unknown>): string {
  return translate(currentLang(), key, params);
}

/** True when the shared message table has this key (server field problems may carry bare codes like `duplicate`). */
export function hasServerText(key: string): boolean {
  return key in messages[currentLang()];
}
