/**
 * True when a string is a valid National Provider Identifier: ten digits whose last is the Luhn
 * check digit computed over the card-issuer prefix 80840 followed by the first nine digits
 * (CMS, "Requirements for Check Digit Algorithm for the NPI").
 *
 * @param npi - the ten characters as written
 * @returns false for anything else, a value that is not a string included
 * @example
 * ```ts
 * isValidNpi('1234567893'); // true: CMS's own example, check digit 3
 * isValidNpi('1234567890'); // false
 * ```
 */
export function isValidNpi(npi: string): boolean {
  if (typeof npi !== 'string' || npi.length !== 10) return false;
  let sum = 24; // the doubled-and-summed digits of the prefix 80840
  for (let i = 0; i < 10; i++) {
    const digit = npi.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (i === 9) return (sum + digit) % 10 === 0;
    const fromRight = 9 - i; // position counted from the check digit
    if (fromRight % 2 === 1) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }
  return false;
}

/**
 * The check digit CMS's algorithm gives for the first nine digits of an NPI.
 *
 * @param firstNine - nine digits
 * @returns the tenth digit, 0 to 9; `NaN` when `firstNine` is not nine digits (or not a string)
 * @example
 * ```ts
 * npiCheckDigit('123456789'); // 3
 * ```
 */
export function npiCheckDigit(firstNine: string): number {
  if (typeof firstNine !== 'string' || firstNine.length !== 9) return Number.NaN;
  for (let digit = 0; digit < 10; digit++) if (isValidNpi(`${firstNine}${digit}`)) return digit;
  return Number.NaN;
}
