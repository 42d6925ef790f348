/** What the client measures drive on each side: a put and a get of one inventory configuration, a list page. */
import type { InventoryConfig } from "../../provider/model/inventoryConfig";

export interface InventoryContender {
  /** e.g. "ours", "ali-oss 6.23.0". */
  name: string;
  put(config: InventoryConfig): Promise<void>;
  get(id: string): Promise<void>;
  /** The first page of the source bucket's configurations (up to 100). */
  list(): Promise<void>;
  close(): Promise<void>;
}
