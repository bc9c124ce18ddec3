/**
 * Writes public/managed_schema.json from lib/policy/managed-values.ts `managedSchema()` (the four settings and
 * the mistypings of their names that Chrome must pass on for Policy Guard to name them). Run after changing
 * either: `npx tsx scripts/managed-schema.ts`. tests/unit/policy/managed-schema.test.ts fails while they differ.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { managedSchema } from '../lib/policy/managed-values';

const file = fileURLToPath(new URL('../public/managed_schema.json', import.meta.url));
writeFileSync(file, `${JSON.stringify(managedSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
