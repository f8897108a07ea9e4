// Validates an NDJSON file of ledger.events records (one { key, headers, value } per line) against the contract.
// Usage: node validate-dump.js [file]   (default: contract/examples/ledger-events.ndjson). Exit code 1 if any fails.
// With LEDGER_RECORD_KEYS (id=base64secret, comma-separated) every record's ce_mac is checked too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT, loadSchemas, macProblem, parseRecordKeys, problemsOf } from './ledger-records.js';

const file = process.argv[2] ?? join(CONTRACT, 'examples', 'ledger-events.ndjson');
const validators = loadSchemas();
const recordKeys = parseRecordKeys(process.env.LEDGER_RECORD_KEYS);
let failed = 0;
let count = 0;
for (const [index, line] of readFileSync(file, 'utf8').split('\n').entries()) {
  if (!line.trim()) continue;
  count++;
  let problems;
  try {
    const record = JSON.parse(line);
    problems = problemsOf(record, validators);
    const forged = recordKeys.size ? macProblem(record, recordKeys) : null;
    if (forged) problems.unshift(forged);
  } catch (error) {
    problems = [`line is not JSON: ${error.message}`];
  }
  if (problems.length) {
    failed++;
    console.error(`line ${index + 1}: ${problems.join('; ')}`);
  }
}
console.log(`${count - failed} of ${count} records valid`);
process.exit(failed || count === 0 ? 1 : 0);
