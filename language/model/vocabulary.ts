// The words of the plan language that are values rather than syntax: team types, funding
// kinds, stages and team context, and which properties belong to which element.

import type { Element, Property } from '../generated/ast.js';

export const teamTypes = ['stream-aligned', 'platform', 'enabling', 'complicated-subsystem'] as const;
export const awarenessLevels = ['unintelligible', 'implicit', 'explicit'] as const;
export const changeKinds = ['slow', 'rapid-growth', 'moderate-growth', 'descaling', 'revolutionary'] as const;
export const effectivenessLevels = ['needs-radical-change', 'getting-worse', 'working-for-now', 'getting-better'] as const;
export const fundingKinds = ['new-offering', 'operational-optimizer', 'rebuild', 'platform'] as const;
export const stages = ['explore', 'validate', 'commit', 'scale', 'done', 'dropped'] as const;

export type Stage = typeof stages[number];
export type Funding = typeof fundingKinds[number];

export type ElementKind = 'policy' | 'pillar' | 'metric' | 'goal' | 'team' | 'bet';
export type PropertyType = Property['$type'];

/** The keyword a property is written with, for messages. */
export const propertyKeyword: Readonly<Record<PropertyType, string>> = {
    TargetProperty: 'target', NorthStarProperty: 'north-star', UnitProperty: 'unit', BaselineProperty: 'baseline',
    DrivesProperty: 'drives', PillarProperty: 'pillar', MovesProperty: 'moves', GoalProperty: 'goal',
    TypeProperty: 'type', CapacityProperty: 'capacity', AwarenessProperty: 'awareness', ChangeProperty: 'change',
    EffectivenessProperty: 'effectiveness', DependsOnProperty: 'depends-on', OwnerProperty: 'owner',
    SupportProperty: 'support', FundingProperty: 'funding', StageProperty: 'stage', DuringProperty: 'during',
    ReviewProperty: 'review', ExpectsProperty: 'expects', AllowProperty: 'allow', MaxLoadProperty: 'max-load',
    MaxWipProperty: 'max-wip', MaxBlastRadiusProperty: 'max-blast-radius', PillarToleranceProperty: 'pillar-tolerance',
    MinSliceProperty: 'min-slice', CheckProperty: 'check',
};

/** Properties that may be given more than once (or repeat as a comma-separated list). */
export const repeatableProperties: ReadonlySet<PropertyType> = new Set<PropertyType>([
    'SupportProperty', 'DependsOnProperty', 'ExpectsProperty', 'MovesProperty', 'DrivesProperty', 'CheckProperty', 'AllowProperty',
]);

/** Which properties each element accepts. */
export const elementProperties: Readonly<Record<ElementKind, ReadonlySet<PropertyType>>> = {
    policy: new Set<PropertyType>(['MaxLoadProperty', 'MaxWipProperty', 'MaxBlastRadiusProperty', 'PillarToleranceProperty', 'MinSliceProperty', 'CheckProperty']),
    pillar: new Set<PropertyType>(['TargetProperty', 'AllowProperty']),
    metric: new Set<PropertyType>(['NorthStarProperty', 'UnitProperty', 'BaselineProperty', 'TargetProperty', 'DrivesProperty', 'AllowProperty']),
    goal: new Set<PropertyType>(['PillarProperty', 'MovesProperty', 'AllowProperty']),
    team: new Set<PropertyType>(['TypeProperty', 'CapacityProperty', 'AwarenessProperty', 'ChangeProperty', 'EffectivenessProperty', 'DependsOnProperty', 'AllowProperty']),
    bet: new Set<PropertyType>(['GoalProperty', 'PillarProperty', 'OwnerProperty', 'SupportProperty', 'FundingProperty', 'StageProperty', 'DuringProperty', 'ReviewProperty', 'DependsOnProperty', 'ExpectsProperty', 'AllowProperty']),
};

export function elementKind(element: Element): ElementKind {
    return element.$type.toLowerCase() as ElementKind;
}

/** `a team`, `an enabling team`: the article for a kind in messages. */
export function withArticle(word: string): string {
    return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

/** The first property of a given type in an element, if any. */
export function propertyOf<T extends Property>(element: { properties?: Property[] }, guard: (p: unknown) => p is T): T | undefined {
    return element.properties?.find(guard);
}

/** All properties of a given type in an element. */
export function propertiesOf<T extends Property>(element: { properties?: Property[] }, guard: (p: unknown) => p is T): T[] {
    return (element.properties ?? []).filter(guard);
}
