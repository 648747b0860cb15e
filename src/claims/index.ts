/**
 * medoffice/claims
 *
 * @packageDocumentation
 */
export {};
