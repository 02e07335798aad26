// Renders resources/icon.svg into the PNGs electron-builder packages (run after editing the SVG;
// the PNGs are committed so packaging needs no image tools):
//   resources/icon.png          1024 px: macOS (.icns) and Windows (.ico) are derived from it
//   resources/icons/<N>x<N>.png the sizes Linux desktops pick from (AppImage, deb)
// Uses sharp (a runtime dependency for photo thumbnails; its libvips renders SVG).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';

const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

const resources = resolve(import.meta.dirname, '..', 'resources');
const svg = resolve(resources, 'icon.svg');
mkdirSync(resolve(resources, 'icons'), { recursive: true });
// density: rasterize the 1024-unit SVG at ≥ 1 px per unit so small sizes are downscaled, not blurred up.
await sharp(svg, { density: 96 }).resize(1024, 1024).png({ compressionLevel: 9 }).toFile(resolve(resources, 'icon.png'));
for (const size of LINUX_ICON_SIZES) {
  await sharp(svg, { density: 96 }).resize(size, size).png({ compressionLevel: 9 }).toFile(resolve(resources, 'icons', `${size}x${size}.png`));
}
console.log(`rendered icon.png and ${LINUX_ICON_SIZES.length} Linux sizes into ${resources}`);
