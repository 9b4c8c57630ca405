import type { ApiError } from '../../app/errors';
import { freshToken } from '../auth/session-renewal';

/** A failed export, with the API's error code (`{ code, message }` bodies) so the UI can say why in the user's language. */
export class ExportError extends Error implements ApiError {
  constructor(
    readonly code: ApiError['code'],
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/** When a body is not `{ code, message }`, the HTTP status says what went wrong. */
const CODE_BY_STATUS: Record<number, ApiError['code']> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

async function failure(response: Response): Promise<ExportError> {
  const fallback = CODE_BY_STATUS[response.status] ?? 'UNKNOWN';
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown };
    if (body && typeof body.code === 'string') {
      return new ExportError(body.code as ApiError['code'], typeof body.message === 'string' ? body.message : `HTTP ${response.status}`, response.status);
    }
  } catch {
    // not JSON: fall back on the status
  }
  return new ExportError(fallback, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, response.status);
}

/**
 * The file name the server gives in Content-Disposition: `filename*=UTF-8''…` (RFC 5987, how
 * Chinese names travel) wins over a plain `filename="…"`; null when there is neither.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(header);
  if (extended) {
    const value = extended[1].trim().replace(/^"(.*)"$/, '$1');
    const encoded = value.replace(/^[\w-]*'[^']*'/, ''); // charset'language'
    try {
      const name = decodeURIComponent(encoded);
      if (name) return name;
    } catch {
      // malformed: try the plain form
    }
  }
  const plain = /filename\s*=\s*("((?:\\.|[^"\\])*)"|[^;]+)/i.exec(header);
  if (plain) {
    const name = (plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1]).trim();
    if (name) return name;
  }
  return null;
}

/** Saves a blob under a name, the way a download link would. */
export function saveBlob(blob: Blob, fileName: string): void {
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}

/**
 * GETs an export (e.g. `/export/ledger.xlsx?plan=…`) with the bearer token — a plain link could
 * not send it — and saves it under the server's file name, else `fallbackName`. Rejects with an
 * ExportError: the server's `{ code, message }`, the HTTP status, or NETWORK.
 */
export async function downloadExport(path: string, fallbackName: string): Promise<void> {
  const token = await freshToken();
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (error) {
    throw new ExportError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  saveBlob(blob, filenameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName);
}
