import packageJson from '../../package.json';

/** The package version, as published. */
export const VERSION: string = packageJson.version;
