/**
 * A nominal type: `T` tagged with the name `B`, so that values of different meaning
 * (an NPI and a tax id, a provider id and a room id) cannot be mixed up by accident.
 *
 * @example
 * ```ts
 * type ProviderId = Brand<string, 'ProviderId'>;
 * const id = 'dr-lee' as ProviderId;
 * ```
 */
export type Brand<T, B extends string> = T & { readonly __brand: B };
