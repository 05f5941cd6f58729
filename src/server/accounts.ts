/**
 * People, offices and sessions on top of the storage: adding a person (the CLI and the API
 * share this), signing in with the attempt limits, finding the session of a request.
 */
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from "./passwords";
import { AttemptLimiter, hashToken, newToken, parseCookies, SESSION_COOKIE } from "./sessions";
import { DuplicateError, type Person, type Storage } from "./storage/storage";

/** Bad input for an account (a clear message for the person who gave it). */
export class AccountError extends Error {}

/** A sign-in refused because of too many failed attempts. */
export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`too many failed sign-in attempts; try again in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/** The account settings of a server. */
export interface AccountOptions {
  /** How long a session lasts after sign-in. */
  readonly sessionTtlMs: number;
  /** Failed sign-ins allowed per name, and per client address, within the window. */
  readonly attemptsPerName: number;
  readonly attemptsPerAddress: number;
  readonly attemptWindowMs: number;
}

/** Defaults: 12-hour sessions; 5 failures per name and 20 per address in 15 minutes. */
export const DEFAULT_ACCOUNT_OPTIONS: AccountOptions = {
  sessionTtlMs: 12 * 60 * 60 * 1000,
  attemptsPerName: 5,
  attemptsPerAddress: 20,
  attemptWindowMs: 15 * 60 * 1000,
};

/** A signed-in person and their session. */
export interface Signed {
  readonly person: Person;
  readonly tokenHash: string;
  readonly csrfToken: string;
  readonly expiresAt: number;
}

/** Adds a person (their office created when new), validating every field first. */
export async function addPerson(storage: Storage, input: { name: unknown; office: unknown; password: unknown; isAdmin: boolean }, now: number): Promise<Person> {
  const name = typeof input.name === "string" ? input.name.trim() : "";
  const office = typeof input.office === "string" ? input.office.trim() : "";
  if (name === "" || name.length > 200) throw new AccountError("a person needs a name (at most 200 characters)");
  if (office === "" || office.length > 200) throw new AccountError("a person needs an office (at most 200 characters)");
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountError(problem);
  if (await storage.findPersonByName(name)) throw new AccountError(`a person named "${name}" already exists`);
  const passwordHash = await hashPassword(input.password as string);
  const officeId = await storage.ensureOffice(office);
  try {
    return await storage.addPerson({ name, officeId, passwordHash, isAdmin: input.isAdmin, createdAt: now });
  } catch (error) {
    if (error instanceof DuplicateError) throw new AccountError(error.message);
    throw error;
  }
}

/** Sign-in, sessions and their limits for one server. */
export class Accounts {
  private readonly byName: AttemptLimiter;
  private readonly byAddress: AttemptLimiter;

  constructor(private readonly storage: Storage, readonly options: AccountOptions, private readonly now: () => number) {
    this.byName = new AttemptLimiter(options.attemptsPerName, options.attemptWindowMs, now);
    this.byAddress = new AttemptLimiter(options.attemptsPerAddress, options.attemptWindowMs, now);
  }

  /**
   * Checks a name and password and opens a session; null when they do not match. Refused
   * outright (TooManyAttemptsError) while the name or the address has too many recent failures,
   * even with the right password.
   */
  async signIn(name: string, password: string, address: string): Promise<{ token: string; signed: Signed } | null> {
    const nameKey = name.trim().toLowerCase();
    const wait = Math.max(this.byName.retryAfter(nameKey), this.byAddress.retryAfter(address));
    if (wait > 0) throw new TooManyAttemptsError(wait);
    const found = await this.storage.findPersonByName(name.trim());
    const ok = found ? await verifyPassword(password, found.passwordHash) : await verifyAgainstDummy(password);
    if (!found || !ok) {
      this.byName.fail(nameKey);
      this.byAddress.fail(address);
      return null;
    }
    this.byName.clear(nameKey);
    return this.openSession(found);
  }

  /** Opens a session for a person (after sign-in, or for the first administrator). */
  async openSession(person: Person): Promise<{ token: string; signed: Signed }> {
    const token = newToken();
    const now = this.now();
    const record = { tokenHash: hashToken(token), userId: person.id, csrfToken: newToken(), createdAt: now, expiresAt: now + this.options.sessionTtlMs };
    await this.storage.deleteExpiredSessions(now);
    await this.storage.addSession(record);
    const { id, name, office, isAdmin } = person;
    return { token, signed: { person: { id, name, office, isAdmin }, tokenHash: record.tokenHash, csrfToken: record.csrfToken, expiresAt: record.expiresAt } };
  }

  /** The live session named by a Cookie header, or null (none, unknown or expired). */
  async fromCookieHeader(header: string | null | undefined): Promise<Signed | null> {
    const token = parseCookies(header).get(SESSION_COOKIE);
    if (!token) return null;
    const session = await this.storage.findSession(hashToken(token));
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      await this.storage.deleteSession(session.tokenHash);
      return null;
    }
    const person = await this.storage.findPersonById(session.userId);
    return person ? { person, tokenHash: session.tokenHash, csrfToken: session.csrfToken, expiresAt: session.expiresAt } : null;
  }

  /** Ends a session. */
  async signOut(signed: Signed): Promise<void> {
    await this.storage.deleteSession(signed.tokenHash);
  }
}
