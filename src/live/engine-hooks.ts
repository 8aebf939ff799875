import { correlate } from '../correlate/index.js';
import { runDetectors } from '../detect/index.js';
import type { LiveDetector } from './alert-watch.js';
import type { LiveCorrelator } from './live-detection.js';

/**
 * The detection engine as the live analysis' detector: every detector with
 * its default thresholds over the given store (which it rewrites the alerts table of).
 * @example await LiveAnalysis.create({ …, detector: engineDetector });
 */
export const engineDetector: LiveDetector = async (store) => (await runDetectors(store)).alerts.map((alert) => ({ ...alert }));

/**
 * The correlation engine as the live analysis' correlator: the incidents of
 * the alerts the last detection run wrote into the store.
 */
export const engineCorrelator: LiveCorrelator = (store) => correlate(store);
