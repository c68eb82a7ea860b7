// Vega-Lite to Vega: the one step both faces share (the CLI renders the result to files, the editor's webview
// runs it), kept apart from the file converters so that the extension bundles no native module.
import type { VegaLiteSpec } from './chart';

/** Where Vega-Lite's warnings go (a restyled specification may conflict with itself): shown, never dropped. */
export type Warn = (message: string) => void;

const toStderr: Warn = (message) => process.stderr.write(`vega-lite: ${message}\n`);

/** The Vega specification Vega-Lite compiles the chart to (the editor's webview runs this, without eval). */
export async function compileChart(spec: VegaLiteSpec, warn: Warn = toStderr): Promise<Record<string, unknown>> {
  const vl = await import('vega-lite');
  let level = 0;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    warn: (...args: unknown[]) => {
      warn(args.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.join(' '));
    },
  };
  return vl.compile(spec as never, { logger: logger as never }).spec as unknown as Record<string, unknown>;
}
