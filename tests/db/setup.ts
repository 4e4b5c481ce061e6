// Gives Node tests an IndexedDB (fake-indexeddb) before Dexie is imported anywhere.
import 'fake-indexeddb/auto'
