/** The notice that the bundled chapter is a demonstration rendering, and how to use the real text. */
export function DemoNotice({ onImport }: { onImport: () => void }) {
  return (
    <aside className="demo-notice" role="note" aria-label="About the bundled text">
      <strong>Demonstration text.</strong> The chapter shown is a rendering of Chapter 2-173 (Welcoming City
      Ordinance) written for this tool, not the official Municipal Code. Before drafting, copy the chapter from
      the online Municipal Code of Chicago (or save it from Word as plain text) and{" "}
      <button type="button" className="link-button" onClick={onImport}>import the official text</button>.
    </aside>
  );
}
