/** The grpc-gateway error body (inferred): google.rpc.Status JSON with the gRPC code of the HTTP status. */

/** google.rpc.Status as grpc-gateway writes it. */
export interface Status {
  code: number;
  message: string;
  details: never[];
}

// The inverse of grpc-gateway's HTTPStatusFromCode; 405 is its routing error (Unimplemented).
const GRPC_CODES: Readonly<Record<number, number>> = {
  400: 3, // INVALID_ARGUMENT
  401: 16, // UNAUTHENTICATED
  403: 7, // PERMISSION_DENIED
  404: 5, // NOT_FOUND
  405: 12, // UNIMPLEMENTED
  409: 10, // ABORTED
  408: 1, // CANCELLED (grpc-gateway v1 answers CANCELLED with 408)
  413: 8, // RESOURCE_EXHAUSTED
  429: 8, // RESOURCE_EXHAUSTED
  499: 1, // CANCELLED
  500: 13, // INTERNAL
  501: 12, // UNIMPLEMENTED
  503: 14, // UNAVAILABLE
  504: 4, // DEADLINE_EXCEEDED
};

/** The gRPC code for an HTTP status: the mapped one, else INVALID_ARGUMENT for 4xx and UNKNOWN for 5xx. */
export function grpcCode(httpStatus: number): number {
  return GRPC_CODES[httpStatus] ?? (httpStatus < 500 ? 3 : 2);
}

/** The error body for a status and message. */
export function statusBody(httpStatus: number, message: string): Status {
  return { code: grpcCode(httpStatus), message, details: [] };
}
