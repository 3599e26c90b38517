// Pan and zoom for the diagram: drag to pan, wheel to scroll, Ctrl/Cmd+wheel (or a pinch) to
// zoom around the pointer, buttons and keys to zoom and fit. The transform sits on a wrapper
// around the SVG, so replacing the SVG on an update keeps the place.
//
// Readable first: "Fit" never shrinks the drawing below the scale at which its smallest text
// is 11 px (the floor, 1.0 for a drawing whose smallest text is 11 px). A plan too large to fit
// legibly is fitted to the pane's width at that floor, and scrolled.

import type { PanZoom } from '../preview/messages.js';

export interface PanZoomControl {
    get(): PanZoom;
    set(zoom: PanZoom, notify: boolean): void;
    /** The smallest readable scale for the drawing on screen. */
    setFloor(scale: number): void;
    floor(): number;
    /** The whole drawing if it fits legibly, else its width (never below the floor) from the top. */
    fit(notify: boolean): void;
    /** Tables (capacity, pillars): the pane's width, never below the floor, from the top left. */
    fillWidth(notify: boolean): void;
    /** Puts an element in the middle of the canvas, at `scale` (default: the current one), as far as the drawing's edges allow. */
    centerOn(element: Element, scale: number | undefined, notify: boolean): void;
    zoomBy(factor: number, at?: { x: number; y: number }): void;
    /** Pans (keeping the zoom) so that an element is in the middle of the canvas, if it is not in view. */
    reveal(element: Element): void;
    /** Whether the last pointer gesture moved far enough to be a drag rather than a click. */
    wasDrag(): boolean;
    isDragging(): boolean;
}

const minScale = 0.05;
const maxScale = 4;
/** Tables grow to the pane's width, up to this much. */
const maxFill = 1.25;
const pad = 12;

export function createPanZoom(canvas: HTMLElement, viewport: HTMLElement, onChange: (zoom: PanZoom) => void): PanZoomControl {
    let zoom: PanZoom = { scale: 1, x: 0, y: 0 };
    let floor = 1;
    let drag: { pointer: number; startX: number; startY: number; x: number; y: number; moved: boolean } | undefined;
    let lastWasDrag = false;

    const apply = (next: PanZoom, notify: boolean) => {
        zoom = { scale: round(clamp(next.scale, minScale, maxScale), 1000), x: round(next.x, 100), y: round(next.y, 100) };
        viewport.style.transform = `translate(${zoom.x}px, ${zoom.y}px) scale(${zoom.scale})`;
        if (notify) onChange(zoom);
    };

    const size = () => {
        const svg = viewport.querySelector('svg');
        return { width: Number(svg?.getAttribute('width') ?? 0), height: Number(svg?.getAttribute('height') ?? 0) };
    };

    /** Across: centred when it fits, else from the left edge. */
    const across = (width: number, scale: number, box: DOMRect) => Math.max(pad, (box.width - width * scale) / 2);

    const control: PanZoomControl = {
        get: () => zoom,
        set: apply,
        setFloor(scale) { floor = clamp(scale, 1, maxScale); },
        floor: () => floor,
        fit(notify) {
            const { width, height } = size();
            const box = canvas.getBoundingClientRect();
            if (width <= 0 || height <= 0 || box.width <= 0 || box.height <= 0) return apply({ scale: floor, x: pad, y: pad }, notify);
            const whole = Math.min((box.width - 2 * pad) / width, (box.height - 2 * pad) / height);
            if (whole >= floor) {
                // It all fits legibly: never blown up past its natural size, centred both ways.
                const scale = Math.min(whole, floor);
                return apply({ scale, x: (box.width - width * scale) / 2, y: Math.max(pad, (box.height - height * scale) / 2) }, notify);
            }
            const scale = clamp((box.width - 2 * pad) / width, floor, Math.max(1, floor));
            apply({ scale, x: across(width, scale, box), y: pad }, notify);
        },
        fillWidth(notify) {
            const { width } = size();
            const box = canvas.getBoundingClientRect();
            if (width <= 0 || box.width <= 0) return apply({ scale: floor, x: pad, y: pad }, notify);
            const scale = clamp((box.width - 2 * pad) / width, floor, Math.max(maxFill, floor));
            apply({ scale, x: across(width, scale, box), y: pad }, notify);
        },
        centerOn(element, scale, notify) {
            const box = canvas.getBoundingClientRect();
            const rect = element.getBoundingClientRect();
            const target = scale ?? zoom.scale;
            // Where the element's centre is in drawing coordinates, then where that must go.
            const cx = (rect.left + rect.width / 2 - box.left - zoom.x) / zoom.scale;
            const cy = (rect.top + rect.height / 2 - box.top - zoom.y) / zoom.scale;
            // No empty band where the drawing could show more: along each axis a drawing larger
            // than the pane keeps its edges at the pane's, a smaller one sits in the middle.
            const { width, height } = size();
            const place = (centred: number, extent: number, room: number) => extent * target + 2 * pad <= room
                ? (room - extent * target) / 2
                : clamp(centred, room - pad - extent * target, pad);
            apply({ scale: target, x: place(box.width / 2 - cx * target, width, box.width), y: place(box.height / 2 - cy * target, height, box.height) }, notify);
        },
        zoomBy(factor, at) {
            const box = canvas.getBoundingClientRect();
            const px = at?.x ?? box.width / 2, py = at?.y ?? box.height / 2;
            const scale = clamp(zoom.scale * factor, minScale, maxScale);
            const k = scale / zoom.scale;
            apply({ scale, x: px - (px - zoom.x) * k, y: py - (py - zoom.y) * k }, true);
        },
        reveal(element) {
            const box = canvas.getBoundingClientRect();
            const rect = element.getBoundingClientRect();
            const inView = rect.left >= box.left && rect.right <= box.right && rect.top >= box.top && rect.bottom <= box.bottom;
            if (inView || rect.width === 0) return;
            const dx = box.left + box.width / 2 - (rect.left + rect.width / 2);
            const dy = box.top + box.height / 2 - (rect.top + rect.height / 2);
            apply({ ...zoom, x: zoom.x + dx, y: zoom.y + dy }, true);
        },
        wasDrag: () => lastWasDrag,
        isDragging: () => drag?.moved ?? false,
    };

    canvas.addEventListener('wheel', event => {
        event.preventDefault();
        if (event.ctrlKey || event.metaKey) {
            const box = canvas.getBoundingClientRect();
            control.zoomBy(Math.exp(-event.deltaY * 0.002), { x: event.clientX - box.left, y: event.clientY - box.top });
        } else {
            apply({ ...zoom, x: zoom.x - event.deltaX, y: zoom.y - event.deltaY }, true);
        }
    }, { passive: false });

    canvas.addEventListener('pointerdown', event => {
        if (event.button !== 0) return;
        drag = { pointer: event.pointerId, startX: event.clientX, startY: event.clientY, x: zoom.x, y: zoom.y, moved: false };
        lastWasDrag = false;
    });
    canvas.addEventListener('pointermove', event => {
        if (!drag || event.pointerId !== drag.pointer) return;
        const dx = event.clientX - drag.startX, dy = event.clientY - drag.startY;
        if (!drag.moved && Math.hypot(dx, dy) < 4) return;
        if (!drag.moved) {
            drag.moved = true;
            canvas.setPointerCapture(event.pointerId);
            canvas.classList.add('is-panning');
        }
        apply({ ...zoom, x: drag.x + dx, y: drag.y + dy }, false);
    });
    const end = (event: PointerEvent) => {
        if (!drag || event.pointerId !== drag.pointer) return;
        lastWasDrag = drag.moved;
        if (drag.moved) onChange(zoom);
        drag = undefined;
        canvas.classList.remove('is-panning');
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    return control;
}

function clamp(value: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, value));
}

function round(value: number, precision: number): number {
    return Math.round(value * precision) / precision;
}
