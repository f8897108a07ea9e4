// Consumes ledger.events and validates every record against the contract; an invalid record is reported, not fatal.
// Usage: KAFKA_BROKERS=127.0.0.1:9092 node consume.js   (LEDGER_KAFKA_TOPIC, KAFKA_GROUP_ID optional;
// with LEDGER_RECORD_KEYS, the ledger's id=base64secret record keys, every record's ce_mac is checked too)
import { Kafka, logLevel } from 'kafkajs';
import { loadSchemas, macProblem, parseRecordKeys, problemsOf, textHeaders } from './ledger-records.js';

const validators = loadSchemas();
const recordKeys = parseRecordKeys(process.env.LEDGER_RECORD_KEYS);
const kafka = new Kafka({
  clientId: 'ledger-node-consumer',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: logLevel.WARN,
});
const consumer = kafka.consumer({ groupId: process.env.KAFKA_GROUP_ID ?? 'ledger-node-consumer' });
await consumer.connect();
await consumer.subscribe({ topic: process.env.LEDGER_KAFKA_TOPIC ?? 'ledger.events', fromBeginning: true });
await consumer.run({
  eachMessage: async ({ partition, message }) => {
    const headers = textHeaders(message.headers);
    const record = { key: message.key?.toString('utf8'), headers, value: message.value };
    const problems = problemsOf(record, validators);
    const forged = recordKeys.size ? macProblem(record, recordKeys) : null;
    if (forged) problems.unshift(forged);
    const where = `partition ${partition} offset ${message.offset}`;
    if (problems.length) {
      console.error(`${where} INVALID ${headers.ce_type}: ${problems.join('; ')}`);
    } else {
      console.log(`${where} ${headers.ce_type} ${headers.ce_subject}#${headers.ce_aggregatesequence}`);
    }
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => consumer.disconnect().finally(() => process.exit(0)));
}
