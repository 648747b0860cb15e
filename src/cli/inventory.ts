import { formatPath, hasErrors, type Issue } from '../core/issue.js';
import { formatCents, parseDollars, type Cents } from '../core/money.js';
import { isIsoDate } from '../core/time.js';
import { planInventory, readItemsCsv, readUsageCsv, type InventoryPlan, type ItemPlan } from '../inventory/index.js';
import { namedItemIds } from '../inventory/namedItemIds.js';
import { commandGroup, ExitCode, parseCommandArgs, usageFailure, type CliCommand } from './command.js';
import { readInputText } from './readInput.js';

const PLAN_USAGE = `Usage: medoffice inventory plan --items items.csv --usage usage.csv --as-of DATE [--budget DOLLARS] [--format text|json|csv]

Plans the supply order: forecasts each item's daily use (method chosen by demand class), sets
safety stock and reorder levels for its service target, works out the inventory position (stock
expiring before use discounted), rounds to packs and minimum orders within shelf life, fits the
order into the budget, and drafts one purchase order per supplier with the reason for every line.
  --items FILE    items CSV: id,name,unit,pack_size,unit_cost,supplier,lead_time_days and optional
                  lead_time_sd_days,minimum_order,shelf_life_days,order_cost,service,service_level,
                  policy,review_days,par_level,seasonal,trend,holding_rate,shortage_cost,
                  criticality,stocked_since,
                  on_hand,on_order,allocated,expiring_quantity,expiring_on
  --usage FILE    usage CSV: item_id,date,quantity (units used that day)
  --as-of DATE    the planning day, YYYY-MM-DD (default: today); usage on or after it is ignored
  --budget N      the money for this order, in dollars
  --format F      text (default), json, or csv (one row per item)
Every bad CSV row is reported with its line and column; the good rows are still planned.
Exit status: 0 planned cleanly, 1 planned but some input rows were bad, 2 bad usage or unreadable
input (a file that cannot be read, or that is empty or lacks a required column, so no row is read).`;

/** CSV issues after which not one row of the file was read. */
const UNREADABLE_FILE = new Set(['csv.empty', 'csv.missing_column', 'csv.duplicate_column']);

/**
 * Takes every `--format` out of the words (parseCommandArgs knows only text and json): as for any
 * other option, the last one given counts, and it is handed back at the front of the words unless
 * it is csv. Words after `--` are operands and left as they are.
 * A last format that is none of the three is returned as `badFormat`.
 */
function extractCsvFormat(argv: readonly string[]): { argv: string[]; csv: boolean; badFormat: string | undefined } {
  const rest: string[] = [];
  let last: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    // After `--` every word is an operand, not an option.
    if (word === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const given = word.startsWith('--format=') ? word.slice('--format='.length) : word === '--format' ? argv[i + 1] : undefined;
    if (given === undefined) {
      rest.push(word);
      continue;
    }
    last = given;
    if (word === '--format') i++;
  }
  if (last === undefined || last === 'csv') return { argv: rest, csv: last === 'csv', badFormat: undefined };
  return { argv: ['--format', last, ...rest], csv: false, badFormat: ['text', 'json'].includes(last) ? undefined : last };
}

const planCommand: CliCommand = {
  name: 'plan',
  summary: 'Plan the supply order from items and usage CSV files',
  usage: PLAN_USAGE,
  run: async (words, io) => {
    const { argv, csv, badFormat } = extractCsvFormat(words);
    if (badFormat !== undefined) return usageFailure(io, 'inventory plan', `--format must be text, json or csv, not '${badFormat}'`, PLAN_USAGE);
    const parsed = parseCommandArgs(argv, { items: { type: 'string' }, usage: { type: 'string' }, 'as-of': { type: 'string' }, budget: { type: 'string' } });
    if (typeof parsed === 'string') return usageFailure(io, 'inventory plan', parsed, PLAN_USAGE);
    if (parsed.help) return (io.out(`${PLAN_USAGE}\n`), ExitCode.ok);
    if (parsed.positionals.length > 0) return usageFailure(io, 'inventory plan', `unexpected '${parsed.positionals[0] ?? ''}': every input is given by an option`, PLAN_USAGE);
    const { items: itemsPath, usage: usagePath, budget } = parsed.values;
    if (typeof itemsPath !== 'string' || typeof usagePath !== 'string') return usageFailure(io, 'inventory plan', 'give --items and --usage', PLAN_USAGE);
    const asOf = typeof parsed.values['as-of'] === 'string' ? parsed.values['as-of'] : io.today();
    if (!isIsoDate(asOf)) return usageFailure(io, 'inventory plan', `--as-of must be a date YYYY-MM-DD, not '${asOf}'`, PLAN_USAGE);
    let budgetCents: Cents | undefined;
    if (typeof budget === 'string') {
      const money = parseDollars(budget, ['budget']);
      if (!money.ok || money.value < 0) return usageFailure(io, 'inventory plan', `--budget must be an amount in dollars, not '${budget}'`, PLAN_USAGE);
      budgetCents = money.value;
    }
    let texts: [string, string];
    try {
      texts = [await readInputText(io, itemsPath), await readInputText(io, usagePath)];
    } catch (error) {
      io.err(`medoffice inventory plan: ${error instanceof Error ? error.message : String(error)}\n`);
      return ExitCode.usage;
    }
    const items = readItemsCsv(texts[0], itemsPath);
    const usage = readUsageCsv(texts[1], namedItemIds(texts[0], itemsPath), asOf, usagePath);
    const planned = new Set<string>(items.items.map((item) => item.id));
    const usageOfPlanned = new Map([...usage.usage].filter(([id]) => planned.has(id)));
    const unreadable = [...items.issues, ...usage.issues].filter((issue) => UNREADABLE_FILE.has(issue.code));
    if (unreadable.length > 0) {
      for (const issue of unreadable) io.err(`${issue.severity} ${issue.code} at ${formatPath(issue.path)}: ${issue.message}\n`);
      return ExitCode.usage;
    }
    const plan = planInventory({ items: items.items, usage: usageOfPlanned, stock: items.stock, paths: items.paths }, budgetCents === undefined ? { asOf } : { asOf, budgetCents });
    const issues = [...items.issues, ...usage.issues, ...plan.issues];
    for (const issue of issues) io.err(`${issue.severity} ${issue.code} at ${formatPath(issue.path)}: ${issue.message}\n`);
    io.out(csv ? csvReport(plan) : parsed.format === 'json' ? `${JSON.stringify(jsonReport(plan, issues), null, 2)}\n` : textReport(plan));
    return hasErrors(issues) ? ExitCode.findings : ExitCode.ok;
  },
};

function jsonReport(plan: InventoryPlan, issues: readonly Issue[]): unknown {
  return {
    asOf: plan.asOf,
    items: plan.plans.map((p) => ({
      itemId: p.itemId,
      supplier: p.supplier,
      status: p.status,
      method: p.forecast.method,
      demandClass: p.forecast.pattern.demandClass,
      perDay: p.forecast.perDay,
      sigmaPerDay: p.forecast.sigmaPerDay,
      spreadKnown: p.forecast.spreadKnown,
      mad: p.forecast.errors.mad,
      rmse: p.forecast.errors.rmse,
      levels: p.levels,
      position: p.position,
      order: p.order,
      costCents: p.costCents,
      reasons: p.reasons,
    })),
    budget: plan.budget === undefined ? null : { budgetCents: plan.budget.budgetCents, spentCents: plan.budget.spentCents, wantedCents: plan.budget.wantedCents, lines: plan.budget.lines },
    purchaseOrders: plan.purchaseOrders,
    issues,
  };
}

const CSV_HEADER = ['item_id', 'supplier', 'status', 'method', 'demand_class', 'per_day', 'safety_stock', 'reorder_point', 'order_up_to', 'position', 'order_quantity', 'packs', 'cost', 'reasons'];

function csvField(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvReport(plan: InventoryPlan): string {
  const rows = plan.plans.map((p) =>
    [p.itemId, p.supplier, p.status, p.forecast.method, p.forecast.pattern.demandClass, p.forecast.perDay, p.levels.safetyStock, p.levels.reorderPoint, p.levels.orderUpTo, p.position.position, p.order.quantity, p.order.packs, formatCents(p.costCents as Cents), p.reasons.map((r) => r.text).join('; ')].map(csvField).join(','),
  );
  return [CSV_HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}

function itemLine(p: ItemPlan): string {
  return `  ${p.itemId.padEnd(18)} ${p.status.padEnd(10)} ${p.forecast.method.padEnd(12)} ${p.forecast.perDay.toFixed(1).padStart(8)}/day  position ${Math.round(p.position.position).toString().padStart(6)}  order ${String(p.order.quantity).padStart(6)} ${p.unit}`;
}

function textReport(plan: InventoryPlan): string {
  const lines = [`Supply plan for ${plan.asOf}: ${plan.plans.length} items`, '', 'Items:', ...plan.plans.map(itemLine), ''];
  if (plan.budget !== undefined) {
    const b = plan.budget;
    lines.push(`Budget ${formatCents(b.budgetCents as Cents)}: wanted ${formatCents(b.wantedCents as Cents)}, spending ${formatCents(b.spentCents as Cents)}`);
    // Every cut item, including one cut to nothing (it has no purchase-order line to show its reason).
    for (const p of plan.plans) {
      const cut = p.reasons.find((reason) => reason.code === 'budget_cut');
      if (cut !== undefined) lines.push(`  ${p.itemId}: ${cut.text}`);
    }
    lines.push('');
  }
  for (const po of plan.purchaseOrders) {
    lines.push(`Purchase order for ${po.supplier}: ${formatCents(po.totalCents as Cents)}`);
    for (const line of po.lines) {
      lines.push(`  ${line.itemId}: ${line.packs} × ${line.packSize} = ${line.quantity} ${line.unit}, ${formatCents(line.lineCents as Cents)}`);
      for (const reason of line.reasons) lines.push(`      - ${reason.text}`);
    }
    lines.push('');
  }
  if (plan.purchaseOrders.length === 0) lines.push('Nothing to order.', '');
  return lines.join('\n');
}

/**
 * The `medoffice inventory` command group: `plan` reads items and usage CSV files and prints the
 * supply order as text, JSON or CSV.
 *
 * @example
 * ```ts
 * await inventoryCommand.run(['plan', '--items', 'items.csv', '--usage', 'usage.csv', '--as-of', '2026-11-02'], io);
 * ```
 */
export const inventoryCommand: CliCommand = commandGroup('inventory', 'Supply forecasts, reorder levels, budgets and purchase orders', [planCommand]);
