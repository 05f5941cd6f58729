/** The cross-reference checker: citations in a document and the ones an amendment leaves stale. */
export { citations, type CitedTarget, type Citation, type CitationForm, type TextSpan } from "./citations";
export { checkReferences, type ProblemKind, type ReferenceFix, type ReferenceProblem } from "./checkReferences";
export { formatProblemsJson, formatProblemsText, suggestedFix } from "./report";
