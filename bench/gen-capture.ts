import { parseArgs } from 'node:util';
import { writeMixedCapture } from '../src/synth/write-mixed-capture.js';

/** Generates a realistic mixed-traffic capture: `tsx bench/gen-capture.ts --out F --mb 1000 [--small]`. */
const { values } = parseArgs({ options: { out: { type: 'string' }, mb: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, small: { type: 'boolean', default: false } } });
if (!values.out) throw new Error('usage: gen-capture --out FILE [--mb N] [--seed N]');
const t0 = performance.now();
const r = writeMixedCapture(values.out, Number(values.mb) * 1e6, Number(values.seed), values.small ? 0.01 : 1);
console.log(JSON.stringify({ ...r, seconds: (performance.now() - t0) / 1000 }));
