/** The API's error bodies: `{"error": {"code", "message"}}`, never a stack trace. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorCode } from './schemas.ts';

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

export function apiErrorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}

export function apiError(c: Context, status: ContentfulStatusCode, code: ApiErrorCode, message: string): Response {
  return c.json(apiErrorBody(code, message), status);
}

/** One line naming every failed field, e.g. `limit: Too big: expected number to be <=200`. */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}

/** True for paths served by the JSON API, whose errors are JSON rather than HTML pages. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
