import type { AnalyzerFactory } from '../analyzer.js';
import { HttpAnalyzer } from './analyzer.js';
import { detectHttp } from './detect.js';

/** The HTTP analyzer factory (service `http`). */
export const httpFactory: AnalyzerFactory = {
  name: 'http',
  transport: 'tcp',
  ports: [80, 8000, 8008, 8080, 8888, 3128],
  detect: detectHttp,
  create: (ctx) => new HttpAnalyzer(ctx),
};
