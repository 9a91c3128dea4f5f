// The build's shard plan, from the environment (build side only; the browser reads the plan the search
// page embeds). One module so the search page and the indexer can never plan differently.
import { shardEntries, shardsOfEntries, type PlannedShard } from './shards.ts';

export function searchShards(entries: Iterable<{ id: string; data: { field: string; status: string } }>, env: NodeJS.ProcessEnv = process.env): PlannedShard[] {
  return shardsOfEntries(entries, shardEntries(env.HOIDAP_SEARCH_SHARD_ENTRIES));
}
