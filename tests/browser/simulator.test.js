// The web simulator in a real browser: headless Chromium (Debian's chromium package) driven by
// playwright-core.  Starts `ancre serve` on a free loopback port, fills the form as a centre
// manager would and checks the figures the page shows against amounts computed by hand from the
// text of the accord (below).  Prints "N passed, N failed".
//
// usage: node simulator.test.js ANCRE_BINARY ROOT_OF_THE_REPOSITORY
'use strict';

const { chromium } = require('playwright-core');
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ancre = path.resolve(process.argv[2] || 'build/ancre');
const root = path.resolve(process.argv[3] || '.');
let passed = 0;
let failed = 0;
function check(cond, what, detail) {
  if (cond) passed++;
  else {
    failed++;
    console.error('FAIL browser: ' + what + (detail !== undefined ? ' (' + detail + ')' : ''));
  }
}

/* The server runs on a store holding the example centre médical (the situation computed below). */
function startServer(db) {
  const national = path.join(root, 'examples/national-2023.json');
  const imp = spawnSync(ancre, ['import', '--db', db, path.join(root, 'examples/centre-medical-2023.json'), '--params', national]);
  if (imp.status !== 0) throw new Error('ancre import failed: ' + imp.stderr);
  return new Promise((resolve, reject) => {
    const child = spawn(ancre, ['serve', '--port', '0', '--db', db, '--params', national], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (d) => {
      if (!/stopped \(signal/.test(String(d))) process.stderr.write(d);
    });
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error('ancre serve exited with ' + code)));
  });
}

/* Fills the form with the situation of the hand computation. */
async function fillScenario(page) {
  const set = async (name, value) => page.fill(`[name="${name}"]`, String(value));
  const tick = async (name, on) => page.setChecked(`[name="${name}"]`, on);
  await page.selectOption('[name="type"]', 'medical');
  await page.selectOption('[name="year"]', '2023');
  await set('adhesion_date', '2016-03-01');
  await set('previous_year_eur', '50000');
  await set('n_ps_salaries', 10);
  await set('etp_ps', 8);
  await set('etp_mg', 5);
  await set('etp_medicaux', 5);
  await set('etp_paramedicaux', 0);
  await set('etp_infirmiers', 0);
  await set('n_mt_31_12', 4000);
  await set('n_ame_2_soins_mg', 0);
  await set('n_mt_ald_or_over75', 1000);
  await set('file_active_mg', 6000);
  await set('n_css_fa', 300);
  await set('n_ame_fa', 0);
  // prerequisites: all four met, full opening (12 h, Saturday morning, no closure)
  await tick('acces_ok', true);
  await set('acces_amplitude', 12);
  await tick('acces_samedi', true);
  await set('acces_semaines', 0);
  await tick('crise_plan', true);
  await tick('crise_actions', false);
  await tick('coordination', true);
  await tick('si_standard', true);
  // concertation: 6 meetings, 50 files for a target of 5 % of 1 000 = 50
  await set('conc_reunions', 6);
  await set('conc_dossiers', 50);
  await tick('conc_cr', true);
  await page.selectOption('[name="conc_mode"]', 'pluripro');
  await set('protocoles', 2);
  await tick('si_avance', true);
  await tick('teleservices', true);
  await tick('codage', true);
}

async function waitReady(page) {
  // a selector, not a function: the page's Content-Security-Policy forbids evaluating strings
  await page.waitForSelector('body[data-ready]:not([data-ready=""])', { state: 'attached', timeout: 15000 });
}

const cents = (page, id) => page.$eval('#' + id, (o) => Number(o.dataset.cents));

/* A parameter document of the national figures the page prefills (examples/national-2023.json,
 * the shipped example), in force for the year: what the page sends with its declaration. */
function nationalFor(year, dir) {
  const doc = JSON.parse(fs.readFileSync(path.join(root, 'examples/national-2023.json'), 'utf8'));
  for (const p of doc.parameters) for (const v of p.values) Object.assign(v, { from: year + '-01-01', to: year + '-12-31' });
  const file = path.join(dir, 'national-' + year + '.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

function cliTotal(declFile, year, dir) {
  const r = spawnSync(ancre, ['compute', '--json', '--params', nationalFor(year, dir), declFile]);
  if (r.status !== 0) return 'CLI: ' + String(r.stderr).slice(0, 300);
  return JSON.parse(String(r.stdout)).total_cents;
}

/* English words that French text does not contain */
const ENGLISH = new Set(('the and of is are was with without not for from by this that which missing expected error errors ' +
  'value values none yes all met achieved paid amount balance advance refund loading submit indicator indicators line lines ' +
  'because must should needed supply computed would').split(' '));
function englishWords(text) {
  return [...new Set(text.toLowerCase().split(/[^a-zà-ÿœ']+/).filter((w) => ENGLISH.has(w)))];
}

async function axeViolations(page, url) {
  const source = fs.readFileSync(path.join(__dirname, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.route(url + '__axe.js', (route) => route.fulfill({ body: source, contentType: 'text/javascript' }));
  await page.addScriptTag({ url: url + '__axe.js' });
  const res = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return res.violations.map((v) => v.id + ' (' + v.nodes.length + ': ' + v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ') + ')');
}

/* For each centre type and every year the page offers: a realistic centre (the example
 * declaration of the type, imported as a manager would), the amounts against the command line on
 * the declaration the page exports, re-import, reload, print, no English, axe-core. */
async function managerChecks(browser, url) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ancre-manager-'));
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error: ' + e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await waitReady(page);
  const examples = { medical: 'centre-medical-2023.json', polyvalent: 'centre-polyvalent-2023.json',
    infirmier: 'centre-infirmier-2023.json', dentaire: 'centre-dentaire-2023.json' };
  const exportDecl = async (name) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-decl')]);
    const file = path.join(dir, name);
    await dl.saveAs(file);
    return file;
  };
  for (const [type, example] of Object.entries(examples)) {
    await page.setInputFiles('#import', path.join(root, 'examples', example));
    await waitReady(page);
    check((await page.inputValue('[name="type"]')) === type, type + ': the imported declaration sets the type');
    const years = await page.$$eval('[name="year"] option', (os) => os.map((o) => o.value));
    const want = type === 'infirmier' || type === 'dentaire' ? ['2022', '2023', '2024', '2025'] : ['2020', '2021', '2022', '2023', '2024', '2025'];
    check(JSON.stringify(years) === JSON.stringify(want), type + ': the years the engine computes are offered', years.join(','));
    for (const year of years) {
      await page.selectOption('[name="year"]', year);
      await waitReady(page);
      const shown = await cents(page, 'total');
      const file = await exportDecl(type + '-' + year + '.json');
      const cli = cliTotal(file, year, dir);
      check(Number.isInteger(shown) && shown === cli && shown > 0, type + ' ' + year + ': the page computes what the CLI computes', shown + ' vs ' + cli);
    }
    // export and re-import: the same declaration, the same amount
    const before = await cents(page, 'total');
    const file = await exportDecl(type + '-again.json');
    await page.selectOption('[name="year"]', years[0]);
    await waitReady(page);
    await page.setInputFiles('#import', file);
    await waitReady(page);
    check((await cents(page, 'total')) === before, type + ': an exported declaration re-imports to the same amount', (await cents(page, 'total')) + ' vs ' + before);
  }
  // an empty field is "non renseigné", never a silent 0: the engine names it next to the field
  await page.setInputFiles('#import', path.join(root, 'examples', 'centre-medical-2023.json'));
  await waitReady(page);
  await page.fill('[name="n_mt_ald_or_over75"]', '');
  await waitReady(page);
  const missing = await page.textContent('#errors');
  check(/non renseigné/.test(missing) && /ALD ou de plus de 75 ans/.test(missing), 'an empty field is reported « non renseigné » in its own words', missing);
  const note = await page.$eval('[name="n_mt_ald_or_over75"]', (el) => (el.closest('label').nextElementSibling || {}).textContent || '');
  check(/non renseigné/.test(note), 'the « non renseigné » message is next to the field', note);
  await page.setInputFiles('#import', path.join(root, 'examples', 'centre-dentaire-2023.json'));
  await waitReady(page);

  // reload: the form and its result come back (the page address holds the situation)
  const total = await cents(page, 'total');
  const name = await page.inputValue('[name="name"]');
  await page.reload();
  await waitReady(page);
  check((await page.inputValue('[name="type"]')) === 'dentaire' && (await page.inputValue('[name="name"]')) === name, 'a reload keeps the form');
  check((await cents(page, 'total')) === total, 'a reload keeps the result', (await cents(page, 'total')) + ' vs ' + total);
  // the address alone restores the situation in another tab
  const address = page.url();
  const other = await browser.newPage();
  await other.goto(address);
  await waitReady(other);
  check((await cents(other, 'total')) === total, 'the page address restores the situation', address.length);
  await other.close();

  // no English in what the page says (the engine's own notes are reported apart)
  const pageText = await page.evaluate(() => {
    const clone = document.body.cloneNode(true);
    for (const n of clone.querySelectorAll('.engine-text, script, [hidden]')) n.remove();
    return clone.innerText;
  });
  const english = englishWords(pageText);
  check(english.length === 0, 'no English word in the page', english.join(', '));
  const notes = await page.$$eval('.engine-text', (ns) => ns.map((n) => n.textContent).join(' '));
  const noteWords = englishWords(notes);
  if (noteWords.length) console.log('browser: note: English words in the engine\'s notes of the rules modules: ' + noteWords.join(', '));

  // print: the result first, on page 1
  await page.emulateMedia({ media: 'print' });
  const top = await page.$eval('#total', (o) => o.getBoundingClientRect().top + window.scrollY);
  const formShown = await page.$eval('#situation', (f) => getComputedStyle(f).display !== 'none');
  check(top < 1000 && !formShown, 'printed, the amounts are on page 1 and the form is left out', top);
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  await page.emulateMedia({ media: 'screen' });
  const count = /\/Type\s*\/Pages[^>]*\/Count (\d+)|\/Count (\d+)/.exec(pdf.toString('latin1'));
  const pages = count ? Number(count[1] || count[2]) : 0;
  check(pdf.length > 1000 && pages >= 1 && pages <= 2, 'the result prints to a PDF of one or two pages', pages);

  // accessibility (WCAG 2.1 AA) at both widths, with an error shown too
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    const v = await axeViolations(page, url);
    check(v.length === 0, 'axe-core finds no violation at ' + width + 'px', v.join('; '));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, 'a centre dentaire: no horizontal scrolling at ' + width + 'px', overflow);
  }
  await page.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ancre-chromium-'));
  const { child, url } = await startServer(path.join(profile, 'store.db'));
  let browser;
  try {
    // a fresh --user-data-dir: playwright passes the profile directory to Chromium itself
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const outside = [];
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
      const page = await browser.newPage();
      await page.setViewportSize(viewport);
      page.on('request', (r) => {
        if (!r.url().startsWith(url)) outside.push(r.url());
      });
      await page.goto(url);
      await waitReady(page);
      await fillScenario(page);
      await waitReady(page);
      const where = ' at ' + viewport.width + 'px';

      // Hand computation (consolidated accord, doc 000; the point is worth 7 €, Art. 13 l. 2730):
      //   patientèle P = 4 000 médecin-traitant patients + 0 AME (Art. 13.1 l. 2775), P / 4 000 = 1
      //   accessibilité 800 (Annexe 1 l. 12466), plan de crise 100 (l. 12649)
      //   concertation 1 000 × P/4 000 × min(1, 50 / (5 % × 1 000)) = 1 000 (Art. 8.3.1.1)
      //   protocoles 800 / 8 × 2 = 200 (l. 13012; max 8, slides 001 l. 159; reading protocoles_points)
      //   coordination 1 000 + 1 700 × 4 000 / 4 000 = 2 700 (Annexe 1 l. 13041-13077)
      //   SI standard 500 + 200 × 10 PS = 2 500 (Annexe 1 l. 13197-13248)
      //   SI avancé 100 (l. 13379)                         bloc principal = 7 400 points
      //   CSS share 300 / 6 000 = 5 % < 9 % national (examples/national-2023.json): no majoration
      //   téléservices 90 (l. 13775), codage 100 (l. 13830)  bloc complémentaire = 190 points
      //   total 7 590 points × 7 € = 53 130,00 €
      //   advance 60 % × 50 000,00 € = 30 000,00 € (Art. 18.1 l. 3317); balance 23 130,00 €
      check((await cents(page, 'total')) === 5313000, 'total 53 130,00 €' + where, await cents(page, 'total'));
      check((await cents(page, 'advance')) === 3000000, 'advance 30 000,00 €' + where, await cents(page, 'advance'));
      check((await cents(page, 'balance')) === 2313000, 'balance 23 130,00 €' + where, await cents(page, 'balance'));
      const shown = (await page.textContent('#total')).replace(/\s/g, ' ');
      check(/53 130,00/.test(shown), 'the total is written in French' + where, shown);
      const coord = await page.textContent('#lines tr[data-id="fonction_coordination"]');
      check(/Art\. 8\.3\.4\.1/.test(coord) && /18\s900,00/.test(coord.replace(/\s/g, ' ')),
        'coordination line: 2 700 points = 18 900,00 € with its article' + where, coord);
      check(/RSF déclenchée/.test(await page.textContent('#gate')), 'the gate says the RSF is triggered' + where);
      check((await page.$$('#chart .bar-row')).length === 9, 'the chart has one bar per paid line' + where,
        (await page.$$('#chart .bar-row')).length);

      // What would add the most (each computed by the engine with the indicator achieved):
      //   missions de santé publique, 2 missions: 700 × P/4 000 = 700 points = +4 900,00 €
      //     (Annexe 1 l. 12495; max 2, Art. 8.2.1 l. 734)
      //   coordination externe: 200 × P/4 000 = 200 points = +1 400,00 € (l. 12926)
      const gain = async (id) => page.$eval(`#opportunities li[data-entry="${id}"]`, (li) => Number(li.dataset.cents)).catch(() => null);
      check((await gain('missions')) === 490000, 'missions would add 4 900,00 €' + where, await gain('missions'));
      check((await gain('coord_ext')) === 140000, 'coordination externe would add 1 400,00 €' + where, await gain('coord_ext'));
      const gains = await page.$$eval('#opportunities li', (lis) => lis.map((li) => Number(li.dataset.cents)));
      check(gains.length > 2 && gains.every((g, i) => i === 0 || gains[i - 1] >= g), 'opportunities sorted by euros' + where, gains.join(','));

      // as you type: one more SI avancé unchecked takes 100 points = 700,00 € off
      await page.setChecked('[name="si_avance"]', false);
      await waitReady(page);
      check((await cents(page, 'total')) === 5243000, 'unchecking SI avancé gives 52 430,00 €' + where, await cents(page, 'total'));
      // the gate (Art. 12, l. 2666-2670): without the fonction de coordination, a prerequisite, the
      // RSF is not triggered: 0 €; the 30 000,00 € advance is then to be paid back (balance
      // -30 000,00 €: reading balance_negative, default "recover")
      await page.setChecked('[name="coordination"]', false);
      await waitReady(page);
      check((await cents(page, 'total')) === 0, 'no coordination: total 0' + where, await cents(page, 'total'));
      check((await cents(page, 'balance')) === -3000000, 'no coordination: balance -30 000,00 €' + where, await cents(page, 'balance'));
      check(/RSF non déclenchée/.test(await page.textContent('#gate')), 'the gate says the RSF is not triggered' + where);
      check(/✗ Fonction de coordination/.test(await page.textContent('#gate')), 'the missing prerequisite is named' + where);
      // what would raise the forfait starts with the gate: meeting the prerequisite restores the
      // whole 52 430,00 € (the total computed just above, SI avancé unchecked)
      const firstIdea = await page.$eval('#opportunities li', (li) => [li.dataset.entry, Number(li.dataset.cents), li.textContent]);
      check(firstIdea[0] === 'gate' && firstIdea[1] === 5243000 && /prérequis/.test(firstIdea[2]),
        'the first proposal is to meet the missing prerequisite, +52 430,00 €' + where, firstIdea.join(' | '));
      check(/30\s000,00\s€ à rembourser/.test((await page.textContent('#balance')).replace(/\s/g, ' ')),
        'a negative balance reads « à rembourser »' + where, await page.textContent('#balance'));
      await page.setChecked('[name="coordination"]', true);
      await waitReady(page);
      // a refused value shows the engine's validation message, not a figure
      await page.fill('[name="n_css_fa"]', '7000');
      await waitReady(page).catch(() => {});
      await page.waitForSelector('#errors:not([hidden])', { timeout: 5000 }).catch(() => {});
      const err = await page.textContent('#errors');
      check(/dont bénéficiaires CSS/.test(err) && !/patients\./.test(err), 'a CSS count above the file active is refused in the field\'s words' + where, err);
      const near = await page.$eval('[name="n_css_fa"]', (el) => el.closest('label').nextElementSibling && el.closest('label').nextElementSibling.className);
      check(near === 'field-error', 'the error is shown next to the field' + where, near);
      check(await page.$eval('#results', (r) => r.classList.contains('stale')), 'the old result is marked as not current' + where);
      check((await page.textContent('#total')).trim() === '—', 'no total while the situation is invalid' + where);

      // a centre of the store: examples/centre-medical-2023.json is the situation computed by hand
      // above (53 130,00 €), declared by its FINESS 750000002
      await page.waitForSelector('#stored-box:not([hidden])', { timeout: 5000 });
      await page.selectOption('#stored', '750000002/2023');
      // the form showed an error just before: its disappearance marks the stored centre computed
      await page.waitForSelector('#errors[hidden]', { state: 'attached', timeout: 5000 });
      await waitReady(page);
      check((await cents(page, 'total')) === 5313000, 'the stored example centre loads with 53 130,00 €' + where, await cents(page, 'total'));
      check((await page.inputValue('[name="name"]')) === 'Centre médical du Canal', 'the stored centre fills the form' + where);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, 'no horizontal scrolling' + where, overflow);
      await page.close();
    }
    check(outside.length === 0, 'nothing fetched from outside the server', outside.join(' '));
    await managerChecks(browser, url);
  } catch (e) {
    failed++;
    console.error('FAIL browser: ' + (e && e.stack ? e.stack : e));
  } finally {
    if (browser) await browser.close();
    child.kill('SIGTERM');
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
