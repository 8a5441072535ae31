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

/** A documented error as a vendor's table states it: the message, and the code where its shape has one. */
export interface DocumentedText {
  message: string;
  code?: string;
}

/**
 * An API's `documentedError` from the vendor's table of documented errors by status (used by
 * `Prefer: code=` and scenarios' `status:`). A status the table lacks gets `fallback(status)`,
 * by default the message `HTTP <status>`.
 */
export function documentedErrors(
  table: Readonly<Record<number, string | DocumentedText>>,
  fallback: (status: number) => string | DocumentedText = (status) => `HTTP ${status}`,
): (status: number) => MockError {
  return (status) => {
    const entry = table[status] ?? fallback(status);
    const { message, code } = typeof entry === 'string' ? { message: entry, code: undefined } : entry;
    return new MockError(status, message, { code });
  };
}
