// Settings (`trellis.today`) follow LSP's pull model too: a client may announce a change with
// `workspace/didChangeConfiguration` and no settings (`null`), expecting the server to ask
// for them again. Langium's provider ignores such a change; this one re-fetches the
// sections and reports them as updated.

import { DefaultConfigurationProvider, type ConfigurationInitializedParams } from 'langium';
import type { DidChangeConfigurationParams } from 'vscode-languageserver';

export class TrellisConfigurationProvider extends DefaultConfigurationProvider {
    private fetch?: ConfigurationInitializedParams['fetchConfiguration'];

    override async initialized(params: ConfigurationInitializedParams): Promise<void> {
        if (this.workspaceConfig) this.fetch = params.fetchConfiguration;
        return super.initialized(params);
    }

    override updateConfiguration(change: DidChangeConfigurationParams): void {
        if (typeof change.settings === 'object' && change.settings !== null) {
            super.updateConfiguration(change);
            return;
        }
        const fetch = this.fetch;
        if (!fetch) return;
        const sections = this.serviceRegistry.all.map(lang => ({ section: this.toSectionName(lang.LanguageMetaData.languageId) }));
        fetch(sections).then(configs => {
            super.updateConfiguration({ settings: Object.fromEntries(sections.map((s, i) => [s.section, configs[i]])) });
        }, () => { /* the client could not answer; keep the settings we have */ });
    }
}
