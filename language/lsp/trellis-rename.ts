// Rename across files, refusing new names that are not names or that another element
// already has (names are global, so a clash would merge two elements' references).

import { CstUtils, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { TrellisPlanService } from '../model/plan-service.js';
import type { TrellisServices } from '../trellis-module.js';

const namePattern = /^[\p{L}_][\p{L}\p{N}_-]*$/u;

export class TrellisRenameProvider extends DefaultRenameProvider {
    private readonly plan: TrellisPlanService;

    constructor(services: TrellisServices) {
        super(services);
        this.plan = services.plan.PlanService;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const name = params.newName;
        if (!namePattern.test(name)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `'${name}' is not a name: start with a letter or _, then letters, digits, _ or -`);
        }
        // Renaming to the name it already has changes nothing; it is not a clash with itself.
        const offset = document.textDocument.offsetAt(params.position);
        const current = CstUtils.findDeclarationNodeAtOffset(document.parseResult.value.$cstNode, offset, this.grammarConfig.nameRegexp);
        if (current?.text === name) return { changes: {} };
        const kind = this.plan.model.kindOf(name);
        if (kind) throw new ResponseError(ErrorCodes.InvalidParams, `'${name}' is already ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} in this plan; names are global, pick another`);
        return super.rename(document, params);
    }
}
