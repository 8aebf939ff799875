import { createRequire } from 'node:module';

/**
 * The values Tracer uses from `@duckdb/node-api`, loaded with `require`. The package is
 * CommonJS: imported as ESM, Node runs its export scanner over every file of it first,
 * which added ~150 ms to the start of every command. Types still come from `import type`.
 */
const api = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');

export const { DuckDBInstance, DuckDBDataChunk, DuckDBScalarFunction, DuckDBTypeId, listValue, BIGINT, BOOLEAN, DOUBLE, INTEGER, LIST, VARCHAR } = api;
