import mammoth from 'mammoth';
import { badInput } from '../common/errors';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * The text of an uploaded plan document: .txt as UTF-8 (a BOM dropped), .docx through mammoth's raw
 * text (one paragraph a line, which is how the parser reads flattened tables too).
 */
export async function documentText(fileName: string, bytes: Buffer): Promise<string> {
  if (bytes.length > MAX_DOCUMENT_BYTES) throw badInput('The document is larger than 10 MB', 'fileBase64');
  if (/\.docx$/i.test(fileName)) {
    if (bytes.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') throw badInput('This .docx file is not a Word document', 'fileBase64');
    try {
      return (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch {
      throw badInput('The Word document could not be read', 'fileBase64');
    }
  }
  if (/\.(txt|text)$/i.test(fileName)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
    if (text.includes('\uFFFD')) throw badInput('The text file is not UTF-8', 'fileBase64');
    return text;
  }
  throw badInput('Only .txt and .docx documents can be imported', 'fileName');
}
