/** The lazy entry of 评估反馈 (App.tsx loads it on demand, in its own chunk). */
export { EvaluationPanel } from './EvaluationPanel';
