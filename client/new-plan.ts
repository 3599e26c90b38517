// "Trellis: New Plan": writes the starter plan into the workspace folder and opens it, so a
// newcomer goes from an empty folder to a plan with a preview and a first finding (the
// walkthrough's second step). Without a folder it opens the plan as an untitled file.

import type { Disposable, ExtensionContext } from 'vscode';
import { commands, FileType, Uri, window, workspace } from 'vscode';
import { fillStarterPlan, starterPlanName } from './starter-plan.js';

export function registerNewPlan(context: ExtensionContext): Disposable {
    return commands.registerCommand('trellis.newPlan', async () => {
        const template = new TextDecoder().decode(await workspace.fs.readFile(Uri.joinPath(context.extensionUri, 'walkthrough', 'starter-plan.trellis.txt')));
        const text = fillStarterPlan(template, new Date());
        const folder = workspace.workspaceFolders?.[0];
        if (!folder) {
            const document = await workspace.openTextDocument({ language: 'trellis', content: text });
            await window.showTextDocument(document);
            void window.showInformationMessage('Trellis: save the plan in a folder (as a .trellis file) to keep it and see it in the preview.');
            return;
        }
        const existing = new Set((await workspace.fs.readDirectory(folder.uri)).filter(([, type]) => type === FileType.File).map(([name]) => name));
        const target = Uri.joinPath(folder.uri, starterPlanName(name => existing.has(name)));
        await workspace.fs.writeFile(target, new TextEncoder().encode(text));
        await window.showTextDocument(target);
    });
}
