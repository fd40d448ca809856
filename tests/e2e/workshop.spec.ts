// Workshop mode: a workshop is completed by a test as a trainee would (ready exercise opened by
// its #exercise= link, every question answered, some right and some wrong, each reveal with the
// rule that decided it, the final score); the trainer's flow (a pause point with a question, Copy
// exercise link, the link opened elsewhere shows the question); a malformed link keeps the work;
// axe-core on every workshop view; the README's screenshot docs/screenshots/workshop.png.
// Expected answers come from renewal-cli's traces, not from the app.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  ROOT,
  button,
  download,
  earliestStart,
  expectClock,
  expectMatchesCli,
  field,
  gallery,
  goToTime,
  labelled,
  localToEpoch,
  openDetails,
  openFromGallery,
  openLink,
  parseCsv,
  rfcToEpoch,
  simulateAll,
  tz,
  waitForApp,
  type Scenario,
  type Trace,
} from './lab';

type Question = { kind: string; tier?: string; resource?: string; at?: string };
type Exercise = { format: string; title: string; story?: string; scenario: Scenario; pauses: { at: string; question: Question }[] };

function readyExercise(slug: string): Exercise {
  return JSON.parse(readFileSync(join(ROOT, 'exercises', `${slug}.json`), 'utf8'));
}

function exerciseLink(exercise: Exercise | string): string {
  const text = typeof exercise === 'string' ? exercise : JSON.stringify(exercise);
  return `/#exercise=${Buffer.from(text, 'utf8').toString('base64url')}`;
}

async function expectNoViolations(page: Page, view: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(summary, `axe-core violations on the ${view}`).toEqual([]);
}

/** How the app words each state in an answer. */
const STATE_WORDS: Record<string, string> = {
  available: 'available (in service)',
  expired: 'expired (grace period)',
  frozen: 'frozen (retention period)',
  released: 'released (data deleted)',
};

/** The truth of a question from renewal-cli's trace: the answer as the app words it, and the instant it is revealed. */
function oracle(exercise: Exercise, pauseAt: string, q: Question): { answer: string; date: boolean; reveal: string } {
  const scenario = exercise.scenario;
  const zone = tz(scenario);
  const trace: Trace = simulateAll(scenario)[q.tier ?? scenario.tier];
  const paused = localToEpoch(pauseAt, zone);
  const mine = trace.events.filter((e) => e.resource === q.resource);
  const local = (rfc: string) => rfc.slice(0, 19).replace('T', ' ');
  switch (q.kind) {
    case 'renewal_outcome': {
      const e = mine.find(
        (e) =>
          rfcToEpoch(e.at) > paused &&
          (e.kind === 'auto_renew_attempt' || (e.kind === 'renewed' && e.source === 'manual') || (e.kind === 'action_rejected' && e.action === 'renew')),
      )!;
      const ok = e.kind === 'renewed' || (e.kind === 'auto_renew_attempt' && e.outcome === 'succeeded');
      return { answer: ok ? 'it succeeds' : 'it fails', date: false, reveal: local(e.at) };
    }
    case 'balance_at': {
      // The run cut at the asked time: its final balance counts the hourly charges too.
      const asked = localToEpoch(q.at!, zone);
      const before = <T extends { at?: string; start?: string }>(x: T) => localToEpoch((x.at ?? x.start)!, zone) <= asked;
      const cut = simulateAll({
        ...scenario,
        resources: scenario.resources.filter(before),
        actions: (scenario.actions ?? []).filter(before),
        until: q.at!,
      })[q.tier ?? scenario.tier];
      return { answer: cut.final.balance, date: false, reveal: q.at!.replace('T', ' ') };
    }
    case 'last_auto_renew_attempt': {
      const e = mine.filter((e) => e.kind === 'auto_renew_attempt').pop()!;
      return { answer: e.at.slice(0, 10), date: true, reveal: local(e.at) };
    }
    case 'expiry_date': {
      const asked = localToEpoch(q.at!, zone);
      const e = mine.filter((e) => rfcToEpoch(e.at) <= asked && (e.kind === 'purchased' || e.kind === 'renewed')).pop()!;
      return { answer: e.expires.slice(0, 10), date: true, reveal: q.at!.replace('T', ' ') };
    }
    case 'state_at': {
      const asked = localToEpoch(q.at!, zone);
      let state = '';
      for (const e of mine) {
        if (rfcToEpoch(e.at) > asked) break;
        if (e.kind === 'purchased') state = 'available';
        if (e.kind === 'state_changed') state = e.to;
      }
      return { answer: STATE_WORDS[state], date: false, reveal: q.at!.replace('T', ' ') };
    }
    case 'freeze_date':
    case 'release_date': {
      const to = q.kind === 'freeze_date' ? 'frozen' : 'released';
      const e = mine.find((e) => rfcToEpoch(e.at) > paused && e.kind === 'state_changed' && e.to === to)!;
      return { answer: e.at.slice(0, 10), date: true, reveal: local(e.at) };
    }
    default:
      throw new Error(`no oracle for ${q.kind}`);
  }
}

// Two exercises between them ask every kind of question: auto-renew-retries (outcomes, balances,
// attempts, expiry dates) and refused-acts (refusals, a state, a freeze date).
for (const slug of ['auto-renew-retries', 'refused-acts']) test(`a workshop is completed as a trainee would (${slug}): questions, reveals with their rules, the score`, async ({ page }) => {
  test.setTimeout(240_000);
  const exercise = readyExercise(slug);
  await page.goto(exerciseLink(exercise));
  await waitForApp(page);
  const workshop = page.getByTestId('workshop');
  await expect(workshop).toBeVisible();
  await expect(workshop.getByRole('heading', { name: exercise.title })).toBeVisible();
  const total = exercise.pauses.length;
  const right = exercise.pauses.map((_, i) => i % 2 === 0); // right, wrong, right, wrong
  for (const [i, pause] of exercise.pauses.entries()) {
    const truth = oracle(exercise, pause.at, pause.question);
    await expect(page.getByTestId('workshop-progress')).toHaveText(`Question ${i + 1} of ${total}`);
    await expectClock(page, pause.at.replace('T', ' '));
    await expect(page.getByTestId('workshop-question')).not.toHaveText(/^\s*$/);
    // The lanes and the log show exactly what has happened by the pause point.
    await expectMatchesCli(page, exercise.scenario);
    // What comes next is hidden, never said to be nothing (auto-renew-retries asks for the last
    // attempt while more are to come).
    await expect(page.getByTestId('status-panel')).not.toContainText('no attempt left');
    await expect(page.getByTestId('event-log')).not.toContainText('no further attempt');
    if (i === 0) {
      // Locked: the clock's controls are disabled and say why; its keys are refused, with an
      // announcement, and the clock does not move before the answer.
      for (const name of ['Play', 'Next event', 'Previous event', 'Reset']) {
        await expect(button(page, name)).toBeDisabled();
      }
      await expect(labelled(page, 'Go to time')).toBeDisabled();
      await expect(labelled(page, 'Timeline position')).toBeDisabled();
      // It looks locked too: shaded unlike the Speed beside it, which stays free.
      const shade = (name: string) => labelled(page, name).evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(await shade('Go to time')).not.toEqual(await shade('Speed'));
      // The timeline's range ends at the clock, though the lanes leave a margin after it.
      await expect(page.locator('.tl-range')).toContainText(`→ ${pause.at.replace('T', ' ').slice(0, 16)} ·`);
      await expect(page.getByTestId('clock-locked')).toContainText('locked during the exercise');
      await page.locator('body').press('ArrowRight');
      await expect(page.getByTestId('announcer')).toContainText('locked');
      await expectClock(page, pause.at.replace('T', ' '));
      // Nothing else shows the run past the clock either: no what-if, and the exports and the
      // printed summary are made from what has happened so far.
      await expect(page.getByTestId('what-if')).toHaveCount(0);
      // Nor the gallery's story of the scenario, which tells how it ends.
      await expect(page.getByTestId('headline')).toBeVisible();
      await expect(page.locator('.headline-story')).toHaveCount(0);
      await expect(page.getByTestId('print-summary')).toContainText(`In an exercise, what comes after ${pause.at.replace('T', ' ').slice(0, 16)} is not shown.`);
      await expect(page.getByTestId('print-summary')).not.toContainText('Nothing more happens');
      const asked = localToEpoch(pause.at, tz(exercise.scenario));
      const { bytes } = await download(page, 'Export CSV');
      const [, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => rfcToEpoch(r[1]) > asked), 'rows after the clock').toEqual([]);
      const forecasts = rows.filter((r) =>
        [...r[6].matchAll(/\d{4}-\d\d-\d\d \d\d:\d\d/g)].some((m) => localToEpoch(m[0], tz(exercise.scenario)) > asked));
      expect(forecasts, 'a "next" column naming a later time').toEqual([]);
      // The editor and the act panel are locked too, and say so.
      await expect(field(page, 'Scenario name')).toBeDisabled();
      await expect(page.getByTestId('top-up')).toBeDisabled();
      await expect(page.getByTestId('choose-tier')).toHaveCount(0);
      await expect(page.getByTestId('act-panel')).toContainText('Locked during the exercise');
      // Submitting nothing asks for an answer.
      await button(workshop, 'Submit answer').click();
      await expect(workshop).toContainText('Choose an answer first.');
      // A language switch rewords the problem already shown, as the rest of the page.
      if (i === 0) {
        await page.getByTestId('language').selectOption('zh-CN');
        await expect(workshop.locator('.workshop-problem')).toHaveText('请先选择答案。');
        await page.getByTestId('language').selectOption('en');
        await expect(workshop.locator('.workshop-problem')).toHaveText('Choose an answer first.');
      }
    }
    if (truth.date) {
      const given = right[i] ? truth.answer : nextDay(truth.answer);
      await labelled(workshop, 'Your answer (date)').fill(given);
    } else {
      const radios = workshop.getByRole('radio');
      const names = await radios.evaluateAll((els) => els.map((el) => (el.closest('label')?.textContent ?? '').trim()));
      expect(names).toContain(truth.answer);
      const given = right[i] ? truth.answer : names.find((n) => n !== truth.answer)!;
      await workshop.getByRole('radio', { name: given, exact: true }).check();
    }
    await button(workshop, 'Submit answer').focus();
    await page.keyboard.press('Enter');
    const result = page.getByTestId('workshop-result');
    // The result replaced the form: the focus follows it instead of falling to the page.
    await expect(workshop.locator('.workshop-body')).toBeFocused();
    await expect(result).toHaveAttribute('data-correct', String(right[i]));
    await expect(result).toContainText(`the answer is ${truth.answer}.`);
    await expect(page.getByTestId('workshop-rule')).toContainText(/Decided by §[1-9] /);
    await expect(page.getByTestId('announcer')).toContainText(right[i] ? 'Correct' : 'Incorrect');
    // The clock ran to the reveal: the lanes and the log match renewal-cli there.
    await expectClock(page, truth.reveal);
    await expectMatchesCli(page, exercise.scenario);
    if (i === 1 && slug === 'auto-renew-retries') {
      await expectNoViolations(page, 'workshop reveal');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await workshop.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'workshop.png') });
    }
    await button(workshop, i + 1 === total ? 'See the score' : 'Next question').click();
  }
  const score = right.filter(Boolean).length;
  await expect(page.getByTestId('workshop-score')).toHaveText(`Score: ${score} / ${total}`);
  await expect(page.getByTestId('announcer')).toContainText(`Score: ${score} / ${total}`);
  await expectNoViolations(page, 'workshop score');
  // The clock is free again.
  await expect(page.getByTestId('clock-locked')).toHaveCount(0);
  await expect(labelled(page, 'Timeline position')).toBeEnabled();
  await expect(field(page, 'Scenario name')).toBeEnabled();
  await button(page, 'Reset').click();
  await expectClock(page, earliestStart(exercise.scenario).replace('T', ' '));
  // And the exercise can be run again from its score.
  await button(workshop, 'Start the exercise again').click();
  await expect(page.getByTestId('workshop-progress')).toHaveText(`Question 1 of ${total}`);
  await expectClock(page, exercise.pauses[0].at.replace('T', ' '));
  // Leaving gives the focus to the clock.
  await button(workshop, 'Leave the exercise').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('workshop')).toHaveCount(0);
  await expect(page.getByTestId('play')).toBeFocused();
});

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test('the gallery lists the ready exercises; one opens at its first pause point', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  const items = page.getByTestId('exercise-item');
  await expect(items).toHaveCount(7);
  const exercise = readyExercise('pay-per-use-arrears');
  const item = page.locator('[data-testid="exercise-item"][data-exercise="pay-per-use-arrears"]');
  await expect(item).toHaveAccessibleName(new RegExp(`^${exercise.title}`));
  await expect(item).toContainText(exercise.story!);
  // It says where a trainer makes their own: the lab's panel of that name.
  const panel = 'Workshop: make an exercise from this scenario';
  await expect(page.getByTestId('workshop-make-hint')).toContainText(`“${panel}”`);
  await item.click();
  await expect(page.getByTestId('workshop')).toBeVisible();
  await expectClock(page, exercise.pauses[0].at.replace('T', ' '));
  await expectNoViolations(page, 'workshop question');
  await button(page, 'Leave the exercise').click();
  await expect(page.getByTestId('workshop')).toHaveCount(0);
  await button(page, 'Next event').click();
  await expect(page.getByTestId('clock')).not.toHaveText(exercise.pauses[0].at.replace('T', ' '));
});

test('on a projector at 150% zoom, the next question comes into view with its title, clear of the pinned clock', async ({ page }) => {
  // 1920 × 1080 at 150%: 1280 × 720 CSS pixels, the clock pinned at the top.
  await page.setViewportSize({ width: 1280, height: 720 });
  const exercise = readyExercise('refused-acts');
  await page.goto(exerciseLink(exercise));
  await waitForApp(page);
  const workshop = page.getByTestId('workshop');
  await expect(page.getByTestId('workshop-progress')).toHaveText(`Question 1 of ${exercise.pauses.length}`);
  for (let i = 0; i < 2; i++) {
    const radios = workshop.getByRole('radio');
    if (await radios.count()) await radios.first().check();
    else await labelled(workshop, 'Your answer (date)').fill('2026-01-01');
    await button(workshop, 'Submit answer').click();
    await expect(page.getByTestId('workshop-result')).toBeVisible();
    // Scrolled down to read the reveal: its top just under the pinned clock, the title above
    // out of sight.
    await page.evaluate(() => {
      const bar = document.querySelector('.clock-bar')!.getBoundingClientRect().bottom;
      window.scrollBy(0, document.querySelector('.workshop-body')!.getBoundingClientRect().top - bar - 4);
    });
    await button(workshop, 'Next question').click();
    await expect(page.getByTestId('workshop-progress')).toHaveText(`Question ${i + 2} of ${exercise.pauses.length}`);
    await expect(workshop.locator('.workshop-body')).toBeFocused();
    const [barBottom, headTop] = await page.evaluate(() => [
      document.querySelector('.clock-bar')!.getBoundingClientRect().bottom,
      document.querySelector('.workshop-head')!.getBoundingClientRect().top,
    ]);
    expect(headTop, 'the title and progress below the pinned clock').toBeGreaterThanOrEqual(barBottom);
  }
});

test('an exercise file given to Import JSON opens the exercise', async ({ page }) => {
  const exercise = readyExercise('one-balance-two-packages');
  await openLink(page, gallery('month-end-expiry'));
  await labelled(page, 'Import JSON').setInputFiles({
    name: 'exercise.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exercise)),
  });
  await expect(page.getByTestId('workshop').getByRole('heading', { name: exercise.title })).toBeVisible();
  await expect(page.getByTestId('workshop-progress')).toHaveText(`Question 1 of ${exercise.pauses.length}`);
  await expectClock(page, exercise.pauses[0].at.replace('T', ' '));
  await expect(field(page, 'Scenario name')).toHaveValue(exercise.scenario.name!);
});

test('a reload in the middle of an exercise keeps the trainee where they were, answers and score', async ({ page }) => {
  const exercise = readyExercise('grace-and-retention');
  await page.goto('/');
  await waitForApp(page);
  await page.locator('[data-testid="exercise-item"][data-exercise="grace-and-retention"]').click();
  const workshop = page.getByTestId('workshop');
  // Question 1: a wrong answer; its truth is on screen when the page reloads.
  const truth = oracle(exercise, exercise.pauses[0].at, exercise.pauses[0].question);
  if (truth.date) await labelled(workshop, 'Your answer (date)').fill(nextDay(truth.answer));
  else {
    const names = await workshop.getByRole('radio').evaluateAll((els) => els.map((el) => (el.closest('label')?.textContent ?? '').trim()));
    await workshop.getByRole('radio', { name: names.find((n) => n !== truth.answer)!, exact: true }).check();
  }
  await button(workshop, 'Submit answer').click();
  await expect(page.getByTestId('workshop-result')).toHaveAttribute('data-correct', 'false');
  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('notice')).toContainText(`Exercise restored where you left it: ${exercise.title}.`);
  await expect(page.getByTestId('workshop-result')).toHaveAttribute('data-correct', 'false');
  await expectClock(page, truth.reveal);
  // Question 2 after a reload: still locked at its pause point, nothing past it shown.
  await button(workshop, 'Next question').click();
  await expect(page.getByTestId('workshop-progress')).toHaveText(`Question 2 of ${exercise.pauses.length}`);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('workshop-progress')).toHaveText(`Question 2 of ${exercise.pauses.length}`);
  await expectClock(page, exercise.pauses[1].at.replace('T', ' '));
  await expect(field(page, 'Scenario name')).toBeDisabled();
  await expect(button(workshop, 'Submit answer')).toBeVisible();
});

test('leaving an exercise opened by its link drops the link, so a reload keeps the work', async ({ page }) => {
  const exercise = readyExercise('month-ends');
  await page.goto(exerciseLink(exercise));
  await waitForApp(page);
  await expect(page.getByTestId('workshop')).toBeVisible();
  await button(page, 'Leave the exercise').click();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  await button(page, 'Next event').click();
  const clock = await page.getByTestId('clock').textContent();
  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('workshop')).toHaveCount(0);
  await expect(field(page, 'Scenario name')).toHaveValue(exercise.scenario.name!);
  await expectClock(page, clock!);
});

test('trainer: a question only a package answers offers only packages; a refusal names the panel\'s field', async ({ page }) => {
  await openLink(page, gallery('pay-per-use-arrears'));
  const trainer = page.getByTestId('workshop-trainer');
  await openDetails(trainer);
  const resources = labelled(trainer, 'Question resource').locator('option');
  await labelled(trainer, 'Question kind').selectOption('state_at');
  await expect(resources).toHaveText(['api']);
  // Its only resource is pay-per-use: no expiry date to ask about.
  await labelled(trainer, 'Question kind').selectOption('expiry_date');
  await expect(resources).toHaveCount(0);
  await button(trainer, 'Add pause point').click();
  const report = trainer.getByTestId('workshop-draft-report');
  await expect(report).toContainText('No pause point added: Question resource: api is pay-per-use; “Expiry date at a time” asks about a package.');
  await expect(report).not.toContainText('question.');
  await expect(report).not.toContainText('expiry_date');
  await expect(trainer.getByTestId('workshop-draft-item')).toHaveCount(0);
});

test('trainer: a pause point whose answer an earlier reveal would show is flagged', async ({ page }) => {
  await openLink(page, gallery('renewed-in-retention'));
  const trainer = page.getByTestId('workshop-trainer');
  await openDetails(trainer);
  const ask = async (clock: string, tier: string, asked: string) => {
    await goToTime(page, clock);
    await labelled(trainer, 'Question kind').selectOption('state_at');
    await labelled(trainer, 'Question tier').selectOption(tier);
    await labelled(trainer, 'Asked time').fill(asked);
    await button(trainer, 'Add pause point').click();
  };
  await ask('2026-03-09 00:00:00', 'V3', '2026-04-20T00:00:00');
  await ask('2026-04-05 00:00:00', 'V1', '2026-04-11T12:00:00');
  await expect(trainer.getByTestId('workshop-draft-item')).toHaveCount(2);
  const warning = trainer.getByTestId('workshop-draft-warning');
  await expect(warning).toHaveCount(1);
  await expect(trainer.getByTestId('workshop-draft-item').nth(1)).toContainText(
    'Its answer may show before it is asked: the reveal of pause point 1 runs the clock to 2026-04-20 00:00:00.',
  );
  // Said again where the exercise is handed out, and describing the button.
  const copyWarning = trainer.getByTestId('workshop-copy-warning');
  await expect(copyWarning).toHaveText(
    'Before you copy: an earlier reveal may show an answer before its question is asked. Flagged pause points: 2.',
  );
  await expect(button(trainer, 'Copy exercise link')).toHaveAccessibleDescription(/Flagged pause points: 2\./);
  // Removing the first pause point takes the warning away.
  await trainer.getByRole('button', { name: 'Remove pause point 1' }).click();
  await expect(warning).toHaveCount(0);
  await expect(copyWarning).toHaveCount(0);
});

test('trainer: a pause point with a question, Copy exercise link, the link shows the question', async ({ page, freshContext }) => {
  const scenario = gallery('renewed-in-retention');
  await openLink(page, scenario);
  await goToTime(page, '2026-04-05 00:00:00');
  const trainer = page.getByTestId('workshop-trainer');
  await expect(trainer.locator('summary')).toHaveText('Workshop: make an exercise from this scenario');
  await openDetails(trainer);
  // Without a pause point there is no exercise: said beside the button, not in the banner at the
  // top of the page (far out of view on a phone).
  await button(trainer, 'Copy exercise link').click();
  await expect(trainer.getByTestId('workshop-draft-report')).toContainText('Could not make the exercise link');
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await labelled(trainer, 'Exercise title').fill('When does it freeze?');
  await labelled(trainer, 'Exercise title').blur();
  await labelled(trainer, 'Question kind').selectOption('freeze_date');
  await labelled(trainer, 'Question tier').selectOption('V1');
  await labelled(trainer, 'Question resource').selectOption('ocr');
  await button(trainer, 'Add pause point').click();
  await expect(trainer.getByTestId('workshop-draft-item')).toHaveCount(1);
  await expect(trainer.getByTestId('workshop-draft-item')).toContainText('At 2026-04-05 00:00:00: On which date is ocr (tier V1) frozen next?');
  // A question whose answer is already past is refused, with the reason.
  await labelled(trainer, 'Question kind').selectOption('state_at');
  await labelled(trainer, 'Asked time').fill('2026-04-01T00:00:00');
  await button(trainer, 'Add pause point').click();
  await expect(trainer.getByTestId('workshop-draft-report')).toContainText('No pause point added');
  await expect(trainer.getByTestId('workshop-draft-item')).toHaveCount(1);
  await expectNoViolations(page, 'trainer panel');

  await page.evaluate(() => navigator.clipboard.writeText(''));
  await button(trainer, 'Copy exercise link').click();
  let link = '';
  await expect(async () => {
    link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('#exercise=');
  }).toPass({ timeout: 10_000 });
  await expect(trainer.getByTestId('workshop-draft-report')).toContainText('Exercise link copied');
  // The address still describes the trainer's work: a reload does not open the exercise, and
  // the draft (title and pause points) is autosaved with it.
  expect(page.url()).not.toContain('#exercise=');
  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('workshop')).toHaveCount(0);
  await openDetails(trainer);
  await expect(trainer.getByTestId('workshop-draft-item')).toHaveCount(1);
  await expect(labelled(trainer, 'Exercise title')).toHaveValue('When does it freeze?');
  // The title is saved as it is typed: a reload with the focus still in the field keeps it.
  await labelled(trainer, 'Exercise title').fill('When does it freeze? (V1)');
  await expect(labelled(trainer, 'Exercise title')).toBeFocused();
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('renewal-lab/autosave') ?? ''))
    .toContain('When does it freeze? (V1)');
  await page.reload();
  await waitForApp(page);
  await openDetails(trainer);
  await expect(labelled(trainer, 'Exercise title')).toHaveValue('When does it freeze? (V1)');
  await labelled(trainer, 'Exercise title').fill('When does it freeze?');

  const other = await (await freshContext()).newPage();
  await other.goto(link);
  await waitForApp(other);
  await expect(other.getByTestId('workshop').getByRole('heading', { name: 'When does it freeze?' })).toBeVisible();
  await expect(other.getByTestId('workshop-question')).toHaveText('On which date is ocr (tier V1) frozen next?');
  await expectClock(other, '2026-04-05 00:00:00');
  await labelled(other.getByTestId('workshop'), 'Your answer (date)').fill('2026-04-10');
  await button(other, 'Submit answer').click();
  await expect(other.getByTestId('workshop-result')).toHaveAttribute('data-correct', 'true');
  await expect(other.getByTestId('workshop-rule')).toContainText('§3 states');
  await expectClock(other, '2026-04-10 00:00:00');

  // Another scenario, without that resource: the pause point still says what it asks, and why it
  // no longer fits, at its place in the exercise.
  await openFromGallery(page, 'two-packages-one-balance');
  await openDetails(trainer);
  await expect(trainer.getByTestId('workshop-draft-item')).toContainText(
    'At 2026-04-05 00:00:00: Date it is next frozen; Question tier: V1; Question resource: ocr; pauses[0].question.resource: ');
});

test('a malformed #exercise= link shows a clear error and keeps the current work', async ({ page }) => {
  const scenario = gallery('month-end-expiry');
  await openLink(page, scenario);
  await goToTime(page, '2026-03-01 00:00:00');
  await page.evaluate(() => {
    location.hash = '#exercise=not*base64!';
  });
  const banner = page.getByTestId('error-banner');
  await expect(banner).toContainText('Could not open the exercise link: the link\'s exercise is not base64url text');
  await expect(banner).toContainText('Your current work is unchanged.');
  await expect(field(page, 'Scenario name')).toHaveValue(scenario.name);
  await expectClock(page, '2026-03-01 00:00:00');
  await expect(page.getByTestId('workshop')).toHaveCount(0);
  // A valid exercise document with a question that has no answer names its JSON path.
  const broken = readyExercise('month-ends');
  broken.pauses[0].question.tier = 'V9';
  await page.goto(exerciseLink(broken));
  await waitForApp(page);
  await expect(page.getByTestId('error-banner')).toContainText('pauses[0].question.tier');
  await expectNoViolations(page, 'lab with an exercise link error');
});
