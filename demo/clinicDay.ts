import { wallClock, type IanaZone } from '../src/core/time.js';
import type { DemoContext } from './scene.js';
import { scenes } from './scenes/index.js';

const zone = 'America/New_York' as IanaZone;
const day = '2026-11-02';
const context: DemoContext = {
  zone,
  day,
  morning: wallClock(day, 7 * 60 + 30, zone),
  seed: 20261102,
  say: (text) => process.stdout.write(`${text}\n`),
};

const started = performance.now();
context.say(`medoffice: a day at Maple Street Family Practice (${day}, ${zone})`);
context.say('='.repeat(72));
for (const [index, scene] of scenes.entries()) {
  context.say('');
  context.say(`Scene ${index + 1}. ${scene.title}`);
  context.say('-'.repeat(72));
  await scene.play(context);
}
context.say('');
context.say(`The day is done: ${scenes.length} scenes in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
