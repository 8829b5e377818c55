// Draws assets/icon.png (256x256): a green rounded square with a white "S"-like ledger mark.
// Kept as a script so the icon can be regenerated without an image editor.
// @ts-check
const fs = require("fs");
const zlib = require("zlib");
const path = require("path");

const size = 256;
const rgba = Buffer.alloc(size * size * 4);
const green = [0, 130, 0];
/** @param {number} x @param {number} y @param {number} r */
const inRounded = (x, y, r) => {
  const cx = Math.min(Math.max(x, r), size - 1 - r);
  const cy = Math.min(Math.max(y, r), size - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const i = (y * size + x) * 4;
    if (!inRounded(x, y, 40)) continue;
    // three white ledger bars, offset like an "S"
    const bar = (/** @type {number} */ top, /** @type {number} */ left, /** @type {number} */ right) =>
      y >= top && y < top + 28 && x >= left && x < right;
    const white =
      bar(60, 60, 196) ||
      bar(114, 60, 196) ||
      bar(168, 60, 196) ||
      (x >= 60 && x < 88 && y >= 60 && y < 142) ||
      (x >= 168 && x < 196 && y >= 114 && y < 196);
    const [r, g, b] = white ? [255, 255, 255] : green;
    rgba.set([r, g, b, 255], i);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (/** @type {Buffer} */ buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (/** @type {string} */ type, /** @type {Buffer} */ data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", zlib.deflateSync(raw)),
  chunk("IEND", Buffer.alloc(0)),
]);
fs.writeFileSync(path.join(__dirname, "..", "assets", "icon.png"), png);
