import { MongoClient } from "mongodb";
import Redis from "ioredis";

const MONGO_URI =
  process.env.MONGO_URI ??
  "mongodb+srv://geoportal:⟦urls:8DPielC.n⁞bksxEYXSzX⟧@cluster0.rutis.mongodb.net/geoportal?retryWrites=true&w=majority";

export const mongo = new MongoClient(MONGO_URI, { maxPoolSize: 10 });

export const redis = new Redis(
  process.env.REDIS_URL ?? "rediss://default:⟦urls:EW6E8iu6tPT⁞Pf65mF~Lx9L⟧@eu2-driven-koala-95041.upstash.io:6379",
  { maxRetriesPerRequest: 2 },
);

export async function cached<T>(key: string, ttl: number, fn: () => Promise<T>): Promise<T> {
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit) as T;
  const val = await fn();
  await redis.set(key, JSON.stringify(val), "EX", ttl);
  return val;
}
