import type { CaptureReadResult } from '../capture/index.js';
import type { CaptureProblem } from '../capture/packet.js';
import type { FlowTable } from '../flow/index.js';
import type { LogRecord } from '../store/schema/types.js';
import type { CapturePipelineOptions } from './capture-pipeline.js';

/** One capture file for a worker to read. */
export interface WorkerJob {
  path: string;
  uidSeed: string;
  options: Pick<CapturePipelineOptions, 'flow' | 'appLayer'>;
}

/** What a worker posts back while reading a job, ending with `done` or `failed`. */
export type WorkerMessage =
  | { kind: 'records'; stream: string; rows: LogRecord[] }
  | { kind: 'progress'; done: number; total: number | null; packets: number }
  | { kind: 'problem'; problem: CaptureProblem }
  | { kind: 'done'; summary: CaptureReadResult; anomalies: Record<string, number>; flow: ReturnType<FlowTable['stats']>; reassembly?: { gaps: number; gapBytes: number; droppedSegments: number } }
  | { kind: 'failed'; message: string; inputError: boolean };
