import type { ApiError } from '../../../app/errors';
import { freshToken } from '../../auth/session-renewal';

/** What the server stores: photos, scans and office documents, up to 10 MB (checked here first so the user hears why in their language). */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';
const EVIDENCE_NAME = /\.(jpe?g|png|pdf|docx|xlsx)$/i;

export function evidenceProblem(file: { name: string; size: number }): 'type' | 'size' | null {
  if (!EVIDENCE_NAME.test(file.name)) return 'type';
  if (file.size > MAX_EVIDENCE_BYTES) return 'size';
  return null;
}

async function authHeader(): Promise<Record<string, string>> {
  const token = await freshToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** The file endpoints answer errors as `{ code, message }`; anything else becomes UNKNOWN with the HTTP status. */
async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ApiError>;
    if (typeof body.code === 'string') return { code: body.code as ApiError['code'], message: body.message ?? response.statusText };
  } catch {
    // not JSON: fall through
  }
  return { code: 'UNKNOWN', message: `HTTP ${response.status}` };
}

/** Uploads the file as the raw body (plain HTTP, not GraphQL); rejects with an ApiError. */
export function uploadEvidence(findingId: string, file: File): Promise<void> {
  return uploadTo(`/files/findings/${encodeURIComponent(findingId)}/evidence`, file);
}

/** A unit's report keeps its attachments (附件) in the same store, uploaded the same way. */
export function uploadReportAttachment(reportId: string, file: File): Promise<void> {
  return uploadTo(`/files/assignment-reports/${encodeURIComponent(reportId)}/attachments`, file);
}

async function uploadTo(path: string, file: File): Promise<void> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { ...(await authHeader()), 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) throw await failure(response);
}

/**
 * Downloads with the bearer token (a plain link could not send it) and saves the blob under its
 * own name through a temporary object URL.
 */
export async function downloadEvidence(file: { url: string; fileName: string }): Promise<void> {
  const response = await fetch(file.url, { headers: await authHeader() });
  if (!response.ok) throw await failure(response);
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}
