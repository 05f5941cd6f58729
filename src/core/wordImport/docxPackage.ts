/**
 * The parts of a .docx package, read with guards against files built to exhaust memory: the
 * zip's central directory is read first and a part whose declared unpacked size is over the
 * limit, or out of proportion to its packed size, is refused before anything is inflated;
 * inflation then stops as soon as a part yields more than it declared; and an XML part that
 * declares a document type or entities (which Word never writes, and which can expand a few
 * bytes into gigabytes) is refused before it reaches the XML parser.
 */
import type JSZip from "jszip";
import { WordImportError } from "./errors";

/** Largest .docx accepted, in bytes. */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;
/** Largest total unpacked size of the XML parts read (document, styles, numbering), in bytes. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Largest unpacked/packed ratio accepted for a part over UNCHECKED_RATIO_BYTES (Word's XML packs 5–15 to 1). */
export const MAX_PACKING_RATIO = 100;
const UNCHECKED_RATIO_BYTES = 1024 * 1024;

/** A zip entry as its central directory declares it. */
export interface ZipEntrySize {
  readonly name: string;
  readonly packed: number;
  readonly unpacked: number;
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}
function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}
function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 2 ** 32;
}

function notAZip(): WordImportError {
  return new WordImportError("This is not a Word (.docx) file: it could not be opened as a .docx package.");
}

/** Where the central directory starts and how many entries it has (ZIP64 records followed). */
function centralDirectory(bytes: Uint8Array): { offset: number; count: number } {
  const last = bytes.length - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) {
    if (u32(bytes, at) !== 0x06054b50) continue;
    let count = u16(bytes, at + 10);
    let offset = u32(bytes, at + 16);
    const locator = at - 20;
    if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && u32(bytes, locator) === 0x07064b50) {
      const record = u64(bytes, locator + 8);
      if (record + 56 > bytes.length || u32(bytes, record) !== 0x06064b50) throw notAZip();
      count = u64(bytes, record + 32);
      offset = u64(bytes, record + 48);
    }
    return { offset, count };
  }
  throw notAZip();
}

/** The entries of a zip with their declared sizes, read from its central directory alone. */
export function zipEntrySizes(bytes: Uint8Array): ZipEntrySize[] {
  const { offset, count } = centralDirectory(bytes);
  const entries: ZipEntrySize[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw notAZip();
    let packed = u32(bytes, at + 20);
    let unpacked = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const name = Array.from(bytes.subarray(at + 46, at + 46 + nameLength), (byte) => String.fromCharCode(byte)).join("");
    // ZIP64: the sizes marked 0xFFFFFFFF are in the 0x0001 extra field, unpacked size first.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd && (unpacked === 0xffffffff || packed === 0xffffffff)) {
      const size = u16(bytes, extra + 2);
      if (u16(bytes, extra) === 0x0001) {
        let field = extra + 4;
        if (unpacked === 0xffffffff) { unpacked = u64(bytes, field); field += 8; }
        if (packed === 0xffffffff) packed = u64(bytes, field);
        break;
      }
      extra += 4 + size;
    }
    entries.push({ name, packed, unpacked });
    at = extraEnd + commentLength;
  }
  return entries;
}

function megabytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** What a part is, in the words of an error message. */
function partLabel(name: string): string {
  if (name === "word/document.xml") return "its document body (word/document.xml)";
  if (name === "word/styles.xml") return "its styles (word/styles.xml)";
  if (name === "word/numbering.xml") return "its list numbering (word/numbering.xml)";
  return name;
}

/**
 * Refuses the package when the named parts declare more than MAX_UNPACKED_BYTES together, or
 * a part over 1 MB unpacks to more than MAX_PACKING_RATIO times its packed size.
 */
export function checkDeclaredSizes(entries: readonly ZipEntrySize[], names: readonly string[]): void {
  let total = 0;
  for (const entry of entries) {
    if (!names.includes(entry.name)) continue;
    total += entry.unpacked;
    if (entry.unpacked > UNCHECKED_RATIO_BYTES && entry.unpacked > MAX_PACKING_RATIO * Math.max(1, entry.packed)) {
      throw new WordImportError(`The Word file was refused: ${partLabel(entry.name)} would unpack from ${megabytes(entry.packed)} to ${megabytes(entry.unpacked)}, ${Math.round(entry.unpacked / Math.max(1, entry.packed))} times its packed size; Word's own files unpack to less than ${MAX_PACKING_RATIO} times.`);
    }
  }
  if (total > MAX_UNPACKED_BYTES) {
    throw new WordImportError(`The Word file is too large to import: its text unpacks to ${megabytes(total)}; the limit is ${megabytes(MAX_UNPACKED_BYTES)}.`);
  }
}

/** jszip's streaming interface, which its type declarations leave out. */
interface ChunkStream {
  on(event: "data", listener: (chunk: string) => void): ChunkStream;
  on(event: "error", listener: (error: unknown) => void): ChunkStream;
  on(event: "end", listener: () => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
}

/** A part's text, inflated chunk by chunk and abandoned as soon as it exceeds `limit` characters. */
function inflateText(entry: JSZip.JSZipObject, limit: number, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: string[] = [];
    let length = 0;
    let done = false;
    const stream = (entry as unknown as { internalStream(type: "string"): ChunkStream }).internalStream("string");
    stream
      .on("data", (chunk) => {
        if (done) return;
        length += chunk.length;
        if (length > limit) {
          done = true;
          chunks.length = 0;
          stream.pause();
          reject(new WordImportError(`The Word file is damaged: ${partLabel(name)} unpacks to more than the ${megabytes(limit)} its package declares.`));
          return;
        }
        chunks.push(chunk);
      })
      .on("error", () => {
        if (done) return;
        done = true;
        reject(new WordImportError(`The Word file is damaged: ${partLabel(name)} could not be read.`));
      })
      .on("end", () => {
        if (done) return;
        done = true;
        resolve(chunks.join(""));
      })
      .resume();
  });
}

/**
 * Refuses XML that declares a document type or entities. Word writes neither; a parser that
 * honours them can be made to expand a small part into gigabytes, or to read other files.
 */
export function refuseDeclarations(xml: string, name: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new WordImportError(`The Word file was refused: ${partLabel(name)} declares a document type or entities (<!DOCTYPE or <!ENTITY), which Word never writes and which can make a small file expand without limit.`);
  }
}

/** The parts of a .docx that the reader uses, as text; a missing optional part is null. */
export interface DocxParts {
  readonly document: string;
  readonly styles: string | null;
  readonly numbering: string | null;
}

const PARTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml"] as const;

/**
 * Opens the package and returns its document, styles and numbering parts as text, checked as
 * the module comment says. Throws a WordImportError for an empty, oversized or damaged file,
 * a file that is not a zip, a package without word/document.xml, or a part refused above.
 */
export async function readDocxParts(bytes: Uint8Array): Promise<DocxParts> {
  if (bytes.length === 0) throw new WordImportError("The file is empty.");
  if (bytes.length > MAX_DOCX_BYTES) throw new WordImportError(`The file is too large (${megabytes(bytes.length)}; the limit is 20 MB).`);
  const entries = zipEntrySizes(bytes);
  checkDeclaredSizes(entries, PARTS);
  // The zip library loads with the first Word file read, not with the app.
  const { default: Zip } = await import("jszip");
  let zip: JSZip;
  try {
    zip = await Zip.loadAsync(bytes);
  } catch {
    throw notAZip();
  }
  const texts: Array<string | null> = [];
  for (const name of PARTS) {
    const entry = zip.file(name);
    const declared = entries.find((candidate) => candidate.name === name);
    if (!entry || !declared) {
      if (name === "word/document.xml") throw new WordImportError("This is not a Word (.docx) file: it has no document body (word/document.xml).");
      texts.push(null);
      continue;
    }
    const text = await inflateText(entry, declared.unpacked, name);
    refuseDeclarations(text, name);
    texts.push(text);
  }
  return { document: texts[0]!, styles: texts[1] ?? null, numbering: texts[2] ?? null };
}
