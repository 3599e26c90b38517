// Looks up an element's part in an impact: the source, stalled, or not concerned.

import type { ImpactRole, ImpactSummary } from './diagram.js';

export function impactRoles(impact: ImpactSummary | undefined): (name: string) => ImpactRole | undefined {
    if (!impact) return () => undefined;
    const stalled = new Set([...impact.bets, ...impact.teams, ...impact.goals, ...impact.metrics]);
    return name => (name === impact.source ? 'source' : stalled.has(name) ? 'stalled' : undefined);
}
