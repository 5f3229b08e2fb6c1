import { gzipSync } from 'node:zlib';

/**
 * A gzip-compressed tar archive built in memory: enough to make real image layers without a
 * Docker engine. Regular files only, ustar headers.
 */
export function tarLayer(files: Record<string, string | Buffer>): {
  tar: Buffer;
  gzip: Buffer;
} {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    blocks.push(tarHeader(name, data.length), data);
    const padding = (512 - (data.length % 512)) % 512;
    if (padding) blocks.push(Buffer.alloc(padding));
  }
  blocks.push(Buffer.alloc(1024)); // end-of-archive marker
  const tar = Buffer.concat(blocks);
  return { tar, gzip: gzipSync(tar) };
}

function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  const write = (value: string, offset: number, length: number) =>
    header.write(value.slice(0, length), offset, length, 'ascii');
  const octal = (value: number, length: number) =>
    value.toString(8).padStart(length - 1, '0');
  write(name, 0, 100);
  write(octal(0o644, 8), 100, 8);
  write(octal(0, 8), 108, 8);
  write(octal(0, 8), 116, 8);
  write(octal(size, 12), 124, 12);
  write(octal(0, 12), 136, 12);
  write('        ', 148, 8); // checksum counts its own field as spaces
  write('0', 156, 1);
  write('ustar\u000000', 257, 8);
  let sum = 0;
  for (const byte of header) sum += byte;
  write(`${octal(sum, 7)}\u0000 `, 148, 8);
  return header;
}
