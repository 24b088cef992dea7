export { DEFAULT_WEB_ROOT, type RunningServer, type ServerOptions, startServer } from "./server.ts";
export { SqliteStorage, type SqliteStorageOptions } from "./storage/sqlite.ts";
export { type DraftRecord, DraftExistsError, type Storage, type StoredText } from "./storage/storage.ts";
export { loadYDoc, replayText } from "./storage/replay.ts";
