// A named import: the bundler keeps package.json's version alone, not its lists of dependencies (the popup
// carries this).
import { version } from '../package.json';

/** Product identity, shared by the extension, the `guard` CLI and the tests. */
export const PRODUCT_NAME = 'Policy Guard for ClassDojo';
export const VERSION: string = version;
