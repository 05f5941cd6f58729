import { describePerson, findPerson, type SponsorRegistry } from "../../core/sponsors/sponsors";

/** A sponsor's initials in their colour, with their name and ward as the accessible name. */
export function SponsorChip({ id, sponsors }: { id: string; sponsors: SponsorRegistry | null }) {
  const person = sponsors ? findPerson(sponsors, id) : undefined;
  const name = person ? describePerson(person) : id;
  const initials = (person?.name ?? id).split(/[\s-]+/).filter((part) => /^[A-Za-z]/.test(part)).map((part) => part[0]!.toUpperCase()).slice(0, 2).join("");
  return (
    <span className="sponsor-chip" data-testid="sponsor-chip" style={{ background: person?.color ?? "#555555" }} title={name} aria-label={name}>
      {initials}
    </span>
  );
}
