/** One part of a multipart/form-data body (RFC 7578). */
export interface FormPart {
  name: string;
  fileName?: string;
  contentType?: string;
  data: Buffer;
}

/**
 * Splits a multipart/form-data body into its parts; undefined when it is not
 * one. Part headers (the file name) are read in the body's declared charset,
 * UTF-8 when it names none, as a servlet container reads a request in the
 * charset of its Content-Type (the emulator's choice: how ServiceNow decodes
 * them is not documented).
 */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] | undefined {
  const charset = /charset="?(iso-8859-1|latin1|us-ascii)"?/i.test(contentType) ? 'latin1' : 'utf8';
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  const delimiter = Buffer.from(`--${marker}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const chunk = body.subarray(start + delimiter.length + 2, next - 2); // after CRLF, before CRLF
    const split = chunk.indexOf('\r\n\r\n');
    if (split >= 0) {
      const head = chunk.subarray(0, split).toString(charset);
      const disposition = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? '';
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
      const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
      if (name !== undefined) parts.push({ name, ...(fileName !== undefined ? { fileName } : {}), ...(type ? { contentType: type.trim() } : {}), data: chunk.subarray(split + 4) });
    }
    start = next;
  }
  return parts;
}
