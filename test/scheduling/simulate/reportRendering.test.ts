import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { buildSimulationReport } from '../../../src/scheduling/simulate/report/buildReport.js';
import { renderSimulationReport } from '../../../src/scheduling/simulate/report/renderReport.js';

const CHROMIUM = '/usr/bin/chromium';

/** Decodes an 8-bit RGB or RGBA PNG into its pixels (enough for a Chromium screenshot). */
function decodePng(png: Buffer): { width: number; height: number; channels: number; pixels: Uint8Array } {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      channels = body[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= channels ? (pixels[y * stride + x - channels] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] as number) : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

const scenario = {
  sessionMinutes: 240,
  providers: 2,
  classes: {
    new: { service: { kind: 'lognormal', mean: 30, sd: 12 }, noShowProbability: 0.15 },
    followUp: { service: { kind: 'gamma', mean: 15, sd: 6 }, noShowProbability: 0.1 },
  },
  appointments: Array.from({ length: 22 }, (_, i) => ({ minute: i * 10, class: i % 3 === 0 ? 'new' : 'followUp' })),
  walkIns: { perHour: 1, class: 'followUp' },
  urgent: { perHour: 0.5, class: 'followUp' },
};

describe('the HTML report renders in headless Chromium', () => {
  const available = existsSync(CHROMIUM);
  if (!available) process.stdout.write(`report rendering check skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)\n`);

  it.skipIf(!available)('produces a non-blank screenshot', () => {
    const data = buildSimulationReport(scenario, { replications: 2000, seed: 3 });
    if (!data.ok) throw new Error(JSON.stringify(data.issues));
    const dir = mkdtempSync(join(tmpdir(), 'medoffice-report-'));
    try {
      const html = join(dir, 'report.html');
      const shot = join(dir, 'shot.png');
      writeFileSync(html, renderSimulationReport(data.value));
      const run = spawnSync(
        CHROMIUM,
        ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`, '--window-size=1200,2200',
          `--screenshot=${shot}`, `file://${html}`],
        { timeout: 60_000 },
      );
      expect(run.status).toBe(0);
      const { width, height, channels, pixels } = decodePng(readFileSync(shot));
      expect(width).toBe(1200);
      let inked = 0;
      const colours = new Set<number>();
      for (let i = 0; i < width * height; i++) {
        const [r, g, b] = [pixels[i * channels] as number, pixels[i * channels + 1] as number, pixels[i * channels + 2] as number];
        if (r < 235 || g < 235 || b < 235) inked++;
        colours.add((r << 16) | (g << 8) | b);
      }
      expect(inked / (width * height)).toBeGreaterThan(0.02);
      expect(colours.size).toBeGreaterThan(20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
