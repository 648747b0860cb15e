/**
 * medoffice/records
 *
 * @packageDocumentation
 */
export {};
