/** The amendment file (`.amendment.json`): one whole draft as JSON, written and validated. */
export {
  AMENDMENT_APP, AMENDMENT_SCHEMA_VERSION, AmendmentFileError, MAX_AMENDMENT_FILE_LENGTH, MAX_NAME_LENGTH,
  parseAmendment, serializeAmendment, toAmendmentFile,
  type AmendmentContent, type AmendmentFile, type AmendmentFileErrorKind, type Renumbering,
} from "./amendmentFile";
export { ANNOTATION_LIMITS, readAnnotations } from "./annotations";
export { describeFileProblems, type FileProblem } from "../validation";
