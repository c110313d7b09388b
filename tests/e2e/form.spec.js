// The form as the user works it: every control shows exactly what the answer is computed
// from (links, "Clear all"), and focus stays in the field being typed in, whatever else is
// on the page.
const { test, expect } = require('./aid');

test('choices given with spaces around them (a link, a file) show in their selects, as the answer reads them', async ({ aid, page }) => {
  await aid.open('v=2&age=34&set=r2%20&bm=80&cd19=%20pos&cd22=pos+&reg=eu%20');
  await expect(page.locator('.region-line')).toHaveText('Eligibility by the EU labels.');
  await expect(page.locator('#f-reg')).toHaveValue('eu');
  await expect(page.locator('#f-set')).toHaveValue('r2');
  await expect(page.locator('#f-cd19')).toHaveValue('pos');
  await expect(page.locator('#f-cd22')).toHaveValue('pos');
});

test('"Clear all" empties a field that holds only spaces; spaces typed are kept while typing', async ({ aid, page }) => {
  await aid.open('v=2&age=34');
  const weight = aid.field('Weight (kg)');
  await weight.pressSequentially('   ');
  await expect(weight).toHaveValue('   ');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(weight).toHaveValue('');
  await expect(aid.field('Age (years)')).toHaveValue('');
});

test('focus stays in the field typed in when its element must be replaced (a node added inside it by an extension)', async ({ aid, page }) => {
  await aid.open('v=2&age=34&set=r2&cd19=pos');
  await page.evaluate(() => {
    document.querySelector('#f-wt').after(Object.assign(document.createElement('span'), { className: 'added-by-extension' }));
  });
  const weight = aid.field('Weight (kg)');
  await weight.pressSequentially('7x');
  await expect(page.locator('#e-wt')).toBeVisible();
  await expect(weight).toBeFocused();
  await expect(weight).toHaveValue('7x');
  await weight.press('Backspace');
  await expect(page.locator('#e-wt')).toHaveCount(0);
  await expect(weight).toBeFocused();
  await expect(weight).toHaveValue('7');
});
