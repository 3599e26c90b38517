// The custom messages between the Trellis language server and its clients, declared once and
// imported by both sides (the VS Code client imports nothing else from language/). The
// preview asks the server for a view of the plan; the server says when the plan changed.
//
// Each message is a typed constant: its `trellis/...` method name with its parameter and
// result types. They are not vscode-jsonrpc `RequestType` instances on purpose:
// vscode-languageserver and vscode-languageclient each ship their own copy of vscode-jsonrpc,
// whose `RequestType` classes TypeScript holds to be unrelated, and importing a third copy
// here would put a second JSON-RPC library into the client bundle. So this file has no runtime
// dependency, and each side passes `.method` to its own connection with the types named here.

import type { Range } from 'vscode-languageserver-protocol';
import type { ElementKind, FocusSummary, ImpactSummary, ViewName } from './graph/diagram.js';

export type { ElementKind, FocusSummary, ImpactSummary, ViewName };

export const previewViews: readonly ViewName[] = ['dependencies', 'metrics', 'capacity', 'pillars'];

export interface PreviewViewParams {
    readonly view: ViewName;
    /** Show only what concerns this team. */
    readonly team?: string;
    /** Show only what concerns this pillar. */
    readonly pillar?: string;
    /** Highlight what would stall if this team or bet did nothing for six months. */
    readonly impact?: string;
    /** Dependencies view: box bets by owning team (default true). */
    readonly cluster?: boolean;
    /** Node-and-edge views: only this element and its neighbours within `depth` hops. */
    readonly focus?: string;
    /** Hops from `focus` (default 2). */
    readonly depth?: number;
    /** Dependencies view: team boxes drawn as their team alone. */
    readonly collapsed?: readonly string[];
    /** An SVG that stands on its own (for export) rather than one styled by the webview. */
    readonly standalone?: boolean;
    /**
     * Node-and-edge views: mark the elements added and changed since this git revision (of the
     * workspace folder holding `uri`), as `trellis diff --git REVISION` sees them.
     */
    readonly changesSince?: { readonly revision: string; readonly uri: string };
    /** With `standalone`: also a PNG of the drawing, at `scale` times its size (default 2). */
    readonly png?: boolean;
    readonly scale?: number;
}

/** Where an element of the plan is defined, for reveal on click and highlight on cursor. */
export interface PlanElementInfo {
    readonly name: string;
    readonly kind: ElementKind;
    readonly title?: string;
    readonly uri: string;
    /** The whole element, braces included. */
    readonly range: Range;
    /** Its name. */
    readonly selectionRange: Range;
}

export interface PreviewViewResult {
    readonly view: ViewName;
    readonly title: string;
    /** The drawing; empty when `error` is set. */
    readonly svg: string;
    readonly impact?: ImpactSummary;
    /** Set when the view is focused on one element. */
    readonly focus?: FocusSummary;
    /** Nodes the view draws (after focus); the preview opens large plans focused. */
    readonly nodeCount?: number;
    /** With `changesSince`: how many elements are marked, or why none could be. */
    readonly changes?: { readonly revision: string; readonly added: number; readonly changed: number; readonly error?: string };
    /** The PNG, base64, when asked for. */
    readonly png?: string;
    /** Every team, bet, goal, metric and pillar of the plan, sorted by name. */
    readonly elements: readonly PlanElementInfo[];
    /** Why the view could not be drawn (a filter naming an element that is gone, say). */
    readonly error?: string;
}

/** A request: the method name, and its parameter and result types for both sides to use. */
export interface TrellisRequest<P, R> {
    readonly method: `trellis/${string}`;
    /** Types only, never set. */
    readonly types?: { readonly params: P; readonly result: R };
}

export interface TrellisNotification<P> {
    readonly method: `trellis/${string}`;
    readonly types?: { readonly params: P };
}

/** Draws one view of the workspace's plan. */
export const PreviewViewRequest: TrellisRequest<PreviewViewParams, PreviewViewResult> = { method: 'trellis/previewView' };

/** Sent by the server after every build of the workspace: views may have changed. */
export const PlanChangedNotification: TrellisNotification<Record<string, never>> = { method: 'trellis/planChanged' };

export interface ComparePlanParams {
    /** A git revision: `HEAD`, `main`, `origin/main`, a commit, `A..B`. */
    readonly revision: string;
    /** The plan document the comparison was asked from: its workspace folder is compared. */
    readonly uri: string;
}

export interface ComparePlanResult {
    /** The `trellis diff` comment of the plan as it stands in the editor (unsaved edits too) against the revision. */
    readonly markdown: string;
    /** Why it could not be compared (not a git repository, an unknown revision, ...). */
    readonly error?: string;
}

/** Compares the workspace's plan with a git revision, as `trellis diff --git REV` does. */
export const ComparePlanRequest: TrellisRequest<ComparePlanParams, ComparePlanResult> = { method: 'trellis/comparePlan' };
