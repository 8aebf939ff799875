/**
 * Capture files in and out: streaming pcap/pcapng readers (gzip and stdin
 * included) with damage recovery, and the pcap/pcapng writer.
 */
export { CaptureParser, type CaptureParserOptions } from './capture-parser.js';
export { readCapture, readCaptureStream, type CaptureReadResult, type ReadCaptureOptions } from './read-capture.js';
export { ProblemCode } from './problem-codes.js';
export type { CaptureInterface, CaptureProblem, CaptureSink, CaptureSummary, RawPacket } from './packet.js';
