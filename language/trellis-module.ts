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
import { TrellisDocumentSymbolProvider, TrellisNodeKindProvider } from './lsp/trellis-symbols.js';
import { TrellisPlanService } from './model/plan-service.js';
import { TrellisTokenBuilder } from './parser/trellis-token-builder.js';
import { TrellisValueConverter } from './parser/trellis-value-converter.js';
import { TrellisLinker, TrellisScopeComputation, TrellisScopeProvider } from './references/trellis-scope.js';
import { TrellisDocumentValidator } from './validation/document-validator.js';
import { TrellisWorkspaceFindings } from './validation/workspace-findings.js';
import { TrellisValidationRegistry } from './validation/trellis-validation-registry.js';
import { registerValidationChecks } from './validation/trellis-validator.js';
import { TrellisConfigurationProvider } from './workspace/trellis-configuration.js';
import { TrellisDocumentBuilder } from './workspace/trellis-document-builder.js';
import { TrellisDocumentFactory } from './workspace/trellis-document-factory.js';
import { TrellisDocumentUpdateHandler } from './workspace/trellis-document-update-handler.js';
import { TrellisIndexManager } from './workspace/trellis-index-manager.js';
import { TrellisAstNodeLocator } from './workspace/trellis-node-locator.js';
import { TrellisReferenceDescriptionProvider } from './workspace/trellis-reference-descriptions.js';
import { TrellisWorkspaceManager } from './workspace/trellis-workspace-manager.js';

/** The shared services Trellis replaces, by their own types, so no caller needs a cast. */
export type TrellisAddedSharedServices = {
    workspace: {
        DocumentBuilder: TrellisDocumentBuilder;
        IndexManager: TrellisIndexManager;
        LangiumDocumentFactory: TrellisDocumentFactory;
    };
};

export type TrellisSharedServices = LangiumSharedServices & TrellisAddedSharedServices;

export type TrellisAddedServices = {
    plan: {
        PlanService: TrellisPlanService;
    };
    validation: {
        DocumentValidator: TrellisDocumentValidator;
        WorkspaceFindings: TrellisWorkspaceFindings;
    };
};

export type TrellisServices = LangiumServices & TrellisAddedServices & { shared: TrellisSharedServices };

export const TrellisModule: Module<TrellisServices, PartialLangiumServices & TrellisAddedServices> = {
    parser: {
        TokenBuilder: () => new TrellisTokenBuilder(),
        ValueConverter: () => new TrellisValueConverter(),
    },
    references: {
        ScopeComputation: services => new TrellisScopeComputation(services),
        ScopeProvider: services => new TrellisScopeProvider(services),
        Linker: services => new TrellisLinker(services),
    },
    validation: {
        DocumentValidator: services => new TrellisDocumentValidator(services),
        WorkspaceFindings: services => new TrellisWorkspaceFindings(services),
        ValidationRegistry: services => new TrellisValidationRegistry(services),
    },
    workspace: {
        AstNodeLocator: () => new TrellisAstNodeLocator(),
        ReferenceDescriptionProvider: services => new TrellisReferenceDescriptionProvider(services),
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
        DocumentSymbolProvider: services => new TrellisDocumentSymbolProvider(services),
    },
};

export const TrellisSharedModule: Module<TrellisSharedServices, PartialLangiumSharedServices & TrellisAddedSharedServices> = {
    workspace: {
        DocumentBuilder: services => new TrellisDocumentBuilder(services),
        LangiumDocumentFactory: services => new TrellisDocumentFactory(services),
        WorkspaceManager: services => new TrellisWorkspaceManager(services),
        IndexManager: services => new TrellisIndexManager(services),
        ConfigurationProvider: services => new TrellisConfigurationProvider(services),
    },
    lsp: {
        NodeKindProvider: () => new TrellisNodeKindProvider(),
        DocumentUpdateHandler: services => new TrellisDocumentUpdateHandler(services),
    },
};

/**
 * Creates the shared services and the Trellis language services. Without a connection
 * (tests, the CLI) the configuration provider is marked ready at once. `override` replaces
 * language services after Trellis's own (the benchmarks use it to try another parser).
 */
export function createTrellisServices(context: DefaultSharedModuleContext, override: Module<TrellisServices, PartialLangiumServices> = {}): { shared: TrellisSharedServices; Trellis: TrellisServices } {
    const shared = inject(createDefaultSharedModule(context), TrellisGeneratedSharedModule, TrellisSharedModule);
    const Trellis = inject(createDefaultModule({ shared }), TrellisGeneratedModule, TrellisModule, override);
    shared.ServiceRegistry.register(Trellis);
    registerValidationChecks(Trellis);
    shared.workspace.DocumentBuilder.connect(Trellis);
    if (!context.connection) {
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Trellis };
}
