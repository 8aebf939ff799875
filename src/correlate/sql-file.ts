import { readFileSync } from 'node:fs';

/** The text of `sql/<name>.sql` beside this module (copied into dist/ by the build). */
export function correlateSql(name: string): string {
  return readFileSync(new URL(`./sql/${name}.sql`, import.meta.url), 'utf8');
}
