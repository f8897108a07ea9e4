// Validation of ledger.events records against the contract under contract/ (JSON Schema draft 2020-12).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const CONTRACT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'contract');

const REQUIRED_HEADERS = [
  'ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject',
  'ce_aggregatetype', 'ce_aggregatesequence', 'ce_position', 'ce_keyid', 'ce_mac',
];

/** Loads every schema under contract/schemas, keyed by file name (MarkerPlanned.json, IndicatorReported.r2.json). */
export function loadSchemas(dir = join(CONTRACT, 'schemas')) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validators = new Map();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    validators.set(file, ajv.compile(JSON.parse(readFileSync(join(dir, file), 'utf8'))));
  }
  return validators;
}

/** The schema file a record names: the last segment of ce_dataschema, else the type and ce_eventrevision. */
export function schemaFileOf(headers) {
  const dataschema = headers.ce_dataschema;
  if (dataschema) {
    return new URL(dataschema).pathname.split('/').pop();
  }
  const revision = headers.ce_eventrevision;
  return revision ? `${headers.ce_type}.r${revision}.json` : `${headers.ce_type}.json`;
}

/**
 * Checks one record: { key, headers: { name: text }, value: text or Buffer }. Returns a list of problems, empty when
 * the record is a well-formed ledger event whose data validates against its schema. Unknown headers and unknown data
 * properties are tolerated, as the contract asks of every consumer.
 */
export function problemsOf(record, validators) {
  const headers = record.headers ?? {};
  const problems = REQUIRED_HEADERS.filter((name) => !headers[name]).map((name) => `missing header ${name}`);
  if (headers.ce_specversion && headers.ce_specversion !== '1.0') {
    problems.push(`ce_specversion ${headers.ce_specversion} is not 1.0`);
  }
  if (headers.ce_subject && record.key !== headers.ce_subject) {
    problems.push('the record key is not ce_subject');
  }
  if (!headers.ce_type) {
    return problems;
  }
  const file = schemaFileOf(headers);
  if (!file.startsWith(`${headers.ce_type}.`)) {
    problems.push(`ce_dataschema ${headers.ce_dataschema} is not a schema of ${headers.ce_type}`);
    return problems;
  }
  const validate = validators.get(file);
  if (!validate) {
    problems.push(`no schema ${file} in the contract`);
    return problems;
  }
  let data;
  try {
    data = JSON.parse(Buffer.isBuffer(record.value) ? record.value.toString('utf8') : record.value);
  } catch (error) {
    problems.push(`the value is not JSON: ${error.message}`);
    return problems;
  }
  if (!validate(data)) {
    for (const error of validate.errors) {
      problems.push(`${file}: ${error.instancePath || '/'} ${error.message}`);
    }
  }
  return problems;
}

/** Kafka headers (Buffers, as kafkajs gives them) as text. */
export function textHeaders(headers) {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, value?.toString('utf8')]));
}

const MAC_DOMAIN = Buffer.from('border-ledger record v1', 'utf8');

/** Record keys from the ledger's LEDGER_RECORD_KEYS format: comma-separated id=base64secret. */
export function parseRecordKeys(text) {
  const keys = new Map();
  for (const entry of (text ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const at = entry.indexOf('=');
    keys.set(entry.slice(0, at), Buffer.from(entry.slice(at + 1), 'base64'));
  }
  return keys;
}

function field(value) {
  if (value === null || value === undefined) {
    const absent = Buffer.alloc(4);
    absent.writeInt32BE(-1);
    return absent;
  }
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
  const length = Buffer.alloc(4);
  length.writeInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/**
 * Why a record's ce_mac is wrong under keys (a Map of key id to secret), or null when it is right: HMAC-SHA256 over
 * "border-ledger record v1", the key, the number of covered headers (every ce_* and content-type header but ce_mac,
 * sorted by name) and each name and value, then the value; every field as a 4-byte big-endian length (-1: absent) and
 * its bytes.
 */
export function macProblem(record, keys) {
  const headers = record.headers ?? {};
  const secret = keys.get(headers.ce_keyid);
  if (!headers.ce_mac || !headers.ce_keyid) return 'the record carries no MAC';
  if (!secret) return `the record is signed with key '${headers.ce_keyid}', which is not configured`;
  const covered = Object.keys(headers)
    .filter((name) => name !== 'ce_mac' && (name.startsWith('ce_') || name === 'content-type') && headers[name] !== undefined)
    .sort();
  const count = Buffer.alloc(4);
  count.writeInt32BE(covered.length);
  const content = Buffer.concat([
    MAC_DOMAIN,
    field(record.key),
    count,
    ...covered.flatMap((name) => [field(name), field(headers[name])]),
    field(record.value),
  ]);
  const expected = createHmac('sha256', secret).update(content).digest();
  const claimed = Buffer.from(headers.ce_mac, 'base64url');
  return claimed.length === expected.length && timingSafeEqual(claimed, expected)
    ? null
    : 'the MAC does not match the record (forged or altered)';
}
