import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { buildChart, chartDefinition, CHARTS, paperStyle, type ChartStyle, type VegaLiteSpec } from '../../core/charts';
import { CHART_FORMATS, fitToColumn, renderChart, type ChartFormat } from '../../core/charts/render';
import { detectResponseLanguages } from '../../core/languages';
import { UsageError, type Command, type CommandContext } from '../command';
import { openExistingStore } from '../openStore';
import { TABLE_OPTION_HELP, TABLE_OPTION_SPEC, tableOptions } from '../tableOptions';

/** Charts whose tables read responses' languages: responses not detected yet are detected first (once). */
const NEEDS_LANGUAGES = new Set(['likert', 'rating3', 'io-agreement']);

export const plotCommand: Command = {
  name: 'plot',
  summary: 'draw a chart of any protocol as a paper-ready SVG, PDF or PNG, or write its Vega-Lite specification',
  options: {
    ...TABLE_OPTION_SPEC,
    output: { type: 'string', short: 'o' },
    spec: { type: 'string' },
    width: { type: 'string' },
    labels: { type: 'string' },
    scale: { type: 'string' },
    list: { type: 'boolean', default: false },
    'from-spec': { type: 'string' },
    'no-detect': { type: 'boolean', default: false },
  },
  help: `usage: langlens plot CHART -o FILE.svg|FILE.pdf|FILE.png [--spec FILE.vl.json] [options]
       langlens plot --from-spec FILE.vl.json -o FILE.svg|FILE.pdf|FILE.png
       langlens plot --list

Draws a chart from the same table \`langlens export\` writes (no figure is computed twice), every mark with its
n and interval. Paper style: vector output with the text turned into paths (no fonts needed, CJK, Hebrew and
Arabic shaped), one column wide, Paul Tol's colour-blind-safe palettes that stay legible in greyscale.

charts:
${CHARTS.map((c) => `  ${c.id.padEnd(19)}${c.description} (table ${c.table})`).join('\n')}

  -o, --output FILE     the figure; the format follows the extension: ${CHART_FORMATS.map((f) => `.${f}`).join(', ')}
  --spec FILE           write the chart's Vega-Lite specification (JSON, its data inline) to FILE, "-" for stdout,
                        to restyle it (https://vega.github.io/editor, or vl2svg); see docs/charts.md
  --from-spec FILE      render a (restyled) Vega-Lite specification in the paper pipeline, text as paths
  --width one|two       one column (240 pt) or two columns (504 pt); default: one, judge-vs-humans two
  --labels tags|names   languages as tags (en, he; the default) or names (English, Hebrew עברית)
  --scale N             PNG pixels per point (default 3, about 216 dpi)
  --no-detect           do not detect the language of responses not detected yet

${TABLE_OPTION_HELP}

examples:
  langlens plot judge-vs-humans --run demo -o judge-vs-humans.pdf
  langlens plot if-heatmap --baseline "mono-{lang}" --judge gpt-4 --width two -o if.svg --spec if.vl.json`,
  async run(context) {
    if (context.values.list) {
      for (const c of CHARTS) context.stdout.write(`${c.id.padEnd(19)}${c.description}\n`);
      return 0;
    }
    const scale = scaleOf(context.values.scale);
    if (context.values['from-spec'] !== undefined) return fromSpec(context, String(context.values['from-spec']), scale);
    const id = context.positionals[0];
    if (!id) throw new UsageError('name a chart to draw (langlens plot --list shows them)');
    const chart = chartDefinition(id);
    if (!chart) throw new UsageError(`no chart "${id}" (known: ${CHARTS.map((c) => c.id).join(', ')})`);
    const output = context.values.output as string | undefined;
    const specFile = context.values.spec as string | undefined;
    if (!output && !specFile)
      throw new UsageError('say where the figure goes: -o FILE.svg|.pdf|.png, or --spec FILE for its specification');
    const format = output ? formatOf(output) : undefined;
    const style = styleOf(context.values, chart.width ?? 'one');
    const options = tableOptions(context);
    if (chart.table === 'if-matrix' && options.baseline === undefined) {
      throw new UsageError('if-heatmap needs --baseline SYSTEM, or a per-language pattern such as "mono-{lang}"');
    }
    const store = await openExistingStore(context);
    try {
      if (!context.values['no-detect'] && NEEDS_LANGUAGES.has(chart.table)) {
        const reports = await detectResponseLanguages(store, {
          ...(options.run !== undefined ? { run: options.run } : {}),
          signal: context.signal,
        });
        const detected = reports.reduce((n, r) => n + r.detected, 0);
        if (detected > 0)
          context.stderr.write(`(detected the language of ${detected} response(s) not detected before)\n`);
      }
      const built = await buildChart(store, chart, options, style);
      if (built.data.length === 0)
        throw new UsageError(`nothing to draw: the ${chart.table} table is empty for these filters`);
      // The figure as wide as its column, labels and legend included: the specification written is the one drawn.
      const spec = await fitToColumn(built.spec);
      if (specFile) write(context, specFile, `${JSON.stringify(spec, null, 2)}\n`, 'Vega-Lite specification');
      if (output && format)
        write(
          context,
          output,
          await renderChart(spec, format, scale !== undefined ? { pngScale: scale } : {}),
          format.toUpperCase(),
        );
      const leftOut = built.data.filter((d) => d.leftOut).length;
      if (leftOut > 0)
        context.stderr.write(
          `${leftOut} cell(s) left out and marked (${[...new Set(built.data.map((d) => d.leftOut).filter(Boolean))].join(', ')})\n`,
        );
      return 0;
    } finally {
      await store.close();
    }
  },
};

function scaleOf(value: unknown): number | undefined {
  const scale = value === undefined ? undefined : Number(value);
  if (scale !== undefined && !(scale > 0 && scale <= 20))
    throw new UsageError(`--scale is a number of pixels per point between 0 and 20, not "${String(value)}"`);
  return scale;
}

/** A specification the user restyled (from --spec), through the same SVG / PDF / PNG pipeline. */
async function fromSpec(context: CommandContext, file: string, scale: number | undefined): Promise<number> {
  const output = context.values.output as string | undefined;
  if (!output) throw new UsageError('--from-spec needs -o FILE.svg|.pdf|.png');
  let spec: VegaLiteSpec;
  try {
    spec = JSON.parse(readFileSync(file, 'utf8')) as VegaLiteSpec;
  } catch (err) {
    throw new UsageError(`${file}: not a readable JSON specification (${(err as Error).message})`);
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec))
    throw new UsageError(`${file}: a Vega-Lite specification is a JSON object`);
  write(
    context,
    output,
    await renderChart(spec, formatOf(output), scale !== undefined ? { pngScale: scale } : {}),
    formatOf(output).toUpperCase(),
  );
  return 0;
}

function formatOf(file: string): ChartFormat {
  const ext = extname(file).slice(1).toLowerCase();
  if (!(CHART_FORMATS as readonly string[]).includes(ext))
    throw new UsageError(`-o ${file}: the figure's extension is ${CHART_FORMATS.map((f) => `.${f}`).join(', ')}`);
  return ext as ChartFormat;
}

function styleOf(values: Readonly<Record<string, unknown>>, preferred: 'one' | 'two'): ChartStyle {
  const width = (values.width as string | undefined) ?? preferred;
  if (width !== 'one' && width !== 'two') throw new UsageError(`--width is "one" or "two" (columns), not "${width}"`);
  const labels = (values.labels as string | undefined) ?? 'tags';
  if (labels !== 'tags' && labels !== 'names') throw new UsageError(`--labels is "tags" or "names", not "${labels}"`);
  return paperStyle({ width, labels });
}

function write(
  context: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  file: string,
  content: string | Buffer,
  what: string,
): void {
  if (file === '-') {
    context.stdout.write(content);
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  context.stderr.write(`wrote ${file} (${what})\n`);
}
