// A status bar item with the plan's error and warning counts across all plan files;
// clicking it opens the Problems panel. It reads the diagnostics VS Code already has.

import { DiagnosticSeverity, languages, StatusBarAlignment, window, type Disposable, type StatusBarItem } from 'vscode';

export function registerPlanStatus(): Disposable {
    const item: StatusBarItem = window.createStatusBarItem('trellis.status', StatusBarAlignment.Left, 50);
    item.name = 'Trellis plan';
    item.command = 'workbench.actions.view.problems';
    const update = () => {
        let errors = 0, warnings = 0, files = 0;
        for (const [uri, diagnostics] of languages.getDiagnostics()) {
            if (!uri.path.endsWith('.trellis')) continue;
            files++;
            for (const d of diagnostics) {
                if (d.severity === DiagnosticSeverity.Error) errors++;
                else if (d.severity === DiagnosticSeverity.Warning) warnings++;
            }
        }
        if (files === 0) {
            item.hide();
            return;
        }
        item.text = `$(checklist) Plan: $(error) ${errors} $(warning) ${warnings}`;
        item.tooltip = `Trellis: ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} in the plan. Click to open the Problems panel.`;
        item.show();
    };
    const subscription = languages.onDidChangeDiagnostics(update);
    update();
    return { dispose: () => { subscription.dispose(); item.dispose(); } };
}
