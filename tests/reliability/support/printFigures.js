#!/usr/bin/env node
// Adds up the figure files the reliability, property and security suites wrote (see figures.ts) and prints one
// Markdown table, per suite and in total, ready to paste into docs/reliability.md.
const { readdirSync, readFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const dir = process.env.RELIABILITY_FIGURES_DIR || join(tmpdir(), "bucket-inventory-reliability");
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
const suites = files.map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
const names = [...new Set(suites.flatMap((s) => Object.keys(s.counts)))].sort();
const total = Object.fromEntries(names.map((n) => [n, suites.reduce((sum, s) => sum + (s.counts[n] || 0), 0)]));

const row = (cells) => `| ${cells.join(" | ")} |`;
console.log(row(["suite", ...names]));
console.log(row(["---", ...names.map(() => "---:")]));
for (const s of suites) console.log(row([s.suite, ...names.map((n) => String(s.counts[n] || 0))]));
console.log(row(["**total**", ...names.map((n) => `**${total[n]}**`)]));
