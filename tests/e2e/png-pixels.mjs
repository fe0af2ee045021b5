// Reads a PNG (as Chromium's screenshots write them: 8-bit greyscale, RGB or RGBA, not
// interlaced) into its pixels with Node's zlib, so that a test can tell a drawn chart from a
// blank box without an image library.

import { inflateSync } from 'node:zlib';

const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 }; // colour type → bytes per pixel at 8 bits

/** @returns {{width: number, height: number, channels: number, pixels: Uint8Array}} rows of pixels, unfiltered */
export function decodePng(bytes) {
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      channels = CHANNELS[colour];
      if (depth !== 8 || !channels || interlace !== 0) throw new Error(`PNG not read here: depth ${depth}, colour ${colour}, interlace ${interlace}`);
    } else if (type === 'IDAT') {
      data.push(body);
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = up[x];
      const c = x >= channels ? up[x - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[x] = (line[x] + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/**
 * The share of pixels that differ from the image's most common colour (its background) by more
 * than `tolerance` in some channel.
 */
export function inkShare(png, tolerance = 24) {
  const { width, height, channels, pixels } = decodePng(png);
  const counts = new Map();
  const key = (i) => Array.from(pixels.subarray(i, i + Math.min(channels, 3))).join(',');
  for (let i = 0; i < pixels.length; i += channels) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
  const background = [...counts.entries()].sort((x, y) => y[1] - x[1])[0][0].split(',').map(Number);
  let ink = 0;
  for (let i = 0; i < pixels.length; i += channels) {
    if (background.some((value, c) => Math.abs(pixels[i + c] - value) > tolerance)) ink++;
  }
  return ink / (width * height);
}
