/**
 * UK postcodes: outward code (area letters, district digit(s), optional letter) and inward code
 * (digit and two letters), e.g. "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT".
 * The inward code never uses C, I, K, M, O or V. GIR 0AA is the one historic exception.
 */
const OUTWARD = '(?:[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)';
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}';
const POSTCODE = new RegExp(`^(?:${OUTWARD} ?${INWARD}|GIR ?0AA)$`);

/** The postcode in capitals with one space before the inward code, or undefined when it is not a UK postcode. */
export function normalisePostcode(input: string): string | undefined {
  const compact = input.trim().toUpperCase().replace(/\s+/g, '');
  if (!POSTCODE.test(compact)) return undefined;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export const isValidPostcode = (input: string): boolean => normalisePostcode(input) !== undefined;
