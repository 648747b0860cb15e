import { createRng } from '../src/core/random.js';
import { compileSampler } from '../src/core/distribution.js';
import { compare, measure } from './harness.js';

// Seeded generator and samplers, each beside the unseeded Math.random doing the same amount of work.
const N = 1_000_000;
let sink = 0;

process.stdout.write('core: random streams and samplers\n');
const rng = createRng(1);
let pass = compare(
  measure('createRng(1).float()', N, () => {
    for (let i = 0; i < N; i++) sink += rng.float();
  }),
  measure('Math.random()', N, () => {
    for (let i = 0; i < N; i++) sink += Math.random();
  }),
  { label: 'uniform floats (53-bit)', minPerSecond: 20_000_000 },
);

const lognormal = compileSampler({ kind: 'lognormal', mean: 15, sd: 7.5 });
pass =
  compare(
    measure('lognormal(15, 7.5) sampler', N, () => {
      for (let i = 0; i < N; i++) sink += lognormal(rng);
    }),
    measure('Box-Muller over Math.random', N, () => {
      for (let i = 0; i < N; i++) {
        const z = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
        sink += Math.exp(2.5968 + 0.4724 * z);
      }
    }),
    { label: 'lognormal service times', minPerSecond: 5_000_000 },
  ) && pass;

const poisson = compileSampler({ kind: 'poisson', mean: 40 });
pass =
  compare(
    measure('poisson(40) by PTRS', N, () => {
      for (let i = 0; i < N; i++) sink += poisson(rng);
    }),
    measure('poisson(40) by multiplying uniforms', N, () => {
      for (let i = 0; i < N; i++) {
        const limit = Math.exp(-40);
        let k = 0;
        let p = Math.random();
        while (p > limit) {
          k++;
          p *= Math.random();
        }
        sink += k;
      }
    }),
    { label: 'Poisson counts at a large mean' },
  ) && pass;

if (sink === 42) process.stdout.write('\n');
process.exitCode = pass ? 0 : 1;
