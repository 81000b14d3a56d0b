/** The lazy entry of 分析研判 (App.tsx loads it on demand, in its own chunk). */
export { AnalysisPanel } from './AnalysisPanel';
