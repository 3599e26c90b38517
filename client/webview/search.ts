// The toolbar's search box: finds elements by name or title as you type, lists the matches
// (arrow keys choose, Enter or a click picks one) and hands the pick to the page, which jumps
// to the node. A combobox with a listbox, so screen readers announce the choices.

export interface SearchItem {
    readonly name: string;
    readonly kind: string;
    readonly title?: string;
    /** Not in the drawing (outside the focus): picking it focuses on it instead. */
    readonly outside?: boolean;
}

const maxShown = 30;

export function createSearch(input: HTMLInputElement, list: HTMLUListElement, items: () => readonly SearchItem[], pick: (item: SearchItem) => void): { close(): void } {
    let matches: SearchItem[] = [];
    let active = 0;

    const close = () => {
        list.hidden = true;
        input.setAttribute('aria-expanded', 'false');
        input.removeAttribute('aria-activedescendant');
    };

    const render = () => {
        list.replaceChildren(...matches.map((item, i) => {
            const option = document.createElement('li');
            option.id = `search-option-${i}`;
            option.setAttribute('role', 'option');
            option.setAttribute('aria-selected', String(i === active));
            option.dataset.name = item.name;
            const name = document.createElement('span');
            name.className = 'match-name';
            name.textContent = item.name; // text, never markup
            const kind = document.createElement('span');
            kind.className = 'match-kind';
            kind.textContent = item.outside ? `${item.kind}, outside the focus` : item.kind;
            option.append(kind, name);
            if (item.title !== undefined) {
                const title = document.createElement('span');
                title.className = 'match-title';
                title.textContent = item.title;
                option.append(title);
            }
            return option;
        }));
        if (matches.length === 0 && input.value.trim() !== '') {
            const none = document.createElement('li');
            none.className = 'no-match';
            none.textContent = 'No element has that name or title';
            list.replaceChildren(none);
        }
        list.hidden = input.value.trim() === '';
        input.setAttribute('aria-expanded', String(!list.hidden));
        if (matches.length > 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
        else input.removeAttribute('aria-activedescendant');
        list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    };

    const update = () => {
        matches = find(items(), input.value);
        active = 0;
        render();
    };

    const choose = (item: SearchItem | undefined) => {
        if (!item) return;
        close();
        pick(item);
    };

    input.addEventListener('input', update);
    input.addEventListener('focus', () => { if (input.value.trim() !== '') update(); });
    input.addEventListener('blur', close);
    input.addEventListener('keydown', event => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (list.hidden) update();
            else if (matches.length > 0) {
                active = (active + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
                render();
            }
        } else if (event.key === 'Enter') {
            event.preventDefault();
            if (list.hidden) update();
            choose(matches[active]);
        } else if (event.key === 'Escape') {
            if (!list.hidden) close();
            else if (input.value !== '') input.value = '';
            else return; // let the page have it (leaves focus mode)
            event.preventDefault();
            event.stopPropagation();
        }
    });
    // mousedown, not click: a click would come after the input's blur has closed the list.
    list.addEventListener('mousedown', event => {
        const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
        if (!option) return;
        event.preventDefault();
        choose(matches.find(m => m.name === option.dataset.name));
    });
    return { close };
}

/** Name matches before title matches, prefixes before the rest; case and accents ignored. */
export function find(items: readonly SearchItem[], query: string): SearchItem[] {
    const q = fold(query.trim());
    if (q === '') return [];
    const scored: Array<[number, SearchItem]> = [];
    for (const item of items) {
        const name = fold(item.name), title = fold(item.title ?? '');
        const score = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : title.startsWith(q) ? 3 : title.includes(q) ? 4 : -1;
        if (score >= 0) scored.push([score + (item.outside ? 5 : 0), item]);
    }
    scored.sort((a, b) => a[0] - b[0] || (a[1].name < b[1].name ? -1 : a[1].name > b[1].name ? 1 : 0));
    return scored.slice(0, maxShown).map(([, item]) => item);
}

function fold(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
