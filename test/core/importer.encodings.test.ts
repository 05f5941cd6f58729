/**
 * Encodings (issue 11, item 9b): a chapter saved as Windows-1252, as UTF-16 with a byte-order
 * mark, or with Unicode line separators reads as the same model as its UTF-8 copy, and a
 * guessed encoding is named in a warning. The bytes are made here by a small encoder of the
 * test's own, independent of the decoder.
 */
import { describe, expect, it } from "vitest";
import { decodeText, decodeUtf8, parseCodeBytes } from "../../src/core/importer/decodeText";
import { parseCodeText } from "../../src/core/importer/parseCodeText";

const TEXT = [
  "CHAPTER 2-173 WELCOMING CITY ORDINANCE",
  "",
  "2-173-042 Civil immigration enforcement actions – Federal responsibility.",
  "",
  "    (a) No agent shall hold a person on a “civil” detainer; no agent’s café visit counts.",
  "",
  "(Added Coun. J. 9-12-12, p. 33041, § 1)",
  "",
].join("\r\n");

/** Windows-1252 bytes of `text` (only the characters this test uses beyond ASCII). */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { "§": 0xa7, "é": 0xe9, "–": 0x96, "“": 0x93, "”": 0x94, "’": 0x92 };
  return Uint8Array.from([...text].map((ch) => {
    if (ch.charCodeAt(0) < 0x80) return ch.charCodeAt(0);
    const byte = high[ch];
    if (byte === undefined) throw new Error(`test setup: no byte for ${ch}`);
    return byte;
  }));
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = [littleEndian ? 0xff : 0xfe, littleEndian ? 0xfe : 0xff];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes.push(...(littleEndian ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return Uint8Array.from(bytes);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decoding a text file", () => {
  const expected = parseCodeText(TEXT).document;

  it("reads Windows-1252 (and so Latin-1) bytes with every § and dash kept, and says so", () => {
    const result = parseCodeBytes(cp1252(TEXT));
    expect(result.document).toEqual(expected);
    expect(result.warnings[0]).toMatchObject({ line: 0, reason: expect.stringMatching(/not UTF-8.*Windows-1252/) });
    expect(decodeText(cp1252(TEXT)).text).toBe(TEXT);
  });

  it("reads UTF-8, with or without a byte-order mark, with no warning", () => {
    expect(parseCodeBytes(utf8(TEXT))).toEqual(parseCodeText(TEXT));
    expect(parseCodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(TEXT)]))).toEqual(parseCodeText(TEXT));
  });

  it("reads UTF-16 in either byte order when it has a byte-order mark", () => {
    expect(decodeText(utf16(TEXT, true))).toMatchObject({ text: TEXT, encoding: "UTF-16LE", warning: null });
    expect(parseCodeBytes(utf16(TEXT, false)).document).toEqual(expected);
  });

  it("treats the Unicode line and paragraph separators and NEL as line breaks", () => {
    let n = 0;
    const separated = TEXT.replace(/\r\n/g, () => ["\u2028", "\u2029", "\u0085"][n++ % 3]!);
    expect(parseCodeText(separated).document).toEqual(expected);
  });

  it("decodes UTF-8 exactly as the platform's strict decoder does, and refuses what it refuses", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    let seed = 7;
    for (let n = 0; n < 3000; n++) {
      const bytes = Uint8Array.from({ length: 1 + (n % 9) }, () => { seed = (seed * 1103515245 + 12345) >>> 0; return n % 3 === 0 ? (seed >>> 8) & 0xff : 0x80 | ((seed >>> 8) & 0x7f) | ((seed >>> 20) & 1 ? 0x40 : 0); });
      let truth: string | null;
      try { truth = strict.decode(bytes); } catch { truth = null; }
      expect(decodeUtf8(bytes), Array.from(bytes).join(",")).toBe(truth);
    }
    expect(decodeUtf8(utf8("§ “a” – 😀 ж"))).toBe("§ “a” – 😀 ж");
  });
});
