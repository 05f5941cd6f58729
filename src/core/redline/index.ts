/** The redline engine's public surface. */
export { compare, resolveOptions, updateRedline } from "./compare";
export { escapeMarks, formatHtml, formatJson, formatText, redlineSegments, topLevelChanges, type Segment, type SegmentMark } from "./format";
export { tokenize, type Token } from "./tokens";
export type { Change, ChangeKind, ChangePart, CompareOptions, Redline, SectionRedline, SectionStatus } from "./types";
