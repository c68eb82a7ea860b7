// [KE Fig. 1]: per language and system, the share of responses in the prompt's language (among those whose language
// was determined, n), with its 95% interval.
import type { Table } from '../report/table';
import { chartText, type ChartDefinition, type Datum } from './chart';
import { column, estimateFields, rowPlace, textOf } from './datum';
import {
  BY_LANGUAGE_TABLE,
  chartSpec,
  distinct,
  labelRoom,
  languageFacet,
  languageOrder,
  PERCENT_AXIS,
  plotWidth,
  textWidth,
  tooltip,
  whisker,
} from './layout';
import type { ChartStyle } from './style';

function data(table: Table, style: ChartStyle): Datum[] {
  return table.rows.map((row): Datum => ({
    ...rowPlace(row, style),
    system: textOf(row, 'system')!,
    ...estimateFields(row.agreement, column(table, 'agreement'), style),
  }));
}

function spec(rows: readonly Datum[], table: Table, style: ChartStyle) {
  const p = style.palette;
  const words = style.words;
  const systems = distinct(rows.map((d) => d.system!));
  const tip = tooltip(words, words.agreementPercent, [{ field: 'system', title: words.system }]);
  const bars = {
    width: plotWidth(
      style,
      labelRoom(
        style,
        [{ texts: languageOrder(rows), bold: true }, { texts: systems }],
        textWidth(['99'], style.fontSize - 1) + 4,
      ),
    ),
    height: { step: Math.round(style.fontSize * 1.9) },
    encoding: { y: { field: 'system', type: 'nominal', sort: systems, title: null } },
    layer: [
      {
        mark: { type: 'bar', color: p.ordinal[1], height: { band: 0.7 } },
        encoding: {
          x: {
            field: 'value',
            type: 'quantitative',
            scale: { domain: [0, 1] },
            axis: { ...PERCENT_AXIS, values: [0, 0.25, 0.5, 0.75, 1] },
            title: [words.ioAgreement.axis, words.ioAgreement.axisNote],
          },
          tooltip: tip,
        },
      },
      whisker(p.text, { tooltip: tip }),
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: style.fontSize - 1, color: p.muted },
        encoding: { x: { datum: 1 }, text: { field: 'n', format: 'd' } },
      },
    ],
  };
  return chartSpec(IO_AGREEMENT, table, rows, style, { facet: languageFacet(rows), spec: bars, spacing: 4 });
}

export const IO_AGREEMENT: ChartDefinition = {
  id: 'io-agreement',
  ...chartText((words) => words.ioAgreement),
  table: 'io-agreement',
  tableOptions: BY_LANGUAGE_TABLE,
  data,
  spec,
};
