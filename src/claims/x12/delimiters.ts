/** The separators an interchange declares in its ISA segment. */
export interface X12Delimiters {
  /** Between elements (ISA position 4, usually `*`). */
  readonly element: string;
  /** Between the parts of a composite element (ISA16, usually `:`). */
  readonly component: string;
  /** Between repetitions (ISA11 in 005010, usually `^`). */
  readonly repetition: string;
  /** After each segment (the character after ISA16, usually `~`). */
  readonly segment: string;
}

/** The fixed length of an ISA segment up to and including its segment terminator. */
export const ISA_LENGTH = 106;

/** The separators the 837P implementation guide recommends, used when no ISA declared any. */
export const DEFAULT_DELIMITERS: X12Delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };

/** What an ISA header gives: its delimiters, or why they cannot be read from it. */
export type IsaReading = { readonly delimiters: X12Delimiters; readonly problem?: undefined } | { readonly delimiters?: undefined; readonly problem: string };

/** The fixed widths of ISA01 to ISA15 (ISA16, the component separator, is one character). */
const ISA_WIDTHS: readonly number[] = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1];

/** Where ISA11 (the repetition separator from 00501 on) and ISA12 (the version) stand. */
const ISA11_AT = 82;
const ISA12_AT = 84;

/**
 * Reads the delimiters from the start of an ISA segment, which has a fixed layout: ISA01 to ISA16
 * of fixed widths (2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1), so the component separator is
 * the 105th character and the segment terminator the 106th. The element separator (the 4th
 * character), the repetition separator (ISA11, from version 00501 on), the component separator and
 * the segment terminator must differ from one another and be neither letters nor digits.
 *
 * @param isa - text starting with `ISA` (106 characters, or all that is left of the input)
 * @returns the delimiters, or a clause naming the element of the wrong width or the separators that collide
 * @example
 * ```ts
 * readIsa(isaText).delimiters?.segment;  // '~'
 * readIsa(isaText.replace('SUBMITTER      ', 'SUBMITTER     ')).problem; // 'ISA06 is 14 characters, not 15'
 * ```
 */
export function readIsa(isa: string): IsaReading {
  if (!isa.startsWith('ISA')) return { problem: 'the text does not start with ISA' };
  const element = isa.charAt(3);
  if (element === '' || isLetterOrDigit(element)) return { problem: element === '' ? 'the input ends after ISA' : `the element separator (the character after ISA) is '${element}', a letter or digit` };
  let from = 4;
  for (let i = 0; i < ISA_WIDTHS.length; i++) {
    const name = `ISA${String(i + 1).padStart(2, '0')}`;
    const at = isa.indexOf(element, from);
    if (at < 0) return { problem: isa.length < ISA_LENGTH ? `the input ends ${isa.length} characters into the header, in ${name}` : `${name} runs on past the header's ${ISA_LENGTH} characters` };
    const width = ISA_WIDTHS[i] ?? 0;
    if (at - from !== width) return { problem: `${name} is ${at - from} characters, not ${width}` };
    from = at + 1;
  }
  if (isa.length < ISA_LENGTH) return { problem: `the input ends ${isa.length} characters into the header, before ${isa.length === ISA_LENGTH - 1 ? 'the segment terminator' : 'ISA16'}` };
  const repeats = isa.slice(ISA12_AT, ISA12_AT + 5) >= '00501';
  const delimiters = { element, component: isa.charAt(ISA_LENGTH - 2), repetition: repeats ? isa.charAt(ISA11_AT) : '^', segment: isa.charAt(ISA_LENGTH - 1) };
  const problem = separatorProblem(delimiters, repeats);
  return problem === undefined ? { delimiters } : { problem };
}

/**
 * Reads the delimiters from the start of an ISA segment (see `readIsa` for what is checked).
 *
 * @param isa - text starting with `ISA` (at least 106 characters)
 * @returns the delimiters, or undefined when the text is not a well-formed ISA header
 * @example
 * ```ts
 * delimitersOf(isaText)?.segment; // '~'
 * ```
 */
export function delimitersOf(isa: string): X12Delimiters | undefined {
  return readIsa(isa).delimiters;
}

function separatorProblem(delimiters: X12Delimiters, repeats: boolean): string | undefined {
  const named: (readonly [string, string])[] = [['the element separator', delimiters.element]];
  if (repeats) named.push(['ISA11, the repetition separator,', delimiters.repetition]);
  named.push(['ISA16, the component separator,', delimiters.component], ['the segment terminator (after ISA16)', delimiters.segment]);
  for (let i = 1; i < named.length; i++) {
    const [name, separator] = named[i] ?? ['', ''];
    if (isLetterOrDigit(separator)) return `${name} is '${separator}', a letter or digit`;
    const same = named.findIndex(([, other]) => other === separator);
    if (same < i) return `${name} is ${shown(separator)}, the same as ${named[same]?.[0].replace(/,$/, '')}`;
  }
  return undefined;
}

function isLetterOrDigit(c: string): boolean {
  return /^[A-Za-z0-9]$/.test(c);
}

function shown(c: string): string {
  return c === '\n' ? 'a line feed' : c === '\r' ? 'a carriage return' : `'${c}'`;
}
