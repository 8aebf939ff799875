/** The detection engine: detectors over the store, alerts with evidence. */
export { runDetectors, type DetectReport } from './run.js';
export { readAlerts } from './read-alerts.js';
export { createAnalysisViews } from './views.js';
export { DEFAULT_CONFIG, loadConfigFile, mergeConfig, type DetectConfig, type DetectorParams } from './config.js';
export { SEVERITIES, parseSeverity, severityRank, type Alert, type Severity } from './alert.js';
export { ArpLog } from '../pipeline/arp-log.js';
