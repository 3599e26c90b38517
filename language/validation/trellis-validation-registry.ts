// Langium wraps every check in two async functions, so each check of each syntax node cost
// three trips through the microtask queue even though every Trellis check is synchronous:
// for 50k elements (half a million nodes) that was most of the validation time. A
// synchronous check now runs synchronously; an asynchronous one is awaited as before, and
// an error in either is reported exactly as Langium reports it.

import { ValidationRegistry, isOperationCancelled, type ValidationCheck } from 'langium';

export class TrellisValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        const context = 'An error occurred during validation';
        return (node, accept, cancelToken) => {
            let result: unknown;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                if (isOperationCancelled(error)) throw error;
                return this.handleException(() => { throw error; }, context, accept, node);
            }
            return isThenable(result) ? this.handleException(() => result as Promise<void>, context, accept, node) : undefined;
        };
    }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
    return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}
