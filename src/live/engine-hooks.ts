import { runDetectors } from '../detect/index.js';
import type { LiveDetector } from './alert-watch.js';

/**
 * The detection engine as the live analysis' detector: every detector with
 * its default thresholds over the given store (which it rewrites the alerts table of).
 * @example await LiveAnalysis.create({ …, detector: engineDetector });
 */
export const engineDetector: LiveDetector = async (store) => (await runDetectors(store)).alerts.map((alert) => ({ ...alert }));
