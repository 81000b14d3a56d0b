/** The jobs feature's public surface: the header's 导出任务 button and the 导出 button. */
export { JobsButton } from './JobsButton';
export { ExportButton, type ExportButtonProps } from './ExportButton';
export { setJobsOpen } from './jobs-open';
