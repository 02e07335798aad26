/**
 * A URL nothing listens on, for testing "connection refused": bind a free port on 127.0.0.1, then
 * release it. (Another process could grab the port in between; on a test machine that is rare.)
 */
import { createServer } from 'node:net';

export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('Could not reserve a local port');
  return `http://127.0.0.1:${address.port}`;
}
