/**
 * Live analysis of a running capture: the flow table, application layer and
 * store fed packet by packet, with an event stream (stats ticks, connection
 * records, alerts) that the NDJSON printer and the dashboard subscribe to.
 */
export { AlertWatch, type AlertChange, type LiveDetector } from './alert-watch.js';
export { DetectionWindow, DETECT_WINDOW_SECONDS } from './detection-window.js';
export { engineCorrelator, engineDetector } from './engine-hooks.js';
export { LiveEventStream } from './event-stream.js';
export type { AlertEvent, ConnEvent, IncidentsEvent, LiveAlert, LiveEvent, LiveHealth, StatsTick, Talker } from './events.js';
export { LiveAnalysis, type LiveAnalysisOptions, type LiveAnalysisReport } from './live-analysis.js';
export { LiveDetection, type LiveCorrelator } from './live-detection.js';
export { TrafficStats } from './traffic-stats.js';
