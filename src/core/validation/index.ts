/**
 * The one validator for untrusted JSON (amendment files, their annotations and comment threads,
 * sponsors and export settings): plain-object checks, known-key checks that refuse anything else
 * (including "constructor" and "__proto__"), text, list and time readers that record every
 * problem with its path instead of throwing.
 */
export {
  checkKnownKeys, describeFileProblems, isRecord, readIsoTime, readList, readOptionalText, readText,
  type FileProblem, type ProblemList, type TextRule,
} from "./problems";
export { COMMENT_LIMITS, readComment, readComments, readCommentAuthor, readFlag, readQuote, readTextAnchor, readTextThreads } from "./comments";
