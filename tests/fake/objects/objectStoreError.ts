/**
 * A request the object store cannot carry out. `code` is the S3-family code the dialects can answer with
 * (InvalidArgument, IllegalVersioningConfigurationException); the message names the field, the value and the rule.
 */
export class ObjectStoreError extends Error {
  constructor(
    readonly code: "InvalidArgument" | "IllegalVersioningConfigurationException" | "InvalidStoreData",
    message: string,
  ) {
    super(message);
    this.name = "ObjectStoreError";
  }
}
