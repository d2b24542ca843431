/** Collects a binary answer as a Buffer (superagent hands the raw response stream here): `.buffer(true).parse(binary)`. */
export const binary = (res: object, callback: (error: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};
