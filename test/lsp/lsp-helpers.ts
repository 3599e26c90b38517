// Helpers for in-process editor-feature tests across several files: plan files with `<|>`
// cursor markers and `<|...|>` ranges (Langium's own marker syntax), built as one workspace,
// and workspace edits applied back to text, the way the editor would apply them.

import { TextDocument, type LangiumDocument } from 'langium';
import { replaceIndices } from 'langium/test';
import type { Range, TextDocumentPositionParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { buildWorkspace, uriOf, type TestWorkspace } from '../helpers.js';

export interface MarkedWorkspace extends TestWorkspace {
    /** The document of a file. */
    doc(file: string): LangiumDocument;
    /** Text document and position of the `index`-th `<|>` marker in a file. */
    at(file: string, index?: number): TextDocumentPositionParams;
    /** The `index`-th `<|...|>` range of a file (ordered by start). */
    range(file: string, index?: number): Range;
    /** The file name of a document URI. */
    fileOf(uri: string): string;
    /** The text of every file after applying a workspace edit, for the files it changes. */
    apply(edit: WorkspaceEdit | undefined | null): Record<string, string>;
}

/** Builds a workspace from files written with markers; the markers are removed from the text. */
export async function markedWorkspace(files: Record<string, string>, options: { today?: string } = {}): Promise<MarkedWorkspace> {
    const marks = new Map<string, { indices: number[]; ranges: Array<[number, number]> }>();
    const texts: Record<string, string> = {};
    for (const [name, text] of Object.entries(files)) {
        const { output, indices, ranges } = replaceIndices({ text });
        texts[name] = output;
        marks.set(name, { indices, ranges });
    }
    const ws = await buildWorkspace(texts, options);
    const doc = (file: string) => {
        const d = ws.documents.get(file);
        if (!d) throw new Error(`no file ${file} in the workspace`);
        return d;
    };
    const fileOf = (uri: string) => {
        for (const name of ws.documents.keys()) if (uriOf(name).toString() === uri) return name;
        throw new Error(`no file for ${uri}`);
    };
    return {
        ...ws,
        doc,
        fileOf,
        at(file, index = 0) {
            const offset = marks.get(file)?.indices[index];
            if (offset === undefined) throw new Error(`no marker ${index} in ${file}`);
            return { textDocument: { uri: doc(file).uri.toString() }, position: doc(file).textDocument.positionAt(offset) };
        },
        range(file, index = 0) {
            const r = marks.get(file)?.ranges[index];
            if (!r) throw new Error(`no range ${index} in ${file}`);
            return { start: doc(file).textDocument.positionAt(r[0]), end: doc(file).textDocument.positionAt(r[1]) };
        },
        apply(edit) {
            const result: Record<string, string> = {};
            for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
                const file = fileOf(uri);
                result[file] = applyEdits(doc(file), edits);
            }
            return result;
        },
    };
}

export function applyEdits(doc: LangiumDocument, edits: readonly TextEdit[]): string {
    return TextDocument.applyEdits(doc.textDocument, [...edits]);
}

/** The text a diagnostic or location range covers in a document. */
export function textAt(doc: LangiumDocument, range: Range): string {
    return doc.textDocument.getText(range);
}
