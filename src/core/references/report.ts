/** The checker's problems written out: one line each for people and scripts, or JSON. */
import type { ReferenceProblem } from "./checkReferences";

/** What to do about a problem: the certain fix, or what the drafter has to decide. */
export function suggestedFix(problem: ReferenceProblem): string {
  const { fix } = problem;
  if (fix) return `replace "${fix.replaced}" with "${fix.text}"`;
  switch (problem.kind) {
    case "repealed-section":
    case "repealed-chapter":
    case "deleted-subsection":
      return "no certain fix: remove the citation or cite what replaces it";
    case "missing-section":
    case "missing-subsection":
    case "missing-article":
      return "no certain fix: correct the number";
    case "unlisted-section":
      return "add the section's line to the contents";
    case "contents-without-section":
      return "remove the contents line or add its section";
    default:
      return "no certain fix: cite the new place";
  }
}

/**
 * One line per problem: citing section, cited target, kind (with the new target), suggested fix,
 * separated by " | ". Empty for no problems.
 */
export function formatProblemsText(problems: readonly ReferenceProblem[]): string {
  return problems
    .map((problem) => [problem.citingSection, problem.cited, problem.newTarget ? `${problem.kind} (now ${problem.newTarget})` : problem.kind, suggestedFix(problem)].join(" | ") + "\n")
    .join("");
}

/** The problems as JSON: each with its citation's draft offsets (fromB/toB) and its fix, if certain. */
export function formatProblemsJson(problems: readonly ReferenceProblem[]): string {
  const list = problems.map((problem) => ({
    kind: problem.kind,
    citingSection: problem.citingSection,
    cited: problem.cited,
    newTarget: problem.newTarget,
    message: problem.message,
    citation: problem.citation ? { text: problem.citation.text, fromB: problem.citation.span.from, toB: problem.citation.span.to } : null,
    fix: problem.fix,
    suggestedFix: suggestedFix(problem),
  }));
  return `${JSON.stringify({ problems: list }, null, 2)}\n`;
}
