// Tables: console.table for the terminal, Markdown for the README.

/** A Markdown table of `rows` with these `columns`; all-number columns are right-aligned. */
export function markdown(rows, columns) {
  const cell = (v) => String(v ?? '').replaceAll('|', '\\|');
  const lines = [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map((c) => (rows.every((r) => typeof r[c] === 'number') ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** A titled console table; nothing when there are no rows. */
export function printTable(title, rows) {
  if (rows.length === 0) return;
  console.log(`\n${title}`);
  console.table(rows);
}
