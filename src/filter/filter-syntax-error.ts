/**
 * A filter expression that does not parse. `column` is 1-based, as an editor
 * counts; the message names it and what was expected there.
 */
export class FilterSyntaxError extends SyntaxError {
  override name = 'FilterSyntaxError';

  constructor(readonly column: number, readonly reason: string) {
    super(`Cannot parse filter at column ${column}: ${reason}`);
  }
}
