import type { AnalyzerFactory } from '../analyzer.js';
import { HttpAnalyzer } from './analyzer.js';
import { detectHttp } from './detect.js';
import type { HttpOptions } from './transaction.js';

/**
 * An HTTP analyzer factory (service `http`) with the given options.
 * @example createAppLayer({ emit, factories: [createHttpFactory({ capturePassword: true })] })
 */
export function createHttpFactory(options: HttpOptions = {}): AnalyzerFactory {
  return {
    name: 'http',
    transport: 'tcp',
    ports: [80, 8000, 8008, 8080, 8888, 3128],
    detect: detectHttp,
    create: (ctx) => new HttpAnalyzer(ctx, options),
  };
}

/** The HTTP analyzer factory with Zeek's defaults (passwords not captured). */
export const httpFactory: AnalyzerFactory = createHttpFactory();
