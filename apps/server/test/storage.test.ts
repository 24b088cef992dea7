import { doc, jsonToYDoc, op, pp, withId, yDocToJSON } from "@plenary/schema";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DraftExistsError, loadYDoc, SqliteStorage } from "../src/index.ts";
import { appendText, tempDataDir } from "./harness.ts";

const sample = () => doc(withId(pp("Recalling its resolutions,"), "pp1"), withId(op("Decides to act;"), "op1"));

describe("SqliteStorage", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let storage: SqliteStorage;
  const path = () => `${data.dir}/plenary.sqlite`;
  let clock = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1) + clock++ * 1000);

  beforeEach(async () => {
    data = await tempDataDir();
    storage = new SqliteStorage({ path: path(), now });
  });
  afterEach(async () => {
    storage.close();
    await data.remove();
  });

  function createSample(id = "d1") {
    return storage.createDraft({
      id,
      processId: "p1",
      title: "Sample",
      state: Y.encodeStateAsUpdate(jsonToYDoc(sample())),
    });
  }

  it("lists and finds a created draft", () => {
    createSample();
    expect(storage.listDrafts().map((d) => d.id)).toEqual(["d1"]);
    expect(storage.getDraft("d1")?.title).toBe("Sample");
    expect(storage.getDraft("nope")).toBeUndefined();
  });

  it("refuses a second draft with the same id and keeps the first", () => {
    createSample();
    expect(() => storage.createDraft({ id: "d1", processId: "p1", title: "Other", state: new Uint8Array() })).toThrow(
      DraftExistsError,
    );
    expect(storage.getDraft("d1")?.title).toBe("Sample");
  });

  it("rebuilds the text from the snapshot and the logged updates", () => {
    createSample();
    const live = loadYDoc(storage, "d1")!;
    live.on("update", (update: Uint8Array) => storage.appendUpdate("d1", update));
    appendText(live, "op1", " now");
    expect(storage.pendingUpdates("d1")).toBe(1);
    expect(yDocToJSON(loadYDoc(storage, "d1")!)).toEqual(yDocToJSON(live));
  });

  it("keeps the text through compaction and empties the log", () => {
    createSample();
    const live = loadYDoc(storage, "d1")!;
    let seq = 0;
    live.on("update", (update: Uint8Array) => {
      seq = storage.appendUpdate("d1", update);
    });
    appendText(live, "op1", " now");
    appendText(live, "pp1", " again");
    storage.compact("d1", Y.encodeStateAsUpdate(live), seq);
    expect(storage.pendingUpdates("d1")).toBe(0);
    expect(yDocToJSON(loadYDoc(storage, "d1")!)).toEqual(yDocToJSON(live));
  });

  it("keeps what was written after the store is reopened", () => {
    createSample();
    const live = loadYDoc(storage, "d1")!;
    live.on("update", (update: Uint8Array) => storage.appendUpdate("d1", update));
    appendText(live, "op1", " durably");
    storage.close();
    storage = new SqliteStorage({ path: path(), now });
    expect(yDocToJSON(loadYDoc(storage, "d1")!).content[1]?.content?.[0]?.text).toBe("Decides to act; durably");
  });

  it("records the time of the last change", () => {
    const created = createSample();
    storage.appendUpdate("d1", Y.encodeStateAsUpdate(new Y.Doc()));
    expect(storage.getDraft("d1")!.updatedAt > created.updatedAt).toBe(true);
  });
});
