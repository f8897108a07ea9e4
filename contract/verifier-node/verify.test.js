// Runs every vector of contract/vectors through this verifier: the valid cases pass, each invalid one is rejected
// with the code contract/vectors/cases.json names, and the one-of-each vectors (event bytes, chain step, seal
// statements, Merkle roots) are what this verifier computes. Run: node --test contract/verifier-node/
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const v = require('./verify.js');

const VECTORS = path.join(__dirname, '..', 'vectors');
const read = (file) => fs.readFileSync(path.join(VECTORS, file), 'utf8');
const readJson = (file) => v.parseJson(read(file));

const cases = readJson('cases.json').cases;

test('the vectors hold valid and invalid cases', () => {
  assert.ok(cases.some((c) => c.expect === 'valid'));
  assert.ok(cases.filter((c) => c.expect !== 'valid').length >= 20);
});

for (const c of cases) {
  test(`${c.name}: ${c.expect} (${c.description})`, () => {
    const keys = v.readPinnedKeys(read(c.pinnedKeys));
    let result;
    if (c.kind === 'export') {
      result = v.verifyExport(c.files.map(read), keys, c.anchor === null ? null : readJson(c.anchor));
    } else {
      result = v.proveFile(c.kind, read(c.files[0]), keys);
    }
    if (c.expect === 'valid') {
      assert.equal(result.valid, true, JSON.stringify(result.rejection));
    } else {
      assert.equal(result.valid, false);
      assert.equal(result.rejection.code, c.expect, result.rejection.message);
    }
  });
}

test('the whole export reports its unsealed event, its unsigned seal and its version 1 event', () => {
  const result = v.verifyExport([read('export.ndjson')], v.readPinnedKeys(read('pinned-keys.json')));
  assert.equal(result.valid, true);
  assert.equal(result.eventsChecked, 8);
  assert.equal(result.eventsUnsealed, 1);
  assert.equal(result.unsignedSeals, 1);
  assert.equal(result.eventsHashVersion1, 1);
  assert.equal(result.endStated, true);
  assert.equal(result.lastTrustedSeal.position, 8);
});

test('one event: its canonical bytes and its hash', () => {
  const vector = readJson('event.json');
  const canonical = v.eventCanonical(vector.line);
  assert.equal(canonical.toString('utf8'), vector.canonicalText);
  assert.equal(canonical.toString('hex'), vector.canonicalHex);
  assert.equal(v.eventHash(vector.line), vector.hash);
});

test('one chain step: its input bytes and its output', () => {
  const step = readJson('chain-step.json');
  assert.equal(v.chainInput(step.previousChain, step.position, step.eventHash).toString('hex'), step.inputHex);
  assert.equal(v.chainStep(step.previousChain, step.position, step.eventHash), step.output);
});

test('the seals: their signed bytes, key ids and signatures', () => {
  const crypto = require('node:crypto');
  const seals = readJson('seal.json');
  for (const which of ['withMerkleRoot', 'withoutMerkleRoot']) {
    const vector = seals[which];
    const statement = v.sealStatement(vector.seal);
    assert.equal(statement.toString('utf8'), vector.statementText);
    assert.equal(statement.toString('hex'), vector.statementHex);
    const der = v.pemDer(vector.publicKeyPem, 'PUBLIC KEY');
    assert.equal(der.toString('hex'), vector.publicKeyDerHex);
    assert.equal(v.keyIdOf(der), vector.keyId);
    const key = crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
    assert.ok(crypto.verify(null, statement, key, Buffer.from(vector.signature, 'base64')));
  }
});

test('the Merkle leaves and the root of every prefix', () => {
  const merkle = readJson('merkle.json');
  const leaves = merkle.leaves.map((leaf) => {
    const input = v.leafInput(leaf.position, leaf.eventHash);
    assert.equal(input.toString('hex'), leaf.leafInputHex);
    const hash = v.leafHash(input);
    assert.equal(hash.toString('hex'), leaf.leafHash);
    return hash;
  });
  for (const root of merkle.roots) {
    assert.equal(v.mth(leaves.slice(0, root.treeSize)).toString('hex'), root.root);
  }
});

test('a JSON text with a duplicate member is refused', () => {
  assert.throws(() => v.parseJson('{"a":1,"a":2}'), /duplicate member/);
});

test('canonical JSON as RFC 8785 prints it', () => {
  assert.equal(v.jcs({ b: [1e21, 1.5, -0, 0.000001], a: 'é\n\u0001"' }), '{"a":"é\\n\\u0001\\"","b":[1e+21,1.5,0,0.000001]}');
  assert.equal(v.jcs({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, 'ö': 4 }), '{"\\r":2,"ö":4,"€":1,"😀":3}');
});

test('the command line: exit 0 when intact, 1 with the code when rejected, 2 when it cannot check', () => {
  const sink = () => {
    const chunks = [];
    return { write: (s) => chunks.push(s), text: () => chunks.join('') };
  };
  const pinned = path.join(VECTORS, 'pinned-keys.json');
  let out = sink();
  let err = sink();
  assert.equal(v.main(['--pinned-keys', pinned, path.join(VECTORS, 'export.ndjson')], out, err), 0);
  assert.match(err.text(), /^intact: 8 events/);
  out = sink();
  err = sink();
  assert.equal(v.main(['--pinned-keys', pinned, path.join(VECTORS, 'invalid', 'changed-byte.ndjson')], out, err), 1);
  assert.match(err.text(), /EVENT_HASH_MISMATCH/);
  out = sink();
  err = sink();
  assert.equal(v.main(['prove', 'inclusion', '--pinned-keys', pinned, path.join(VECTORS, 'proofs', 'inclusion.json')],
    out, err), 0);
  assert.equal(v.main([path.join(VECTORS, 'export.ndjson')], sink(), sink()), 2);
  assert.equal(v.main(['--pinned-keys', path.join(VECTORS, 'export.ndjson'), path.join(VECTORS, 'export.ndjson')],
    sink(), sink()), 2);
});
