// The index of references (for each reference, the element it points at) serves find
// references, rename and Langium's choice of what to relink after an edit: an editor needs
// it, a one-shot check does not. Building it was ~10% of `trellis check` at 50k elements and
// ~1.3 KB of heap per element, so the command line switches it off.
//
// After every edit Langium asks, for every document, whether it refers into the changed
// files, by scanning all its references: at 50k elements, 150k references per keystroke.
// The files each document refers into are kept as a set instead.
//
// Every name is global, so references resolve through the exported elements of all files.
// Langium's scope provider copied them all into a map per kind of reference after each edit
// (5 x 50k entries per keystroke); the index keeps them by name as they change instead (see
// TrellisScopeProvider).

import { DefaultIndexManager, type AstNodeDescription, type LangiumDocument, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

export class TrellisIndexManager extends DefaultIndexManager {
    /** Whether references are indexed; the command line turns this off before building. */
    indexReferences = true;
    /** The files each document refers into (other than itself), by URI. */
    private readonly refersInto = new Map<string, Set<string>>();
    /** Every exported element by name, from every file. */
    private readonly byName = new Map<string, AstNodeDescription[]>();

    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const uri = document.uri.toString();
        this.forgetNames(uri);
        await super.updateContent(document, cancelToken);
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const list = this.byName.get(description.name);
            if (list) list.push(description);
            else this.byName.set(description.name, [description]);
        }
    }

    override removeContent(uri: URI): void {
        this.forgetNames(uri.toString());
        super.removeContent(uri);
    }

    /**
     * The exported elements of a name and kind (`Team`, or `Dependable` for bets and teams), in
     * the order Langium's scopes give them: by file in the order of the index, then as exported.
     */
    named(name: string, type: string): AstNodeDescription[] {
        const all = this.byName.get(name);
        if (!all) return [];
        const matching = all.filter(d => this.astReflection.isSubtype(d.type, type));
        if (matching.length < 2 || matching.every(d => d.documentUri === matching[0].documentUri)) return matching;
        // A name defined in several files (an error, reported as such): the first file in the index wins, as in Langium.
        const position = new Map<string, number>();
        let i = 0;
        for (const key of this.symbolIndex.keys()) position.set(key, i++);
        return matching.sort((a, b) => position.get(a.documentUri.toString())! - position.get(b.documentUri.toString())!);
    }

    /** The first of `named`: what a reference to the name resolves to. */
    first(name: string, type: string): AstNodeDescription | undefined {
        const all = this.byName.get(name);
        if (!all) return undefined;
        if (all.length === 1) return this.astReflection.isSubtype(all[0].type, type) ? all[0] : undefined;
        return this.named(name, type)[0];
    }

    private forgetNames(uri: string): void {
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const list = this.byName.get(description.name);
            if (!list) continue;
            const rest = list.filter(d => d !== description);
            if (rest.length > 0) this.byName.set(description.name, rest);
            else this.byName.delete(description.name);
        }
    }

    override async updateReferences(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        if (!this.indexReferences) return;
        await super.updateReferences(document, cancelToken);
        const uri = document.uri.toString();
        const targets = new Set<string>();
        for (const ref of this.referenceIndex.get(uri) ?? []) if (!ref.local) targets.add(ref.targetUri.toString());
        this.refersInto.set(uri, targets);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.refersInto.delete(uri.toString());
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.refersInto.get(document.uri.toString());
        if (!targets) return false;
        for (const uri of changedUris) if (targets.has(uri)) return true;
        return false;
    }
}
