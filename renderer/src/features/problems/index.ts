/** 每月一题: the 一类事 candidates and the problem bank (analysis panel), and its progress box (report, meeting). */
export { ProblemsSection } from './ProblemsSection';
export { ProblemsProgress } from './ProblemsProgress';
