// The SQL engines the generated scripts are proven on: DuckDB (its Node package, in process)
// and PostgreSQL (Debian's server, started here on a Unix socket in a temporary directory and
// stopped after). Both load an orders CSV the same way — every column as text, the date and
// amount columns typed, a cell that does not read as its type NULL, as the core skips such a
// row — run a script, and answer its result as CSV text.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseCsv } from '../support/csv.mjs';

/** The header of a CSV file. */
function csvHeader(file) {
  const head = readFileSync(file, 'utf8').slice(0, 64 * 1024);
  return parseCsv(head.split('\n')[0] + '\n')[0];
}

/** A query with its final semicolon removed, to be wrapped in COPY ( … ). */
function asSubquery(script) {
  return script.trim().replace(/;$/, '');
}

/**
 * DuckDB in process. `types` names the columns to type: {column: 'timestamp' | 'decimal'}.
 * @returns {Promise<{load(table: string, file: string, types?: object): Promise<void>, run(script: string): Promise<string>, close(): void}>}
 */
export async function openDuckDb() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const work = mkdtempSync(join(tmpdir(), 'tierlens-duckdb-'));
  const quote = (name) => `"${name.replaceAll('"', '""')}"`;
  return {
    async load(table, file, types = {}) {
      const columns = csvHeader(file).map((name) => {
        const type = types[name];
        if (type === 'timestamp') return `TRY_CAST(${quote(name)} AS TIMESTAMP) AS ${quote(name)}`;
        if (type === 'decimal') return `TRY_CAST(${quote(name)} AS DECIMAL(38, 9)) AS ${quote(name)}`;
        return quote(name);
      });
      await connection.run(`CREATE OR REPLACE TABLE ${quote(table)} AS SELECT ${columns.join(', ')} FROM ` +
        `read_csv('${file.replaceAll("'", "''")}', all_varchar = true, header = true, auto_detect = true)`);
    },
    async run(script) {
      const out = join(work, 'result.csv');
      await connection.run(`COPY (${asSubquery(script)}) TO '${out}' (HEADER, DELIMITER ',')`);
      return readFileSync(out, 'utf8');
    },
    close() {
      connection.closeSync?.();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The directory of PostgreSQL's server programs (initdb, pg_ctl), or null. */
function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort().reverse()) {
      const bin = join(root, version, 'bin');
      if (existsSync(join(bin, 'initdb'))) return bin;
    }
  }
  return null;
}

/**
 * Starts a PostgreSQL cluster of its own: initdb in a temporary directory, the server on a Unix
 * socket there (no TCP) and a random port number, run as the `postgres` user when this process
 * is root (the server refuses root). Answers {ok: false, reason} when it cannot be started.
 */
export function startPostgres() {
  const bin = postgresBin();
  if (!bin || !existsSync('/usr/bin/psql')) return { ok: false, reason: 'PostgreSQL is not installed (apt-get install postgresql)' };
  const root = process.getuid?.() === 0;
  let uid = null;
  let gid = null;
  if (root) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) return { ok: false, reason: 'running as root and there is no postgres user to run the server as' };
    uid = Number(id.stdout.trim());
    gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  }
  const dir = mkdtempSync(join(tmpdir(), 'tierlens-postgres-'));
  if (root) chownSync(dir, uid, gid);
  const asServer = (program, args) => {
    const command = root ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
    return spawnSync(command[0], command[1], { encoding: 'utf8' });
  };
  const data = join(dir, 'data');
  const init = asServer('initdb', ['-D', data, '-E', 'UTF8', '--locale=C', '-A', 'trust', '-U', 'postgres']);
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, reason: `initdb failed: ${init.stderr.trim()}` };
  }
  const port = 20000 + Math.floor(Math.random() * 20000);
  const start = asServer('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60',
    '-o', `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c work_mem=256MB`, 'start']);
  if (start.status !== 0) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, reason: `the server did not start: ${start.stderr.trim()} ${log.trim()}` };
  }
  const psql = (args, input) => execFileSync('/usr/bin/psql',
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', ...args],
    { encoding: 'utf8', input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  const quote = (name) => `"${name.replaceAll('"', '""')}"`;
  psql([], `CREATE FUNCTION try_timestamp(t text) RETURNS timestamp LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN RETURN t::timestamp; EXCEPTION WHEN others THEN RETURN NULL; END $$;
    CREATE FUNCTION try_numeric(t text) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN btrim(t) ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$' THEN btrim(t)::numeric END $$;`);
  let stopped = false;
  return {
    ok: true,
    load(table, file, types = {}) {
      const header = csvHeader(file);
      const raw = `${table}_text`;
      psql([], `DROP TABLE IF EXISTS ${quote(raw)}; DROP TABLE IF EXISTS ${quote(table)};
        CREATE UNLOGGED TABLE ${quote(raw)} (${header.map((name) => `${quote(name)} text`).join(', ')});`);
      psql(['-c', `\\copy ${quote(raw)} FROM '${file.replaceAll("'", "''")}' WITH (FORMAT csv, HEADER true)`]);
      const columns = header.map((name) => {
        if (types[name] === 'timestamp') return `try_timestamp(${quote(name)}) AS ${quote(name)}`;
        if (types[name] === 'decimal') return `try_numeric(${quote(name)}) AS ${quote(name)}`;
        return quote(name);
      });
      psql([], `CREATE UNLOGGED TABLE ${quote(table)} AS SELECT ${columns.join(', ')} FROM ${quote(raw)}; ANALYZE ${quote(table)};`);
    },
    run(script) {
      const file = join(dir, 'script.sql');
      writeFileSync(file, script);
      return psql(['--csv', '-f', file]);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      asServer('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
