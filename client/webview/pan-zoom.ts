// Pan and zoom for the diagram: drag to pan, wheel to scroll, Ctrl/Cmd+wheel (or a pinch) to
// zoom around the pointer, buttons and keys to zoom and fit. The transform sits on a wrapper
// around the SVG, so replacing the SVG on an update keeps the place.

import type { PanZoom } from '../preview/messages.js';

export interface PanZoomControl {
    set(zoom: PanZoom, notify: boolean): void;
    fit(notify: boolean): void;
    /** The first look at a view: the whole width if that stays readable, else readable from the top left. */
    fitWidth(): void;
    zoomBy(factor: number, at?: { x: number; y: number }): void;
    /** Pans (keeping the zoom) so that an element is in the middle of the canvas, if it is not in view. */
    reveal(element: Element): void;
    /** Whether the last pointer gesture moved far enough to be a drag rather than a click. */
    wasDrag(): boolean;
    isDragging(): boolean;
}

const minScale = 0.05;
const maxScale = 4;
/** Below this the labels cannot be read; the first look at a large view starts here. */
const readableScale = 0.6;

export function createPanZoom(canvas: HTMLElement, viewport: HTMLElement, onChange: (zoom: PanZoom) => void): PanZoomControl {
    let zoom: PanZoom = { scale: 1, x: 0, y: 0 };
    let drag: { pointer: number; startX: number; startY: number; x: number; y: number; moved: boolean } | undefined;
    let lastWasDrag = false;

    const apply = (next: PanZoom, notify: boolean) => {
        zoom = { scale: clamp(next.scale, minScale, maxScale), x: round(next.x), y: round(next.y) };
        viewport.style.transform = `translate(${zoom.x}px, ${zoom.y}px) scale(${zoom.scale})`;
        if (notify) onChange(zoom);
    };

    const size = () => {
        const svg = viewport.querySelector('svg');
        return { width: Number(svg?.getAttribute('width') ?? 0), height: Number(svg?.getAttribute('height') ?? 0) };
    };

    const control: PanZoomControl = {
        set: apply,
        fit(notify) {
            const { width, height } = size();
            const box = canvas.getBoundingClientRect();
            if (width <= 0 || height <= 0 || box.width <= 0 || box.height <= 0) return apply({ scale: 1, x: 0, y: 0 }, notify);
            // Fit, but never blow a small diagram up past its natural size; centred across, from the top.
            const scale = Math.min(1, (box.width - 24) / width, (box.height - 24) / height);
            apply({ scale, x: (box.width - width * scale) / 2, y: 12 }, notify);
        },
        fitWidth() {
            const { width } = size();
            const box = canvas.getBoundingClientRect();
            if (width <= 0 || box.width <= 0) return apply({ scale: 1, x: 0, y: 0 }, false);
            const scale = Math.max(readableScale, Math.min(1, (box.width - 24) / width));
            apply({ scale, x: Math.max(12, (box.width - width * scale) / 2), y: 12 }, false);
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

function round(value: number): number {
    return Math.round(value * 100) / 100;
}
