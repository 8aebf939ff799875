/**
 * Capture files in and out: streaming pcap/pcapng readers (gzip and stdin
 * included) with damage recovery, and the pcap/pcapng writer.
 */
export { CaptureParser, type CaptureParserOptions } from './capture-parser.js';
export { CaptureWriter, type CaptureWriterOptions } from './capture-writer.js';
export { CollectingSink, type CollectedPacket } from './collecting-sink.js';
export { parseBytes } from './parse-bytes.js';
export { readCapture, readCaptureStream, type CaptureReadResult, type ReadCaptureOptions } from './read-capture.js';
export { ProblemCode } from './problem-codes.js';
export { newRawPacket } from './packet.js';
export type { CaptureInterface, CaptureProblem, CaptureSink, CaptureSummary, RawPacket } from './packet.js';
