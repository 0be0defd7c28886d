#!/usr/bin/env node
/* The English tables of the messages (i18n/en/*.tsv) against the French of the sources.
 *
 * Fails when an English entry does not have the same printf conversions, in the same order, as
 * its French key (the library would print garbage or crash), when a line is malformed, or when
 * one French text is given two different English texts.  Reports (without failing: modules add
 * their own tables) every French format string of src/ that has no English entry: the literals
 * given to eng_note, eng_result_note, eng_fail, errors_add, http_error, i18n_tr, eng_tr,
 * ancre_tr, cli_tr and TR.
 * usage: node tests/i18n/check.js [ROOT]      prints "i18n: N passed, N failed" */
'use strict';
const fs = require('fs');
const path = require('path');

const root = process.argv[2] || path.join(__dirname, '..', '..');
let passed = 0, failed = 0;
const fail = (msg) => { failed++; console.log('FAIL ' + msg); };

/* ---- the tables ---- */
const unescapeTsv = (s) => s.replace(/\\(t|n|\\)/g, (_, c) => (c === 't' ? '\t' : c === 'n' ? '\n' : '\\'));
const CONV = /%(?:\d+\$)?[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|j|z|t|L)?([diouxXeEfFgGaAcspn%])/g;
function conversions(fmt) {
  const out = [];
  for (const m of fmt.matchAll(CONV)) if (m[1] !== '%') out.push(m[0].replace(/^%(\d+\$)?[-+ #0']*(\*|\d+)?(\.(\*|\d+))?/, (x, a, w, p) => '%' + (w === '*' ? '*' : '') + (p === '.*' ? '.*' : '')));
  return out;
}
const dir = path.join(root, 'i18n', 'en');
const table = new Map();
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort() : [];
for (const f of files) {
  const lines = fs.readFileSync(path.join(dir, f), 'utf8').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line || line.startsWith('#')) return;
    const where = f + ':' + (i + 1);
    const tab = line.indexOf('\t');
    if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) return fail(where + ': expected "French<TAB>English"');
    const fr = unescapeTsv(line.slice(0, tab)), en = unescapeTsv(line.slice(tab + 1));
    if (!en.trim()) return fail(where + ': empty English');
    const a = conversions(fr).join(' '), b = conversions(en).join(' ');
    if (a !== b) return fail(where + ': conversions differ: French [' + a + '] English [' + b + ']: ' + JSON.stringify(fr));
    if (table.has(fr) && table.get(fr).en !== en)
      return fail(where + ': ' + JSON.stringify(fr) + ' already translated differently in ' + table.get(fr).where);
    if (!table.has(fr)) table.set(fr, { en, where });
    passed++;
  });
}

/* ---- the French format strings of the sources ---- */
const CALLS = { eng_note: [1], eng_result_note: [1], eng_fail: [3, 4], errors_add: [3, 4], http_error: [3],
  i18n_tr: [1], eng_tr: [1], ancre_tr: [1], cli_tr: [0], TR: [0] };
const PRI = { PRId64: 'ld', PRIu64: 'lu', PRIi64: 'li', PRIx64: 'lx' };
function cUnescape(s) {
  return s.replace(/\\(n|t|"|'|\\|r|0)/g, (_, c) => ({ n: '\n', t: '\t', '"': '"', "'": "'", '\\': '\\', r: '\r', 0: '\0' }[c]));
}
/* The arguments of the call whose '(' is at i: for each, the literal text when it is made of
 * string literals (and PRI macros) only, else null. */
function args(src, i) {
  const out = [];
  let depth = 0, cur = '', literal = true, any = false;
  for (let k = i + 1; k < src.length; k++) {
    const c = src[k];
    if (c === '"') {
      let j = k + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (depth === 0) { cur += cUnescape(src.slice(k + 1, j)); any = true; }
      k = j;
    } else if (c === "'") {
      let j = k + 1;
      while (src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
      k = j;
      if (depth === 0) literal = false;
    } else if (c === '/' && src[k + 1] === '*') {
      k = src.indexOf('*/', k + 2) + 1;
    } else if (c === '/' && src[k + 1] === '/') {
      k = src.indexOf('\n', k);
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      literal = false;
    } else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) { out.push(literal && any ? cur : null); return out; }
      depth--;
    } else if (c === ',' && depth === 0) {
      out.push(literal && any ? cur : null);
      cur = ''; literal = true; any = false;
    } else if (/\s/.test(c)) {
      /* between literals */
    } else if (depth === 0) {
      const m = /^[A-Za-z_]\w*/.exec(src.slice(k));
      if (m && PRI[m[0]]) { cur += PRI[m[0]]; k += m[0].length - 1; } else literal = false;
    }
  }
  return out;
}
function* sources(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.[ch]$/.test(e.name)) yield p;
  }
}
const missing = new Map();
let found = 0;
const callRe = new RegExp('\\b(' + Object.keys(CALLS).join('|') + ')\\s*\\(', 'g');
for (const file of sources(path.join(root, 'src'))) {
  const src = fs.readFileSync(file, 'utf8');
  for (const m of src.matchAll(callRe)) {
    const before = src.slice(Math.max(0, m.index - 30), m.index);
    if (/(void|char \*|define)\s*\**\s*$/.test(before)) continue; /* declarations */
    const a = args(src, m.index + m[0].length - 1);
    for (const n of CALLS[m[1]]) {
      const text = a[n];
      if (text == null || !/[A-Za-zÀ-ÿ]/.test(text.replace(CONV, ''))) continue;
      found++;
      if (table.has(text)) continue;
      const rel = path.relative(root, file);
      if (!missing.has(rel)) missing.set(rel, new Set());
      missing.get(rel).add(text);
    }
  }
}
let nmissing = 0;
for (const [file, set] of missing) {
  console.log('no English entry in ' + file + ':');
  for (const t of set) {
    nmissing++;
    console.log('  ' + t.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));
  }
}
console.log(found + ' French format strings in src/, ' + nmissing + ' without an English entry (reported, not failed); ' + table.size + ' English entries');
console.log('i18n: ' + passed + ' passed, ' + failed + ' failed');
process.exit(failed ? 1 : 0);
