import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The official unit lists live in ../shared beside the repository and are read in place, never copied. */
export const SHARED_ADMIN_UNITS = resolve(__dirname, '..', '..', '..', '..', 'shared', 'data', 'admin-units');

export function readSharedAdminUnits(file: string): string {
  return readFileSync(resolve(SHARED_ADMIN_UNITS, file), 'utf8');
}
