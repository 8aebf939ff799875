import type { Analysis } from '../correlate/model.js';

/** Is `v` a plain object? */
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks that every item of `list` is an object carrying the given array fields. */
function checkItems(list: unknown[], what: string, arrays: string[], strings: string[]): void {
  list.forEach((item, n) => {
    if (!isObject(item)) throw new SyntaxError(`${what}[${n}] is not an object`);
    for (const f of arrays) if (!Array.isArray(item[f])) throw new SyntaxError(`${what}[${n}].${f} is not a list`);
    for (const f of strings) if (typeof item[f] !== 'string') throw new SyntaxError(`${what}[${n}].${f} is not a string`);
  });
}

/**
 * Parses analysis.json as `tracer analyze` writes it, checking the parts the planner
 * reads (their values are validated later, one by one).
 * @throws SyntaxError "Cannot read analysis.json: …" naming what is wrong
 * @example parseAnalysis(readFileSync('analysis.json', 'utf8'), 'analysis.json')
 */
export function parseAnalysis(text: string, source = 'the analysis'): Analysis {
  try {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new SyntaxError(`not JSON (${(err as Error).message.split('\n')[0]})`);
    }
    if (!isObject(data)) throw new SyntaxError('expected a JSON object');
    if (data.format !== 'tracer-analysis/1') throw new SyntaxError('format is not "tracer-analysis/1" (write it with tracer analyze)');
    if (!Array.isArray(data.incidents) || !Array.isArray(data.alerts)) throw new SyntaxError('incidents and alerts must be lists');
    checkItems(data.alerts, 'alerts', ['dst'], ['id', 'detector', 'src', 'severity']);
    data.alerts.forEach((a: Record<string, unknown>, n) => { if (!isObject(a.evidence)) throw new SyntaxError(`alerts[${n}].evidence is not an object`); });
    checkItems(data.incidents, 'incidents', ['attackers', 'victims', 'c2', 'compromised', 'alertIds'], ['id']);
    data.incidents.forEach((i: Record<string, unknown>, n) => {
      if (!isObject(i.graph) || !Array.isArray(i.graph.nodes) || !Array.isArray(i.graph.edges)) throw new SyntaxError(`incidents[${n}].graph must have nodes and edges`);
      checkItems(i.compromised as unknown[], `incidents[${n}].compromised`, [], []);
      checkItems(i.graph.nodes, `incidents[${n}].graph.nodes`, [], []);
      checkItems(i.graph.edges, `incidents[${n}].graph.edges`, [], []);
    });
    if (data.parameters !== undefined && !isObject(data.parameters)) throw new SyntaxError('parameters is not an object');
    return data as unknown as Analysis;
  } catch (err) {
    throw new SyntaxError(`Cannot read ${source}: ${(err as Error).message}`);
  }
}
