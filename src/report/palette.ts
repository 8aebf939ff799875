import type { Severity } from '../detect/alert.js';
import type { Role } from '../correlate/model.js';

/** Colour of each severity, shared by the page, the charts and the static SVGs. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: '#991b1b', high: '#dc2626', medium: '#d97706', low: '#2563eb', info: '#64748b',
};

/** Colour of each host role on the network map. */
export const ROLE_COLORS: Record<Role, string> = {
  attacker: '#dc2626', victim: '#f59e0b', pivot: '#a855f7', c2: '#7f1d1d', internal: '#2563eb', external: '#64748b',
};

/** Series colours for protocols on the traffic charts. */
export const SERIES_COLORS = ['#2563eb', '#0d9488', '#d97706', '#7c3aed', '#db2777', '#65a30d', '#0891b2', '#94a3b8'];
