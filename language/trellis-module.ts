// The Trellis language services: Langium's defaults plus global-only scoping, clearer
// linking messages, the spec's diagnostic codes, the workspace plan model, a builder that
// keeps workspace findings fresh in every document, and the editor features in lsp/.

import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices,
} from 'langium/lsp';
import { TrellisGeneratedModule, TrellisGeneratedSharedModule } from './generated/module.js';
import { TrellisCodeActionProvider } from './lsp/trellis-code-actions.js';
import { TrellisCodeLensProvider } from './lsp/trellis-code-lens.js';
import { TrellisCompletionProvider } from './lsp/trellis-completion.js';
import { TrellisFormatter } from './lsp/trellis-formatter.js';
import { TrellisHoverProvider } from './lsp/trellis-hover.js';
import { TrellisInlayHintProvider } from './lsp/trellis-inlay-hints.js';
import { TrellisRenameProvider } from './lsp/trellis-rename.js';
import { TrellisSemanticTokenProvider } from './lsp/trellis-semantic-tokens.js';
import { TrellisPlanService } from './model/plan-service.js';
import { TrellisTokenBuilder } from './parser/trellis-token-builder.js';
import { TrellisLinker, TrellisScopeComputation } from './references/trellis-scope.js';
import { TrellisDocumentValidator } from './validation/document-validator.js';
import { registerValidationChecks } from './validation/trellis-validator.js';
import { TrellisDocumentBuilder } from './workspace/trellis-document-builder.js';

export type TrellisAddedServices = {
    plan: {
        PlanService: TrellisPlanService;
    };
};

export type TrellisServices = LangiumServices & TrellisAddedServices;

export const TrellisModule: Module<TrellisServices, PartialLangiumServices & TrellisAddedServices> = {
    parser: {
        TokenBuilder: () => new TrellisTokenBuilder(),
    },
    references: {
        ScopeComputation: services => new TrellisScopeComputation(services),
        Linker: services => new TrellisLinker(services),
    },
    validation: {
        DocumentValidator: services => new TrellisDocumentValidator(services),
    },
    plan: {
        PlanService: services => new TrellisPlanService(services.shared),
    },
    lsp: {
        HoverProvider: services => new TrellisHoverProvider(services),
        CodeLensProvider: services => new TrellisCodeLensProvider(services),
        InlayHintProvider: services => new TrellisInlayHintProvider(services),
        CodeActionProvider: services => new TrellisCodeActionProvider(services),
        Formatter: () => new TrellisFormatter(),
        SemanticTokenProvider: services => new TrellisSemanticTokenProvider(services),
        CompletionProvider: services => new TrellisCompletionProvider(services),
        RenameProvider: services => new TrellisRenameProvider(services),
    },
};

export const TrellisSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: services => new TrellisDocumentBuilder(services),
    },
};

/**
 * Creates the shared services and the Trellis language services. Without a connection
 * (tests, the CLI) the configuration provider is marked ready at once.
 */
export function createTrellisServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Trellis: TrellisServices } {
    const shared = inject(createDefaultSharedModule(context), TrellisGeneratedSharedModule, TrellisSharedModule);
    const Trellis = inject(createDefaultModule({ shared }), TrellisGeneratedModule, TrellisModule);
    shared.ServiceRegistry.register(Trellis);
    registerValidationChecks(Trellis);
    (shared.workspace.DocumentBuilder as TrellisDocumentBuilder).connect(Trellis.plan.PlanService);
    if (!context.connection) {
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Trellis };
}
