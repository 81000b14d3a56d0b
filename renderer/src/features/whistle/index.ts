/** 吹哨报到's public surface: the view the dispatch desk shows, and what seeds it from an order. */
export { WhistleView } from './WhistleView';
export type { WhistleSeed } from './WhistleCreateForm';
export { WhistleAlarmBanner } from './WhistleAlarmBanner';
