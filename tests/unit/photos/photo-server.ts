import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

/**
 * A plain-http photo server for the cache tests, serving REAL images made with sharp: JPEG, PNG and
 * WebP, noise photos that do not compress (for the size cap), a corrupt JPEG, a 404, a slow one,
 * an over-size one (with and without Content-Length), one that fails twice with 503 then works,
 * and one that always fails with 503. Counts the requests per path.
 */
export interface PhotoServer {
  base: string;
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function makeImage(format: 'jpeg' | 'png' | 'webp', width = 800, height = 600): Promise<Buffer> {
  const gradient = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      gradient[i] = (x * 255) / width;
      gradient[i + 1] = (y * 255) / height;
      gradient[i + 2] = 128;
    }
  }
  return sharp(gradient, { raw: { width, height, channels: 3 } }).toFormat(format).toBuffer();
}

/** Random pixels: its 640 px WebP copy stays large, so a few of them fill a 1 MB cap. */
export async function makeNoise(seed: number, size = 700): Promise<Buffer> {
  const pixels = Buffer.alloc(size * size * 3);
  let state = seed >>> 0;
  for (let i = 0; i < pixels.length; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    pixels[i] = state >>> 24;
  }
  return sharp(pixels, { raw: { width: size, height: size, channels: 3 } }).png().toBuffer();
}

export async function startPhotoServer(): Promise<PhotoServer> {
  const [jpeg, png, webp, big] = await Promise.all([makeImage('jpeg'), makeImage('png', 300, 500), makeImage('webp', 1200, 900), makeNoise(99, 1500)]);
  const noise = await Promise.all(Array.from({ length: 12 }, (_, i) => makeNoise(i + 1)));
  const corrupt = Buffer.concat([jpeg.subarray(0, 600), Buffer.alloc(2_000, 0x5a)]);
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    const send = (type: string, body: Buffer) => {
      response.writeHead(200, { 'Content-Type': type, 'Content-Length': String(body.byteLength) });
      response.end(body);
    };
    const noiseMatch = /^\/noise\/(\d+)\.png$/.exec(path);
    if (path === '/photo.jpg') return send('image/jpeg', jpeg);
    if (path === '/photo.png') return send('image/png', png);
    if (path === '/photo.webp') return send('image/webp', webp);
    if (noiseMatch !== null) return send('image/png', noise[Number(noiseMatch[1]) % noise.length]!);
    if (path === '/corrupt.jpg') return send('image/jpeg', corrupt);
    if (path === '/not-an-image.jpg') return send('image/jpeg', Buffer.from('<html>Sign in to see this photo</html>'));
    if (path === '/big.png') return send('image/png', big);
    if (path === '/big-chunked.png') {
      // No Content-Length: the limit must hold while streaming.
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.end(big);
      return;
    }
    if (path === '/slow.jpg') {
      const timer = setTimeout(() => send('image/jpeg', jpeg), 5_000);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    if (path === '/flaky.jpg' && count > 2) return send('image/jpeg', jpeg);
    if (path === '/flaky.jpg' || path === '/down.jpg') {
      response.writeHead(503, { 'Content-Type': 'text/plain' });
      response.end('busy');
      return;
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
