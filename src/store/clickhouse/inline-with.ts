/**
 * Named subqueries for ClickHouse 18.16, which has no common table expressions: a query written
 * `WITH a AS (…), b AS (… FROM a AS x …) SELECT … FROM b` is rewritten with each `FROM a` /
 * `JOIN a` replaced by the parenthesised subquery, so analytics SQL keeps DuckDB's shape.
 * A reference is followed by `AS alias` or gets the name itself as its alias. As in DuckDB,
 * `a AS MATERIALIZED (…)` is computed once: into a temporary table the references then read.
 */

/** Subqueries every query may reference by name (the analysis views). */
export type NamedSubqueries = Readonly<Record<string, string>>;

interface Token {
  text: string;
  /** Word (identifier or keyword), punctuation, or opaque text (string, comment, space). */
  kind: 'word' | 'punct' | 'other';
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    let j = i + 1;
    let kind: Token['kind'] = 'other';
    if (c === "'" || c === '"' || c === '`') {
      while (j < sql.length && sql[j] !== c) j += sql[j] === '\\' ? 2 : 1;
      j++;
    } else if (c === '-' && sql[i + 1] === '-') {
      j = sql.indexOf('\n', i);
      if (j < 0) j = sql.length;
    } else if (/\s/.test(c)) {
      while (j < sql.length && /\s/.test(sql[j])) j++;
    } else if (/[A-Za-z_]/.test(c)) {
      while (j < sql.length && /[A-Za-z0-9_]/.test(sql[j])) j++;
      kind = 'word';
    } else {
      kind = 'punct';
    }
    tokens.push({ text: sql.slice(i, Math.min(j, sql.length)), kind });
    i = j;
  }
  return tokens;
}

/** Index of the next significant (not space or comment) token at or after `i`. */
function next(tokens: Token[], i: number): number {
  while (i < tokens.length && tokens[i].kind === 'other' && !/^['"`]/.test(tokens[i].text)) i++;
  return i;
}

/** Index of the `)` closing the `(` at `open`. */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].text === '(') depth++;
    else if (tokens[i].text === ')' && --depth === 0) return i;
  }
  throw new SyntaxError('unbalanced parentheses in SQL');
}

function join(tokens: Token[], from: number, to: number): string {
  return tokens.slice(from, to).map((t) => t.text).join('');
}

/** A subquery to compute into a temporary table before the query runs. */
export interface Materialized {
  table: string;
  sql: string;
}

/** A query with its subqueries inlined, and the temporary tables to fill first (in order). */
export interface QueryPlan {
  materialize: Materialized[];
  sql: string;
}

/** Prefix of the temporary tables of MATERIALIZED subqueries. */
export const MATERIALIZED_PREFIX = 'tracer_tmp_';

/** Replaces references to `named` after FROM/JOIN in `tokens` by their subqueries (or temporary tables). */
function substitute(tokens: Token[], named: Map<string, string>): string {
  let out = '';
  let previous = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const body = t.kind === 'word' && /^(FROM|JOIN)$/i.test(previous) ? named.get(t.text) : undefined;
    if (body !== undefined) {
      const after = next(tokens, i + 1);
      const source = body.startsWith(MATERIALIZED_PREFIX) ? body : `(${body})`;
      out += `${source}${/^AS$/i.test(tokens[after]?.text ?? '') ? '' : ` AS ${t.text}`}`;
    } else {
      out += t.text;
    }
    if (t.kind !== 'other') previous = t.text;
  }
  return out;
}

/**
 * Expands a leading `WITH name AS [MATERIALIZED] (subquery), …` list and the `views` into nested
 * subqueries and temporary tables. A scalar `WITH expr AS alias` (ClickHouse's own) is left alone.
 * @example planQuery('WITH t AS (SELECT 1 AS x) SELECT x FROM t').sql // 'SELECT x FROM (SELECT 1 AS x) AS t'
 */
export function planQuery(sql: string, views: NamedSubqueries = {}): QueryPlan {
  const tokens = tokenize(sql);
  const named = new Map<string, string>();
  const materialize: Materialized[] = [];
  for (const [name, body] of Object.entries(views)) named.set(name, body);
  let i = next(tokens, 0);
  const head = join(tokens, 0, i);
  if (/^WITH$/i.test(tokens[i]?.text ?? '')) {
    let at = next(tokens, i + 1);
    while (tokens[at]?.kind === 'word' && /^AS$/i.test(tokens[next(tokens, at + 1)]?.text ?? '')) {
      let open = next(tokens, next(tokens, at + 1) + 1);
      const materialized = /^MATERIALIZED$/i.test(tokens[open]?.text ?? '');
      if (materialized) open = next(tokens, open + 1);
      if (tokens[open]?.text !== '(') break;
      const close = closing(tokens, open);
      const body = substitute(tokens.slice(open + 1, close), named);
      if (materialized) {
        const table = `${MATERIALIZED_PREFIX}${tokens[at].text}`;
        materialize.push({ table, sql: body });
        named.set(tokens[at].text, table);
      } else {
        named.set(tokens[at].text, body);
      }
      i = next(tokens, close + 1);
      if (tokens[i]?.text !== ',') break;
      at = next(tokens, i + 1);
      i = at;
    }
  }
  return { materialize, sql: head + substitute(tokens.slice(i), named) };
}

/** planQuery for a query without MATERIALIZED subqueries (views, their bodies): the inlined SQL. */
export function inlineWith(sql: string, views: NamedSubqueries = {}): string {
  const plan = planQuery(sql, views);
  if (plan.materialize.length > 0) throw new SyntaxError('MATERIALIZED subqueries need a query of their own, not a view');
  return plan.sql;
}
