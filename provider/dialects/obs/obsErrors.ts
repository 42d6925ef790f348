import { ConflictError, LimitExceededError, NotFoundError, type ServiceError } from "../../errors";
import type { HttpResponse } from "../../http/httpTypes";
import type { OperationName } from "../dialect";
import { serviceErrorFrom, type ErrorTable } from "../serviceErrorFrom";

export const OBS_REQUEST_ID_HEADER = "x-obs-request-id";

/**
 * OBS codes beyond the shared ones (seed 002; OBS API reference error codes). A prefix that overlaps another
 * rule's is a conflict with what is already on the bucket, not a malformed argument.
 */
export const OBS_ERROR_TABLE: ErrorTable = {
  NoSuchInventoryConfiguration: NotFoundError,
  InventoryCountOverLimit: LimitExceededError,
  PrefixExistInclusionRelationship: ConflictError,
};

export function deserializeObsError(response: HttpResponse, operation: OperationName): ServiceError {
  return serviceErrorFrom(response, operation, { label: "OBS", table: OBS_ERROR_TABLE, requestIdHeader: OBS_REQUEST_ID_HEADER });
}
