// The starter plan the walkthrough creates: walkthrough/starter-plan.trellis.txt with its
// periods set from today, so that the plan is current whenever it is created (a review date
// ahead, the bets active this quarter) and shows exactly the one finding the walkthrough
// explains. Plain text work, no VS Code API, so tests can check the plan it gives.

/** `{{this-quarter}}`, `{{next-quarter}}`, `{{in-a-year}}` and `{{review-date}}`, from today. */
export function fillStarterPlan(template: string, today: Date): string {
    const year = today.getFullYear();
    const quarter = Math.floor(today.getMonth() / 3); // 0..3
    const quarterLabel = (offset: number) => {
        const index = year * 4 + quarter + offset;
        return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    };
    // Six weeks ahead: a review to prepare for, not one overdue.
    const review = new Date(year, today.getMonth(), today.getDate() + 42);
    const two = (n: number) => String(n).padStart(2, '0');
    const values: Record<string, string> = {
        'this-quarter': quarterLabel(0),
        'next-quarter': quarterLabel(1),
        'in-a-year': quarterLabel(4),
        'review-date': `${review.getFullYear()}-${two(review.getMonth() + 1)}-${two(review.getDate())}`,
    };
    return template.replace(/\{\{([a-z-]+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** `plan.trellis`, else `plan-2.trellis`, `plan-3.trellis`, ...: the first name not taken. */
export function starterPlanName(taken: (name: string) => boolean): string {
    if (!taken('plan.trellis')) return 'plan.trellis';
    for (let n = 2; ; n++) if (!taken(`plan-${n}.trellis`)) return `plan-${n}.trellis`;
}
