import { ConflictError, InvalidArgumentError, LimitExceededError, NotFoundError, type ServiceError } from "../../errors";
import type { HttpResponse } from "../../http/httpTypes";
import type { OperationName } from "../dialect";
import { serviceErrorFrom, type ErrorTable } from "../serviceErrorFrom";

export const OSS_REQUEST_ID_HEADER = "x-oss-request-id";

/**
 * OSS codes beyond the shared ones (seed 004, PutBucketInventory; VENDORS.md §4). `InventoryConfigurationAlreadyExists`
 * is terraform-provider-alicloud's spelling of the duplicate-id error, kept in case a region answers with it.
 */
export const OSS_ERROR_TABLE: ErrorTable = {
  NoSuchInventory: NotFoundError,
  InventoryAlreadyExist: ConflictError,
  InventoryConfigurationAlreadyExists: ConflictError,
  InventoryExceedLimit: LimitExceededError,
  MissingArgument: InvalidArgumentError,
};

export function deserializeOssError(response: HttpResponse, operation: OperationName): ServiceError {
  return serviceErrorFrom(response, operation, {
    label: "OSS",
    table: OSS_ERROR_TABLE,
    requestIdHeader: OSS_REQUEST_ID_HEADER,
    ecHeader: "x-oss-ec",
  });
}
