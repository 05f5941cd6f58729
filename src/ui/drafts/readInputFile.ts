/**
 * Reading a file the user chose, with the checks that make bad input cost nothing: a size
 * limit, empty files, and text that is not UTF-8. Each failure is a plain message.
 */
import { decodeText } from "../../core/importer/decodeText";

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export class InputFileError extends Error {}

/** The file's bytes, refused when empty or over the limit. */
export async function readBytes(file: File): Promise<Uint8Array> {
  if (file.size === 0) throw new InputFileError(`${file.name} is empty.`);
  if (file.size > MAX_INPUT_BYTES) throw new InputFileError(`${file.name} is larger than 20 MB (${(file.size / 1048576).toFixed(1)} MB).`);
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * A text file's text through the core's one decoding (UTF-8; UTF-16 with a byte-order mark;
 * otherwise Windows-1252, with the warning that says so).
 */
export async function readText(file: File): Promise<{ text: string; warning: string | null }> {
  const decoded = decodeText(await readBytes(file));
  return { text: decoded.text, warning: decoded.warning && `${file.name}: ${decoded.warning}` };
}

/** The file's text, refused unless it is valid UTF-8 (with or without a byte-order mark). */
export async function readUtf8(file: File): Promise<string> {
  const bytes = await readBytes(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputFileError(`${file.name} is not UTF-8 text. Save it as "Plain text, UTF-8" and try again.`);
  }
}
