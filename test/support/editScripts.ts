/** Moved to src/core/samples; kept so older imports keep working. */
export * from "../../src/core/samples/editScripts";
