// The messages between the preview panel (extension host) and its webview, a union
// discriminated by `type`. Shared by both sides; types and plain constants only, so the webview
// bundle stays free of anything but DOM code.

import type { ElementKind, FocusSummary, ImpactSummary, ViewName } from '../../language/protocol.js';

/** What the preview shows; chosen in the webview's toolbar, remembered across restarts. */
export interface PreviewOptions {
    readonly view: ViewName;
    readonly team?: string;
    readonly pillar?: string;
    readonly impact?: string;
    /** Dependencies view: box bets by owning team. */
    readonly cluster: boolean;
    /** Graph views (dependencies, metric tree): only this element and its neighbours. */
    readonly focus?: string;
    /** Hops up and down from `focus` (1–5; the server's default, 2, when unset). */
    readonly depth?: number;
    /** Dependencies view, grouped by team: team boxes drawn as their team alone. */
    readonly collapsed?: readonly string[];
    /** Graph views: mark the elements added and changed since the last commit (`HEAD`). */
    readonly changes?: boolean;
}

export const defaultOptions: PreviewOptions = { view: 'dependencies', cluster: true };

/** The views drawn as nodes and edges, where focus mode applies. */
export const graphViews: readonly ViewName[] = ['dependencies', 'metrics'];

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
    /** The focus was chosen because the plan was too large to read whole (said in the banner). */
    readonly autoFocused?: boolean;
    /** The reader asked for the whole of a large plan: do not focus it again on opening. */
    readonly wholePlan?: boolean;
}

export interface ElementChoice {
    readonly name: string;
    readonly kind: ElementKind;
    readonly title?: string;
}

export type ExportFormat = 'svg' | 'png';

export type HostMessage =
    | {
        readonly type: 'update';
        readonly source?: string;
        readonly options: PreviewOptions;
        readonly title: string;
        /** The drawing, styled by the webview's stylesheet; empty with `error`. */
        readonly svg: string;
        readonly impact?: ImpactSummary;
        /** Set when the drawing is focused on one element. */
        readonly focus?: FocusSummary;
        /** Nodes the view draws (graph views); large plans open focused. */
        readonly nodeCount?: number;
        /** With `changes`: how many elements are marked since `HEAD`, or why none could be. */
        readonly changes?: { readonly revision: string; readonly added: number; readonly changed: number; readonly error?: string };
        /** Teams, bets and pillars to offer in the filters and impact picker. */
        readonly choices: readonly ElementChoice[];
        /** Every element of the plan, for search and accessible names. */
        readonly elements: readonly ElementChoice[];
        /** The element under the editor's cursor when the drawing was made. */
        readonly highlight?: string;
        readonly error?: string;
    }
    | { readonly type: 'highlight'; readonly source?: string; readonly name?: string }
    | { readonly type: 'exported'; readonly source?: string; readonly file: string };

export type WebviewMessage =
    /** The page has loaded; its options are the ones it restored (or was given). */
    | { readonly type: 'ready'; readonly options: PreviewOptions }
    | { readonly type: 'reveal'; readonly name: string }
    | { readonly type: 'options'; readonly options: PreviewOptions }
    | { readonly type: 'export'; readonly format: ExportFormat };
