// DOM helpers for the dashboard: every string goes in as text (textContent), never as markup,
// because almost every string shown here comes from captured traffic.

/** An element with attributes (class, data-*, aria-*) and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value;
    else node.setAttribute(name, String(value));
  }
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** Replaces the children of `node`. */
export function replaceChildren(node, ...children) {
  node.replaceChildren(...children);
}

/** A severity badge. */
export function severityBadge(severity) {
  return el('span', { class: `sev sev-${/^[a-z]+$/.test(severity) ? severity : 'info'}` }, String(severity));
}

/** Epoch seconds as UTC time (with the date when `withDate`). */
export function formatTime(ts, withDate = false) {
  if (!Number.isFinite(ts)) return '';
  const iso = new Date(ts * 1000).toISOString();
  return withDate ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(11, 19);
}

/** A count with a k/M/G suffix. */
export function formatCount(n, unit = '') {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} G${unit}`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M${unit}`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k${unit}`;
  return `${Math.round(n)} ${unit}`.trim();
}
