/**
 * Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, doubled quotes and
 * line breaks), with the 1-based line number each row starts on.
 *
 * @param text - the whole file
 * @example
 * ```ts
 * csvRows('a,"b,c"\n1,2').map((row) => row.fields); // [['a', 'b,c'], ['1', '2']]
 * ```
 */
export function csvRows(text: string): { readonly line: number; readonly fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) rows.push({ line: rowLine, fields: [...fields, field] });
  return rows;
}
