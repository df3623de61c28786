import { family, type ModelSpec } from './family.js';

/** Gemini (the Gemini API record also serves Vertex names). */
export const GOOGLE: ModelSpec[] = [
  ...family('google', 'google', 'google', 'gemini', [
    ['gemini-1.5-pro', 'gemini-1.5-pro', null],
    ['gemini-1.5-flash', 'gemini-1.5-flash', null],
    ['gemini-2.0-flash', 'gemini-2.0-flash', 'gemini/gemini-2.0-flash'],
    ['gemini-2.0-flash-lite', 'gemini-2.0-flash-lite', 'gemini/gemini-2.0-flash-lite'],
    ['gemini-2.5-pro', 'gemini-2.5-pro', 'gemini/gemini-2.5-pro'],
    ['gemini-2.5-flash', 'gemini-2.5-flash', 'gemini/gemini-2.5-flash'],
    ['gemini-2.5-flash-lite', 'gemini-2.5-flash-lite', 'gemini/gemini-2.5-flash-lite'],
    ['gemini-3-pro-preview', 'gemini-3-pro-preview', 'gemini/gemini-3-pro-preview'],
    ['gemini-3.1-pro-preview', 'gemini-3.1-pro-preview', 'gemini/gemini-3.1-pro-preview'],
    ['gemini-3-flash-preview', 'gemini-3-flash-preview', 'gemini/gemini-3-flash-preview'],
    ['gemini-3.1-flash-lite', 'gemini-3.1-flash-lite', 'gemini/gemini-3.1-flash-lite'],
    ['gemini-3.5-flash', 'gemini-3.5-flash', 'gemini/gemini-3.5-flash'],
    ['gemini-3.5-flash-lite', 'gemini-3.5-flash-lite', 'gemini/gemini-3.5-flash-lite'],
    ['gemini-3.6-flash', 'gemini-3.6-flash', 'gemini/gemini-3.6-flash', {}],
    ['gemini-3.7-flash', 'gemini-3.7-flash', null],
    ['gemini-3.8-flash', 'gemini-3.8-flash', null],
  ]),
];
