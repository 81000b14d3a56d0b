/**
 * `npm run audit:verify -- [--data-dir <dir>]`: walks the audit log's hash chain of a data folder
 * (read-only; the app may be running) and prints the head (seq + hash) to compare with one written
 * down before, or the first broken row. Exit code 0 when the chain holds, 2 when it is broken,
 * 1 when the folder cannot be read.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { verifyAuditChainSync } from '../../store/audit';
import { dbPath, openReader } from '../../store/db';

function dataDirFrom(argv: readonly string[]): string {
  let dir =
    process.env.HALL_DATA_DIR && process.env.HALL_DATA_DIR !== '' ? process.env.HALL_DATA_DIR : './data';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--data-dir') dir = argv[++i] ?? dir;
    else if (a.startsWith('--data-dir=')) dir = a.slice('--data-dir='.length);
    else if (a === '--help' || a === '-h') {
      console.log('用法 Usage: npm run audit:verify -- [--data-dir <dir>]');
      process.exit(0);
    }
  }
  return path.resolve(dir);
}

const dir = dataDirFrom(process.argv.slice(2));
if (!existsSync(dbPath(dir))) {
  console.error(`找不到数据库 No database at ${dbPath(dir)}`);
  process.exit(1);
}
let db;
try {
  db = openReader(dir);
} catch (err) {
  console.error(
    `无法打开数据库 Cannot open ${dbPath(dir)}: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
}
const r = verifyAuditChainSync(db);
db.close();
if (r.ok) {
  console.log(`审计日志链完整 Audit chain OK: ${r.rows} rows`);
  console.log(`  链头 head: #${r.headSeq} ${r.headHash}`);
  process.exit(0);
}
console.error(`审计日志链已断开 Audit chain BROKEN at #${r.brokenAt}: ${r.problem}`);
console.error(`  最后一条完好记录 last good: #${r.headSeq} ${r.headHash} (${r.rows} rows checked)`);
process.exit(2);
