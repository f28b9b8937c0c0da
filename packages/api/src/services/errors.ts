import type { IssueReason } from '../issues.ts';

/**
 * What a business rule can refuse. The kinds match tRPC's error codes so the presentation layer
 * maps them one to one, but nothing here knows about tRPC or HTTP.
 */
export type ServiceErrorKind =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNPROCESSABLE_CONTENT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

export interface ServiceErrorDetail {
  /** The input field the refusal is about (a taken handle: `username`), for clients to show beside it. */
  field?: string;
  /** A stable identifier of the refusal, for clients to word in their language (`issues.ts`). */
  reason?: IssueReason;
  /** What a client needs to word it (`{ max }`, `{ seconds }`). */
  params?: Record<string, string | number>;
}

export class ServiceError extends Error {
  readonly kind: ServiceErrorKind;
  readonly field: string | undefined;
  readonly reason: IssueReason | undefined;
  readonly params: Record<string, string | number>;

  constructor(kind: ServiceErrorKind, message: string, detail: ServiceErrorDetail = {}) {
    super(message);
    this.name = 'ServiceError';
    this.kind = kind;
    this.field = detail.field;
    this.reason = detail.reason;
    this.params = detail.params ?? {};
  }
}
