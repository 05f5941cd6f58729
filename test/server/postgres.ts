/**
 * PostgreSQL for the server tests: ORDINANCE_REDLINE_TEST_POSTGRES names a server (an
 * administrator's URL; `npm test` starts a throwaway one), and every test gets a database of
 * its own, dropped when the file's tests end. Without the variable the PostgreSQL tests are
 * skipped with a note, except under CI=1, where they fail: CI must test both storages.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, it } from "vitest";

/** The administrator's URL of the test server, or null. */
export const POSTGRES_ADMIN_URL: string | null = process.env.ORDINANCE_REDLINE_TEST_POSTGRES || null;

/** Why the PostgreSQL tests cannot run, or null when they can. */
export const POSTGRES_MISSING: string | null = POSTGRES_ADMIN_URL ? null
  : "ORDINANCE_REDLINE_TEST_POSTGRES is not set (npm test starts a throwaway PostgreSQL when it is installed)";

const made: string[] = [];

/** Creates an empty database and gives its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  if (!POSTGRES_ADMIN_URL) throw new Error(POSTGRES_MISSING!);
  const name = `or_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client(POSTGRES_ADMIN_URL);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  made.push(name);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs a statement as the administrator on a test database (to tamper with it as an attacker or a newer server would). */
export async function queryAsAdmin(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  if (!POSTGRES_ADMIN_URL || made.length === 0) return;
  const admin = new pg.Client(POSTGRES_ADMIN_URL);
  await admin.connect();
  try {
    for (const name of made.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
});

/**
 * In a file whose PostgreSQL tests cannot run: under CI=1 one failing test that says why,
 * elsewhere one skipped test with the reason as its name.
 */
export function reportMissingPostgres(): void {
  if (!POSTGRES_MISSING) return;
  if (process.env.CI) it("has a PostgreSQL server to test against", () => { throw new Error(POSTGRES_MISSING!); });
  else it.skip(`PostgreSQL tests skipped: ${POSTGRES_MISSING}`, () => {});
}
