/** The one error class: every error a client can cause is a MockError, rendered in its vendor's shape. */

/** Extra facts a vendor's error shape may carry. */
export interface MockErrorOptions {
  /** A vendor error code such as `missing_token` or a gRPC code name. */
  code?: string;
  /** Response headers to send with the error (e.g. `WWW-Authenticate`). */
  headers?: Record<string, string>;
  /** The underlying cause, for logs only: never sent to the client. */
  cause?: unknown;
}

/** An error with an HTTP status and a message meant for the client. */
export class MockError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, options: MockErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'MockError';
    this.status = status;
    this.code = options.code;
    this.headers = options.headers ?? {};
  }
}
