import type { ReferenceProblem } from "../../core/references";
import type { DocumentEditor } from "../../editor/documentEditor";
import { applyReferenceFix } from "../../editor/references";

interface ChecksPanelProps {
  readonly editor: DocumentEditor;
  readonly problems: readonly ReferenceProblem[];
}

const KIND_LABELS: Readonly<Record<ReferenceProblem["kind"], string>> = {
  "repealed-section": "cites a repealed section",
  "renumbered-section": "cites a renumbered section",
  "deleted-subsection": "cites a deleted subsection",
  "relettered-subsection": "cites a re-lettered subsection",
  "missing-section": "cites no such section",
  "missing-subsection": "cites no such subsection",
  "repealed-chapter": "cites a repealed chapter",
  "unlisted-section": "section not in the contents",
  "contents-without-section": "contents line without a section",
  "missing-article": "cites no such article",
};

/**
 * The cross-reference checks of the draft: each problem with its citing section and cited
 * target; selecting one goes to the citing words, and a certain fix is one button that edits
 * the draft (the redline shows the edit as a tracked change, undone like any edit).
 */
export function ChecksPanel({ editor, problems }: ChecksPanelProps) {
  return (
    <section className="checks-panel" aria-label="Checks" role="tabpanel" id="panel-checks" aria-labelledby="tab-checks">
      <div className="panel-header">
        <h2>Cross-references <span className="count" data-testid="check-total">{problems.length}</span></h2>
      </div>
      <div className="check-list" role="list" aria-label="Cross-reference problems">
        {problems.length === 0 && <p className="muted empty">No stale citations: every citation names a section the draft keeps.</p>}
        {problems.map((problem, index) => {
          const citation = problem.citation;
          return (
            <div key={`${problem.kind}:${citation?.span.from ?? problem.cited}:${index}`} role="listitem" className="check-row" data-testid="check-row">
              <button type="button" className="check-go" disabled={!citation}
                title={citation ? "Go to the citing text" : undefined}
                onClick={() => { if (citation) editor.goToDraftText(citation.span.from, citation.span.to); }}>
                <span className="row-top"><span className="row-kind">{problem.citingSection}</span><span className="badge">{KIND_LABELS[problem.kind]}</span></span>
                <span className="check-text">{problem.message}</span>
              </button>
              {problem.fix && (
                <button type="button" className="mini check-fix" data-testid="check-fix" onClick={() => editor.run(applyReferenceFix(problem.fix!))}>
                  Fix: {problem.fix.replaced} → {problem.fix.text}
                </button>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
