import pkg from '../package.json';

/** Product identity, shared by the extension, the `guard` CLI and the tests. */
export const PRODUCT_NAME = 'Policy Guard for ClassDojo';
export const VERSION: string = pkg.version;
