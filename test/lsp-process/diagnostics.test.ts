// Diagnostics from the real server process: for every plan file in the workspace, opened or
// not, with the spec's codes; kept fresh across files as the author edits; judged against
// the `trellis.today` setting, which the client can change while the server runs.

import { afterEach, describe, expect, test } from 'vitest';
import { codes, TrellisServer } from './lsp-client.js';
import { bets, planFiles, today } from './workspace-fixture.js';

let server: TrellisServer | undefined;
afterEach(async () => {
    await server?.stop();
    server = undefined;
});

describe('diagnostics for the whole workspace', () => {
    test('every file gets its diagnostics with codes, without being opened', async () => {
        server = await TrellisServer.start(planFiles, { settings: { today } });
        const bets = await server.diagnosticsOf('bets.trellis', d => codes(d).includes('overdue-review'), 'overdue-review');
        expect(bets).toEqual([{
            line: 12, character: 9, endLine: 12, endCharacter: 19, severity: 2, code: 'overdue-review',
            message: "Bet 'checkout' was due for its review on 2027-01-10, 5 days before today (2027-01-15); hold it and record pivot or proceed",
        }]);
        const strategy = await server.diagnosticsOf('strategy.trellis', d => d.length > 0);
        expect(strategy.map(d => [d.code, d.line, d.severity])).toEqual([['unlinked-goal', 11, 2]]);
        const extra = await server.diagnosticsOf('plans/extra.trellis', d => d.length > 0);
        expect(extra.map(d => [d.code, d.message, d.severity])).toEqual([['unresolved-reference', "No team named 'nobody' in the workspace", 1]]);
        expect(await server.diagnosticsOf('teams.trellis', () => true)).toEqual([]);
        // The server asked the client for its settings, as an editor expects.
        expect(server.configurationRequests).toContain('trellis');
    });

    test('raising a bet\'s allocation in one file flags the team in its own (unopened) file, and lowering it clears it', async () => {
        server = await TrellisServer.start(planFiles, { settings: { today } });
        await server.diagnosticsOf('teams.trellis', d => d.length === 0);
        await server.open('bets.trellis');
        await server.change('bets.trellis', bets.replace('owner platform 60%', 'owner platform 80%'));
        const teams = await server.diagnosticsOf('teams.trellis', d => codes(d).includes('overloaded-team'), 'overloaded-team on platform');
        expect(teams.map(d => [d.code, d.line, d.message])).toEqual([[
            'overloaded-team', 1,
            "Team 'platform' is at 110% of capacity in 2027-Q1 (sso 80%, checkout 30%); max-load is 100%",
        ]]);
        await server.change('bets.trellis', bets);
        await server.diagnosticsOf('teams.trellis', d => d.length === 0, 'no overload once the allocation is back at 60%');
    });

    test('a new file that fixes a reference clears the error in another file', async () => {
        server = await TrellisServer.start(planFiles, { settings: { today } });
        await server.diagnosticsOf('plans/extra.trellis', d => codes(d).includes('unresolved-reference'));
        await server.open('nobody.trellis', '');
        await server.change('nobody.trellis', 'team nobody { capacity 2 }\n');
        await server.diagnosticsOf('plans/extra.trellis', d => !codes(d).includes('unresolved-reference'), 'the reference to resolve');
    });
});

describe('the trellis.today setting', () => {
    test('changing it while the server runs changes which findings appear', async () => {
        server = await TrellisServer.start(planFiles, { settings: { today } });
        await server.diagnosticsOf('bets.trellis', d => codes(d).includes('overdue-review'), 'overdue-review as of 2027-01-15');

        await server.changeSettings({ today: '2027-01-05' });
        await server.diagnosticsOf('bets.trellis', d => d.length === 0, 'no overdue review as of 2027-01-05');

        await server.changeSettings({ today: '2027-02-20' });
        const later = await server.diagnosticsOf('bets.trellis', d => codes(d).includes('overdue-review'), 'overdue-review as of 2027-02-20');
        expect(later[0].message).toContain('41 days before today (2027-02-20)');
        // Other files are judged against the same day: the overdue review is the only date-bound finding.
        expect(codes(await server.diagnosticsOf('strategy.trellis', () => true))).toEqual(['unlinked-goal']);
    });

    test('a client that announces a change without the settings is asked for them', async () => {
        server = await TrellisServer.start(planFiles, { settings: { today } });
        await server.diagnosticsOf('bets.trellis', d => codes(d).includes('overdue-review'), 'overdue-review as of 2027-01-15');
        const asked = server.configurationRequests.length;
        await server.changeSettings({ today: '2027-01-05' }, 'pull');
        await server.diagnosticsOf('bets.trellis', d => d.length === 0, 'no overdue review as of 2027-01-05');
        expect(server.configurationRequests.length).toBeGreaterThan(asked);
    });

    test('a malformed date is reported to the user, and the system date is used', async () => {
        // A review far in the future: overdue as of the set day, not as of the system date.
        const future = { ...planFiles, 'bets.trellis': bets.replace('during 2027-Q1 .. 2027-Q2', 'during 2099-Q1 .. 2099-Q4').replace('review 2027-01-10', 'review 2099-06-30') };
        server = await TrellisServer.start(future, { settings: { today: '2099-12-31' } });
        await server.diagnosticsOf('bets.trellis', d => codes(d).includes('overdue-review'), 'overdue-review as of 2099-12-31');
        await server.changeSettings({ today: '15/01/2027' });
        await server.until(() => server!.messages.length > 0, () => 'a message about the setting');
        expect(server.messages).toEqual([{
            type: 2,
            message: "Trellis: the setting trellis.today must be a date like 2027-03-15 (it is '15/01/2027'); using the system date.",
        }]);
        await server.diagnosticsOf('bets.trellis', d => !codes(d).includes('overdue-review'), 'no overdue review as of the system date');
    });
});
