/**
 * medoffice/scheduling
 *
 * @packageDocumentation
 */
export {};
