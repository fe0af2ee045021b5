// The example page's use of the ES module API (example.html, section 1): choose files or the
// sample, classify them under the chosen preset, show the tiers and the top five customers.

import { classify, classifySample, presets } from './tierlens.js';

const $ = (id) => document.getElementById(id);
const ui = { policy: $('api-policy'), files: $('api-files'), sample: $('api-sample'), status: $('api-status'), tiers: $('api-tiers'), top: $('api-top') };
const integer = new Intl.NumberFormat('en-US');
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** @type {import('./tierlens.js').TierLensResult|null} */
let current = null;

ui.files.addEventListener('change', () => run(() => classify(ui.files.files, ui.policy.value || null, { onProgress })));
ui.sample.addEventListener('click', () => run(() => classifySample(ui.policy.value || null, { onProgress })));

presets().then((list) => {
  for (const { id, name } of list) {
    if (id !== 'rfm_segments') ui.policy.append(new Option(`${id} — ${name}`, id));
  }
}, (error) => { ui.status.textContent = `The presets could not be loaded: ${error.message}`; });

function onProgress(loaded, total) {
  ui.status.textContent = `Reading… ${percent.format(total ? loaded / total : 1)}`;
}

async function run(start) {
  document.body.dataset.api = 'working';
  ui.status.textContent = 'Classifying…';
  try {
    current?.dispose();
    current = await start();
    const { summary } = current;
    ui.status.textContent = `${integer.format(summary.customers)} customers from ${summary.input?.file_name || 'a customers table'}, policy “${summary.policy.name}”.`;
    showTiers(summary.tiers);
    const top = await current.customerRows(0, 5, 'monetary', true);
    ui.top.textContent = top.map((row) => `${row.customer_id}  ${row.customer_name ?? ''}  ${row.monetary}  ${row.tier ?? ''}`).join('\n');
    document.body.dataset.api = 'done';
  } catch (error) {
    ui.status.textContent = `${error.code ?? 'error'}: ${error.message}`;
    document.body.dataset.api = 'error';
  }
}

function showTiers(tiers) {
  const head = ['Tier', 'Customers', 'Share', 'Revenue', 'Share of revenue'];
  ui.tiers.replaceChildren();
  const headRow = ui.tiers.createTHead().insertRow();
  for (const text of head) headRow.append(Object.assign(document.createElement('th'), { textContent: text }));
  const body = ui.tiers.createTBody();
  for (const tier of tiers) {
    const row = body.insertRow();
    row.dataset.tier = tier.name;
    row.insertCell().textContent = tier.name;
    for (const [col, text] of [['customers', integer.format(tier.customers)], ['customer_share', percent.format(tier.customer_share)],
      ['revenue', integer.format(Math.round(tier.revenue))], ['revenue_share', percent.format(tier.revenue_share)]]) {
      const cell = row.insertCell();
      Object.assign(cell, { textContent: text, className: 'number' });
      cell.dataset.col = col;
      cell.dataset.value = String(tier[col]);
    }
  }
  ui.tiers.hidden = false;
}
