#!/usr/bin/env node
// An independent verifier of the Border Cooperation Ledger's evidence, written from contract/evidence.md alone,
// with Node.js's standard library only (node:crypto has SHA-256 and Ed25519).
//
//   node verify.js --pinned-keys PINNED.json [--anchor SEAL.json] EXPORT.ndjson [MORE.ndjson ...]
//   node verify.js prove inclusion|consistency --pinned-keys PINNED.json PROOF.json
//
// Prints a JSON report on stdout and one line on stderr. Exit status 0: the evidence holds; 1: it is rejected (the
// report names the first rejection's code, section 11); 2: it cannot be checked (usage, unreadable or refused
// pinned key file).
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');

const HEX64 = /^[0-9a-f]{64}$/;
const KEY_ID = /^[0-9a-f]{16}$/;
const SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/;
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A rejection: a code of section 11 and words for people. */
class Rejection extends Error {
  constructor(code, message, position = null) {
    super(message);
    this.code = code;
    this.position = position;
  }
}

/** Input that cannot be checked at all (exit status 2). */
class Unusable extends Error {}

// ---- JSON (RFC 8259), strict: a duplicate member name is an error (section 8) ----

const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function parseJson(text) {
  let i = 0;
  const fail = (what) => {
    throw new SyntaxError(`${what} at offset ${i}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail('unexpected character');
  };
  const object = () => {
    const result = {};
    const seen = new Set();
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return result;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail('expected a member name');
      const name = string();
      if (seen.has(name)) fail(`duplicate member "${name}"`);
      seen.add(name);
      ws();
      if (text[i++] !== ':') fail('expected ":"');
      Object.defineProperty(result, name, { value: value(), enumerable: true, writable: true, configurable: true });
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i++] === '}') return result;
      fail('expected "," or "}"');
    }
  };
  const array = () => {
    const result = [];
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return result;
    }
    for (;;) {
      result.push(value());
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i++] === ']') return result;
      fail('expected "," or "]"');
    }
  };
  const string = () => {
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (!m) fail('malformed string');
    i += m[0].length;
    return JSON.parse(m[0]);
  };
  const number = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail('malformed number');
    i += m[0].length;
    return Number(m[0]);
  };
  const result = value();
  ws();
  if (i !== text.length) fail('text after the JSON value');
  return result;
}

// ---- RFC 8785 canonical JSON (section 2) ----

function jcs(v) {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('JCS has no form for ' + v);
    return Object.is(v, -0) ? '0' : String(v); // ECMAScript Number.prototype.toString, as RFC 8785 3.2.2.3 says
  }
  if (typeof v === 'string') return JSON.stringify(v); // the escapes of RFC 8785 3.2.2.2
  if (Array.isArray(v)) return '[' + v.map(jcs).join(',') + ']';
  // Array.prototype.sort without a comparator orders by UTF-16 code units, as RFC 8785 3.2.3 says
  return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + jcs(v[k])).join(',') + '}';
}

// ---- bytes (section 2) ----

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest();

function u32be(n) {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

/** LP(s): the UTF-8 length as 4 bytes big-endian, then the bytes; u32be(-1) alone for null. */
function lp(s) {
  if (s === null || s === undefined) return u32be(-1);
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([u32be(b.length), b]);
}

// ---- the event hash (section 3) ----

function withoutHashes(metadata) {
  const rest = {};
  for (const k of Object.keys(metadata)) {
    if (k !== 'hash' && k !== 'previoushash') rest[k] = metadata[k];
  }
  return rest;
}

/** Section 3.1: the canonical bytes of an event line's version 2 envelope. */
function eventCanonical(line) {
  const envelope = {
    version: 'border-ledger/event-hash/v2',
    aggregateType: line.aggregateType,
    aggregateId: line.aggregateId,
    sequenceNumber: line.sequenceNumber,
    eventId: line.eventId,
    payloadType: line.eventType,
    payloadRevision: line.payloadRevision,
    recordedAt: line.recordedAt,
    payload: line.payload,
    metadata: withoutHashes(line.metadata),
    previousHash: line.metadata.previoushash,
  };
  return Buffer.from(jcs(envelope), 'utf8');
}

const eventHash = (line) => sha256(eventCanonical(line)).toString('hex');

/** Section 3: 1 when hashversion is absent, 2 for "2", else null (unknown). */
function hashVersion(metadata) {
  if (!Object.prototype.hasOwnProperty.call(metadata, 'hashversion')) return 1;
  return metadata.hashversion === '2' ? 2 : null;
}

/** Section 8.2: the one payload member ending in "On", when it is a string. */
function businessDate(payload) {
  const dated = Object.keys(payload).filter((k) => k.endsWith('On'));
  return dated.length === 1 && typeof payload[dated[0]] === 'string' ? payload[dated[0]] : null;
}

// ---- the chain (section 4) and the Merkle tree (section 5) ----

const chainInput = (previous, position, hash) =>
  Buffer.concat([lp('border-ledger/seal-chain/v1'), lp(previous), lp(String(position)), lp(hash)]);

const chainStep = (previous, position, hash) => sha256(chainInput(previous, position, hash)).toString('hex');

function leafInput(position, hash) {
  const p = Buffer.alloc(8);
  p.writeBigUInt64BE(BigInt(position));
  return Buffer.concat([p, Buffer.from(hash, 'hex')]);
}

const leafHash = (input) => sha256(Buffer.concat([Buffer.from([0]), input]));
const nodeHash = (l, r) => sha256(Buffer.concat([Buffer.from([1]), l, r]));

/** MTH over leaf hashes (RFC 9162 2.1.1). */
function mth(leaves) {
  const n = leaves.length;
  if (n === 0) return sha256(Buffer.alloc(0));
  if (n === 1) return leaves[0];
  let k = 1;
  while (k * 2 < n) k *= 2;
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** The right edge of a growing tree: roots of its perfect subtrees, largest first. */
class Frontier {
  constructor() {
    this.size = 0;
    this.subtrees = [];
  }
  append(leaf) {
    let carry = leaf;
    for (let s = this.size; s % 2 === 1; s = Math.floor(s / 2)) carry = nodeHash(this.subtrees.pop(), carry);
    this.subtrees.push(carry);
    this.size++;
  }
  root() {
    if (this.subtrees.length === 0) return sha256(Buffer.alloc(0));
    let root = this.subtrees[this.subtrees.length - 1];
    for (let i = this.subtrees.length - 2; i >= 0; i--) root = nodeHash(this.subtrees[i], root);
    return root;
  }
}

/** RFC 9162 2.1.3.2. */
function verifyInclusion(index, size, leaf, path, root) {
  if (index >= size) return false;
  let fn = BigInt(index);
  let sn = BigInt(size) - 1n;
  let r = leaf;
  for (const p of path) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
}

/** RFC 9162 2.1.4.2; equal sizes hold with an empty path and equal roots (section 5). */
function verifyConsistency(first, second, firstRoot, secondRoot, proof) {
  if (first < 1 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (proof.length === 0) return false;
  const path = [...proof];
  if ((first & (first - 1)) === 0) path.unshift(firstRoot);
  let fn = BigInt(first) - 1n;
  let sn = BigInt(second) - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && fr.equals(firstRoot) && sr.equals(secondRoot);
}

// ---- keys (section 7) ----

function pemDer(pem, type) {
  const m = new RegExp(`-----BEGIN ${type}-----([\\s\\S]*?)-----END ${type}-----`).exec(pem);
  if (!m) throw new Error(`no ${type} block`);
  return Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
}

const keyIdOf = (der) => sha256(der).toString('hex').slice(0, 16);

/** Section 7.3: the pinned key file, refused whole when it is not exactly one. */
function readPinnedKeys(text) {
  let file;
  try {
    file = parseJson(text);
  } catch (e) {
    throw new Unusable('the pinned key file is not JSON: ' + e.message);
  }
  if (!isObject(file) || file.format !== 'border-ledger/pinned-keys/v1' || !Array.isArray(file.keys) || file.keys.length === 0) {
    throw new Unusable('the pinned key file is not {"format":"border-ledger/pinned-keys/v1","keys":[…]} with keys');
  }
  const unknown = Object.keys(file).filter((k) => k !== 'format' && k !== 'keys');
  if (unknown.length > 0) throw new Unusable('the pinned key file has unknown members ' + unknown);
  const keys = new Map();
  file.keys.forEach((entry, n) => {
    const where = `keys[${n}]`;
    if (!isObject(entry)) throw new Unusable(where + ' is not an object');
    const extra = Object.keys(entry).filter(
      (k) => !['keyId', 'publicKeyPem', 'validFromPosition', 'validToPosition', 'note'].includes(k));
    if (extra.length > 0) throw new Unusable(`${where} has unknown members ${extra}`);
    if (typeof entry.keyId !== 'string' || typeof entry.publicKeyPem !== 'string') {
      throw new Unusable(where + ' needs keyId and publicKeyPem');
    }
    let der;
    let key;
    try {
      der = pemDer(entry.publicKeyPem, 'PUBLIC KEY');
      if (der.length !== 44 || !der.subarray(0, 12).equals(SPKI_PREFIX)) throw new Error('not an Ed25519 key');
      key = crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch (e) {
      throw new Unusable(`${where}.publicKeyPem: ${e.message}`);
    }
    if (keyIdOf(der) !== entry.keyId) throw new Unusable(`${where}.keyId is not the id of its key`);
    const from = entry.validFromPosition;
    const to = entry.validToPosition === undefined ? null : entry.validToPosition;
    if (!isWhole(from, 0)) throw new Unusable(where + '.validFromPosition is not a whole number >= 0');
    if (to !== null && !isWhole(to, from)) throw new Unusable(where + '.validToPosition is not >= validFromPosition');
    if (entry.note !== undefined && entry.note !== null && typeof entry.note !== 'string') {
      throw new Unusable(where + '.note is not a string');
    }
    if (keys.has(entry.keyId)) throw new Unusable(`${where} pins key ${entry.keyId} a second time`);
    keys.set(entry.keyId, { key, from, to });
  });
  return keys;
}

/** Section 6: the statement a seal's signature covers. */
function sealStatement(seal) {
  const s = {
    statement: seal.merkleRoot == null ? 'border-ledger/seal/v1' : 'border-ledger/seal/v2',
    position: seal.position,
    eventsSealed: seal.eventsSealed,
    chainHash: seal.chainHash,
    sealedAt: seal.sealedAt,
    keyId: seal.keyId,
  };
  if (seal.merkleRoot != null) s.merkleRoot = seal.merkleRoot;
  return Buffer.from(jcs(s), 'utf8');
}

/** Section 7.3: null when the pinned keys trust the seal, else the rejection code. */
function distrust(seal, keys) {
  if (seal.signature === null) return 'SEAL_UNSIGNED';
  const pinned = keys.get(seal.keyId);
  if (!pinned) return 'SEAL_KEY_NOT_PINNED';
  if (seal.position < pinned.from || (pinned.to !== null && seal.position > pinned.to)) return 'SEAL_KEY_OUT_OF_RANGE';
  const ok = crypto.verify(null, sealStatement(seal), pinned.key, Buffer.from(seal.signature, 'base64'));
  return ok ? null : 'SEAL_SIGNATURE_INVALID';
}

// ---- shapes (the schemas under contract/schemas) ----

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isWhole = (v, min) => typeof v === 'number' && Number.isInteger(v) && v >= min;
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const stringOrNull = (v) => v === null || typeof v === 'string';

function malformed(what) {
  throw new Rejection('LINE_MALFORMED', what);
}

function checkSeal(seal) {
  if (isObject(seal) && Object.keys(seal).length === 1 && has(seal, 'seal')) seal = seal.seal;
  if (!isObject(seal)) malformed('the seal is not an object');
  if (!isWhole(seal.position, 0)) malformed('the seal has no whole position');
  if (!isWhole(seal.eventsSealed, 1)) malformed('the seal has no whole eventsSealed >= 1');
  if (typeof seal.chainHash !== 'string' || !HEX64.test(seal.chainHash)) malformed('the seal has no chainHash');
  if (seal.merkleRoot != null && (typeof seal.merkleRoot !== 'string' || !HEX64.test(seal.merkleRoot))) {
    malformed('the seal\'s merkleRoot is not 64 hex digits');
  }
  if (typeof seal.sealedAt !== 'string' || !TIMESTAMP.test(seal.sealedAt)) malformed('the seal has no sealedAt');
  if (!has(seal, 'keyId') || !has(seal, 'signature')) malformed('the seal has no keyId or no signature member');
  if (seal.keyId !== null && (typeof seal.keyId !== 'string' || !KEY_ID.test(seal.keyId))) malformed('bad keyId');
  if (seal.signature !== null && (typeof seal.signature !== 'string' || !SIGNATURE.test(seal.signature))) {
    malformed('bad signature');
  }
  if ((seal.keyId === null) !== (seal.signature === null)) malformed('keyId and signature are both null or neither');
  return seal;
}

function checkEvent(line) {
  if (!isObject(line)) malformed('the event is not an object');
  if (!isWhole(line.position, 0)) malformed('no whole position');
  for (const k of ['eventId', 'aggregateId', 'eventType']) if (typeof line[k] !== 'string') malformed('no ' + k);
  for (const k of ['aggregateType', 'payloadRevision', 'hash']) {
    if (!has(line, k) || !stringOrNull(line[k])) malformed(k + ' is not a string or null');
  }
  if (!isWhole(line.sequenceNumber, 0)) malformed('no whole sequenceNumber');
  if (typeof line.recordedAt !== 'string' || !TIMESTAMP.test(line.recordedAt)) malformed('bad recordedAt');
  if (has(line, 'businessDate') && !stringOrNull(line.businessDate)) malformed('businessDate is not a string or null');
  if (!isObject(line.payload)) malformed('payload is not an object');
  if (!isObject(line.metadata)) malformed('metadata is not an object');
  return line;
}

/** Section 10.1 steps 3, 4 and 7 for one event line (the hash by its version, the derived members). */
function checkEventContent(line) {
  const version = hashVersion(line.metadata);
  if (version === null) throw new Rejection('HASH_VERSION_UNKNOWN', 'unknown hash version', line.position);
  const stored = line.metadata.hash;
  if (typeof stored !== 'string' || !HEX64.test(stored) || (version === 2 && eventHash(line) !== stored)) {
    throw new Rejection('EVENT_HASH_MISMATCH', `the event at ${line.position} is not the event its hash was made of`,
      line.position);
  }
  return version;
}

function checkDerived(line) {
  if (line.hash !== line.metadata.hash) {
    throw new Rejection('HASH_FIELD_MISMATCH', 'the line\'s hash is not its metadata\'s', line.position);
  }
  if (has(line, 'businessDate') && line.businessDate !== businessDate(line.payload)) {
    throw new Rejection('BUSINESS_DATE_MISMATCH', 'businessDate is not the payload\'s date', line.position);
  }
}

// ---- an export (section 10) ----

function verifyExport(texts, keys, anchor = null) {
  const state = {
    line: 0,
    lastEvent: null,
    lastSeal: null,
    aggregates: new Map(),
    chain: '',
    n: 0,
    tree: new Frontier(),
    signedSeen: false,
    trusted: null,
    afterTrusted: 0,
    unsignedSeals: 0,
    versionOne: 0,
    events: 0,
    seals: 0,
    anchorReached: false,
    endStated: false,
  };
  try {
    if (anchor !== null) {
      anchor = checkSeal(anchor);
      const code = distrust(anchor, keys);
      if (code) throw new Rejection(code, `the anchor seal at ${anchor.position} is not trusted`, anchor.position);
    }
    texts.forEach((text, fileIndex) => {
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      const file = { events: 0, lastPosition: null, lastSeal: null, ended: null };
      for (const raw of lines) {
        state.line++;
        const textLine = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (textLine.trim() === '') continue;
        if (file.ended) throw new Rejection('LINE_AFTER_END', 'a line after the end of the stream');
        let line;
        try {
          line = parseJson(textLine);
        } catch (e) {
          malformed('not JSON: ' + e.message);
        }
        if (!isObject(line)) malformed('not a JSON object');
        for (const kind of ['seal', 'incomplete', 'end']) {
          if (has(line, kind) && Object.keys(line).length !== 1) malformed(`a ${kind} line holds other members`);
        }
        if (has(line, 'seal')) {
          seal(state, checkSeal(line.seal), keys);
          file.lastSeal = line.seal;
        } else if (has(line, 'incomplete')) {
          const incomplete = line.incomplete;
          if (!isObject(incomplete)) malformed('incomplete is not an object');
          if (incomplete.resumeAfterPosition != null && !isWhole(incomplete.resumeAfterPosition, 0)) {
            malformed('resumeAfterPosition is not a whole number');
          }
          file.ended = line;
        } else if (has(line, 'end')) {
          end(line.end, file);
          file.ended = line;
        } else {
          event(state, checkEvent(line), anchor);
          file.events++;
          file.lastPosition = line.position;
        }
      }
      state.endStated = file.ended !== null && has(file.ended, 'end');
      if (file.ended && has(file.ended, 'incomplete') && fileIndex === texts.length - 1) {
        throw new Rejection('EXPORT_INCOMPLETE', 'the export stops at its time bound: export the rest with afterPosition');
      }
    });
    state.line = null;
    if (anchor !== null && !state.anchorReached) {
      throw new Rejection('ANCHOR_NOT_REACHED', `the export ends before the anchor seal at ${anchor.position}`,
        anchor.position);
    }
    if (state.trusted === null) {
      throw new Rejection('NO_TRUSTED_SEAL', 'no seal is signed with a pinned key: nothing ties these events to the ledger');
    }
    return report(state, null, anchor);
  } catch (e) {
    if (!(e instanceof Rejection)) throw e;
    return report(state, e, anchor);
  }
}

function report(state, rejection, anchor) {
  return {
    valid: rejection === null,
    rejection: rejection === null ? null : {
      code: rejection.code,
      line: state.line,
      position: rejection.position,
      message: rejection.message,
    },
    eventsChecked: state.events,
    sealsChecked: state.seals,
    lastTrustedSeal: state.trusted === null ? null : { position: state.trusted.position, keyId: state.trusted.keyId },
    eventsUnsealed: state.trusted === null ? state.events : state.afterTrusted,
    unsignedSeals: state.unsignedSeals,
    eventsHashVersion1: state.versionOne,
    endStated: state.endStated,
    anchorPosition: anchor === null ? null : anchor.position,
  };
}

function event(state, line, anchor) {
  if (state.lastEvent !== null && line.position <= state.lastEvent) {
    throw new Rejection('POSITION_NOT_INCREASING', `position ${line.position} after ${state.lastEvent}`, line.position);
  }
  const version = checkEventContent(line);
  const previous = state.aggregates.get(line.aggregateId);
  const expected = previous === undefined ? 0 : previous.sequence + 1;
  if (line.sequenceNumber > expected) {
    throw new Rejection('SEQUENCE_GAP', `event missing before sequence ${line.sequenceNumber}`, line.position);
  }
  if (line.sequenceNumber < expected) {
    throw new Rejection('SEQUENCE_REPEATED', `sequence ${line.sequenceNumber} repeated or out of order`, line.position);
  }
  if (line.metadata.previoushash !== (previous === undefined ? '' : previous.hash)) {
    throw new Rejection('PREVIOUS_HASH_MISMATCH', 'previous-hash link broken', line.position);
  }
  checkDerived(line);
  const hash = line.metadata.hash;
  state.aggregates.set(line.aggregateId, { sequence: line.sequenceNumber, hash });
  state.chain = chainStep(state.chain, line.position, hash);
  state.n++;
  state.tree.append(leafHash(leafInput(line.position, hash)));
  if (anchor !== null && !state.anchorReached && line.position >= anchor.position) {
    state.anchorReached = true;
    const same = line.position === anchor.position && state.n === anchor.eventsSealed
      && state.chain === anchor.chainHash
      && (anchor.merkleRoot == null || state.tree.root().toString('hex') === anchor.merkleRoot);
    if (!same) {
      throw new Rejection('ANCHOR_MISMATCH', `the history up to ${anchor.position} is not the anchor's`, line.position);
    }
  }
  if (version === 1) state.versionOne++;
  state.lastEvent = line.position;
  state.events++;
  state.afterTrusted++;
}

function seal(state, s, keys) {
  if (state.lastSeal !== null && s.position <= state.lastSeal) {
    throw new Rejection('SEAL_OUT_OF_PLACE', `seal at ${s.position} after the seal at ${state.lastSeal}`, s.position);
  }
  state.lastSeal = s.position;
  state.seals++;
  if (s.position !== state.lastEvent || s.eventsSealed !== state.n || s.chainHash !== state.chain) {
    throw new Rejection('SEAL_CHAIN_MISMATCH', `seal at ${s.position}: not the chain over the events before it`,
      s.position);
  }
  if (s.merkleRoot != null && s.merkleRoot !== state.tree.root().toString('hex')) {
    throw new Rejection('SEAL_MERKLE_ROOT_MISMATCH', `seal at ${s.position}: not the Merkle root`, s.position);
  }
  if (s.signature === null) {
    if (state.signedSeen) throw new Rejection('SEAL_UNSIGNED', `seal at ${s.position} unsigned after signed seals`, s.position);
    state.unsignedSeals++;
    return;
  }
  state.signedSeen = true;
  const code = distrust(s, keys);
  if (code) throw new Rejection(code, `seal at ${s.position} signed with key ${s.keyId}: ${code}`, s.position);
  state.trusted = s;
  state.afterTrusted = 0;
}

function end(e, file) {
  if (!isObject(e) || !isWhole(e.eventCount, 0) || !has(e, 'lastPosition') || !has(e, 'lastSeal')) {
    malformed('the end line needs eventCount, lastPosition and lastSeal');
  }
  if (e.lastPosition !== null && !isWhole(e.lastPosition, 0)) malformed('lastPosition is not a whole number');
  if (e.lastSeal !== null && (!isObject(e.lastSeal) || !isWhole(e.lastSeal.position, 0)
    || typeof e.lastSeal.chainHash !== 'string')) {
    malformed('lastSeal is not {position, chainHash}');
  }
  const stated = e.lastSeal === null ? null : `${e.lastSeal.position}/${e.lastSeal.chainHash}`;
  const held = file.lastSeal === null ? null : `${file.lastSeal.position}/${file.lastSeal.chainHash}`;
  if (e.eventCount !== file.events || e.lastPosition !== file.lastPosition || stated !== held) {
    throw new Rejection('END_MISMATCH', 'the end line does not state what the file holds');
  }
}

// ---- proofs (section 9) ----

function checkPath(proof) {
  if (!Array.isArray(proof.path) || !proof.path.every((h) => typeof h === 'string' && HEX64.test(h))) {
    malformed('the proof\'s path is not a list of 64 hex digits');
  }
  return proof.path.map((h) => Buffer.from(h, 'hex'));
}

function verifyInclusionProof(proof, keys) {
  try {
    if (!isObject(proof) || proof.proof !== 'border-ledger/inclusion/v1') malformed('not an inclusion proof');
    if (!isWhole(proof.leafIndex, 0) || !isWhole(proof.treeSize, 1)) malformed('no leafIndex or treeSize');
    const line = checkEvent(proof.event);
    const path = checkPath(proof);
    const s = checkSeal(proof.seal);
    const code = distrust(s, keys);
    if (code) throw new Rejection(code, `the seal at ${s.position} is not trusted`, s.position);
    if (s.merkleRoot == null) throw new Rejection('SEAL_WITHOUT_MERKLE_ROOT', 'the seal carries no Merkle root');
    checkEventContent(line);
    checkDerived(line);
    const leaf = leafHash(leafInput(line.position, line.metadata.hash));
    if (proof.treeSize !== s.eventsSealed || line.position > s.position
      || !verifyInclusion(proof.leafIndex, proof.treeSize, leaf, path, Buffer.from(s.merkleRoot, 'hex'))) {
      throw new Rejection('INCLUSION_PROOF_INVALID', 'the path does not lead from the event to the seal\'s root');
    }
    return { valid: true, proves: `the event at ${line.position} is leaf ${proof.leafIndex} of the ${proof.treeSize}`
      + ` events sealed at ${s.position} by key ${s.keyId}` };
  } catch (e) {
    if (!(e instanceof Rejection)) throw e;
    return { valid: false, rejection: { code: e.code, message: e.message } };
  }
}

function verifyConsistencyProof(proof, keys) {
  try {
    if (!isObject(proof) || proof.proof !== 'border-ledger/consistency/v1') malformed('not a consistency proof');
    const first = checkSeal(proof.first);
    const second = checkSeal(proof.second);
    const path = checkPath(proof);
    for (const s of [first, second]) {
      const code = distrust(s, keys);
      if (code) throw new Rejection(code, `the seal at ${s.position} is not trusted`, s.position);
    }
    for (const s of [first, second]) {
      if (s.merkleRoot == null) throw new Rejection('SEAL_WITHOUT_MERKLE_ROOT', `the seal at ${s.position} has no root`);
    }
    if (first.eventsSealed > second.eventsSealed || first.position > second.position
      || !verifyConsistency(first.eventsSealed, second.eventsSealed, Buffer.from(first.merkleRoot, 'hex'),
        Buffer.from(second.merkleRoot, 'hex'), path)) {
      throw new Rejection('CONSISTENCY_PROOF_INVALID', 'the second seal\'s tree does not extend the first\'s');
    }
    return { valid: true, proves: `the ${second.eventsSealed} events sealed at ${second.position} extend the`
      + ` ${first.eventsSealed} events sealed at ${first.position}` };
  } catch (e) {
    if (!(e instanceof Rejection)) throw e;
    return { valid: false, rejection: { code: e.code, message: e.message } };
  }
}

/** A proof file: its JSON, or a LINE_MALFORMED verdict when it is none. */
function proveFile(kind, text, keys) {
  let proof;
  try {
    proof = parseJson(text);
  } catch (e) {
    return { valid: false, rejection: { code: 'LINE_MALFORMED', message: 'the proof is not JSON: ' + e.message } };
  }
  return kind === 'inclusion' ? verifyInclusionProof(proof, keys) : verifyConsistencyProof(proof, keys);
}

// ---- the command line ----

const USAGE = 'usage: node verify.js --pinned-keys PINNED.json [--anchor SEAL.json] EXPORT.ndjson [MORE.ndjson ...]\n'
  + '       node verify.js prove inclusion|consistency --pinned-keys PINNED.json PROOF.json';

function main(args, out = process.stdout, err = process.stderr) {
  const prove = args[0] === 'prove';
  const kind = prove ? args[1] : null;
  let pinned = null;
  let anchor = null;
  const files = [];
  for (let i = prove ? 2 : 0; i < args.length; i++) {
    if (args[i] === '--pinned-keys' && i + 1 < args.length && pinned === null) pinned = args[++i];
    else if (args[i] === '--anchor' && i + 1 < args.length && anchor === null && !prove) anchor = args[++i];
    else if (args[i].startsWith('-')) pinned = undefined;
    else files.push(args[i]);
  }
  if (!pinned || files.length === 0 || (prove && (files.length !== 1 || !['inclusion', 'consistency'].includes(kind)))) {
    err.write(USAGE + '\n');
    return 2;
  }
  let result;
  try {
    const keys = readPinnedKeys(fs.readFileSync(pinned, 'utf8'));
    if (prove) {
      result = proveFile(kind, fs.readFileSync(files[0], 'utf8'), keys);
    } else {
      let anchorSeal = null;
      if (anchor !== null) {
        try {
          anchorSeal = parseJson(fs.readFileSync(anchor, 'utf8'));
        } catch (e) {
          throw new Unusable(`${anchor} is not JSON: ${e.message}`);
        }
      }
      result = verifyExport(files.map((f) => fs.readFileSync(f, 'utf8')), keys, anchorSeal);
    }
  } catch (e) {
    if (e instanceof Unusable || e.code === 'ENOENT') {
      err.write('cannot check: ' + e.message + '\n');
      return 2;
    }
    throw e;
  }
  out.write(JSON.stringify(result, null, 2) + '\n');
  if (result.valid) {
    err.write(prove ? `proved: ${result.proves}\n` : `intact: ${result.eventsChecked} events, the last trusted seal at`
      + ` ${result.lastTrustedSeal.position}; ${result.eventsUnsealed} events after it are unsealed (never verified)\n`);
    return 0;
  }
  err.write(`REJECTED [${result.rejection.code}]: ${result.rejection.message}\n`);
  return 1;
}

module.exports = {
  parseJson, jcs, lp, eventCanonical, eventHash, businessDate, chainInput, chainStep, leafInput, leafHash, mth,
  verifyInclusion, verifyConsistency, sealStatement, keyIdOf, pemDer, readPinnedKeys, verifyExport,
  verifyInclusionProof, verifyConsistencyProof, proveFile, main,
};

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
