import { countryByCode } from '../../queries/referenceLookups';
import { getLanguage, getSdg, getTheme, isSdgNumber, isThemeCode, parseLanguageCode, type Country, type Language, type Sdg, type Theme } from '../../reference';

/*
 * Codes stored in events turned into the catalogue's objects. A code the shipped catalogue no
 * longer knows (vocabularies are versioned) is still shown, labelled by its code, never dropped.
 */

export const themeOf = (code: string): Theme =>
  isThemeCode(code) ? getTheme(code) : { code, labelEs: code, labelEn: code, priorityInSeed: false };

export const sdgOf = (number: number): Sdg => (isSdgNumber(number) ? getSdg(number) : { number: number as Sdg['number'], nameEs: String(number), nameEn: String(number) });

export const languageOf = (code: string): Language => {
  const parsed = parseLanguageCode(code);
  return parsed.ok ? getLanguage(parsed.value) : { code: code as Language['code'], nameEn: code, nativeName: code };
};

/** Its alpha-3 and numeric codes are unknown without the catalogue: empty, not invented. */
export const countryOf = (code: string): Country =>
  countryByCode(code) ?? { code: code as Country['code'], alpha3: '', numeric: '', nameEs: code, nameEn: code, isoName: code };
