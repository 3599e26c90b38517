// Registers every check with Langium's validation registry. Per-document checks run on the
// nodes they concern; workspace checks run once per build on the plan model, and each
// document only emits the findings that sit in it (TrellisDocumentValidator adds them).

import type { ValidationChecks } from 'langium';
import type { TrellisAstType } from '../generated/ast.js';
import type { TrellisServices } from '../trellis-module.js';
import { TrellisBetValidator } from './bet-validator.js';
import { TrellisStructureValidator } from './structure-validator.js';
import { TrellisTextValidator } from './text-validator.js';

export function registerValidationChecks(services: TrellisServices): void {
    const registry = services.validation.ValidationRegistry;
    const plan = services.plan.PlanService;
    const structure = new TrellisStructureValidator(plan);
    const bets = new TrellisBetValidator(plan);
    const text = new TrellisTextValidator(plan);
    const checks: ValidationChecks<TrellisAstType> = {
        Element: [structure.checkElementProperties.bind(structure), text.checkTitle.bind(text)],
        UnitProperty: text.checkUnit.bind(text),
        TypeProperty: structure.checkWord.bind(structure),
        AwarenessProperty: structure.checkWord.bind(structure),
        ChangeProperty: structure.checkWord.bind(structure),
        EffectivenessProperty: structure.checkWord.bind(structure),
        FundingProperty: structure.checkWord.bind(structure),
        StageProperty: structure.checkWord.bind(structure),
        Quantity: structure.checkQuantity.bind(structure),
        Allocation: structure.checkAllocation.bind(structure),
        DuringProperty: structure.checkPeriods.bind(structure),
        ReviewProperty: structure.checkPeriods.bind(structure),
        TargetProperty: structure.checkPeriods.bind(structure),
        CheckProperty: structure.checkCheck.bind(structure),
        AllowProperty: [structure.checkPeriods.bind(structure), structure.checkAllow.bind(structure), bets.checkExpiredAllowance.bind(bets), text.checkReason.bind(text)],
        DependsOnProperty: [structure.checkTeamDependencies.bind(structure), bets.checkSelfDependency.bind(bets)],
        Bet: bets.checkBet.bind(bets),
    };
    registry.register(checks);
}
