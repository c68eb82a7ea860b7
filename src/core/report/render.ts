// Renderers of a Table. Each keeps the numbers of the table as they are; only the notation differs.
import { cellText, isEstimate, shownColumns, type Cell, type Column, type Table } from './table';

export const EXPORT_FORMATS = ['text', 'csv', 'markdown', 'latex', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function renderTable(table: Table, format: ExportFormat): string {
  switch (format) {
    case 'text':
      return renderText(table);
    case 'csv':
      return renderCsv(table);
    case 'markdown':
      return renderMarkdown(table);
    case 'latex':
      return renderLatex(table);
    case 'json':
      return JSON.stringify(tableAsJson(table), null, 2) + '\n';
  }
}

const NO_ROWS =
  '(no rows: nothing in the database matches this selection; check the run, languages, judges and annotators asked for, or import the labels and verdicts this table needs)';

const withInterval = (
  c: { value: string; interval?: readonly [string, string] },
  open: string,
  sep: string,
  close: string,
) => (c.interval ? `${c.value} ${open}${c.interval[0]}${sep}${c.interval[1]}${close}` : c.value);

function renderText(table: Table): string {
  const columns = shownColumns(table);
  const header = columns.map((c) => c.label);
  const body = table.rows.map((row) => columns.map((c) => withInterval(cellText(row[c.key], c), '[', ', ', ']')));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i]!))));
  const align = (text: string, i: number) => {
    const pad = ' '.repeat(widths[i]! - displayWidth(text));
    return columns[i]!.kind === 'text' ? text + pad : pad + text;
  };
  const lines = [
    table.title,
    header.map(align).join('  '),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...body.map((r) => r.map(align).join('  ')),
    ...(table.rows.length === 0 ? [NO_ROWS] : []),
  ];
  if (table.notes.length) lines.push('', ...table.notes.map((n) => `  ${n}`));
  return lines.join('\n') + '\n';
}

/** Columns a terminal draws two cells wide (CJK), so that tables with Chinese system names still line up. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return width;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV keeps full precision: an estimate becomes value, lower, upper and n columns. */
function renderCsv(table: Table): string {
  const estimateColumns = new Set(
    table.columns.filter((c) => table.rows.some((r) => isEstimate(r[c.key]))).map((c) => c.key),
  );
  const header: string[] = [];
  for (const c of table.columns) {
    if (estimateColumns.has(c.key)) header.push(c.key, `${c.key}_lower`, `${c.key}_upper`, `${c.key}_n`);
    else header.push(c.key);
  }
  const lines = [header.map(csvField).join(',')];
  for (const row of table.rows) {
    const fields: string[] = [];
    for (const c of table.columns) {
      const cell = row[c.key];
      if (estimateColumns.has(c.key)) {
        const e = isEstimate(cell) ? cell : undefined;
        fields.push(raw(e?.value), raw(e?.lower), raw(e?.upper), raw(e?.n));
      } else fields.push(typeof cell === 'number' ? raw(cell) : csvField(String(cell ?? '')));
    }
    lines.push(fields.join(','));
  }
  return lines.join('\n') + '\n';
}

function raw(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? '' : String(n);
}

function renderMarkdown(table: Table): string {
  const columns = shownColumns(table);
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    `**${escape(table.title)}**`,
    '',
    `| ${columns.map((c) => escape(c.label)).join(' | ')} |`,
    `| ${columns.map((c) => (c.kind === 'text' ? ':--' : '--:')).join(' | ')} |`,
    ...table.rows.map(
      (r) => `| ${columns.map((c) => escape(withInterval(cellText(r[c.key], c), '(', '–', ')'))).join(' | ')} |`,
    ),
    ...(table.rows.length === 0 ? ['', NO_ROWS] : []),
  ];
  if (table.notes.length) lines.push('', ...table.notes.map((n) => `- ${escape(n)}`));
  return lines.join('\n') + '\n';
}

const LATEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '–': '--',
  '—': '---',
  κ: '$\\kappa$',
  α: '$\\alpha$',
  Δ: '$\\Delta$',
  '×': '$\\times$',
  '≥': '$\\geq$',
  '≤': '$\\leq$',
};

export function latexEscape(text: string): string {
  return (
    text
      // "--" would print as a dash (--invalid-as), and straight double quotes as two closing quotes.
      // The break between two hyphens is marked first and written as {} last, so that it is not escaped itself.
      .replace(/-(?=-)/g, '-\u0000')
      .replace(/"([^"]*)"/g, "``$1''")
      .replace(/[\\&%$#_{}~^–—καΔ×≥≤]/g, (c) => LATEX_SPECIAL[c] ?? c)
      .replace(/\u0000/g, '{}')
  );
}

/** A booktabs table; intervals in a smaller size under the value's column so that columns stay narrow. */
function renderLatex(table: Table): string {
  const columns = shownColumns(table);
  const spec = columns.map((c) => (c.kind === 'text' ? 'l' : 'r')).join('');
  const cell = (c: Column, value: Cell) => {
    const text = cellText(value, c);
    const v = latexEscape(text.value);
    return text.interval
      ? `${v} {\\scriptsize[${latexEscape(text.interval[0])}, ${latexEscape(text.interval[1])}]}`
      : v;
  };
  const lines = [
    '% Generated by LangLens. Needs \\usepackage{booktabs}.',
    '\\begin{table}[t]',
    '\\centering',
    '\\small',
    `\\begin{tabular}{${spec}}`,
    '\\toprule',
    `${columns.map((c) => (c.label === 'n' ? '$n$' : latexEscape(c.label))).join(' & ')} \\\\`,
    '\\midrule',
    ...table.rows.map((r) => `${columns.map((c) => cell(c, r[c.key])).join(' & ')} \\\\`),
    '\\bottomrule',
    '\\end{tabular}',
    `\\caption{${latexEscape(table.title)}.${table.notes.length ? ' ' + table.notes.map(latexEscape).join(' ') : ''}}`,
    `\\label{tab:${table.id.replace(/[^A-Za-z0-9:-]/g, '-')}}`,
    '\\end{table}',
  ];
  return lines.join('\n') + '\n';
}

/** JSON keeps the raw numbers (shares as 0..1, not percent) and says what each column is. */
export function tableAsJson(table: Table): unknown {
  return {
    id: table.id,
    title: table.title,
    columns: table.columns,
    rows: table.rows.map((r) => Object.fromEntries(table.columns.map((c) => [c.key, jsonCell(r[c.key])]))),
    notes: table.notes,
  };
}

function jsonCell(cell: Cell): unknown {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (isEstimate(cell)) {
    const n = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);
    return { value: n(cell.value), n: cell.n, lower: n(cell.lower), upper: n(cell.upper) };
  }
  return cell ?? null;
}
