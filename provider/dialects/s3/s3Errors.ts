import { AccessDeniedError, InvalidArgumentError, LimitExceededError, NotFoundError, type ServiceError } from "../../errors";
import type { HttpResponse } from "../../http/httpTypes";
import type { OperationName } from "../dialect";
import { serviceErrorFrom, type ErrorTable } from "../serviceErrorFrom";

export const S3_REQUEST_ID_HEADER = "x-amz-request-id";

/** S3 codes beyond the shared ones (botocore; terraform-provider-aws; LocalStack's AWS-validated errors). */
export const S3_ERROR_TABLE: ErrorTable = {
  NoSuchConfiguration: NotFoundError,
  TooManyConfigurations: LimitExceededError,
  IdMismatch: InvalidArgumentError,
  InvalidS3DestinationBucket: InvalidArgumentError,
  ExpiredToken: AccessDeniedError,
  InvalidToken: AccessDeniedError,
};

/** HEAD has no body: say what a bare 403 can mean when an expected owner was asked for. */
function bodylessMessage(status: number, operation: OperationName): string | undefined {
  if (operation === "describeBucket" && status === 403) {
    return "access denied, or the bucket is not owned by the expected owner (S3 answers 403 to both)";
  }
  return undefined;
}

export function deserializeS3Error(response: HttpResponse, operation: OperationName): ServiceError {
  return serviceErrorFrom(response, operation, { label: "S3", table: S3_ERROR_TABLE, requestIdHeader: S3_REQUEST_ID_HEADER, bodylessMessage });
}
