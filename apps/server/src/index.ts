export { DEFAULT_WEB_ROOT, type RunningServer, type ServerOptions, startServer } from "./server.ts";
export { loadYDoc, replayText } from "./storage/replay.ts";
export { SqliteStorage, type SqliteStorageOptions } from "./storage/sqlite.ts";
export { DraftExistsError, type DraftRecord, type Storage, type StoredText } from "./storage/storage.ts";
