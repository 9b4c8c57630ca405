import { MAX_DOCUMENT_BYTES, documentProblem, readAsBase64 } from './document-file';

describe('documentProblem', () => {
  it.each([
    ['方案.docx', 1000, null],
    ['PLAN.TXT', 1000, null],
    ['方案.doc', 1000, 'type'],
    ['方案.pdf', 1000, 'type'],
    ['方案.docx', MAX_DOCUMENT_BYTES + 1, 'size'],
    ['方案.txt', 0, 'empty'],
  ])('%s of %d bytes: %s', (name, size, problem) => {
    expect(documentProblem({ name, size })).toBe(problem);
  });
});

describe('readAsBase64', () => {
  it('gives the bytes as bare base64', async () => {
    const text = '一、总体要求';
    expect(await readAsBase64(new Blob([text]))).toBe(Buffer.from(text, 'utf8').toString('base64'));
  });
});
