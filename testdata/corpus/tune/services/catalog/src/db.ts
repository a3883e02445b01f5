import { MongoClient } from "mongodb";

const uri =
  process.env.MONGODB_URI ??
  "mongodb+srv://catalog_rw:⟦urls:iHQ⁞KstjgIdpE8hVwjBrMBBAF⟧@catalog.tluuw.mongodb.net/catalog?retryWrites=true&w=majority";

let client: MongoClient | undefined;

export async function db() {
  if (!client) {
    client = new MongoClient(uri, { maxPoolSize: 20 });
    await client.connect();
  }
  return client.db("catalog");
}
