import { MongoMemoryServer } from "mongodb-memory-server";
import { afterAll, beforeAll, expect, test } from "vitest";

let mongo: MongoMemoryServer;

beforeAll(async () => {
  mongo = await MongoMemoryServer.create({ auth: { customRootName: "test", customRootPwd: "test" } });
  process.env.MONGODB_URI = mongo.getUri();
});

afterAll(async () => {
  await mongo.stop();
});

test("connects and lists collections", async () => {
  const { db } = await import("../src/db");
  const d = await db();
  const cols = await d.listCollections().toArray();
  expect(Array.isArray(cols)).toBe(true);
});

test("rejects a bad uri", async () => {
  process.env.MONGODB_URI = "mongodb://user:password@localhost:1/none";
  await expect(import("../src/db").then((m) => m.db())).rejects.toBeDefined();
});
