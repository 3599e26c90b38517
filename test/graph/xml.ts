// A strict XML reading of an SVG for the tests: throws on anything not well-formed, and
// returns the elements (with their attributes) and the text, entities decoded.

import { SaxesParser } from 'saxes';

export interface XmlElement {
    readonly name: string;
    readonly attributes: Readonly<Record<string, string>>;
    /** The text directly inside the element. */
    text: string;
}

export interface XmlDocument {
    readonly elements: XmlElement[];
    readonly texts: string[];
    readonly comments: string[];
    readonly cdata: string[];
}

export function parseXml(text: string): XmlDocument {
    const parser = new SaxesParser({ xmlns: false });
    const doc: XmlDocument = { elements: [], texts: [], comments: [], cdata: [] };
    const stack: XmlElement[] = [];
    let failure: Error | undefined;
    parser.on('error', error => { failure ??= error; });
    parser.on('opentag', tag => {
        const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' };
        doc.elements.push(element);
        stack.push(element);
    });
    parser.on('closetag', () => { stack.pop(); });
    parser.on('text', t => {
        doc.texts.push(t);
        if (stack.length > 0) stack[stack.length - 1].text += t;
    });
    parser.on('comment', c => doc.comments.push(c));
    parser.on('cdata', c => doc.cdata.push(c));
    parser.write(text).close();
    if (failure) throw failure;
    return doc;
}
