import { HOME_RULE_RECITALS, type EffectiveDate, type ExportSettings } from "../../core/export";

interface ExportSettingsFormProps {
  readonly settings: ExportSettings;
  readonly onChange: (settings: ExportSettings) => void;
}

const EFFECTIVE_LABELS: Record<EffectiveDate["kind"], string> = {
  "passage-and-publication": "upon passage and publication",
  "passage-and-approval": "upon passage and approval",
  "fixed-date": "on a fixed date",
  "days-after-passage": "a number of days after passage",
};

/** The drafter's choices for the amending ordinance. */
export function ExportSettingsForm({ settings, onChange }: ExportSettingsFormProps) {
  const set = (patch: Partial<ExportSettings>) => onChange({ ...settings, ...patch });
  const homeRule = HOME_RULE_RECITALS.every((recital) => settings.recitals.includes(recital));
  const effective = settings.effectiveDate;
  const setEffective = (kind: EffectiveDate["kind"]) => set({
    effectiveDate: kind === "fixed-date" ? { kind, date: new Date().toISOString().slice(0, 10) } : kind === "days-after-passage" ? { kind, days: 10 } : { kind },
  });
  return (
    <fieldset className="export-settings">
      <legend>Settings</legend>
      <label>Title <select value={settings.title} onChange={(e) => set({ title: e.target.value as ExportSettings["title"] })}>
        <option value="ORDINANCE">ORDINANCE</option><option value="SUBSTITUTE ORDINANCE">SUBSTITUTE ORDINANCE</option>
      </select></label>
      <label><input type="checkbox" checked={homeRule} onChange={(e) => set({ recitals: e.target.checked ? [...HOME_RULE_RECITALS, ...settings.recitals.filter((r) => !HOME_RULE_RECITALS.includes(r))] : settings.recitals.filter((r) => !HOME_RULE_RECITALS.includes(r)) })} /> Home-rule recitals</label>
      <label>Takes effect <select value={effective.kind} onChange={(e) => setEffective(e.target.value as EffectiveDate["kind"])}>
        {Object.entries(EFFECTIVE_LABELS).map(([kind, label]) => <option key={kind} value={kind}>{label}</option>)}
      </select></label>
      {effective.kind === "fixed-date" && <label>Date <input type="date" value={effective.date} onChange={(e) => set({ effectiveDate: { kind: "fixed-date", date: e.target.value } })} /></label>}
      {effective.kind === "days-after-passage" && <label>Days <input type="number" min={1} max={3650} value={effective.days} onChange={(e) => set({ effectiveDate: { kind: "days-after-passage", days: Number(e.target.value) } })} /></label>}
      <label>Deleted text is <select value={settings.strikeWording} onChange={(e) => set({ strikeWording: e.target.value as ExportSettings["strikeWording"] })}>
        <option value="struck through">struck through</option><option value="stricken through">stricken through</option>
      </select></label>
      <label>Formula names <select value={settings.formulaOrder} onChange={(e) => set({ formulaOrder: e.target.value as ExportSettings["formulaOrder"] })}>
        <option value="delete-first">deletions first</option><option value="insert-first">insertions first</option>
      </select></label>
      <label>Omitted text is <select value={settings.omittedWording} onChange={(e) => set({ omittedWording: e.target.value as ExportSettings["omittedWording"] })}>
        <option value="unaffected">unaffected</option><option value="not affected">not affected</option>
      </select></label>
      <label>One SECTION per <select value={settings.grouping} onChange={(e) => set({ grouping: e.target.value as ExportSettings["grouping"] })}>
        <option value="chapter">amended chapter</option><option value="section">amended Code section</option>
      </select></label>
    </fieldset>
  );
}
