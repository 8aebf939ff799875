import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Copies the non-TypeScript files the code reads at run time (SQL, the dashboard page, the report page's script and styles) from src/ into dist/. */
function copyAssets(dir: string): number {
  let copied = 0;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) copied += copyAssets(path);
    else if (entry.endsWith('.sql') || /^src[\\/](dashboard|report[\\/]assets)[\\/]/.test(path)) {
      const target = join('dist', relative('src', path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
      copied++;
    }
  }
  return copied;
}

console.log(`copied ${copyAssets('src')} SQL, dashboard and report files into dist/`);
