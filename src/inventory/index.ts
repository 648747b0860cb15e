/**
 * medoffice/inventory
 *
 * @packageDocumentation
 */
export {};
