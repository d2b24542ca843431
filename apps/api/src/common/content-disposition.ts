import contentDisposition from 'content-disposition';

/**
 * `attachment` with the file's own name (RFC 6266): `filename*=UTF-8''…` carries it exactly, and `filename=` an
 * ASCII fallback ("Cafe notes.pdf") for old clients. The `content-disposition` package (express's own) does the
 * quoting and percent-encoding.
 */
export function attachment(fileName: string): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
  return contentDisposition(fileName, { type: 'attachment', fallback });
}
