// Types of the workspace generator (generate.mjs), for the tests that use it.

export type Layout = 'central' | 'grouped' | 'spread';

export interface Allocation { team: string; share: number }

export interface GeneratedElement {
    kind: 'pillar' | 'metric' | 'goal' | 'team' | 'bet';
    name: string;
    title: string;
    area: string;
    [property: string]: unknown;
}

export interface GeneratedBet extends GeneratedElement {
    kind: 'bet';
    stage: string;
    owner: Allocation;
    support: Allocation[];
    during: [number, number];
    dependsOn: string[];
}

export interface GeneratedPlan {
    elements: number;
    seed: number;
    areas: string[];
    policy: { maxWip: number; minSlice: number; maxBlastRadius: number };
    pillars: GeneratedElement[];
    metrics: GeneratedElement[];
    goals: GeneratedElement[];
    teams: GeneratedElement[];
    bets: GeneratedBet[];
    /** Load per team and quarter (percent), as the generator allocated it. */
    load: Map<string, number[]>;
}

export interface Random {
    next(): number;
    int(lo: number, hi: number): number;
    pick<T>(list: readonly T[]): T;
    chance(p: number): boolean;
    weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T;
    shuffle<T>(list: T[]): T[];
}

export const layouts: Layout[];
export const elementsPerFile: number;
export function parseSize(text: string): number;
export function sizeLabel(n: number): string;
export function random(seed: number): Random;
/** `chain`: a chain through every `chain`th bet, each depending on the `chain`th bet before it (1: through every bet). */
export function generatePlan(elements: number, seed?: number, options?: { chain?: number }): GeneratedPlan;
export function elementText(element: GeneratedElement): string;
export function layoutPlan(plan: GeneratedPlan, layout: Layout): { files: Map<string, string>; where: Map<string, string> };
export function editableBets(plan: GeneratedPlan): GeneratedBet[];
export function writeWorkspace(dir: string, files: Map<string, string>): void;
export function taskJugglerProject(plan: GeneratedPlan): string;
export function planJson(plan: GeneratedPlan): string;
