import type { HttpResponse } from "../http/httpTypes";
import type { ResponseMeta } from "./dialect";

/** Status and request id of a response, for deserializers' messages. */
export function responseMeta(response: HttpResponse, requestIdHeader: string): ResponseMeta {
  return { status: response.status, requestId: response.headers[requestIdHeader] };
}
