/**
 * The logger for plain-Node hosts (web host, CLI): electron-log's Node flavour (never
 * `electron-log/main`, which needs Electron) with the same redaction hook and rotation as the shell.
 */
import log from 'electron-log/node';
import { redactLogMessage } from './redact.js';
import { LOG_KEEP_FILES, LOG_MAX_BYTES, rotateLogFiles } from './rotate.js';

export type NodeLogger = typeof log;

let configured = false;

export function configureNodeLogger(options: { logFile?: string; keep?: number; maxBytes?: number; console?: boolean } = {}): NodeLogger {
  if (!configured) {
    log.hooks.push((message) => redactLogMessage(message));
    configured = true;
  }
  const file = log.transports.file;
  if (options.logFile) {
    const path = options.logFile;
    file.resolvePathFn = () => path;
  }
  file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = options.keep ?? LOG_KEEP_FILES;
  file.archiveLogFn = (oldFile) => rotateLogFiles(oldFile.toString(), keep);
  if (options.console === false) log.transports.console.level = false;
  return log;
}
