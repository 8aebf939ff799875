/** Common passwords, most-tried first, as in the head of public leak-derived lists. */
const COMMON = [
  '123456', 'password', '12345678', 'qwerty', '123456789', '12345', '1234', '111111', '1234567', 'dragon',
  '123123', 'baseball', 'abc123', 'football', 'monkey', 'letmein', '696969', 'shadow', 'master', '666666',
  'qwertyuiop', '123321', 'mustang', '1234567890', 'michael', '654321', 'superman', '1qaz2wsx', '7777777',
  'fuckyou', '121212', '000000', 'qazwsx', '123qwe', 'killer', 'trustno1', 'jordan', 'jennifer', 'zxcvbnm',
];

/**
 * A brute-force wordlist with `password` at 1-based `position` (the rest common passwords);
 * e.g. `wordlist('Summer2024', 30)[29] === 'Summer2024'`.
 */
export function wordlist(password: string, position: number): string[] {
  if (!Number.isInteger(position) || position < 1 || position > COMMON.length + 1) {
    throw new RangeError(`Cannot place the password at position ${position}: expected 1..${COMMON.length + 1}`);
  }
  const words = COMMON.filter((w) => w !== password);
  words.splice(position - 1, 0, password);
  return words;
}
