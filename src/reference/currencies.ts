import { code as findIsoCurrency, data as iso4217, publishDate } from 'currency-codes';
import currencyCodesPackage from 'currency-codes/package.json';
import {
  NOT_TEXT_HINT,
  ReferenceCodeError,
  parsed,
  refused,
  type Brand,
  type ParseResult,
} from './codes';

/**
 * ISO 4217 alphabetic code, e.g. "MXN". Agreements record amounts and, for the art. 117 fr. VIII
 * check (no state debt payable in foreign currency), the currency they are denominated in.
 */
export type CurrencyCode = Brand<string, 'CurrencyCode'>;

export interface Currency {
  readonly code: CurrencyCode;
  readonly numeric: string;
  /** Decimal places of the minor unit (2 for MXN, 0 for JPY). */
  readonly minorUnits: number;
  /** ISO's English name, e.g. "Mexican Peso". */
  readonly nameEn: string;
  /**
   * Spanish name from the runtime's Unicode CLDR data (Node's ICU), absent when ICU has none.
   * It can change with the Node version; never store it, derive it.
   */
  readonly nameEs?: string;
}

export const CURRENCY_CATALOGUE = {
  version: `ISO 4217 list of ${publishDate} (currency-codes@${currencyCodesPackage.version})`,
  source:
    'ISO 4217 List One via the currency-codes package; it includes fund codes (e.g. MXV, the UDI) and precious metals (XAU)',
} as const;

const spanishNames = new Intl.DisplayNames(['es'], { type: 'currency', fallback: 'none' });

const CURRENCIES: readonly Currency[] = iso4217.map((record) => {
  const nameEs = spanishNames.of(record.code);
  return Object.freeze({
    code: record.code as CurrencyCode,
    numeric: record.number,
    minorUnits: record.digits,
    nameEn: record.currency,
    ...(nameEs === undefined ? {} : { nameEs }),
  });
});

const BY_CODE: ReadonlyMap<string, Currency> = new Map(CURRENCIES.map((c) => [c.code, c]));

export function parseCurrencyCode(input: unknown): ParseResult<CurrencyCode> {
  if (typeof input !== 'string') {
    return refused(
      new ReferenceCodeError('currency', 'currency-code-not-text', input, NOT_TEXT_HINT, 'is not text'),
    );
  }
  if (!/^[A-Z]{3}$/.test(input)) {
    const upper = input.trim().toUpperCase();
    const hint = BY_CODE.has(upper)
      ? `Write it as "${upper}".`
      : 'Give the three capital letters of ISO 4217, e.g. "MXN", "USD", "EUR".';
    return refused(
      new ReferenceCodeError('currency', 'currency-code-format', input, hint, 'is not three capital letters'),
    );
  }
  if (!findIsoCurrency(input)) {
    return refused(
      new ReferenceCodeError(
        'currency',
        'currency-code-unknown',
        input,
        'Check it against the current ISO 4217 list, e.g. "MXN", "USD", "EUR". Withdrawn codes (such as "MXP", the peso before 1993) are not in it.',
        'is not a current ISO 4217 code',
      ),
    );
  }
  return parsed(input as CurrencyCode);
}

export function getCurrency(code: CurrencyCode): Currency {
  const currency = BY_CODE.get(code);
  if (!currency) throw new Error(`Currency ${code} passed parseCurrencyCode but is not in the catalogue`);
  return currency;
}

export const listCurrencies = (): readonly Currency[] => CURRENCIES;
