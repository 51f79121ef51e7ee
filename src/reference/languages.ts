import ISO6391 from 'iso-639-1';
import iso6391Package from 'iso-639-1/package.json';
import {
  NOT_TEXT_HINT,
  ReferenceCodeError,
  parsed,
  refused,
  type Brand,
  type ParseResult,
} from './codes';

/**
 * ISO 639-1 code of a language an agreement is signed in, e.g. "es", "en". Two letters are enough
 * for the languages treaties are authenticated in; indigenous languages without a 639-1 code (e.g.
 * Nahuatl, "nah" in ISO 639-2) would need a wider standard and are not accepted yet.
 */
export type LanguageCode = Brand<string, 'LanguageCode'>;

export interface Language {
  readonly code: LanguageCode;
  readonly nameEn: string;
  /** Name in the language itself, e.g. "Deutsch". */
  readonly nativeName: string;
  /** Spanish name from the runtime's Unicode CLDR data (Node's ICU); may vary with Node's version. */
  readonly nameEs?: string;
}

export const LANGUAGE_CATALOGUE = {
  version: `iso-639-1@${iso6391Package.version}`,
  source: 'ISO 639-1 codes and English and native names from the iso-639-1 package; Spanish names from ICU',
} as const;

const spanishNames = new Intl.DisplayNames(['es'], { type: 'language', fallback: 'none' });

const LANGUAGES: readonly Language[] = ISO6391.getAllCodes().map((code) => {
  const nameEs = spanishNames.of(code);
  return Object.freeze({
    code: code as LanguageCode,
    nameEn: ISO6391.getName(code),
    nativeName: ISO6391.getNativeName(code),
    ...(nameEs === undefined ? {} : { nameEs }),
  });
});

const BY_CODE: ReadonlyMap<string, Language> = new Map(LANGUAGES.map((l) => [l.code, l]));

export function parseLanguageCode(input: unknown): ParseResult<LanguageCode> {
  if (typeof input !== 'string') {
    return refused(
      new ReferenceCodeError('language', 'language-code-not-text', input, NOT_TEXT_HINT, 'is not text'),
    );
  }
  if (!/^[a-z]{2}$/.test(input)) {
    const lower = input.trim().toLowerCase();
    const primary = lower.split(/[-_]/)[0] ?? '';
    const hint = BY_CODE.has(lower)
      ? `Write it in lower case: "${lower}".`
      : BY_CODE.has(primary)
        ? `Give the language without region or script: "${primary}".`
        : 'Give the two lower-case letters of ISO 639-1, e.g. "es", "en", "fr".';
    return refused(
      new ReferenceCodeError('language', 'language-code-format', input, hint, 'is not two lower-case letters'),
    );
  }
  if (!BY_CODE.has(input)) {
    return refused(
      new ReferenceCodeError(
        'language',
        'language-code-unknown',
        input,
        'Check the code against ISO 639-1, e.g. "es" Spanish, "en" English, "zh" Chinese.',
        'is not an ISO 639-1 code',
      ),
    );
  }
  return parsed(input as LanguageCode);
}

export function getLanguage(code: LanguageCode): Language {
  const language = BY_CODE.get(code);
  if (!language) throw new Error(`Language ${code} passed parseLanguageCode but is not in the catalogue`);
  return language;
}

export const listLanguages = (): readonly Language[] => LANGUAGES;
