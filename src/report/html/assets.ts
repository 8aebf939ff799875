import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The scripts and styles a report page inlines. */
export interface PageAssets {
  echarts: string;
  cytoscape: string;
  script: string;
  css: string;
}

let cached: PageAssets | undefined;

/**
 * Reads the minified ECharts and Cytoscape builds (found through Node's module
 * resolution, so it works from src/ and from dist/) and the page's own script
 * and stylesheet beside this module. Read once per process.
 */
export function pageAssets(): PageAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const vendor = (spec: string) => {
    try {
      return readFileSync(require.resolve(spec), 'utf8');
    } catch (err) {
      throw new Error(`Cannot read ${spec} for the report page: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  };
  const own = (name: string) => readFileSync(new URL(`../assets/${name}`, import.meta.url), 'utf8');
  cached = {
    echarts: vendor('echarts/dist/echarts.common.min.js'),
    cytoscape: vendor('cytoscape/dist/cytoscape.min.js'),
    script: own('report.page.js'),
    css: own('report.css'),
  };
  return cached;
}
