// The messages between the preview panel (extension host) and its webview, a union
// discriminated by `type`. Shared by both sides; types only, so the webview bundle stays free
// of anything but DOM code.

import type { ElementKind, ImpactSummary, ViewName } from '../../language/protocol.js';

/** What the preview shows; chosen in the webview's toolbar, remembered across restarts. */
export interface PreviewOptions {
    readonly view: ViewName;
    readonly team?: string;
    readonly pillar?: string;
    readonly impact?: string;
    /** Dependencies view: box bets by owning team. */
    readonly cluster: boolean;
}

export const defaultOptions: PreviewOptions = { view: 'dependencies', cluster: true };

export interface PanZoom {
    readonly scale: number;
    readonly x: number;
    readonly y: number;
}

/** The webview's persisted state (`setState`), which the panel serializer restores. */
export interface PreviewState {
    /** The plan file the preview was opened from. */
    readonly source?: string;
    readonly options: PreviewOptions;
    /** Pan and zoom per view, so switching views and reloading keep each one's place. */
    readonly zoom?: Partial<Record<ViewName, PanZoom>>;
}

export interface ElementChoice {
    readonly name: string;
    readonly kind: ElementKind;
    readonly title?: string;
}

export type HostMessage =
    | {
        readonly type: 'update';
        readonly source?: string;
        readonly options: PreviewOptions;
        readonly title: string;
        /** The drawing, styled by the webview's stylesheet; empty with `error`. */
        readonly svg: string;
        readonly impact?: ImpactSummary;
        /** Teams, bets and pillars to offer in the filters and impact picker. */
        readonly choices: readonly ElementChoice[];
        readonly error?: string;
    }
    | { readonly type: 'highlight'; readonly source?: string; readonly name?: string }
    | { readonly type: 'exported'; readonly source?: string; readonly file: string };

export type WebviewMessage =
    /** The page has loaded; its options are the ones it restored (or was given). */
    | { readonly type: 'ready'; readonly options: PreviewOptions }
    | { readonly type: 'reveal'; readonly name: string }
    | { readonly type: 'options'; readonly options: PreviewOptions }
    | { readonly type: 'export' };
