export interface Counts { tp: number; fp: number; fn: number }
export function emptyCounts(): Counts;
export function scoreDocument(fields: Record<string, Counts>, got: unknown, exp: unknown): void;
export function scoreTags(fields: Record<string, Counts>, name: string, got: string[], exp: string[]): void;
export function metrics(c: Counts): { precision: number; recall: number; f1: number };
