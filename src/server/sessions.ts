/**
 * Sessions and the guards around them: session tokens (only their SHA-256 is stored), the
 * cookie, the CSRF token a state-changing call must echo in a header, and the limit on
 * failed sign-in attempts.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** The session cookie's name. */
export const SESSION_COOKIE = "or_session";
/** The header carrying the session's CSRF token on state-changing calls. */
export const CSRF_HEADER = "x-csrf-token";
/** The header a call without a session (sign-in, first start) must carry: a cross-site form cannot set it. */
export const REQUESTED_WITH_HEADER = "x-requested-with";
/** Its required value. */
export const REQUESTED_WITH_VALUE = "ordinance-redline";

/** A fresh random token (256 bits, base64url). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a session token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Reads the cookies of a Cookie header. */
export function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

/** The Set-Cookie value that gives the browser a session (or, with maxAgeSeconds 0, takes it away). */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}

/** Limits failed sign-ins per key (a name, an address) within a sliding window. */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  /** At most `limit` failures per `windowMs`, measured with `now`. */
  constructor(private readonly limit: number, private readonly windowMs: number, private readonly now: () => number) {}

  /** Milliseconds until the key may try again, or 0 when it may now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    return recent.length < this.limit ? 0 : recent[0]! + this.windowMs - this.now();
  }

  /** Records a failure. */
  fail(key: string): void {
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  /** Forgets a key's failures (after a successful sign-in). */
  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}
