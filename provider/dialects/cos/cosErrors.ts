import { LimitExceededError, NotFoundError, type ServiceError } from "../../errors";
import type { HttpResponse } from "../../http/httpTypes";
import type { OperationName } from "../dialect";
import { serviceErrorFrom, type ErrorTable } from "../serviceErrorFrom";

export const COS_REQUEST_ID_HEADER = "x-cos-request-id";

/**
 * COS codes beyond the shared ones (seed 001; intl.cloud.tencent.com 436/7730). The not-found code for a missing
 * inventory id is not documented: the spellings COS's S3-style API family uses are listed (the fake answers
 * NoSuchInventoryConfiguration). Only these and NoSuchBucket mean "gone"; any other 404 is an error.
 */
export const COS_ERROR_TABLE: ErrorTable = {
  NoSuchInventory: NotFoundError,
  NoSuchInventoryConfiguration: NotFoundError,
  NoSuchConfiguration: NotFoundError,
  TooManyConfigurations: LimitExceededError,
};

export function deserializeCosError(response: HttpResponse, operation: OperationName): ServiceError {
  return serviceErrorFrom(response, operation, { label: "COS", table: COS_ERROR_TABLE, requestIdHeader: COS_REQUEST_ID_HEADER });
}
