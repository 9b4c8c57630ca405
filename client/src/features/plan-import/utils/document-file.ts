/** What the server reads: Word (.docx) and plain text. Checked here first so the user hears why in their language. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_ACCEPT = '.docx,.txt';
const DOCUMENT_NAME = /\.(docx|txt)$/i;

/** The file name sent with pasted text, so the server reads it as text. */
export const PASTED_FILE_NAME = '粘贴文本.txt';

export function documentProblem(file: { name: string; size: number }): 'type' | 'size' | 'empty' | null {
  if (!DOCUMENT_NAME.test(file.name)) return 'type';
  if (file.size > MAX_DOCUMENT_BYTES) return 'size';
  if (file.size === 0) return 'empty';
  return null;
}

/** The file's bytes as base64 (no `data:` prefix), for the GraphQL `fileBase64` field. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsDataURL(file);
  });
}
