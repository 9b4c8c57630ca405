export { downloadExport, ExportError, filenameFromDisposition, saveBlob } from './download';
export { ExportButton, type ExportButtonProps } from './ExportButton';
