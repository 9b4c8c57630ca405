import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { httpError as fail } from '../common/http-error';
import { FILES_DIR } from './files-dir';

/**
 * The one file store: inspection evidence and the attachments of units' reports are received,
 * checked and kept the same way, as rows of evidence_file with the bytes on disk.
 */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Photos, scans and office documents: what inspectors carry back from a visit, and units attach to reports. */
const ALLOWED_TYPES: Record<string, RegExp> = {
  'image/jpeg': /\.jpe?g$/i,
  'image/png': /\.png$/i,
  'application/pdf': /\.pdf$/i,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': /\.docx$/i,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': /\.xlsx$/i,
};

/** Magic numbers, so a renamed script is not stored as a "photo". */
function sniff(bytes: Buffer): string | null {
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'zip';
  return null;
}

export interface ReceivedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** The uploaded file (the raw request body, its name in X-File-Name), refused unless its name, size and contents fit. */
export async function receiveFile(req: Request, rawName: string | undefined): Promise<ReceivedFile> {
  const fileName = decodeURIComponent(rawName ?? '').replace(/[\\/\u0000-\u001f]/g, '').slice(0, 200);
  if (!fileName) throw fail(400, 'BAD_USER_INPUT', 'X-File-Name header is required');
  const body = await readBody(req, MAX_EVIDENCE_BYTES);
  if (body === 'too-large') throw fail(413, 'BAD_USER_INPUT', `Files may be at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`);
  if (body.length === 0) throw fail(400, 'BAD_USER_INPUT', 'The file is empty');
  const declared = Object.entries(ALLOWED_TYPES).find(([, ext]) => ext.test(fileName))?.[0];
  const sniffed = sniff(body);
  const matches = declared && (sniffed === declared || (sniffed === 'zip' && declared.startsWith('application/vnd.openxmlformats')));
  if (!matches) throw fail(415, 'BAD_USER_INPUT', 'Only JPEG, PNG, PDF, DOCX or XLSX files whose contents match their name');
  return { fileName, contentType: declared, body };
}

/** Writes the bytes under a fresh generated name; the columns of its evidence_file row but the owner. */
export function keepFile(file: ReceivedFile, uploadedBy: string) {
  const storageKey = randomUUID();
  mkdirSync(FILES_DIR(), { recursive: true });
  writeFileSync(join(FILES_DIR(), storageKey), file.body, { flag: 'wx' });
  return {
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.body.length,
    sha256: createHash('sha256').update(file.body).digest('hex'),
    storageKey,
    uploadedBy,
  };
}

/** Where a stored file is downloaded (with the bearer token). */
export const evidenceUrl = (id: string) => `/files/evidence/${id}`;

async function readBody(req: Request, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
