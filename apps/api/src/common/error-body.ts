import { STATUS_CODES } from 'node:http';

/** The one error shape every answer of 400 and above has, whichever layer produced it. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  [extra: string]: unknown;
}

export function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: statusText(statusCode), message };
}

/** The reason phrase of a status (`Payload Too Large` for 413), as Node writes it. */
export function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
