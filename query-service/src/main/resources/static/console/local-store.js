// The console's store on the device (IndexedDB): the outbox of writes not yet answered and the last answer of each
// read. It outlives the tab, a reload and a restart of the browser; the console asks the browser to keep it
// (navigator.storage.persist()) so that it is not evicted when the device runs short of space.

const NAME = 'ledger-console';
const VERSION = 1;
export const OUTBOX = 'outbox';
export const READS = 'reads';

let opened = null;

function database() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: 'seq', autoIncrement: true });
        if (!db.objectStoreNames.contains(READS)) db.createObjectStore(READS, { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opened;
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(name, mode) {
  return (await database()).transaction(name, mode).objectStore(name);
}

/** Stores a value; answers its key (the outbox's sequence number for a new write). */
export async function put(name, value) {
  const objects = await store(name, 'readwrite');
  const committed = new Promise((resolve, reject) => {
    objects.transaction.oncomplete = resolve;
    objects.transaction.onerror = () => reject(objects.transaction.error);
    objects.transaction.onabort = () => reject(objects.transaction.error);
  });
  const key = await done(objects.put(value));
  await committed;
  return key;
}

export async function get(name, key) {
  return done((await store(name, 'readonly')).get(key));
}

/** Every value, in key order (the outbox: in the order the writes were recorded). */
export async function all(name) {
  return done((await store(name, 'readonly')).getAll());
}

export async function remove(name, key) {
  const objects = await store(name, 'readwrite');
  await done(objects.delete(key));
}

/** Asks the browser to keep the console's store under storage pressure; answers whether it will. */
export async function persist() {
  try {
    if (!navigator.storage?.persist) return false;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
