import { describe, expect, test } from 'vitest';
import { buildWorkspace, rangeText } from '../helpers.js';

const teams = `
team platform "Platform" { capacity 8 }
`;

describe('overloaded-team', () => {
    test('fires on the team, in its own file, naming the quarter, the bets and their shares', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': teams,
            'bets.trellis': `
bet sso-v2 { pillar p owner platform 50% during 2027-Q1 }
bet guided-setup { pillar p owner platform 20% during 2027-Q1 }
bet billing { pillar p owner platform 60% during 2027-Q1 }
pillar p { target 100% }
`,
        });
        const found = ws.withCode('overloaded-team');
        expect(found).toHaveLength(1);
        expect(found[0].message).toBe("Team 'platform' is at 130% of capacity in 2027-Q1 (sso-v2 50%, guided-setup 20%, billing 60%); max-load is 100%");
        expect(ws.withCode('overloaded-team', 'teams.trellis')).toHaveLength(1);
        expect(rangeText(ws.documents.get('teams.trellis')!, found[0])).toBe('platform');
    });

    test('does not fire at exactly max-load', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': teams,
            'bets.trellis': `
bet a { pillar p owner platform 50% during 2027-Q1 }
bet b { pillar p owner platform 50% during 2027-Q1 }
pillar p { target 100% }
`,
        });
        expect(ws.withCode('overloaded-team')).toHaveLength(0);
    });

    test('raising an allocation in one file updates the warning on the team in another file', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': teams,
            'bets.trellis': 'pillar p { target 100% }\nbet a { pillar p owner platform 50% during 2027-Q1 }\n',
        });
        expect(ws.withCode('overloaded-team', 'teams.trellis')).toHaveLength(0);
        await ws.edit('bets.trellis', 'pillar p { target 100% }\nbet a { pillar p owner platform 70% during 2027-Q1 }\nbet b { pillar p owner platform 40% during 2027-Q1 }\n');
        expect(ws.withCode('overloaded-team', 'teams.trellis').map(d => d.message)).toEqual([
            "Team 'platform' is at 110% of capacity in 2027-Q1 (a 70%, b 40%); max-load is 100%",
        ]);
        await ws.edit('bets.trellis', 'pillar p { target 100% }\nbet a { pillar p owner platform 70% during 2027-Q1 }\n');
        expect(ws.withCode('overloaded-team', 'teams.trellis')).toHaveLength(0);
    });
});
