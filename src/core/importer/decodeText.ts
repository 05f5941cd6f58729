/**
 * Bytes of a text file → text, the one decoding every import path uses (the command line,
 * Import official text, Import proposed text). UTF-8 is read as such (a byte-order mark
 * dropped); UTF-16 needs its byte-order mark; anything that is not valid UTF-8 is read as
 * Windows-1252 (a superset of Latin-1 for text: "§" is 0xA7 in both), with a warning naming
 * the encoding, so no character is silently replaced. Written by hand: the core has no
 * TextDecoder in scope.
 */
import { parseCodeText, type ImportOptions, type ImportResult } from "./parseCodeText";

/** An encoding the decoder can read. */
export type TextEncodingName = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "Windows-1252";

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** Set when the encoding was guessed rather than declared (no byte-order mark, not UTF-8). */
  readonly warning: string | null;
}

/** Windows-1252's characters for bytes 0x80–0x9F (bytes it leaves undefined map to the same code point, as browsers do). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const CHUNK = 8192;

/** Joins code units into a string in chunks (a spread of millions would overflow the stack). */
class UnitWriter {
  private readonly parts: string[] = [];
  private units: number[] = [];

  push(unit: number): void {
    this.units.push(unit);
    if (this.units.length >= CHUNK) this.flush();
  }

  pushCodePoint(point: number): void {
    if (point < 0x10000) this.push(point);
    else {
      const offset = point - 0x10000;
      this.push(0xd800 + (offset >> 10));
      this.push(0xdc00 + (offset & 0x3ff));
    }
  }

  done(): string {
    this.flush();
    return this.parts.join("");
  }

  private flush(): void {
    if (this.units.length === 0) return;
    this.parts.push(String.fromCharCode(...this.units));
    this.units = [];
  }
}

/** The text of valid UTF-8 bytes from `start`, or null at the first byte sequence that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, start = 0): string | null {
  const out = new UnitWriter();
  let i = start;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) { out.push(b0); i++; continue; }
    let need: number;
    let point: number;
    let min: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) { need = 1; point = b0 & 0x1f; min = 0x80; }
    else if (b0 >= 0xe0 && b0 <= 0xef) { need = 2; point = b0 & 0x0f; min = 0x800; }
    else if (b0 >= 0xf0 && b0 <= 0xf4) { need = 3; point = b0 & 0x07; min = 0x10000; }
    else return null;
    if (i + need >= bytes.length) return null; // cut short at the end
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k]!;
      if ((b & 0xc0) !== 0x80) return null;
      point = (point << 6) | (b & 0x3f);
    }
    if (point < min || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return null;
    out.pushCodePoint(point);
    i += need + 1;
  }
  return out.done();
}

/** The text of UTF-16 bytes from `start` in the given byte order (an odd last byte is dropped). */
function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const out = new UnitWriter();
  for (let i = start; i + 1 < bytes.length; i += 2) out.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  return out.done();
}

/** The text of Windows-1252 bytes. */
function decodeCp1252(bytes: Uint8Array): string {
  const out = new UnitWriter();
  for (const byte of bytes) out.push(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte);
  return out.done();
}

/** Decodes a text file's bytes: see the module comment for the rules. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8(bytes, 3);
    if (text !== null) return { text, encoding: "UTF-8", warning: null };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, 2, true), encoding: "UTF-16LE", warning: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 2, false), encoding: "UTF-16BE", warning: null };
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "UTF-8", warning: null };
  return {
    text: decodeCp1252(bytes),
    encoding: "Windows-1252",
    warning: "the file is not UTF-8; it was read as Windows-1252 (Western European, which includes Latin-1): check its § signs, quotes and dashes",
  };
}

/**
 * A text file's bytes decoded and parsed as Code text (`parseCodeText`): a guessed encoding is
 * reported as the first warning, line 0 (the file as a whole).
 */
export function parseCodeBytes(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const decoded = decodeText(bytes);
  const result = parseCodeText(decoded.text, options);
  if (!decoded.warning) return result;
  return { document: result.document, warnings: [{ line: 0, text: "", reason: decoded.warning }, ...result.warnings] };
}
