import type { EncodingName } from '../tokenize/encoding.js';

/** What `llmcost count` was asked: inputs, tokenizers, prices, budgets and baseline. */
export interface CountOptions {
  inputs: string[];
  include?: string[];
  exclude?: string[];
  raw?: boolean;
  models?: string[];
  encoding?: EncodingName;
  requests?: number;
  per: 'day' | 'month';
  daysPerMonth: number;
  sort: 'tokens' | 'path';
  top?: number;
  maxTokens?: number;
  maxTotal?: number;
  saveBaseline?: string;
  baseline?: string;
  maxGrowth?: number;
  exitOnBreach: boolean;
  date: string;
  budgets?: { path: string; maxTokens: number }[];
  threads?: number;
}
