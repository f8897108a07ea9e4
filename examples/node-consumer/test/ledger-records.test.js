import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTRACT, loadSchemas, macProblem, parseRecordKeys, problemsOf } from '../ledger-records.js';

const validators = loadSchemas();
const examples = readFileSync(join(CONTRACT, 'examples', 'ledger-events.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

test('every example record the Java writer produced validates against its schema', () => {
  assert.ok(examples.length >= 14);
  for (const record of examples) {
    assert.deepEqual(problemsOf(record, validators), [], record.headers.ce_type);
  }
});

test('there is a schema for every type in the examples and the examples cover every schema', () => {
  const types = new Set(examples.map((record) => record.headers.ce_type));
  for (const file of validators.keys()) {
    assert.ok(types.has(file.split('.')[0]), `no example of ${file}`);
  }
});

test('a value of the wrong shape is refused with the field at fault', () => {
  const planned = examples.find((record) => record.headers.ce_type === 'MarkerPlanned');
  const value = JSON.parse(planned.value);
  value.plannedPoint = { lat: 'north', lon: 104.5 };
  const problems = problemsOf({ ...planned, value: JSON.stringify(value) }, validators);
  assert.match(problems.join(), /plannedPoint\/lat must be number/);
});

test('a missing property, an unknown enum constant and a missing header are refused', () => {
  const completed = examples.find((record) => record.headers.ce_type === 'MarkerCompleted');
  const value = JSON.parse(completed.value);
  delete value.confirmedOn;
  value.confirmingSide = 'TH';
  const { ce_mac, ...headers } = completed.headers;
  const problems = problemsOf({ ...completed, headers, value: JSON.stringify(value) }, validators);
  assert.match(problems.join(), /missing header ce_mac/);
  assert.match(problems.join(), /confirmedOn/);
  assert.match(problems.join(), /confirmingSide must be equal to one of the allowed values/);
});

test('an unknown property and an unknown header are tolerated', () => {
  const repaired = examples.find((record) => record.headers.ce_type === 'MarkerRepaired');
  const value = { ...JSON.parse(repaired.value), repairedBy: 'KP-ENGINEERS' };
  const record = { ...repaired, headers: { ...repaired.headers, ce_newextension: 'x' }, value: JSON.stringify(value) };
  assert.deepEqual(problemsOf(record, validators), []);
});

test('a record whose dataschema names another type is refused', () => {
  const damaged = examples.find((record) => record.headers.ce_type === 'MarkerDamaged');
  const headers = { ...damaged.headers, ce_dataschema: damaged.headers.ce_dataschema.replace('MarkerDamaged', 'MarkerRepaired') };
  assert.match(problemsOf({ ...damaged, headers }, validators).join(), /is not a schema of MarkerDamaged/);
});

test('the command-line check exits 0 on the examples', () => {
  const output = execFileSync(process.execPath, ['validate-dump.js'], { encoding: 'utf8' });
  assert.match(output, /^(\d+) of \1 records valid/);
});

test('a record of revision 1, published without dataschema, validates against the schema of revision 1', () => {
  const reported = examples.find((record) => record.headers.ce_type === 'IndicatorReported');
  const { ce_dataschema, ce_eventrevision, ...headers } = reported.headers;
  const { unit, ...value } = JSON.parse(reported.value);
  const revision1 = { ...reported, headers: { ...headers, ce_dataschema: undefined }, value: JSON.stringify(value) };
  assert.equal(ce_eventrevision, '2');
  assert.deepEqual(problemsOf(revision1, validators), []);
  const asRevision2 = { ...reported, value: JSON.stringify(value) };
  assert.match(problemsOf(asRevision2, validators).join(), /must have required property 'unit'/);
});

// The key ContractExamplesTest signs the example records with (it signs nothing else).
const EXAMPLE_KEYS = new Map([['example-2026', Buffer.from('example-record-key-not-for-production', 'utf8')]]);

test('the MAC of every example record verifies under the example key, as the Java reader computes it', () => {
  for (const record of examples) {
    assert.equal(macProblem(record, EXAMPLE_KEYS), null, record.headers.ce_type);
  }
});

test('a changed value, a changed header, another key or an unknown key id fails the MAC', () => {
  const [record] = examples;
  assert.match(macProblem({ ...record, value: record.value.replace('2014', '2015') }, EXAMPLE_KEYS), /does not match/);
  assert.match(macProblem({ ...record, headers: { ...record.headers, ce_unit: 'X' } }, EXAMPLE_KEYS), /does not match/);
  const other = new Map([['example-2026', Buffer.from('another-secret-another-secret-xx', 'utf8')]]);
  assert.match(macProblem(record, other), /does not match/);
  assert.match(macProblem(record, parseRecordKeys('k9=' + Buffer.alloc(32).toString('base64'))), /not configured/);
});
