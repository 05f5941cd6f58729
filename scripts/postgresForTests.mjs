// A throwaway PostgreSQL server for the test run: its own cluster in a temporary directory,
// listening on 127.0.0.1 on a free port, trusted local logins, stopped and deleted afterwards.
// Used by scripts/test.mjs when ORDINANCE_REDLINE_TEST_POSTGRES does not already name a server.
// Finds Debian's binaries (/usr/lib/postgresql/<version>/bin); as root on Debian with none
// present it installs the postgresql package; as root it runs the cluster as the postgres user
// (PostgreSQL refuses to run as root).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

function findBinaries() {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, "bin");
    if (existsSync(join(bin, "initdb")) && existsSync(join(bin, "pg_ctl"))) return bin;
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

function runAs(command, args) {
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return spawnSync(file, argv, { encoding: "utf8" });
}

/**
 * Starts the server; resolves to { url, stop } or to { reason } when it cannot (no PostgreSQL
 * installed and none installable).
 */
export async function startTestPostgres() {
  let bin = findBinaries();
  if (!bin && isRoot && existsSync("/etc/debian_version")) {
    console.log("No PostgreSQL found; installing Debian's postgresql package…");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    bin = findBinaries();
  }
  if (!bin) return { reason: "PostgreSQL is not installed (Debian: apt-get install postgresql), and ORDINANCE_REDLINE_TEST_POSTGRES names no server" };
  const dir = mkdtempSync(join(tmpdir(), "or-postgres-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  if (isRoot) spawnSync("chown", ["postgres", dir]);
  const init = runAs(join(bin, "initdb"), ["-D", data, "-U", "redline", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  if (init.status !== 0) return { reason: `initdb failed: ${init.stderr || init.stdout}` };
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`;
  const start = runAs(join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "-t", "60", "start"]);
  if (start.status !== 0) return { reason: `pg_ctl start failed: ${start.stderr || start.stdout}` };
  return {
    url: `postgres://redline@127.0.0.1:${port}/postgres`,
    stop() {
      runAs(join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
