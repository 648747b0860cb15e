import { match } from 'ts-pattern';

/**
 * A condition a tabular note puts on the characters of the codes it names, as in
 * `(S62.- with 7th character B)`: positions count the characters of the undotted code from 1.
 * - `at`: the characters from `position` on start with one of `anyOf` (`fifth to sixth characters 51`
 *   is `{ position: 5, anyOf: ['51'] }`);
 * - `final`: the code ends with one of `anyOf` (`I69. with final characters -23`);
 * - `intent`: the intent character of a poisoning code, the 6th or (where the 6th is the placeholder
 *   X or missing) the 5th, is one of `anyOf` (`T36-T65 with fifth or sixth character 1-4 or 6`).
 *
 * @example
 * ```ts
 * const openSkullFracture: CharacterCondition = { kind: 'at', position: 7, anyOf: ['B'] };
 * ```
 */
export type CharacterCondition =
  | { readonly kind: 'at'; readonly position: number; readonly anyOf: readonly string[] }
  | { readonly kind: 'final'; readonly anyOf: readonly string[] }
  | { readonly kind: 'intent'; readonly anyOf: readonly string[] };

/**
 * Whether an undotted code meets a character condition.
 *
 * @param code - the undotted code, such as `S62601B`
 * @param condition - the condition
 * @returns true when the code has the characters the condition asks for
 * @example
 * ```ts
 * meetsCondition('S02101B', { kind: 'at', position: 7, anyOf: ['B'] }); // true
 * meetsCondition('S02101A', { kind: 'at', position: 7, anyOf: ['B'] }); // false
 * ```
 */
export function meetsCondition(code: string, condition: CharacterCondition): boolean {
  return match(condition)
    .with({ kind: 'at' }, ({ position, anyOf }) => anyOf.some((text) => code.startsWith(text, position - 1)))
    .with({ kind: 'final' }, ({ anyOf }) => anyOf.some((text) => code.endsWith(text)))
    .with({ kind: 'intent' }, ({ anyOf }) => {
      const sixth = code[5];
      const intent = sixth === undefined || sixth === 'X' ? code[4] : sixth;
      return intent !== undefined && anyOf.includes(intent);
    })
    .exhaustive();
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

/**
 * A condition in the tabular's words, for messages.
 *
 * @example
 * ```ts
 * describeCondition({ kind: 'at', position: 7, anyOf: ['B', 'C'] }); // 'with seventh character B or C'
 * describeCondition({ kind: 'final', anyOf: ['23'] });                // 'with final characters -23'
 * ```
 */
export function describeCondition(condition: CharacterCondition): string {
  const options = condition.anyOf.join(' or ');
  return match(condition)
    .with({ kind: 'at' }, ({ position, anyOf }) => {
      const length = anyOf[0]?.length ?? 1;
      const first = ORDINALS[position - 1] ?? `${position}th`;
      if (length <= 1) return `with ${first} character ${options}`;
      return `with ${first} to ${ORDINALS[position + length - 2] ?? `${position + length - 1}th`} characters ${options}`;
    })
    .with({ kind: 'final' }, () => `with final characters ${condition.anyOf.map((text) => `-${text}`).join(' or ')}`)
    .with({ kind: 'intent' }, () => `with fifth or sixth character ${options}`)
    .exhaustive();
}
