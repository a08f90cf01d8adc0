// An organisation's policy, deployed for real in Firefox: the test writes an enterprise
// policies.json (`3rdparty.Extensions.<gecko id>`) into the distribution folder of the Firefox
// it runs, launches it, and checks what users see: the pack and the tone target in the options
// page (locked), the Learn page and the popover. Malformed policies (a file that is not JSON,
// values of the wrong shape) leave the user's own settings in force, the latter with a message.
// Each policies.json lives only for its one test.
// Run alone: node --test tests/e2e/firefox/policy.firefox.mjs (as root, after ./build.sh).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { By } from "selenium-webdriver";
import { startServer, waitFor } from "../harness.mjs";
import { POLICY_DRAFT, cannotWritePolicies, organisationPolicy, uniquePackName } from "../policy-fixture.mjs";
import { addonOrigin, launchFirefox, overlayMarks, popoverText, withFirefoxPolicy } from "./harness.mjs";

const skip = cannotWritePolicies();

/** The user's own settings, stored before the policy is read. */
const USER_SETTINGS = { language: "en-US", activePacks: ["social-essentials"], disabledRules: ["tone.shouting"] };

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.close();
});

/** Launches Firefox while the policy file exists, stores the user's settings, runs `fn`, quits. */
async function withUser(fn) {
  const firefox = await launchFirefox();
  try {
    await firefox.inExtension(async (settings) => chrome.storage.sync.set({ settings }), USER_SETTINGS);
    return await fn(firefox);
  } finally {
    await firefox.close();
  }
}

const storedSettings = (firefox) => firefox.inExtension(async () => (await chrome.storage.sync.get("settings")).settings);

async function openOptions(driver) {
  await driver.get(`${addonOrigin}/options.html`);
  await waitFor(async () => (await driver.findElements(By.css('#pack-list li[data-pack="social-essentials"]'))).length > 0, "the options page");
}

test("a pack, locked switches and a tone target pushed by Firefox policy show in the options page, the Learn page and the popover", { skip }, async () => {
  const name = uniquePackName();
  await withFirefoxPolicy(organisationPolicy(name), () =>
    withUser(async (firefox) => {
      const { driver } = firefox;
      const managed = await firefox.inExtension(async () => chrome.storage.managed.get(null));
      assert.deepEqual(managed.activePacks, [name], "the policy reaches storage.managed");

      await openOptions(driver);
      const li = await driver.findElement(By.css(`#pack-list li[data-pack="${name}"]`));
      assert.equal(await li.getAttribute("data-origin"), "policy");
      assert.match(await li.getText(), /Set by your organisation/);
      const own = await driver.findElement(By.css(`input[name="pack-${name}"]`));
      assert.equal(await own.isSelected(), true, "the organisation's pack is on");
      assert.equal(await own.isEnabled(), false, "and locked");
      const essentials = await driver.findElement(By.css('input[name="pack-social-essentials"]'));
      assert.equal(await essentials.isSelected(), false, "the policy's activePacks replace the user's");
      assert.equal(await essentials.isEnabled(), false, "the switches are locked");
      const preset = await driver.findElement(By.id("tone-preset"));
      assert.equal(await preset.getAttribute("value"), "institutional");
      assert.equal(await preset.isEnabled(), false, "the tone target is locked");
      assert.equal(await driver.findElement(By.id("tone-max-exclamations")).getAttribute("value"), "0");
      assert.equal(await driver.findElement(By.id("language")).isEnabled(), true, "what the policy does not set stays the user's");

      await driver.get(`${addonOrigin}/learn.html`);
      const card = await waitFor(async () => (await driver.findElements(By.css(`article[data-rule="${name}.NoLeverage"]`)))[0], "the pack's rule on the Learn page");
      assert.match(await card.getText(), /Our readers skip corporate verbs\.[\s\S]*We leverage feedback[\s\S]*We use feedback/);
      assert.equal(await driver.findElement(By.css('#tone-target-fields dd[data-field="preset"]')).getText(), "Institutional");
      assert.equal(await driver.findElement(By.css('#tone-target-fields dd[data-field="max_exclamations"]')).getText(), "0");
      assert.equal(await driver.findElement(By.id("tone-target-locked")).isDisplayed(), true, "the tone target is marked as the organisation's");

      await driver.get(`${server.origin}/basic.html`);
      const textarea = await driver.findElement(By.id("ta"));
      await textarea.click();
      await textarea.sendKeys(POLICY_DRAFT);
      const marks = await waitFor(async () => {
        const found = await overlayMarks(driver);
        const rules = found.map((m) => m.rule);
        return rules.includes(`${name}.NoLeverage`) && rules.includes("tone.target.exclamations") && found;
      }, "the pack's rule and the tone target's budget underlined");
      const mark = marks.find((m) => m.rule === `${name}.NoLeverage`);
      await driver.actions().move({ x: Math.round((mark.left + mark.right) / 2), y: Math.round(mark.top - 8) }).click().perform();
      const panel = await waitFor(async () => (await popoverText(driver)).includes("leverage") && popoverText(driver), "the popover");
      assert.match(panel, /Say what you mean instead of 'leverage'\./);
      assert.match(panel, /Our readers skip corporate verbs\./);

      assert.deepEqual(await storedSettings(firefox), USER_SETTINGS, "the policy never overwrites what the user stored");
    }),
  );
});

test("policy values of the wrong shape are ignored with a message, and the user's own settings stay in force", { skip }, async () => {
  const name = uniquePackName();
  // Firefox does not check policies against managed_schema.json: the extension sees these as written.
  const malformed = { activePacks: name, toneTarget: "calm", packs: [{ name, format: "yaml", text: `name: ${name}\nrules: [unclosed` }] };
  await withFirefoxPolicy(malformed, () =>
    withUser(async (firefox) => {
      const { driver } = firefox;
      await openOptions(driver);
      const notice = await driver.findElement(By.id("policy-refused"));
      await waitFor(() => notice.isDisplayed(), "the policy's problem shown");
      assert.match(await notice.getText(), /activePacks, toneTarget/);
      const li = await driver.findElement(By.css(`#pack-list li[data-pack="${name}"]`));
      assert.match(await li.findElement(By.css("p.error")).getText(), /\S/, "the pack's error is shown");
      const essentials = await driver.findElement(By.css('input[name="pack-social-essentials"]'));
      assert.equal(await essentials.isSelected(), true, "the user's packs stay on");
      assert.equal(await essentials.isEnabled(), true, "and unlocked");
      assert.equal(await driver.findElement(By.id("tone-preset")).isEnabled(), true);

      await driver.get(`${server.origin}/basic.html`);
      const textarea = await driver.findElement(By.id("ta"));
      await textarea.click();
      await textarea.sendKeys("Teh launch is tomorow.");
      await waitFor(async () => (await overlayMarks(driver)).filter((m) => m.rule === "spelling.unknown-word").length === 2, "checking goes on");
      assert.deepEqual(await storedSettings(firefox), USER_SETTINGS);
    }),
  );
});

test("a policies.json that is not JSON changes nothing for the user", { skip }, async () => {
  await withFirefoxPolicy(null, () =>
    withUser(async (firefox) => {
      const { driver } = firefox;
      await openOptions(driver);
      assert.equal(await driver.findElement(By.css('input[name="pack-social-essentials"]')).isEnabled(), true);
      assert.equal(await driver.findElement(By.id("policy-refused")).isDisplayed(), false);
      assert.deepEqual(await storedSettings(firefox), USER_SETTINGS);
    }),
  { raw: '{"policies": {"3rdparty": {"Extensions": {' });
});
