import { describe, expect, it } from 'vitest';
import { LineProblems, formatLineProblem } from './problems.js';

describe('LineProblems', () => {
  it('counts every problem by code and keeps only the first few', () => {
    const problems = new LineProblems(2);
    for (const line of [3, 5, 8]) problems.add(line, 'bad_json', 'not a JSON object');
    problems.add(9, 'not_syslog', 'x');
    expect(problems.count).toBe(4);
    expect(problems.byCode).toEqual({ bad_json: 3, not_syslog: 1 });
    expect(problems.first.map((p) => p.line)).toEqual([3, 5]);
  });

  it('formats one terminal-safe line naming file and line', () => {
    expect(formatLineProblem('evil\x1b[2J.log', { line: 7, code: 'bad_json', reason: 'not a JSON object' })).toBe('evil\\x1b[2J.log:7: not a JSON object (bad_json)');
  });
});
