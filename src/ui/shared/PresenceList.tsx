import { useEffect, useState } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";

interface Present {
  readonly clientId: number;
  readonly name: string;
  readonly office: string;
  readonly color: string;
  readonly self: boolean;
}

/** Who is in the shared draft now, from the awareness (gone within seconds of leaving). */
export function PresenceList({ provider }: { readonly provider: HocuspocusProvider }) {
  const [present, setPresent] = useState<readonly Present[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const read = () => {
      const list: Present[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: { name?: unknown; office?: unknown; color?: unknown } }).user;
        if (!user || typeof user.name !== "string") return;
        const color = typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : "#666666";
        list.push({ clientId, name: user.name, office: typeof user.office === "string" ? user.office : "", color, self: clientId === awareness.clientID });
      });
      list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
      setPresent(list);
    };
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [provider]);
  return (
    <ul className="presence-list" aria-label="People in this draft">
      {present.map((person) => (
        <li key={person.clientId} title={person.office} data-testid="present-person">
          <span className="presence-dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
          {person.name}{person.self ? " (you)" : ""}
        </li>
      ))}
    </ul>
  );
}
