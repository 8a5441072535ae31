/** Sends one request with a timeout and reads the answer as verify compares it. */
import type { ProbeAnswer } from '../core/probe.js';

/** A request, ready to send. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** A JSON value, or a form body as URLSearchParams. */
  body?: unknown;
}

/** An answer and the raw text of its body. */
export interface ReceivedAnswer extends ProbeAnswer {
  text: string;
}

/** Why a request got no answer: the target could not be reached, or did not answer in time. */
export class NoAnswerError extends Error {
  override name = 'NoAnswerError';
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'timeout',
  ) {
    super(message);
  }
}

/** The media type of a content-type header, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

function bodyInit(request: OutgoingRequest): { body?: string; type?: string } {
  if (request.body === undefined) return {};
  if (request.body instanceof URLSearchParams)
    return { body: request.body.toString(), type: 'application/x-www-form-urlencoded' };
  return { body: JSON.stringify(request.body), type: 'application/json' };
}

/** Sends the request; rejects with NoAnswerError when nothing (or not all of it) comes back in time. */
export async function send(request: OutgoingRequest, timeoutMs: number): Promise<ReceivedAnswer> {
  const { body, type } = bodyInit(request);
  const headers = { ...request.headers };
  if (type && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
    headers['Content-Type'] = type;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const received: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      received[name.toLowerCase()] = value;
    });
    let parsed: unknown = text;
    if (isJson(mediaTypeOf(received['content-type'])) && text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text; // not JSON after all: the spec check says so
      }
    }
    return { status: response.status, headers: received, body: parsed, text };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new NoAnswerError(`no answer within ${timeoutMs} ms`, 'timeout');
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new NoAnswerError(
      `could not reach ${new URL(request.url).origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      'unreachable',
    );
  }
}
