import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSteps, step, type Answer, type Steps } from '../../src/records/steps.js';

function* sum(answers: readonly Answer<number>[]): Steps<number> {
  let total = 0;
  for (const answer of answers) total += yield* step(answer);
  return total;
}

describe('runSteps', () => {
  it('finishes synchronously when every answer is a value', () => {
    expect(runSteps(sum([1, 2, 3]))).toBe(6);
  });

  it('waits from the first promise on and still takes later values', async () => {
    const outcome = runSteps(sum([1, Promise.resolve(2), 3, Promise.resolve(4)]));
    expect(outcome).toBeInstanceOf(Promise);
    expect(await outcome).toBe(10);
  });

  it('throws a rejected answer into the generator where it waited', async () => {
    function* guarded(): Steps<string> {
      try {
        yield* step(Promise.reject(new Error('disk full')));
        return 'went on';
      } catch (error) {
        return `caught ${(error as Error).message}`;
      }
    }
    expect(await runSteps(guarded())).toBe('caught disk full');
    await expect(runSteps(sum([Promise.reject(new Error('gone'))]))).rejects.toThrow('gone');
  });

  it('lets a synchronous throw through at once', () => {
    function* broken(): Steps<number> {
      yield* step(1);
      throw new Error('bad');
    }
    expect(() => runSteps(broken())).toThrow('bad');
  });

  describe('properties', () => {
    it('gives the same result for any mix of values and promises', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.boolean()), { maxLength: 20 }), async (items) => {
          const answers = items.map(([n, later]) => (later ? Promise.resolve(n) : n));
          const expected = items.reduce((total, [n]) => total + n, 0);
          expect(await runSteps(sum(answers))).toBe(expected);
          if (items.every(([, later]) => !later)) expect(runSteps(sum(answers))).toBe(expected);
        }),
        { numRuns: 200 },
      );
    });
  });
});
