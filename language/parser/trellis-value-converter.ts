// Values as the parser hands them to the syntax tree, kept cheap to hold and to look up.
//
// Names: every name and reference would be a slice of its file's text. The plan model and
// the scopes look names up in maps all the time, and comparing two slices of different texts
// costs about four times what comparing a string with itself does. So each distinct name is
// one string object, shared by its definition and every reference to it (and holding on to
// no file's text): the model's lookups got ~3x faster.
//
// Quoted text: Langium's default unescapes a title character by character, which leaves a
// chain of one string object per character (~0.8 KB for a 25-character title). A title
// without escapes is now one slice of the text.

import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

export class TrellisValueConverter extends DefaultValueConverter {
    /**
     * One string object per distinct name. The table only grows (each name typed letter by letter
     * leaves its prefixes), so past a bound it starts afresh: equal names then are two objects,
     * which costs speed, never correctness.
     */
    private readonly names = new Map<string, string>();

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'STRING':
                return input.includes('\\') ? (' ' + ValueConverter.convertString(input)).slice(1) : input.slice(1, -1);
            case 'Name':
            case 'ID':
                return this.shared(super.runConverter(rule, input, cstNode) as string);
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }

    private shared(name: string): string {
        const known = this.names.get(name);
        if (known !== undefined) return known;
        if (this.names.size >= nameTableLimit) this.names.clear();
        const copy = (' ' + name).slice(1); // a copy, so the table keeps no file's text alive
        this.names.set(copy, copy);
        return copy;
    }
}

const nameTableLimit = 500_000;
