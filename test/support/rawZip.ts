/**
 * Zip files written byte by byte for the .docx guard tests: entries with deflated or stored
 * data and sizes that may be declared falsely, and deflate streams of a repeated chunk built
 * without holding the unpacked text in memory (full-flush blocks carry no back-references, so
 * the same compressed block can be repeated).
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface RawEntry {
  readonly name: string;
  /** Raw deflate data (method 8). */
  readonly deflated: Uint8Array;
  /** The unpacked size written into the local header and central directory. */
  readonly declaredSize: number;
  readonly crc: number;
}

/** A raw deflate stream of `prefix`, then `chunk` repeated `count` times, then `suffix`; with its true unpacked size and CRC. */
export function repeatedDeflate(prefix: string, chunk: string, count: number, suffix: string): { deflated: Uint8Array; size: number; crc: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const chunkBytes = Buffer.from(chunk);
  const head = deflateRawSync(Buffer.from(prefix), flush);
  const body = deflateRawSync(chunkBytes, flush);
  const tail = deflateRawSync(Buffer.from(suffix));
  const deflated = Buffer.concat([head, ...Array.from({ length: count }, () => body), tail]);
  let crc = crc32(prefix);
  for (let index = 0; index < count; index++) crc = crc32(chunkBytes, crc);
  crc = crc32(suffix, crc);
  return { deflated, size: Buffer.byteLength(prefix) + chunkBytes.length * count + Buffer.byteLength(suffix), crc };
}

/** An entry whose declared size is the truth. */
export function honestEntry(name: string, text: string): RawEntry {
  return { name, deflated: deflateRawSync(Buffer.from(text)), declaredSize: Buffer.byteLength(text), crc: crc32(text) };
}

/** A zip archive of the entries (no ZIP64, no data descriptors). */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.deflated));
    centrals.push(central, name);
    offset += 30 + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
