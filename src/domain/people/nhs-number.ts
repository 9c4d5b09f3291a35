/**
 * NHS numbers: ten digits, the last a modulus 11 check digit. Staff type them with spaces
 * ("943 476 5919") or dashes; we store the ten digits.
 */

/** The ten digits of an NHS number as typed, or undefined when it is not ten digits. */
export function normaliseNhsNumber(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : undefined;
}

/**
 * True when the check digit is right: weights 10..2 on the first nine digits; 11 minus the
 * remainder mod 11 is the check digit, 11 means 0, and 10 means the number is never issued.
 */
export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!digits) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Formats ten digits the way they are printed on letters: 3-3-4. */
export const formatNhsNumber = (digits: string): string => `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
