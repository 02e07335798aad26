/**
 * The file types the importer reads (core/import: text exports, Excel workbooks and ZIP archives
 * unpacked by packed-file.ts). One list for the file picker, "Open with…" and launch arguments.
 */
export const IMPORTABLE_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.zip', '.json', '.jsonl', '.ndjson', '.xml'] as const;
