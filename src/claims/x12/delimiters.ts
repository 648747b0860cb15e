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

/**
 * Reads the delimiters from the start of an ISA segment, which has a fixed layout.
 *
 * @param isa - text starting with `ISA` (at least 106 characters)
 * @returns the delimiters, or undefined when the text is not an ISA header
 * @example
 * ```ts
 * delimitersOf(isaText)?.segment; // '~'
 * ```
 */
export function delimitersOf(isa: string): X12Delimiters | undefined {
  if (isa.length < ISA_LENGTH || !isa.startsWith('ISA')) return undefined;
  const element = isa.charAt(3);
  const fields = isa.slice(0, ISA_LENGTH - 1).split(element);
  if (fields.length !== 17) return undefined;
  const repetition = fields[11] ?? '^';
  return { element, component: isa.charAt(104), repetition: repetition.length === 1 ? repetition : '^', segment: isa.charAt(105) };
}
