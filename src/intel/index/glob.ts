/**
 * True when `mask` (where `*` stands for any run of characters, possibly
 * empty) matches the whole of `text`. Two-pointer matching with
 * one backtrack point: at worst mask × text steps, never exponential, so
 * hostile masks or URLs cannot cause blow-ups.
 * @example globMatch('*.evil.com/*', 'a.evil.com/x') === true
 */
export function globMatch(mask: string, text: string): boolean {
  let m = 0;
  let t = 0;
  let starM = -1;
  let starT = 0;
  while (t < text.length) {
    const mc = m < mask.length ? mask.charCodeAt(m) : -1;
    if (mc === 42) {
      starM = m++;
      starT = t;
    } else if (mc === text.charCodeAt(t)) {
      m++;
      t++;
    } else if (starM >= 0) {
      m = starM + 1;
      t = ++starT;
    } else return false;
  }
  while (m < mask.length && mask.charCodeAt(m) === 42) m++;
  return m === mask.length;
}
