import { chromium } from '@playwright/test';
const [url, out, recon] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
await page.goto(url);
await page.waitForTimeout(3000);
if (recon) { await page.getByRole('combobox', { name: 'Reconciliation' }).selectOption(recon); await page.waitForTimeout(1000); }
await page.screenshot({ path: out + '-bridge.png', fullPage: true });
await page.getByRole('tab', { name: 'Pairs' }).click(); await page.waitForTimeout(2500);
await page.screenshot({ path: out + '-pairs.png', fullPage: true });
await page.getByRole('tab', { name: 'Records' }).click(); await page.waitForTimeout(500);
await page.getByRole('tab', { name: 'Bridge' }).click(); await page.waitForTimeout(500);
await page.getByRole('button', { name: /^left matched value/ }).click(); await page.waitForTimeout(2500);
await page.screenshot({ path: out + '-records.png', fullPage: true });
console.log(await page.getByRole('combobox', { name: 'Reconciliation' }).count());
await browser.close();
