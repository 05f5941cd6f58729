/** A .docx that cannot be read; the message says why in plain words. */
export class WordImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WordImportError";
  }
}
