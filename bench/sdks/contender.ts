/** What the throughput measure drives on each side: a put and a get of one inventory configuration. */
import type { InventoryConfig } from "../../provider/model/inventoryConfig";

export interface InventoryContender {
  /** e.g. "ours", "ali-oss 6.23.0". */
  name: string;
  put(config: InventoryConfig): Promise<void>;
  get(id: string): Promise<void>;
  close(): Promise<void>;
}
