// Lint that guards the architecture: `language/` stays free of `vscode` and of the language
// client, `language/model/` of the checks, editor features and drawings that read it, and the
// client never pulls Langium in (it talks to the server over LSP).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['out/**', 'node_modules/**', 'language/generated/**', 'bin/**', '**/*.d.ts'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', TextDecoder: 'readonly' } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            '@typescript-eslint/no-non-null-assertion': 'off',
        },
    },
    {
        files: ['language/**/*.ts', 'server/**/*.ts', 'cli/**/*.ts'],
        rules: {
            'no-restricted-imports': ['error', { paths: [
                { name: 'vscode', message: 'language/, server/ and cli/ must not depend on the VS Code API.' },
                { name: 'vscode-languageclient', message: 'The language client belongs to client/ only.' },
            ], patterns: ['vscode-languageclient/*'] }],
        },
    },
    {
        // The plan model is read by validation, the editor features and the drawings, and reads none of them.
        files: ['language/model/**/*.ts'],
        rules: {
            'no-restricted-imports': ['error', { paths: [
                { name: 'vscode', message: 'language/ must not depend on the VS Code API.' },
                { name: 'vscode-languageclient', message: 'The language client belongs to client/ only.' },
            ], patterns: [
                { group: ['vscode-languageclient/*'], message: 'The language client belongs to client/ only.' },
                { group: ['../validation/*', '../lsp/*', '../graph/*'], message: 'model/ is read by validation/, lsp/ and graph/, never the other way round.' },
            ] }],
        },
    },
    {
        files: ['client/**/*.ts'],
        rules: {
            'no-restricted-imports': ['error', { patterns: [
                { group: ['langium', 'langium/*'], message: 'The client talks to the server over LSP; keep Langium out of the client bundle.' },
                { group: ['../language/*', '!../language/protocol.js', '../../language/*', '!../../language/protocol.js'], message: 'The client may import language/protocol.ts only.' },
            ] }],
        },
    },
    {
        // The preview's webview is a browser page: DOM only, talking to the host by messages.
        files: ['client/webview/**/*.ts'],
        rules: {
            'no-restricted-imports': ['error', {
                paths: [
                    { name: 'vscode', message: 'The webview cannot reach the VS Code API; post a message to the host.' },
                    { name: 'vscode-languageclient', message: 'The webview cannot reach the language client; post a message to the host.' },
                ],
                patterns: [
                    { group: ['node:*', 'langium', 'langium/*', 'vscode-languageclient/*'], message: 'The webview runs in a browser page: DOM code only.' },
                    { group: ['../../language/*', '!../../language/protocol.js'], message: 'The webview may import language/protocol.ts (types) only.' },
                ],
            }],
        },
    },
);
